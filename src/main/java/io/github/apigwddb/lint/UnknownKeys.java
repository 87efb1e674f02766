package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * AGW017: keys of the integration object and of its responses that API Gateway does not know, and so silently
 * ignores (integration-facts.md §2 and §3). A misspelt {@code requestTemplates} or a template placed directly
 * under a response changes what the API does without any error on import.
 */
final class UnknownKeys {

    /** The members of {@code x-amazon-apigateway-integration}, REST and HTTP APIs (§2). */
    private static final List<String> INTEGRATION_KEYS = List.of("type", "uri", "httpMethod", "credentials", "requestParameters",
            "requestTemplates", "passthroughBehavior", "cacheNamespace", "cacheKeyParameters", "contentHandling", "timeoutInMillis",
            "responses", "connectionType", "connectionId", "tlsConfig", "integrationSubtype", "payloadFormatVersion",
            "responseTransferMode", "integrationTarget");
    /** The members of an integration response: its selection pattern is its key, not a member (§3). */
    private static final List<String> RESPONSE_KEYS = List.of("statusCode", "responseTemplates", "responseParameters", "contentHandling");

    private UnknownKeys() {
    }

    static void check(Integration integration, List<LintIssue> issues) {
        for (String key : unknownKeys(integration.node(), INTEGRATION_KEYS)) {
            issues.add(new LintIssue(Rule.AGW017, "Unknown key '" + key + "' in x-amazon-apigateway-integration: API Gateway ignores it"
                    + hint(key, INTEGRATION_KEYS, "requestTemplates"), JsonPointers.child(integration.pointer(), key)));
        }
        Iterator<Map.Entry<String, JsonNode>> responses = integration.node().path("responses").fields();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> response = responses.next();
            String pattern = response.getKey();
            String pointer = JsonPointers.child(integration.member("responses"), pattern);
            for (String key : unknownKeys(response.getValue(), RESPONSE_KEYS)) {
                issues.add(new LintIssue(Rule.AGW017, "Unknown key '" + key + "' in integration response '" + pattern
                        + "': API Gateway ignores it" + responseHint(key), JsonPointers.child(pointer, key)));
            }
        }
    }

    /** The keys of an object that are neither known nor left to others; none for a value that is no object. */
    private static List<String> unknownKeys(JsonNode object, List<String> known) {
        List<String> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key) && !isLeftToOthers(key)) {
                unknown.add(key);
            }
        });
        return unknown;
    }

    /**
     * Vendor extensions ({@code x-apigw-ignore} may sit on the integration) and CloudFormation functions
     * ({@code Fn::Transform} includes members), which are no typos.
     */
    private static boolean isLeftToOthers(String key) {
        return key.startsWith("x-") || key.startsWith("Fn::") || "Ref".equals(key);
    }

    private static String responseHint(String key) {
        if ("selectionPattern".equalsIgnoreCase(key)) {
            return "; in OpenAPI the response's key is its selection pattern";
        }
        return hint(key, RESPONSE_KEYS, "responseTemplates");
    }

    /** A media type belongs in the templates map; anything else may be a typo of a known key. */
    private static String hint(String key, List<String> known, String templatesKey) {
        if (looksLikeMediaType(key)) {
            return "; a mapping template for " + key + " belongs under " + templatesKey;
        }
        String nearest = Suggestions.nearest(key, known);
        return nearest == null ? "" : "; did you mean '" + nearest + "'?";
    }

    /** type/subtype, as in application/json or text/plain: one slash with a name on both sides. */
    private static boolean looksLikeMediaType(String key) {
        int slash = key.indexOf('/');
        return slash > 0 && slash < key.length() - 1 && key.indexOf('/', slash + 1) < 0 && key.chars().noneMatch(Character::isWhitespace);
    }
}
