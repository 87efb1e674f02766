package io.github.apigwddb.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One shape of the DynamoDB request model (a trimmed copy of the botocore service model), built once at class
 * initialisation by {@link DynamoDbModel} with the fluent methods below and never changed afterwards.
 */
final class Shape {

    /** JSON kinds a shape can take. ANY accepts every JSON value (members of operations we do not model). */
    enum Kind { STRING, INTEGER, BOOLEAN, LIST, MAP, STRUCTURE, ATTRIBUTE_VALUE, ANY }

    /** What a map of AttributeValues stands for, which decides the extra checks applied to it. */
    enum Role { NONE, KEY, ITEM, START_KEY, EXPRESSION_VALUES }

    /** Shape name as in the service model; used in "Unrecognized collection type class ..." messages. */
    final String name;
    final Kind kind;

    Long min;
    Long max;
    Pattern pattern;
    List<String> enumValues = List.of();
    /** Accept either a table name ({@code [a-zA-Z0-9_.-]{3,255}}) or a DynamoDB table ARN. */
    boolean tableNameOrArn;
    /** Rule id reported when a length constraint fails: DDB004, or DDB010 for batch/transaction sizes. */
    String lengthRuleId = RuleIds.CONSTRAINT;

    final Map<String, Shape> members = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    /** Union structures (WriteRequest, TransactWriteItem): exactly one member must be set. */
    boolean exactlyOneMember;
    String noMemberMessage;
    String manyMembersMessage;

    Shape element;
    Shape mapKey;
    Shape mapValue;
    Role role = Role.NONE;

    private Shape(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    static Shape string(String name) {
        return new Shape(name, Kind.STRING);
    }

    static Shape integer(String name) {
        return new Shape(name, Kind.INTEGER);
    }

    static Shape bool(String name) {
        return new Shape(name, Kind.BOOLEAN);
    }

    static Shape any(String name) {
        return new Shape(name, Kind.ANY);
    }

    static Shape attributeValue() {
        return new Shape("AttributeValue", Kind.ATTRIBUTE_VALUE);
    }

    static Shape list(String name, Shape element) {
        Shape shape = new Shape(name, Kind.LIST);
        shape.element = element;
        return shape;
    }

    static Shape map(String name, Shape key, Shape value) {
        Shape shape = new Shape(name, Kind.MAP);
        shape.mapKey = key;
        shape.mapValue = value;
        return shape;
    }

    static Shape structure(String name) {
        return new Shape(name, Kind.STRUCTURE);
    }

    Shape length(long minimum, long maximum) {
        this.min = minimum;
        this.max = maximum;
        return this;
    }

    Shape minLength(long minimum) {
        this.min = minimum;
        return this;
    }

    Shape maxLength(long maximum) {
        this.max = maximum;
        return this;
    }

    Shape range(long minimum, long maximum) {
        return length(minimum, maximum);
    }

    Shape pattern(String regex) {
        this.pattern = Pattern.compile(regex);
        return this;
    }

    Shape enumOf(String... values) {
        this.enumValues = List.of(values);
        return this;
    }

    Shape tableNameOrArn() {
        this.tableNameOrArn = true;
        return this;
    }

    Shape lengthRule(String ruleId) {
        this.lengthRuleId = ruleId;
        return this;
    }

    Shape role(Role newRole) {
        this.role = newRole;
        return this;
    }

    Shape req(String member, Shape shape) {
        members.put(member, shape);
        required.add(member);
        return this;
    }

    Shape opt(String member, Shape shape) {
        members.put(member, shape);
        return this;
    }

    Shape exactlyOne(String noneMessage, String manyMessage) {
        this.exactlyOneMember = true;
        this.noMemberMessage = noneMessage;
        this.manyMembersMessage = manyMessage;
        return this;
    }

    Set<String> memberNames() {
        return Collections.unmodifiableSet(members.keySet());
    }

    /** The Java type DynamoDB's deserializer names in its SerializationException messages. */
    String javaTypeName() {
        return switch (kind) {
            case STRING -> "java.lang.String";
            case INTEGER -> "java.lang.Integer";
            case BOOLEAN -> "java.lang.Boolean";
            case LIST -> "java.util.List<" + element.javaTypeName() + ">";
            case MAP -> "java.util.Map<" + mapKey.javaTypeName() + ", " + mapValue.javaTypeName() + ">";
            case STRUCTURE, ATTRIBUTE_VALUE -> "com.amazonaws.dynamodb.v20120810." + name;
            case ANY -> "java.lang.Object";
        };
    }
}
