package io.github.apigwddb.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A string member as written in a definition: a plain string, or a CloudFormation intrinsic function
 * (definitions pulled in through {@code AWS::Include} use {@code Fn::Sub}, {@code Fn::GetAtt}, ...).
 *
 * @param text the string, or for {@code Fn::Sub} its template with {@code ${...}} left in place, or for
 *     another intrinsic a readable form such as {@code ${Role.Arn}}
 * @param intrinsic which intrinsic produced it (e.g. {@code Fn::Sub}), null for a plain string
 */
public record SpecValue(String text, String intrinsic) {

    public boolean isIntrinsic() {
        return intrinsic != null;
    }

    /** Reads a member: absent or null gives null; numbers and booleans their text. */
    public static SpecValue of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return new SpecValue(node.asText(), null);
        }
        if (node.isObject() && node.size() == 1) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            Map.Entry<String, JsonNode> only = fields.next();
            String function = only.getKey();
            JsonNode argument = only.getValue();
            switch (function) {
                case "Fn::Sub":
                    JsonNode template = argument.isArray() ? argument.path(0) : argument;
                    return template.isTextual() ? new SpecValue(template.asText(), function) : new SpecValue("${Fn::Sub}", function);
                case "Fn::GetAtt":
                    String target = argument.isArray() ? argument.path(0).asText() + "." + argument.path(1).asText() : argument.asText();
                    return new SpecValue("${" + target + "}", function);
                case "Ref":
                    return new SpecValue("${" + argument.asText() + "}", function);
                default:
                    if (function.startsWith("Fn::")) {
                        return new SpecValue("${" + function + "}", function);
                    }
            }
        }
        return new SpecValue(node.toString(), "structure");
    }
}
