package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.URISyntaxException;

/** Follows {@code $ref}s into the same document ({@code #/components/schemas/X}); the plugin follows no other kind. */
public final class LocalReferences {

    /** A chain longer than this is a cycle or a mistake: it is not followed further. */
    private static final int MAX_HOPS = 20;

    private LocalReferences() {
    }

    /** The node a local {@code $ref} chain ends at, {@code node} itself without a ref; other refs give a missing node. */
    public static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < MAX_HOPS && current != null && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            current = ref.startsWith("#") ? at(root, decode(ref.substring(1))) : MissingNode.getInstance();
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    /**
     * The JSON pointer of the node a local {@code $ref} chain ends at, or null when the chain leaves the document, ends
     * at nothing or does not end.
     */
    public static String target(JsonNode root, JsonNode node) {
        String pointer = null;
        JsonNode current = node;
        for (int hops = 0; hops < MAX_HOPS && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return null;
            }
            pointer = decode(ref.substring(1));
            current = at(root, pointer);
            if (current.isMissingNode()) {
                return null;
            }
        }
        return current.has("$ref") ? null : pointer;
    }

    /** The node at a JSON pointer; missing for text that is no pointer ({@code #components/x} lacks its slash). */
    private static JsonNode at(JsonNode root, String pointer) {
        return pointer.isEmpty() || pointer.startsWith("/") ? root.at(pointer) : MissingNode.getInstance();
    }

    /** A reference is a URI: {@code My%20Item} names "My Item". */
    static String decode(String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        try {
            String decoded = new URI("x:y#" + part).getFragment();
            return decoded == null ? part : decoded;
        } catch (URISyntaxException e) {
            return part;
        }
    }
}
