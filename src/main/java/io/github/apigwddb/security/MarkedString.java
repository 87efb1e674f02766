package io.github.apigwddb.security;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.PointerPath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON string value of the marker render that holds an input's only marker. A hostile render that equals the
 * marker render outside that string's token has the marker render's tree with that one string changed, so reading
 * the token alone gives the tree that reading the whole render would give: same tokens before and after it, one
 * string token in between. Most hostile values of a well-escaped input change nothing else, and a render is then
 * not read again for one changed value. Anything else (the render differs elsewhere, the token is no longer one
 * string) leaves the render to the full reader. Belongs to one probe: {@link #with} changes the reference tree for
 * the length of a call.
 */
final class MarkedString {

    private final String before;
    private final String after;
    private final JsonNode reference;
    /** Where the string is in the reference. */
    private final JsonPointer path;
    private final DocumentParser parser;

    private MarkedString(String before, String after, JsonNode reference, JsonPointer path, DocumentParser parser) {
        this.before = before;
        this.after = after;
        this.reference = reference;
        this.path = path;
        this.parser = parser;
    }

    /**
     * @param marked the marker render, valid JSON without duplicate keys
     * @param reference its tree
     * @return the string holding {@code marker}, or null when the marker is not exactly once in the render, or not
     *     inside a string value (a member name, a number, several strings)
     */
    static MarkedString find(String marked, JsonNode reference, String marker, DocumentParser parser) {
        int at = marked.indexOf(marker);
        if (at < 0 || marked.indexOf(marker, at + 1) >= 0) {
            return null;
        }
        int open = openingQuote(marked, at);
        int close = open < 0 ? -1 : closingQuote(marked, at);
        if (close < 0 || isMemberName(marked, close)) {
            return null;
        }
        JsonNode token = parser.treeOrNull(marked.substring(open, close + 1));
        PointerPath path = token == null || !token.isTextual() ? null : onlyStringHolding(reference, marker, token.textValue());
        if (path == null) {
            return null;
        }
        return new MarkedString(marked.substring(0, open), marked.substring(close + 1), reference, JsonPointer.compile(path.pointer()),
                parser);
    }

    /** The changed string of a hostile render, or null when reading the string alone cannot give its tree. */
    JsonNode valueIn(String output) {
        if (output.length() < before.length() + after.length() + 2 || !output.startsWith(before) || !output.endsWith(after)) {
            return null;
        }
        JsonNode value = parser.treeOrNull(output.substring(before.length(), output.length() - after.length()));
        return value != null && value.isTextual() ? value : null;
    }

    /**
     * Whether {@code value} (from {@link #valueIn}) is the marker render's string with {@code marker} replaced by
     * {@code text}: the template wrote the input as it came, escaped for JSON and nothing else.
     */
    boolean carries(JsonNode value, String marker, String text) {
        return value.textValue().equals(reference.at(path).textValue().replace(marker, text));
    }

    /**
     * Runs {@code use} on the tree of the hostile render whose string is {@code value} (from {@link #valueIn}): the
     * reference with the string changed in place for the call, and changed back after it, so {@code use} must not keep
     * the tree. Not copying the containers on the way matters: the probe reads thousands of such trees.
     */
    <R> R with(JsonNode value, Function<JsonNode, R> use) {
        if (path.matches()) {
            return use.apply(value);
        }
        JsonNode container = reference.at(path.head());
        JsonNode original = put(container, path.last(), value);
        try {
            return use.apply(reference);
        } finally {
            put(container, path.last(), original);
        }
    }

    /** Puts {@code value} at {@code at} in an object or array; returns what was there. */
    private static JsonNode put(JsonNode container, JsonPointer at, JsonNode value) {
        return container instanceof ObjectNode object ? object.replace(at.getMatchingProperty(), value)
                : ((ArrayNode) container).set(at.getMatchingIndex(), value);
    }

    /** The index of the quote opening the string that holds {@code at}, or -1 when {@code at} is outside strings. */
    private static int openingQuote(String json, int at) {
        int open = -1;
        for (int i = 0; i < at; i++) {
            char c = json.charAt(i);
            if (open < 0) {
                if (c == '"') {
                    open = i;
                }
            } else if (c == '\\') {
                i++;
            } else if (c == '"') {
                open = -1;
            }
        }
        return open;
    }

    /** The index of the quote closing the string that holds {@code from}; -1 when there is none. */
    private static int closingQuote(String json, int from) {
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isMemberName(String json, int close) {
        for (int i = close + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == ':';
            }
        }
        return false;
    }

    /**
     * Where the only string value of the tree that holds the marker is, when it is {@code expected}; null when none or
     * several hold it. The string token holding the marker is a value of the tree, so that one is it.
     */
    private static PointerPath onlyStringHolding(JsonNode root, String marker, String expected) {
        PointerPath found = null;
        Deque<Map.Entry<PointerPath, JsonNode>> work = new ArrayDeque<>();
        work.push(Map.entry(PointerPath.ROOT, root));
        while (!work.isEmpty()) {
            Map.Entry<PointerPath, JsonNode> next = work.pop();
            JsonNode node = next.getValue();
            if (node.isTextual()) {
                if (node.textValue().contains(marker)) {
                    if (found != null || !node.textValue().equals(expected)) {
                        return null;
                    }
                    found = next.getKey();
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    work.push(Map.entry(next.getKey().member(member.getKey()), member.getValue()));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    work.push(Map.entry(next.getKey().element(i), node.get(i)));
                }
            }
        }
        return found;
    }
}
