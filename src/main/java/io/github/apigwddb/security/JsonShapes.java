package io.github.apigwddb.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.github.apigwddb.spec.PointerPath;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Compares the shape of two JSON documents: which members exist, how long arrays are, and the JSON type of
 * every value, ignoring the values themselves. A client value that changes the shape of a rendered request
 * has escaped the string it was meant to fill.
 */
public final class JsonShapes {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonShapes() {
    }

    /**
     * Whether the character at {@code offset} of a JSON text lies inside a string (a member name or a string value), read
     * with Jackson's tokenizer; false when the text is no JSON there.
     */
    static boolean insideString(String json, int offset) {
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                long start = parser.currentTokenLocation().getCharOffset();
                if (start > offset) {
                    return false;
                }
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    parser.getText(); // reads the whole string, so that the location is past it
                    long end = parser.currentLocation().getCharOffset();
                    if (token == JsonToken.FIELD_NAME) {
                        end = json.lastIndexOf('"', (int) end - 1) + 1; // the location is past the colon
                    }
                    if (offset < end) {
                        return true;
                    }
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** @return the first difference, as a sentence naming the JSON pointer, or null when both have the same shape */
    public static String difference(JsonNode expected, JsonNode actual) {
        return difference(expected, actual, PointerPath.ROOT, false);
    }

    /**
     * @param arraysMayGrow whether an array may hold another number of elements, each of the shape of the expected
     *     array's first, without that being a difference: a template that loops over a client's list makes one element
     *     per item
     * @return the first difference, as a sentence naming the JSON pointer, or null when both have the same shape
     */
    public static String difference(JsonNode expected, JsonNode actual, boolean arraysMayGrow) {
        return difference(expected, actual, PointerPath.ROOT, arraysMayGrow);
    }

    private static String difference(JsonNode expected, JsonNode actual, PointerPath at, boolean arraysMayGrow) {
        JsonNodeType wanted = expected.getNodeType();
        JsonNodeType got = actual.getNodeType();
        if (wanted != got) {
            return where(at.pointer()) + " changes from " + name(wanted) + " to " + name(got);
        }
        if (expected.isObject()) {
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    return "member " + at.member(name).pointer() + " appears";
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                JsonNode other = actual.get(member.getKey());
                PointerPath child = at.member(member.getKey());
                if (other == null) {
                    return "member " + child.pointer() + " disappears";
                }
                String difference = difference(member.getValue(), other, child, arraysMayGrow);
                if (difference != null) {
                    return difference;
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                if (!arraysMayGrow || expected.isEmpty()) {
                    return where(at.pointer()) + " has " + actual.size() + " elements instead of " + expected.size();
                }
                for (int i = 0; i < actual.size(); i++) {
                    String difference = difference(expected.get(0), actual.get(i), at.element(i), true);
                    if (difference != null) {
                        return difference;
                    }
                }
                return null;
            }
            for (int i = 0; i < expected.size(); i++) {
                String difference = difference(expected.get(i), actual.get(i), at.element(i), arraysMayGrow);
                if (difference != null) {
                    return difference;
                }
            }
        }
        return null;
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "the request" : pointer;
    }

    private static String name(JsonNodeType type) {
        return switch (type) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case MISSING -> "nothing";
        };
    }
}
