package io.github.apigwddb.dynamodb;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DDB012: legacy (non-expression) and expression parameters cannot be mixed in one request (DYN
 * validateExpressionParams; the braces list only the parameters present, in DynamoDB's order).
 * Also applied to each table entry of BatchGetItem, which has AttributesToGet and ProjectionExpression.
 */
final class LegacyExpressionMixRule implements RequestRule {

    private static final List<String> LEGACY = List.of(
            "AttributeUpdates", "AttributesToGet", "QueryFilter", "ScanFilter", "ConditionalOperator", "KeyConditions", "Expected");
    private static final List<String> EXPRESSIONS = List.of(
            "UpdateExpression", "ConditionExpression", "ProjectionExpression", "FilterExpression", "KeyConditionExpression");

    @Override
    public String ruleId() {
        return RuleIds.LEGACY_MIXED;
    }

    @Override
    public void check(String action, ObjectNode request, Violations violations) {
        checkObject(request, RequestPath.ROOT, violations);
        if (action.equals("BatchGetItem") && request.get("RequestItems") instanceof ObjectNode tables) {
            tables.fields().forEachRemaining(entry -> {
                if (entry.getValue() instanceof ObjectNode keysAndAttributes) {
                    checkObject(keysAndAttributes, RequestPath.ROOT.member("RequestItems").key(entry.getKey()), violations);
                }
            });
        }
    }

    private void checkObject(ObjectNode node, RequestPath path, Violations violations) {
        List<String> legacy = present(node, LEGACY);
        List<String> expressions = present(node, EXPRESSIONS);
        if (!legacy.isEmpty() && !expressions.isEmpty()) {
            violations.add(ruleId(), path, "Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + String.join(", ", legacy) + "} "
                    + "Expression parameters: {" + String.join(", ", expressions) + "}");
        }
    }

    private static List<String> present(ObjectNode node, List<String> names) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                found.add(name);
            }
        }
        return found;
    }
}
