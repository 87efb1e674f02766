package io.github.apigwddb.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.spec.DocumentParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a hostile render into the same tree as {@link DocumentParser#parse} builds, without the source map
 * that the probe needs only for the rare finding. It answers only for a well-formed JSON document without
 * duplicate keys and gives up (null) on anything else: then the full parser decides, with its messages,
 * positions and duplicate keys, so both routes report the same.
 */
final class RenderedJson {

    /** Far shallower than the full parser's limit, so this reader never accepts what that one refuses. */
    private static final int MAX_NESTING = 100;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    private RenderedJson() {
    }

    /** The tree of {@code text}, or null when the full parser must read it. Thread-safe. */
    static JsonNode readOrNull(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            JsonNode root = read(parser, token);
            return root == null || parser.nextToken() != null ? null : root;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Iterative, as the full parser's tree builder, with the same node for every scalar; null on a duplicate key. */
    private static JsonNode read(JsonParser parser, JsonToken first) throws IOException {
        Deque<JsonNode> open = new ArrayDeque<>();
        JsonNode root = null;
        String fieldName = null;
        for (JsonToken token = first; token != null; token = parser.nextToken()) {
            switch (token) {
                case FIELD_NAME -> {
                    fieldName = parser.currentName();
                    if (open.peek().has(fieldName)) {
                        return null;
                    }
                }
                case START_OBJECT, START_ARRAY -> {
                    JsonNode container = token == JsonToken.START_OBJECT
                            ? JsonNodeFactory.instance.objectNode()
                            : JsonNodeFactory.instance.arrayNode();
                    attach(open.peek(), fieldName, container);
                    if (root == null) {
                        root = container;
                    }
                    open.push(container);
                }
                case END_OBJECT, END_ARRAY -> {
                    open.pop();
                    if (open.isEmpty()) {
                        return root;
                    }
                }
                default -> {
                    JsonNode scalar = scalar(parser, token);
                    if (open.isEmpty()) {
                        return scalar;
                    }
                    attach(open.peek(), fieldName, scalar);
                }
            }
        }
        return null;
    }

    private static void attach(JsonNode parent, String fieldName, JsonNode node) {
        if (parent instanceof ObjectNode object) {
            object.set(fieldName, node);
        } else if (parent instanceof ArrayNode array) {
            array.add(node);
        }
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (token) {
            case VALUE_STRING -> f.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> f.numberNode(parser.getIntValue());
                case LONG -> f.numberNode(parser.getLongValue());
                default -> f.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> f.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> f.textNode(parser.getText());
        };
    }
}
