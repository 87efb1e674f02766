package io.github.apigwddb.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LocalReferences;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Finds every operation of an OpenAPI 3 or Swagger 2 tree and reads its integration, if any. */
public final class IntegrationExtractor {

    public static final String EXTENSION = "x-amazon-apigateway-integration";
    public static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /**
     * On an operation of a document derived from a SAM template: who gives the method the integration it lacks as written
     * (SAM writes a function's Api event into the definition at deployment). Not an OpenAPI member.
     */
    public static final String INTEGRATION_ADDED_BY = "x-apigw-integration-added-by";
    /**
     * Where a document derived from a WebSocket API holds its routes, in place of {@code paths}: route key, then
     * {@link #ROUTE_METHOD}, then the operation. Not an OpenAPI member; only the plugin's derived documents have it.
     */
    public static final String WEBSOCKET_ROUTES = "x-apigw-websocket-routes";
    public static final String ROUTE_METHOD = "x-apigw-route";
    /** The method a WebSocket route's operation has: {@code ROUTE $connect}. */
    public static final String ROUTE_METHOD_NAME = "ROUTE";
    /** The operation member of a WebSocket route that holds its route key. */
    public static final String WEBSOCKET_ROUTE_KEY = "x-apigw-websocket-route-key";
    /** The operation member of a WebSocket route that names the body member its API selects routes by. */
    public static final String WEBSOCKET_ROUTE_SELECTION_MEMBER = "x-apigw-websocket-route-selection-member";
    /**
     * In a WebSocket route's integration: the messages no request template is selected for, when there are any (see
     * {@link WebSocketUnmatched}).
     */
    public static final String WEBSOCKET_UNMATCHED_MESSAGES = "x-apigw-websocket-unmatched-messages";
    /**
     * The operation member of one template of a WebSocket route whose TemplateSelectionExpression reads one member of
     * the message: {@code {member, key, keys}}, the member, this operation's template key and every template key.
     */
    public static final String WEBSOCKET_TEMPLATE_SELECTION = "x-apigw-websocket-template-selection";
    /** In a WebSocket route's integration: its PassthroughBehavior as written, when it sets one. */
    public static final String WEBSOCKET_PASSTHROUGH = "x-apigw-websocket-passthrough";

    private IntegrationExtractor() {
    }

    /** All operations in document order. */
    public static List<ApiOperation> operations(JsonNode root) {
        List<ApiOperation> operations = new ArrayList<>();
        addOperations(root, "paths", operations);
        addOperations(root, WEBSOCKET_ROUTES, operations);
        return operations;
    }

    /** The member names of a path item's operations: {@code get}, ..., {@code trace} and {@code x-amazon-apigateway-any-method}. */
    public static boolean isOperationKey(String key) {
        return METHODS.contains(key) || ANY_METHOD.equals(key);
    }

    /** Whether the operation is a route of a WebSocket API (method {@code ROUTE}, path its route key). */
    public static boolean isWebSocketRoute(ApiOperation operation) {
        return operation.node().has(WEBSOCKET_ROUTE_KEY);
    }

    /** The route key of a WebSocket route's operation ({@code $connect}, {@code send}); empty for another operation. */
    public static String routeKey(ApiOperation operation) {
        return operation.node().path(WEBSOCKET_ROUTE_KEY).asText("");
    }

    /** Whether the operation is a WebSocket route other than {@code $connect}: its requests are messages, without parameters. */
    public static boolean isMessageRoute(ApiOperation operation) {
        return isWebSocketRoute(operation) && !"$connect".equals(routeKey(operation));
    }

