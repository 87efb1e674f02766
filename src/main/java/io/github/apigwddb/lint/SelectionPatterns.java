package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.rules.Rule;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * MAP008 and MAP009: the selection patterns of a DynamoDB integration's responses. API Gateway compiles each as a Java
 * regular expression and, for AWS service integrations, matches it against the status code of the service's answer
 * (integration-facts.md §3), so a pattern that does not compile, or that matches none of DynamoDB's statuses (an error
 * name such as {@code .*ConditionalCheckFailed.*}, written as for a Lambda function, or {@code 404}, a status DynamoDB
 * never answers with), never selects its response.
 */
final class SelectionPatterns {

    private static final List<String> DYNAMODB_STATUSES = List.copyOf(IntegrationLinter.DYNAMODB_STATUSES.keySet());

    private SelectionPatterns() {
    }

    static void check(Integration integration, List<LintIssue> issues) {
        for (IntegrationResponse response : integration.responses()) {
            String pattern = response.selectionPattern();
            if (response.isDefault() || pattern == null || pattern.contains("${")) {
                continue;
            }
            // a WebSocket integration response's key holds the pattern, mostly between slashes
            JsonNode writtenKey = integration.node().path("responses").path(pattern).get("x-apigw-written-key");
            String name = writtenKey != null && writtenKey.isTextual() ? "IntegrationResponseKey '" + writtenKey.textValue() + "'"
                    : "Selection pattern '" + pattern + "'";
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                issues.add(new LintIssue(Rule.MAP008, name + " is not a Java regular expression ("
                        + e.getDescription() + " near index " + e.getIndex() + "): API Gateway never selects this response",
                        response.pointer()));
                continue;
            }
            if (DYNAMODB_STATUSES.stream().noneMatch(status -> IntegrationLinter.matches(pattern, status))) {
                issues.add(new LintIssue(Rule.MAP009, name + " matches none of the statuses DynamoDB answers with ("
                        + String.join(", ", DYNAMODB_STATUSES) + "), so this response is never selected" + hint(pattern), response.pointer()));
            }
        }
    }

    private static String hint(String pattern) {
        // letters outside escapes such as \d: words, as Lambda error messages are matched
        if (pattern.replaceAll("\\\\.", "").chars().anyMatch(Character::isLetter)) {
            return ": for an AWS service integration API Gateway matches the HTTP status, not the error's name (that is for"
                    + " Lambda functions); DynamoDB answers errors with 400 or 500 (503 when it is unavailable)";
        }
        if (pattern.matches("\\d{3}")) {
            return ": DynamoDB answers a missing item with 200 and no Item, and errors with 400 or 500 (503 when it is unavailable)";
        }
        return "";
    }
}
