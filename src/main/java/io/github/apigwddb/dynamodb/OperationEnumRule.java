package io.github.apigwddb.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DDB005: values the model's enums allow but the operation does not. The Select messages are the wording
 * DynamoDB-compatible emulators reproduce from AWS (dynamodb-facts.md §2.3 gives the rules, not the text).
 */
final class OperationEnumRule implements RequestRule {

    @Override
    public String ruleId() {
        return RuleIds.OPERATION_ENUM;
    }

    @Override
    public void check(String action, ObjectNode request, Violations violations) {
        if (action.equals("PutItem") || action.equals("DeleteItem")) {
            String returnValues = RequestRule.text(request, "ReturnValues");
            if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
                violations.add(ruleId(), RequestPath.ROOT.member("ReturnValues"), "ReturnValues can only be ALL_OLD or NONE");
            }
        }
        if (action.equals("Query") || action.equals("Scan")) {
            checkSelect(request, violations);
        }
    }

    private void checkSelect(ObjectNode request, Violations violations) {
        String select = RequestRule.text(request, "Select");
        if (select == null) {
            return;
        }
        RequestPath path = RequestPath.ROOT.member("Select");
        boolean projection = RequestRule.has(request, "ProjectionExpression");
        boolean attributesToGet = RequestRule.has(request, "AttributesToGet");
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && !RequestRule.has(request, "IndexName")) {
            violations.add(ruleId(), path, "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (select.equals("SPECIFIC_ATTRIBUTES") && !projection && !attributesToGet) {
            violations.add(ruleId(), path,
                    "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (!select.equals("SPECIFIC_ATTRIBUTES") && (projection || attributesToGet)) {
            violations.add(ruleId(), path, "Cannot specify the " + (projection ? "ProjectionExpression" : "AttributesToGet")
                    + " when choosing to get " + select);
        }
    }
}
