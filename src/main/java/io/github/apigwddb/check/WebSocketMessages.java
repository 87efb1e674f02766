package io.github.apigwddb.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a WebSocket route's template gets that a REST template does not (docs/research/websocket-facts.md §1, §6): the
 * {@code $context} of the connection and the route ({@code connectionId}, {@code connectedAt}, {@code routeKey},
 * {@code eventType}, and {@code messageId} for a message), and no body on {@code $connect} and {@code $disconnect},
 * which carry no message. An example's own {@code context} values win.
 */
final class WebSocketMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The engine's default {@code $context} members that WebSocket templates do not have (websocket-facts.md §1). */
    private static final List<String> REST_ONLY_CONTEXT = List.of("resourceId", "resourcePath", "httpMethod", "path", "accountId",
            "protocol", "domainPrefix", "deploymentId");

    private WebSocketMessages() {
    }

    /**
     * The message with the member the API selects routes by set to the route key, as every message that reaches the
     * route has it; unchanged when the body is no JSON object, or the route is reached otherwise.
     */
    private static String routed(String body, ApiOperation route, String routeKey) {
        JsonNode member = route.node().get(IntegrationExtractor.WEBSOCKET_ROUTE_SELECTION_MEMBER);
        if (member == null || routeKey.startsWith("$")) {
            return body;
        }
        try {
            JsonNode message = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            if (!(message instanceof ObjectNode object)) {
                return body;
            }
            object.put(member.asText(), routeKey);
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    static Example asMessageOf(ApiOperation route, Example example) {
        String routeKey = IntegrationExtractor.routeKey(route);
        String eventType = switch (routeKey) {
            case "$connect" -> "CONNECT";
            case "$disconnect" -> "DISCONNECT";
            default -> "MESSAGE";
        };
        Map<String, Object> context = new LinkedHashMap<>();
        // what only REST templates have renders empty, as VTL003 says (the engine's defaults are a REST request's)
        for (String restOnly : REST_ONLY_CONTEXT) {
            context.put(restOnly, null);
        }
        context.put("connectionId", "AbCdEfGhIjKlMnO=");
        context.put("connectedAt", 1735689600000L);
        context.put("routeKey", routeKey);
        context.put("eventType", eventType);
        if ("MESSAGE".equals(eventType)) {
            context.put("messageId", "AbCdEfGhIjKlMnP=");
        }
        context.putAll(example.context());
        String body = "MESSAGE".equals(eventType) ? routed(example.body(), route, routeKey) : null;
        return new Example(example.name(), example.source(), body, example.contentType(), example.path(), example.querystring(),
                example.headers(), example.stageVariables(), context, example.dynamodbResponse(), example.expect(), example.file(),
                example.pointer());
    }
}
