package io.github.apigwddb.dynamodb;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.apigwddb.dynamodb.schema.TableSchemas;

/**
 * Validates a rendered DynamoDB request body against the operation's request model and DynamoDB's own
 * validation rules (DDB001–DDB012, DDX001–DDX012). Stateless and thread-safe; build once, call many times.
 */
public final class DynamoDbRequestValidator {

    private final List<RequestRule> rules;
    /** Each rule's name in an internal-error violation, built once rather than on every request. */
    private final List<String> ruleNames;

    public DynamoDbRequestValidator() {
        this(List.of(
                new KeyConditionPresenceRule(),
                new OperationEnumRule(),
                new BatchAndTransactionRule(),
                new ScanSegmentRule(),
                new LegacyExpressionMixRule(),
                new LegacyConditionRule(),
                new ExpressionRule(),
                new PartiQlRule()));
    }

    /** For tests: a validator with the given cross-member rules. */
    DynamoDbRequestValidator(List<RequestRule> rules) {
        this.rules = List.copyOf(rules);
        this.ruleNames = this.rules.stream().map(rule -> rule.ruleId() + " " + rule.getClass().getSimpleName()).toList();
    }

    /**
     * Validates a rendered request body (already parsed as JSON) for the DynamoDB action. Never throws: a
     * failure inside a rule becomes a DDB000 violation naming the rule. Unknown actions yield no violations
     * (see {@link DynamoDbActions#isKnown}).
     */
    public List<RequestViolation> validate(String action, JsonNode request) {
        return validate(action, request, TableSchemas.NONE);
    }

    /**
     * As {@link #validate(String, JsonNode)}, and against the given table definitions (DDB013) when the request
     * is otherwise well-formed enough to compare: the schema check runs after the model and expression checks.
     */
    public List<RequestViolation> validate(String action, JsonNode request, TableSchemas tables) {
        List<RequestViolation> result = new ArrayList<>();
        Shape input = action == null ? null : DynamoDbModel.input(action);
        if (input == null) {
            return result;
        }
        if (!(request instanceof ObjectNode body)) {
            result.add(new RequestViolation(RuleIds.REQUIRED, "", "", "The " + action
                    + " request body must be a JSON object, found " + JsonTypeMessages.describe(request)));
            return result;
        }
        run("request model (DDB001-DDB010)", result, violations ->
                new ShapeValidator(violations).validate(body, input, RequestPath.ROOT));
        for (int i = 0; i < rules.size(); i++) {
            RequestRule rule = rules.get(i);
            run(ruleNames.get(i), result, violations -> rule.check(action, body, violations));
        }
        if (!tables.isEmpty()) {
            run(TableSchemaRule.ID + " TableSchemaRule", result, violations -> new TableSchemaRule(tables, violations, List.copyOf(result)).check(action, body));
        }
        return result;
    }

    private interface Check {
        void run(Violations violations);
    }

    /** Runs one check in isolation so that a bug in it costs only its own findings. */
    private static void run(String name, List<RequestViolation> result, Check check) {
        Violations violations = new Violations();
        try {
            check.run(violations);
            result.addAll(violations.list());
        } catch (RuntimeException | StackOverflowError e) {
            result.addAll(violations.list());
            result.add(new RequestViolation(RuleIds.INTERNAL, "", "", "Internal error in check " + name
                    + " (please report it): " + e));
        }
    }
}
