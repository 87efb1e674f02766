package io.github.apigwddb.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A check that needs more than one member at a time. Runs after the shape walk, on a JSON object body. */
interface RequestRule {

    /** The rule id reported; also named in the internal-error finding if the rule itself fails. */
    String ruleId();

    void check(String action, ObjectNode request, Violations violations);

    /** The member as text when it is a JSON string, else null (type errors are reported by the shape walk). */
    static String text(ObjectNode node, String member) {
        var value = node.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static boolean has(ObjectNode node, String member) {
        var value = node.get(member);
        return value != null && !value.isNull();
    }
}