    private static void addOperations(JsonNode root, String member, List<ApiOperation> operations) {
        boolean routes = WEBSOCKET_ROUTES.equals(member);
        JsonNode paths = root.path(member);
        Iterator<Map.Entry<String, JsonNode>> entries = paths.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = entry.getKey();
            JsonNode item = entry.getValue();
            if (!item.isObject()) {
                continue;
            }
            String itemPointer = JsonPointers.child("/" + member, path);
            Iterator<Map.Entry<String, JsonNode>> members = item.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> operationEntry = members.next();
                String key = operationEntry.getKey();
                String method = routes ? (ROUTE_METHOD.equals(key) ? ROUTE_METHOD_NAME : null)
                        : METHODS.contains(key) ? key : ANY_METHOD.equals(key) ? "ANY" : null;
                if (method == null || !operationEntry.getValue().isObject()) {
                    continue;
                }
                JsonNode operation = operationEntry.getValue();
                JsonNode id = operation.get("operationId");
                String operationId = id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
                operations.add(new ApiOperation(new OperationRef(method, path, operationId),
                        JsonPointers.child(itemPointer, key), operation, item));
            }
        }
    }

    /** The JSON pointer of the operation's {@code x-amazon-apigateway-integration} member, as written. */
    public static String pointerOf(ApiOperation operation) {
        return JsonPointers.child(operation.pointer(), EXTENSION);
    }

    /** The operation's integration, or null when it has none; a {@code $ref} to another member is not followed. */
    public static Integration integrationOf(ApiOperation operation) {
        return integrationOf(operation, null);
    }

    /**
     * The operation's integration, or null when it has none. A {@code $ref} into the document (an HTTP API's
     * {@code components/x-amazon-apigateway-integrations}, which REST APIs do not resolve: AGW018) is followed, so what
     * it names is checked too; the integration's pointer is then the target's.
     *
     * @param root the definition's root, to follow a {@code $ref}; null not to follow one
     */
    public static Integration integrationOf(ApiOperation operation, JsonNode root) {
        JsonNode node = operation.node().get(EXTENSION);
        if (node == null || !node.isObject()) {
            return null;
        }
        String pointer = pointerOf(operation);
        if (node.has("$ref") && root != null) {
            pointer = LocalReferences.target(root, node);
            node = pointer == null ? null : root.at(pointer);
            if (node == null || !node.isObject()) {
                return null;
            }
        }
        return new Integration(
                operation,
                pointer,
                node,
                SpecValue.of(node.get("type")),
                SpecValue.of(node.get("uri")),
                SpecValue.of(node.get("httpMethod")),
                SpecValue.of(node.get("credentials")),
                SpecValue.of(node.get("passthroughBehavior")),
                templates(node.get("requestTemplates"), JsonPointers.child(pointer, "requestTemplates")),
                responses(node.get("responses"), JsonPointers.child(pointer, "responses")));
    }

    private static List<MappingTemplate> templates(JsonNode templates, String pointer) {
        List<MappingTemplate> result = new ArrayList<>();
        if (templates == null || !templates.isObject()) {
            return result;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = templates.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            SpecValue value = SpecValue.of(entry.getValue());
            if (value == null || isReference(entry.getValue())) {
                continue; // a $ref is no template text: AGW018
            }
            String templatePointer = JsonPointers.child(pointer, entry.getKey());
            if ("Fn::Sub".equals(value.intrinsic())) {
                // Point at the string inside the intrinsic so positions land in the template itself.
                templatePointer = entry.getValue().path("Fn::Sub").isArray()
                        ? templatePointer + "/Fn::Sub/0" : templatePointer + "/Fn::Sub";
            }
            result.add(new MappingTemplate(entry.getKey(), value.text(), templatePointer, value.isIntrinsic()));
        }
        return result;
    }

    /** A {@code $ref} object where text belongs, which API Gateway does not resolve there. */
    public static boolean isReference(JsonNode value) {
        return value != null && value.isObject() && value.size() == 1 && value.has("$ref");
    }

    private static List<IntegrationResponse> responses(JsonNode responses, String pointer) {
        List<IntegrationResponse> result = new ArrayList<>();
        if (responses == null || !responses.isObject()) {
            return result;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = responses.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode response = entry.getValue();
            String responsePointer = JsonPointers.child(pointer, entry.getKey());
            SpecValue status = SpecValue.of(response.get("statusCode"));
            result.add(new IntegrationResponse(entry.getKey(), status == null ? null : status.text(),
                    templates(response.get("responseTemplates"), JsonPointers.child(responsePointer, "responseTemplates")),
                    responsePointer));
        }
        return result;
    }
}
