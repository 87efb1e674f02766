package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MAP015: {@code x-amazon-apigateway-gateway-responses}, the answers API Gateway gives itself (a failed validation, an
 * unknown path, a DynamoDB call it could not make): each key is a response type API Gateway has, each {@code statusCode}
 * a three-digit status, each {@code responseParameters} key a {@code gatewayresponse.header|path|querystring.<name>}
 * (integration-facts.md §8.2). Anything else customises nothing, and may be refused on import.
 */
final class GatewayResponses {

    static final String EXTENSION = "x-amazon-apigateway-gateway-responses";
    /** GatewayResponseType of the API Gateway API. */
    private static final List<String> TYPES = List.of("DEFAULT_4XX", "DEFAULT_5XX", "RESOURCE_NOT_FOUND", "UNAUTHORIZED",
            "INVALID_API_KEY", "ACCESS_DENIED", "AUTHORIZER_FAILURE", "AUTHORIZER_CONFIGURATION_ERROR", "INVALID_SIGNATURE",
            "EXPIRED_TOKEN", "MISSING_AUTHENTICATION_TOKEN", "INTEGRATION_FAILURE", "INTEGRATION_TIMEOUT", "API_CONFIGURATION_ERROR",
            "UNSUPPORTED_MEDIA_TYPE", "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "REQUEST_TOO_LARGE", "THROTTLED",
            "QUOTA_EXCEEDED", "WAF_FILTERED");
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern PARAMETER = Pattern.compile("gatewayresponse\\.(header|path|querystring)\\.[^.\\s]+");

    private GatewayResponses() {
    }

    static void check(JsonNode root, List<LintIssue> issues) {
        JsonNode responses = root.path(EXTENSION);
        String pointer = "/" + JsonPointers.escape(EXTENSION);
        if (!responses.isMissingNode() && !responses.isObject()) {
            issues.add(new LintIssue(Rule.MAP015, EXTENSION + " is not a map of response types to gateway responses", pointer));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String type = entry.getKey();
            String at = JsonPointers.child(pointer, type);
            if (type.startsWith("x-")) {
                continue;
            }
            if (!TYPES.contains(type)) {
                issues.add(new LintIssue(Rule.MAP015, "'" + type + "' is not one of API Gateway's gateway response types: it"
                        + " customises no response, and a value outside the API's enum may be refused on import" + suggestion(type), at));
                continue;
            }
            checkResponse(type, entry.getValue(), at, issues);
        }
    }

    /** The types it begins (BAD_REQUEST: _BODY, _PARAMETERS), else the nearest spelling, else examples. */
    private static String suggestion(String type) {
        List<String> longer = TYPES.stream().filter(known -> known.startsWith(type.toUpperCase(Locale.ROOT) + "_")).toList();
        if (!longer.isEmpty()) {
            return "; did you mean " + String.join(" or ", longer) + "?";
        }
        String nearest = Suggestions.nearest(type, TYPES);
        return nearest == null ? "; types are such as DEFAULT_4XX, BAD_REQUEST_BODY, INTEGRATION_FAILURE" : "; did you mean " + nearest + "?";
    }

    private static void checkResponse(String type, JsonNode response, String pointer, List<LintIssue> issues) {
        JsonNode status = response.path("statusCode");
        if (!status.isMissingNode() && !(status.isValueNode() && STATUS.matcher(status.asText()).matches()) && !status.asText().contains("${")) {
            issues.add(new LintIssue(Rule.MAP015, "Gateway response " + type + ": statusCode " + status + " is not a status from 100 to 599",
                    JsonPointers.child(pointer, "statusCode")));
        }
        String parameters = JsonPointers.child(pointer, "responseParameters");
        for (Iterator<String> keys = response.path("responseParameters").fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!PARAMETER.matcher(key).matches()) {
                String hint = key.startsWith("method.response.") ? "; gateway responses write gatewayresponse.header.<name>, not method.response"
                        : "";
                issues.add(new LintIssue(Rule.MAP015, "Gateway response " + type + ": response parameter '" + key
                        + "' is not gatewayresponse.header|path|querystring.<name>" + hint, JsonPointers.child(parameters, key)));
            }
        }
    }
}
