package io.github.apigwddb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.spec.LocalReferences;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema API Gateway validates a request body against (JSON Schema draft 4), read for what it allows at one place
 * of the body. Only {@code properties}, {@code items}, {@code allOf} and local {@code $ref}s lead to that place; a
 * place reached otherwise ({@code patternProperties}, {@code additionalProperties}, {@code anyOf}, ...) is taken as
 * unconstrained, so a value the validator would reject there is still treated as possible, never the reverse.
 * Immutable and thread-safe.
 */
public final class BodyModel {

    /** Nesting of allOf in allOf beyond this is a cycle through $ref: it adds nothing. */
    private static final int MAX_ALL_OF_DEPTH = 16;

    private final JsonNode root;
    private final JsonNode schema;

    BodyModel(JsonNode root, JsonNode schema) {
        this.root = root;
        this.schema = schema;
    }

    /**
     * What the schema allows for a string at {@code path}.
     *
     * @param path member names (String) and array indexes (Integer) from the body's root
     */
    public StringRule stringAt(List<Object> path) {
        List<JsonNode> here = applyingAt(path);
        return here == null ? StringRule.ANY : StringRule.of(here);
    }

    /**
     * Whether the object at {@code path} may hold no members but those the schema names: {@code additionalProperties:
     * false} and no {@code patternProperties} (API Gateway answers 400 to a body with another key there).
     */
    public boolean closedAt(List<Object> path) {
        List<JsonNode> here = applyingAt(path);
        return here != null && here.stream().anyMatch(schema -> schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").booleanValue() && !schema.has("patternProperties"));
    }

    /**
     * What API Gateway's validator rejects in {@code body} (see {@link ModelValidator}), each as {@code $.path: what is
     * wrong}, in document order; none when it passes.
     */
    public List<String> violations(JsonNode body) {
        return ModelValidator.violations(root, schema, body);
    }

    /** The schemas that apply at {@code path}; null where the model leaves the place unconstrained. */
    private List<JsonNode> applyingAt(List<Object> path) {
        List<JsonNode> here = new ArrayList<>();
        addApplying(schema, here, 0);
        for (Object step : path) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode applying : here) {
                JsonNode child = step instanceof Integer index ? item(applying, index) : applying.path("properties").get((String) step);
                if (child != null) {
                    addApplying(child, next, 0);
                }
            }
            if (next.isEmpty()) {
                return null;
            }
            here = next;
        }
        return here;
    }

    /** The schema and, through allOf, every schema that applies to the same value with it. */
    private void addApplying(JsonNode raw, List<JsonNode> out, int depth) {
        JsonNode schema = LocalReferences.resolve(root, raw);
        if (!schema.isObject() || depth > MAX_ALL_OF_DEPTH) {
            return;
        }
        out.add(schema);
        for (JsonNode part : schema.path("allOf")) {
            addApplying(part, out, depth + 1);
        }
    }

    /** The schema of element {@code index}: {@code items}, or for a tuple its own entry, else {@code additionalItems}. */
    private static JsonNode item(JsonNode schema, int index) {
        JsonNode items = schema.get("items");
        if (items == null || !items.isArray()) {
            return items;
        }
        if (index < items.size()) {
            return items.get(index);
        }
        JsonNode additional = schema.get("additionalItems");
        return additional != null && additional.isObject() ? additional : null;
    }
}
