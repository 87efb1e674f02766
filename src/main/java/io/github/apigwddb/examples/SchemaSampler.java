package io.github.apigwddb.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.spec.LocalReferences;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Makes a plausible value from a JSON/OpenAPI schema, preferring the schema's own example, default and enum.
 * Local {@code $ref}s are followed; recursion and depth are bounded, so cyclic schemas end.
 */
final class SchemaSampler {

    private static final int MAX_DEPTH = 12;
    /**
     * The values one sample holds at most: schemas that each use the next several times (a tree of {@code $ref}s, no
     * cycle) double at each level, and the depth bound alone let 2^12 values through, each an input the probe tries
     * (crash hunt: 10 s for a 2 KB definition). Beyond it, objects and lists are left empty; scalars keep their type.
     */
    private static final int MAX_VALUES = 1000;

    /** What is left of one sample's {@link #MAX_VALUES}. */
    private static final class Budget {
        int left = MAX_VALUES;
    }
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;

    SchemaSampler(JsonNode root) {
        this.root = root;
    }

    /** The document whose {@code $ref}s are followed. */
    JsonNode root() {
        return root;
    }

    /** Follows a local {@code $ref} chain (bounded); other refs resolve to a missing node. */
    JsonNode resolve(JsonNode node) {
        return LocalReferences.resolve(root, node);
    }

    /** The properties an object schema declares, its own and those of its {@code allOf} parts; the first declaration wins. */
    Map<String, JsonNode> properties(JsonNode rawSchema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        gatherProperties(resolve(rawSchema), properties, 0);
        return properties;
    }

    private void gatherProperties(JsonNode schema, Map<String, JsonNode> into, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        schema.path("properties").fields().forEachRemaining(p -> into.putIfAbsent(p.getKey(), p.getValue()));
        for (JsonNode part : schema.path("allOf")) {
            gatherProperties(resolve(part), into, depth + 1);
        }
    }

    /** Whether an object schema allows no members but its declared properties ({@code additionalProperties: false}). */
    boolean isClosed(JsonNode rawSchema) {
        JsonNode additional = resolve(rawSchema).get("additionalProperties");
        return additional != null && additional.isBoolean() && !additional.booleanValue();
    }

    JsonNode sample(JsonNode schema, String nameHint) {
        return sample(schema, nameHint, 0, new HashSet<>(), new Budget());
    }

    private JsonNode sample(JsonNode raw, String nameHint, int depth, Set<String> refsInProgress, Budget budget) {
        String ref = raw.path("$ref").asText(null);
        if (ref != null) {
            if (!refsInProgress.add(ref)) {
                return NODES.nullNode();
            }
            JsonNode value = sample(resolve(raw), nameHint, depth, refsInProgress, budget);
            refsInProgress.remove(ref);
            return value;
        }
        JsonNode schema = raw;
        if (depth > MAX_DEPTH || !schema.isObject()) {
            return NODES.textNode(nameHint);
        }
        budget.left--;
        for (String given : new String[] {"example", "default", "x-example"}) {
            if (schema.has(given)) {
                return schema.get(given);
            }
        }
        if (schema.path("enum").isArray() && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.path(combinator).isArray() && schema.path(combinator).size() > 0) {
                if ("allOf".equals(combinator)) {
                    ObjectNode merged = NODES.objectNode();
                    for (JsonNode part : schema.get(combinator)) {
                        JsonNode value = sample(part, nameHint, depth + 1, refsInProgress, budget);
                        if (value.isObject()) {
                            merged.setAll((ObjectNode) value);
                        }
                    }
                    return merged;
                }
                return sample(schema.get(combinator).get(0), nameHint, depth + 1, refsInProgress, budget);
            }
        }
        String type = typeOf(schema);
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (budget.left < 0) {
                    return object; // past the budget containers stay empty; a scalar still gets a value of its type
                }
                Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.set(property.getKey(), sample(property.getValue(), property.getKey(), depth + 1, refsInProgress, budget));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (budget.left < 0) {
                    return array;
                }
                array.add(sample(schema.path("items"), nameHint, depth + 1, refsInProgress, budget));
                return array;
            }
            case "integer":
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1L);
            case "number":
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").decimalValue() : new java.math.BigDecimal("1.5"));
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return NODES.textNode(stringFor(schema, nameHint));
        }
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    private static String stringFor(JsonNode schema, String nameHint) {
        return switch (schema.path("format").asText()) {
            case "date" -> "2024-01-31";
            case "date-time" -> "2024-01-31T12:00:00Z";
            case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
            case "email" -> "user@example.com";
            case "uri", "url" -> "https://example.com/";
            default -> nameHint == null || nameHint.isEmpty() ? "example" : "example-" + nameHint;
        };
    }
}
