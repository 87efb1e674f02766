package io.github.apigwddb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * What the validator gets of an API definition for one body model: the model under a member of its own and each schema
 * its local {@code $ref}s lead to, copied to its own pointer. A {@code $ref} out of the document (a file, a URL, a
 * {@code classpath:} name) or to nothing becomes {@code {}}, which rejects nothing, as does a draft-4 {@code id} or a
 * {@code $schema} (either would make the library look elsewhere): the check never reads the network or a file for a
 * model, and one broken reference does not keep the rest of the model from counting. Values that are data ({@code enum},
 * {@code default}, examples) are kept as written. Not thread-safe: one per validation.
 */
final class ModelView {

    private static final Set<String> DATA = Set.of("enum", "default", "example", "examples", "const");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final JsonNode root;
    private final ObjectNode view = F.objectNode();
    private final Set<String> placed = new HashSet<>();

    private ModelView(JsonNode root) {
        this.root = root;
    }

    /** The view with {@code schema} at {@code member}. */
    static ObjectNode of(JsonNode root, JsonNode schema, String member) {
        ModelView builder = new ModelView(root);
        builder.view.set(member, builder.copy(schema));
        return builder.view;
    }

    private JsonNode copy(JsonNode node) {
        if (node.isArray()) {
            ArrayNode elements = F.arrayNode(node.size());
            node.forEach(element -> elements.add(copy(element)));
            return elements;
        }
        if (!node.isObject()) {
            return node;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null) {
            return reference(ref);
        }
        ObjectNode copy = F.objectNode();
        node.fields().forEachRemaining(member -> {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (("id".equals(name) || "$schema".equals(name)) && value.isTextual()) {
                return;
            }
            copy.set(name, DATA.contains(name) ? value : copy(value));
        });
        return copy;
    }

    /** A local reference with its target placed in the view; {} for any other (draft 4 ignores what stands beside $ref). */
    private JsonNode reference(JsonNode ref) {
        String text = ref.isTextual() ? ref.textValue() : "";
        if (!text.startsWith("#/")) {
            return F.objectNode();
        }
        String pointer = text.substring(1);
        JsonNode target = root.at(pointer);
        if (target.isMissingNode()) {
            return F.objectNode();
        }
        if (placed.add(pointer)) { // before the copy: a schema that refers to itself finds itself placed
            place(pointer, copy(target));
        }
        return F.objectNode().put("$ref", text);
    }

    private void place(String pointer, JsonNode value) {
        ObjectNode container = view;
        String[] segments = pointer.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String name = segments[i].replace("~1", "/").replace("~0", "~");
            if (i == segments.length - 1) {
                container.set(name, value);
            } else {
                JsonNode next = container.get(name);
                container = next instanceof ObjectNode object ? object : container.putObject(name);
            }
        }
    }
}
