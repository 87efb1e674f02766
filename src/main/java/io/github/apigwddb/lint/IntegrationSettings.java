package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import java.util.List;
import java.util.Set;

/**
 * AGW014 and AGW015: the integration's settings that API Gateway checks against fixed values on import
 * (integration-facts.md §2): {@code timeoutInMillis} from 50 to 29,000 ms, and {@code contentHandling}, on the
 * integration and on each of its responses, one of two names. AGW016: settings of other kinds of integrations. Values left to CloudFormation (intrinsic functions,
 * {@code ${...}} parameters) are not judged.
 */
final class IntegrationSettings {

    static final int MIN_TIMEOUT_MILLIS = 50;
    /** API Gateway's limit; an account can raise it for Regional and private APIs only (quota increase, 2024). */
    static final int MAX_TIMEOUT_MILLIS = 29_000;
    private static final Set<String> CONTENT_HANDLING = Set.of("CONVERT_TO_BINARY", "CONVERT_TO_TEXT");

    private IntegrationSettings() {
    }

    static void check(Integration integration, List<LintIssue> issues) {
        checkOtherKindsOnly(integration, issues);
        checkTimeout(integration, issues);
        String name = integration.writtenName("contentHandling");
        checkContentHandling(integration.node().path("contentHandling"), integration.member("contentHandling"), "The integration's " + name, issues);
        for (IntegrationResponse response : integration.responses()) {
            JsonNode node = integration.node().path("responses").path(response.selectionPattern()).path("contentHandling");
            checkContentHandling(node, JsonPointers.child(response.pointer(), "contentHandling"),
                    "Integration response '" + response.selectionPattern() + "' " + name, issues);
        }
    }

    /**
     * AGW016: members that belong to HTTP APIs or to private HTTP integrations (§2), which a DynamoDB integration of a
     * REST API does not use: copied from another kind of integration, they are at best ignored.
     */
    private static void checkOtherKindsOnly(Integration integration, List<LintIssue> issues) {
        JsonNode node = integration.node();
        for (String member : List.of("integrationSubtype", "payloadFormatVersion")) {
            if (node.has(member)) {
                issues.add(new LintIssue(Rule.AGW016, member + " belongs to HTTP APIs; a DynamoDB integration of a REST API does not"
                        + " use it: remove it", integration.member(member)));
            }
        }
        JsonNode connectionType = node.path("connectionType");
        if (connectionType.isTextual() && "VPC_LINK".equalsIgnoreCase(connectionType.asText())) {
            issues.add(new LintIssue(Rule.AGW016, "connectionType VPC_LINK is for private HTTP integrations, not for an AWS service"
                    + " integration such as DynamoDB's: use INTERNET or leave it out", integration.member("connectionType")));
        } else if (node.has("connectionId")) {
            issues.add(new LintIssue(Rule.AGW016, "connectionId names a VPC link, which only private HTTP integrations use:"
                    + " remove it", integration.member("connectionId")));
        }
        if (node.has("tlsConfig")) {
            issues.add(new LintIssue(Rule.AGW016, "tlsConfig is for HTTP integrations, not for an AWS service integration such as"
                    + " DynamoDB's: remove it", integration.member("tlsConfig")));
        }
    }

    private static void checkTimeout(Integration integration, List<LintIssue> issues) {
        JsonNode timeout = integration.node().path("timeoutInMillis");
        if (timeout.isMissingNode() || timeout.isNull() || leftToCloudFormation(timeout)) {
            return;
        }
        String pointer = integration.member("timeoutInMillis");
        String name = integration.writtenName("timeoutInMillis");
        Long millis = wholeNumber(timeout);
        if (millis == null) {
            issues.add(new LintIssue(Rule.AGW014, name + " " + timeout + " is not a whole number of milliseconds"
                    + " from " + MIN_TIMEOUT_MILLIS + " to " + MAX_TIMEOUT_MILLIS, pointer));
        } else if (millis < MIN_TIMEOUT_MILLIS) {
            issues.add(new LintIssue(Rule.AGW014, name + " " + millis + " is below API Gateway's minimum of "
                    + MIN_TIMEOUT_MILLIS + " ms: \"Timeout should be between 50 ms and 29000 ms\"", pointer));
        } else if (millis > MAX_TIMEOUT_MILLIS) {
            // REST's quota may be raised; a WebSocket API's may not (websocket-facts.md §5)
            issues.add(new LintIssue(Rule.AGW014, name + " " + millis + " is above API Gateway's limit of "
                    + MAX_TIMEOUT_MILLIS + " ms (\"Timeout should be between 50 ms and 29000 ms\")"
                    + (IntegrationExtractor.isWebSocketRoute(integration.operation()) ? ""
                            : "; only a Regional or private API of an account whose integration timeout quota was raised accepts more"), pointer));
        }
    }

    /** A JSON integer, or a string of digits (CloudFormation turns strings into numbers); null for anything else. */
    private static Long wholeNumber(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            return Long.parseLong(value.asText());
        }
        return null;
    }

    private static void checkContentHandling(JsonNode value, String pointer, String owner, List<LintIssue> issues) {
        if (value.isMissingNode() || value.isNull() || leftToCloudFormation(value)) {
            return;
        }
        // compared as passthroughBehavior and type are: whether API Gateway minds the case is not documented
        if (!value.isTextual() || !CONTENT_HANDLING.contains(value.asText().toUpperCase(java.util.Locale.ROOT))) {
            issues.add(new LintIssue(Rule.AGW015, owner + " " + value + " is not CONVERT_TO_BINARY or CONVERT_TO_TEXT:"
                    + " API Gateway refuses it; leave it out to pass the payload through", pointer));
        }
    }

    /** An intrinsic function ({@code {Ref: Timeout}}) or a {@code ${Parameter}} string: known only when deployed. */
    private static boolean leftToCloudFormation(JsonNode value) {
        return value.isObject() || value.isTextual() && value.asText().contains("${");
    }
}
