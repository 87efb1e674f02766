package io.github.apigwddb.dynamodb.expression;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The expression members of DynamoDB requests and how DynamoDB names them in messages. */
public enum ExpressionKind {
    CONDITION("ConditionExpression", "Condition"),
    FILTER("FilterExpression", "Filter"),
    KEY_CONDITION("KeyConditionExpression", "KeyCondition"),
    UPDATE("UpdateExpression", "Update"),
    PROJECTION("ProjectionExpression", "Projection");

    private final String member;
    private final String label;

    ExpressionKind(String member, String label) {
        this.member = member;
        this.label = label;
    }

    /** The request member holding this kind of expression. */
    public String member() {
        return member;
    }

    /** The prefix DynamoDB puts before messages about this expression. */
    public String prefix() {
        return "Invalid " + label + "Expression: ";
    }

    /** Whether the expression can use {@code :values} (projections cannot). */
    public boolean usesValues() {
        return this != PROJECTION;
    }

    /** Asked for every member of every structure a request has: a lookup, not a scan of values(). */
    private static final Map<String, ExpressionKind> BY_MEMBER =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ExpressionKind::member, kind -> kind));

    public static ExpressionKind ofMember(String member) {
        return member == null ? null : BY_MEMBER.get(member);
    }
}
