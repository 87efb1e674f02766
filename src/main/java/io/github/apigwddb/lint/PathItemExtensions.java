package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.validation.RequestValidators;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * AGW019: the API Gateway extensions of a method written on a path item instead of under one of its operations, most
 * often an operation's block indented one level too far left. API Gateway reads {@code x-amazon-apigateway-integration},
 * {@code x-amazon-apigateway-request-validator} and {@code x-amazon-apigateway-auth} on operations only
 * ({@code x-amazon-apigateway-any-method} is one), the validator also at the root (integration-facts.md §1, §8.1); on a
 * path item the import passes over them without a word, and the methods go without: no integration (AGW020), no
 * validation, no authorization.
 */
final class PathItemExtensions {

    private static final List<String> OPERATION_EXTENSIONS = List.of(IntegrationExtractor.EXTENSION, RequestValidators.VALIDATOR,
            "x-amazon-apigateway-auth");

    private PathItemExtensions() {
    }

    static void check(JsonNode root, List<LintIssue> issues) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode item = path.getValue();
            for (String extension : OPERATION_EXTENSIONS) {
                if (item.isObject() && item.has(extension)) {
                    issues.add(new LintIssue(Rule.AGW019, extension + " is written on the path item " + path.getKey() + ", where API"
                            + " Gateway does not read it (it reads it on operations only, x-amazon-apigateway-any-method among them), so"
                            + " its methods are imported without it; " + advice(item, extension),
                            JsonPointers.child(JsonPointers.child("/paths", path.getKey()), extension)));
                }
            }
        }
    }

    /** Where it probably belongs: under the path item's methods that lack their own. */
    private static String advice(JsonNode item, String extension) {
        List<String> methods = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (IntegrationExtractor.isOperationKey(member.getKey()) && member.getValue().isObject()) {
                methods.add(member.getKey() + ":");
                if (!member.getValue().has(extension)) {
                    without.add(member.getKey() + ":");
                }
            }
        }
        String root = RequestValidators.VALIDATOR.equals(extension) ? " (or to the root, for every method of the API)" : "";
        if (methods.isEmpty()) {
            return "the path item has no method: write it under one (get:, post:, ...)" + root;
        }
        if (without.isEmpty()) {
            return "each of its methods (" + String.join(", ", methods) + ") has its own: remove this one, or move it where it was meant" + root;
        }
        return "move it under " + String.join(" or ", without) + (without.size() == 1 ? ", the path item's method without one"
                : ", the path item's methods without one (one copy each)") + root;
    }
}
