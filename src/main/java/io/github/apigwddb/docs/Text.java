package io.github.apigwddb.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;

/** Escaping and formatting shared by the HTML and Markdown writers. */
final class Text {

    /** Exact numbers and no trailing content: a rendered request is shown as DynamoDB would read it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

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
                    return PRETTY.writeValueAsString(node);
                }
            } catch (JsonProcessingException e) {
                // not JSON: shown as rendered
            }
        }
        return text.stripTrailing();
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
