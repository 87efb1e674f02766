package io.github.apigwddb.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** DDB001: a Query needs a key condition, in either form. */
final class KeyConditionPresenceRule implements RequestRule {

    @Override
    public String ruleId() {
        return RuleIds.REQUIRED;
    }

    @Override
    public void check(String action, ObjectNode request, Violations violations) {
        if (action.equals("Query") && !RequestRule.has(request, "KeyConditions")
                && !RequestRule.has(request, "KeyConditionExpression")) {
            violations.add(ruleId(), RequestPath.ROOT,
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
    }
}
