package io.github.apigwddb.integration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The messages of a WebSocket route that no request template is selected for, as the route's derived integration
 * records them ({@link IntegrationExtractor#WEBSOCKET_UNMATCHED_MESSAGES}), and what API Gateway does with them.
 *
 * @param messages which messages, as a phrase: "every message (...)", "a message whose ... is none of ..."
 * @param everyMessage whether no message gets a template
 * @param noTemplates whether the integration has no request templates at all
 * @param behavior the integration's PassthroughBehavior, upper case; WHEN_NO_MATCH when it sets none
 * @param written whether the integration sets it
 * @param pointer where a finding on them points: the PassthroughBehavior written, else the TemplateSelectionExpression,
 *     else the integration
 * @param reported whether findings on them belong to this operation: the first of the route's (one per template)
 */
public record WebSocketUnmatched(String messages, boolean everyMessage, boolean noTemplates, String behavior, boolean written,
        String pointer, boolean reported) {

    /** The values API Gateway takes (CloudFormation refuses others). */
    public static final java.util.Set<String> BEHAVIORS = java.util.Set.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER");

    /** The route's unmatched messages, or null when every message gets a template (or it is no WebSocket route). */
    public static WebSocketUnmatched of(Integration integration) {
        JsonNode node = integration.node().get(IntegrationExtractor.WEBSOCKET_UNMATCHED_MESSAGES);
        if (node == null || !node.isObject()) {
            return null;
        }
        String at = integration.member(IntegrationExtractor.WEBSOCKET_UNMATCHED_MESSAGES);
        boolean written = node.path("written").asBoolean();
        String pointer = written ? at + "/passthroughBehavior"
                : node.has("selection") ? at + "/selection" : integration.pointer();
        return new WebSocketUnmatched(node.path("messages").asText(), node.path("everyMessage").asBoolean(),
                node.path("noTemplates").asBoolean(), node.path("passthroughBehavior").asText("WHEN_NO_MATCH"), written, pointer,
                node.path("reported").asBoolean(true));
    }

    /** Whether they reach DynamoDB untransformed: WHEN_NO_MATCH, or WHEN_NO_TEMPLATES when there are no templates. */
    public boolean passes() {
        return "WHEN_NO_MATCH".equals(behavior) || "WHEN_NO_TEMPLATES".equals(behavior) && noTemplates;
    }

    /** The behavior as a message says it: "PassthroughBehavior WHEN_NO_MATCH, the default" when unset. */
    public String behaviorSaid() {
        return "PassthroughBehavior " + behavior + (written ? "" : ", the default");
    }
}
