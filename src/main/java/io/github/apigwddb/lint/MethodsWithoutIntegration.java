package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Rule;
import java.util.List;

/**
 * AGW020: an operation without {@code x-amazon-apigateway-integration} in a definition that has integrations elsewhere,
 * so one imported into API Gateway. The REST API import makes every operation a method, and one without integration is
 * only a warning there, but every deployment of the API then fails with "No integration defined for method"
 * (integration-facts.md §7): an error. Left alone: a method SAM gives an integration at deployment (a function's Api
 * event: {@link IntegrationExtractor#INTEGRATION_ADDED_BY}), and HTTP APIs, whose routes may go
 * without one. WebSocket routes are not linted here.
 */
final class MethodsWithoutIntegration {

    /** Root members and integration settings that only HTTP APIs have (integration-facts.md §2, §8.4). */
    private static final List<String> HTTP_API_ROOT = List.of("x-amazon-apigateway-cors", "x-amazon-apigateway-importexport-version");
    private static final List<String> HTTP_API_INTEGRATION = List.of("payloadFormatVersion", "integrationSubtype");

    private MethodsWithoutIntegration() {
    }

    static void check(JsonNode root, List<LintIssue> issues) {
        List<ApiOperation> operations = IntegrationExtractor.operations(root);
        if (httpApi(root, operations) || operations.stream().noneMatch(MethodsWithoutIntegration::integrated) && !onPathItem(root)) {
            return;
        }
        for (ApiOperation operation : operations) {
            if (integrated(operation) || operation.node().has(IntegrationExtractor.INTEGRATION_ADDED_BY)) {
                continue;
            }
            String why = operation.pathItem().has(IntegrationExtractor.EXTENSION)
                    ? "; the x-amazon-apigateway-integration written on its path item (AGW019) probably belongs here"
                    : !"ANY".equals(operation.method()) && operation.pathItem().has(IntegrationExtractor.ANY_METHOD)
                            ? "; the path item's x-amazon-apigateway-any-method does not cover a method the path item names itself"
                            : "";
            issues.add(new LintIssue(Rule.AGW020, "The operation has no x-amazon-apigateway-integration: API Gateway's import makes"
                    + " it a method without integration (a warning), and every deployment of the API then fails with"
                    + " \"No integration defined for method\"" + why + ". Give it an integration (type mock for a placeholder), or"
                    + " leave the operation out of the definition", operation.pointer(), operation.ref()));
        }
    }

    private static boolean integrated(ApiOperation operation) {
        JsonNode integration = operation.node().get(IntegrationExtractor.EXTENSION);
        return integration != null && !integration.isNull();
    }

    private static boolean onPathItem(JsonNode root) {
        for (JsonNode item : root.path("paths")) {
            if (item.has(IntegrationExtractor.EXTENSION)) {
                return true;
            }
        }
        return false;
    }

    private static boolean httpApi(JsonNode root, List<ApiOperation> operations) {
        if (HTTP_API_ROOT.stream().anyMatch(root::has)) {
            return true;
        }
        // on a REST API's own aws integration such a setting is a slip (AGW016), not a sign
        return operations.stream().map(operation -> operation.node().path(IntegrationExtractor.EXTENSION))
                .filter(integration -> !"aws".equalsIgnoreCase(integration.path("type").asText()))
                .anyMatch(integration -> HTTP_API_INTEGRATION.stream().anyMatch(integration::has));
    }
}
