package io.github.apigwddb.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.examples.ExampleSource;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a WebSocket route's template gets that a REST template does not (docs/research/websocket-facts.md §1, §6): the
 * {@code $context} of the connection and the route ({@code connectionId}, {@code connectedAt}, {@code routeKey},
 * {@code eventType}, and {@code messageId} for a message), and no body on {@code $connect} and {@code $disconnect},
 * which carry no message. An example's own {@code context} values win.
 */
final class WebSocketMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_TEMPLATE = "$default";
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

    /**
     * Whether the example's message selects another of the route's templates than the one this operation renders
     * (websocket-facts.md §3: the member's value is the key, else {@code $default}); one that selects no template is
     * rendered with each, as before. A made-up message is given this template's key instead (see {@link #asMessageOf}).
     * The message is the one that reaches the route, with the route key in the member routes are selected by: a
     * selection on that same member sees the route key (review: an example without it went to {@code $default}).
     */
    static boolean selectsAnotherTemplate(ApiOperation route, Example example) {
        JsonNode selection = route.node().get(IntegrationExtractor.WEBSOCKET_TEMPLATE_SELECTION);
        if (selection == null || example.source() == ExampleSource.SYNTHESISED) {
            return false;
        }
        Set<String> keys = new HashSet<>();
        selection.path("keys").forEach(key -> keys.add(key.asText()));
        String message = routed(example.body(), route, IntegrationExtractor.routeKey(route));
        String value = memberValue(message, selection.path("member").asText());
        String selected = value != null && keys.contains(value) ? value : keys.contains(DEFAULT_TEMPLATE) ? DEFAULT_TEMPLATE : null;
        return selected != null && !selected.equals(selection.path("key").asText());
    }

    /** The text of a message's top-level member when it is a string, number or boolean; else null. */
    private static String memberValue(String body, String member) {
        try {
            JsonNode value = body == null ? null : JSON.readTree(body).get(member);
            return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A made-up message given the key of the template this operation renders, which it then selects. */
    private static String selectingThisTemplate(String body, ApiOperation route) {
        JsonNode selection = route.node().get(IntegrationExtractor.WEBSOCKET_TEMPLATE_SELECTION);
        String key = selection == null ? DEFAULT_TEMPLATE : selection.path("key").asText();
        if (key.equals(DEFAULT_TEMPLATE) || selection.path("member").equals(route.node().get(IntegrationExtractor.WEBSOCKET_ROUTE_SELECTION_MEMBER))) {
            return body; // a made-up value is no template's key; the member the route is chosen by holds the route key
        }
        try {
            JsonNode message = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            if (!(message instanceof ObjectNode object)) {
                return body;
            }
            object.put(selection.path("member").asText(), key);
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
        if (body != null && example.source() == ExampleSource.SYNTHESISED) {
            body = selectingThisTemplate(body, route);
        }
        return new Example(example.name(), example.source(), body, example.contentType(), example.path(), example.querystring(),
                example.headers(), example.stageVariables(), context, example.dynamodbResponse(), example.expect(), example.file(),
                example.pointer());
    }
}
