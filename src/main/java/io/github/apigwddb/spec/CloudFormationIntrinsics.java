package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** Recognises CloudFormation's intrinsic function objects ({@code {"Ref": x}}, {@code {"Fn::Sub": x}}) in any document. */
public final class CloudFormationIntrinsics {

    private CloudFormationIntrinsics() {
    }

    /** The intrinsic function an object is, or null. {@code Fn::Transform} is left to the caller (it includes files). */
    public static String functionOf(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return null;
        }
        String key = node.fieldNames().next();
        if ("Ref".equals(key) || key.startsWith("Fn::") && !"Fn::Transform".equals(key)) {
            return key;
        }
        return null;
    }
}
