package io.github.apigwddb.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Escaping and formatting shared by the HTML and Markdown writers. */
final class Text {

    /** Exact numbers and no trailing content: a rendered request is shown as DynamoDB would read it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    /**
     * Objects and arrays whose line, with indentation and member name, fits in this width stay on one line
     * ({@code {"S": "w-1"}}); it fits the half-page columns of the example flow.
     */
    private static final int LINE_WIDTH = 60;

    private Text() {
    }

    /** Escapes for HTML text and double-quoted attributes; also well-formed XML (XHTML-compatible). */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and newlines are not allowed in XML: show them as a replacement.
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The text as JSON indented two spaces, keys in their order, when it parses as one JSON value; otherwise
     * the text itself, trailing blank lines removed. Null stays null.
     */
    static String prettyJson(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode node = JSON.readTree(trimmed);
                if (node != null) {
                    StringBuilder out = new StringBuilder();
                    indent(node, 0, 0, out);
                    return out.toString();
                }
            } catch (JsonProcessingException e) {
                // not JSON: shown as rendered
            }
        }
        return text.stripTrailing();
    }

    /** Writes {@code node} at {@code depth}, breaking objects and arrays over lines only when they do not fit on one. */
    private static void indent(JsonNode node, int depth, int nameWidth, StringBuilder out) {
        String oneLine = oneLine(node);
        if (!node.isContainerNode() || node.isEmpty() || depth * 2 + nameWidth + oneLine.length() <= LINE_WIDTH) {
            out.append(oneLine);
            return;
        }
        String inner = "  ".repeat(depth + 1);
        out.append(node.isObject() ? '{' : '[');
        boolean first = true;
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = quoted(field.getKey()) + ": ";
                out.append(first ? "\n" : ",\n").append(inner).append(name);
                indent(field.getValue(), depth + 1, name.length(), out);
                first = false;
            }
        } else {
            for (JsonNode element : node) {
                out.append(first ? "\n" : ",\n").append(inner);
                indent(element, depth + 1, 0, out);
                first = false;
            }
        }
        out.append('\n').append("  ".repeat(depth)).append(node.isObject() ? '}' : ']');
    }

    private static String oneLine(JsonNode node) {
        if (node.isObject()) {
            StringJoiner members = new StringJoiner(", ", "{", "}");
            node.fields().forEachRemaining(f -> members.add(quoted(f.getKey()) + ": " + oneLine(f.getValue())));
            return members.toString();
        }
        if (node.isArray()) {
            StringJoiner elements = new StringJoiner(", ", "[", "]");
            node.forEach(e -> elements.add(oneLine(e)));
            return elements.toString();
        }
        return node.toString(); // Jackson writes a value node as its JSON text
    }

    private static String quoted(String name) {
        return JSON.getNodeFactory().textNode(name).toString();
    }

    /** An id usable as an HTML anchor and a Markdown link target: lower-case letters, digits and hyphens. */
    static String slug(String text) {
        StringBuilder out = new StringBuilder();
        boolean hyphen = false;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                hyphen = false;
            } else if (!hyphen && out.length() > 0) {
                out.append('-');
                hyphen = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return end == 0 ? "x" : out.substring(0, end);
    }

    static int lineCount(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (int) text.stripTrailing().lines().count();
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
