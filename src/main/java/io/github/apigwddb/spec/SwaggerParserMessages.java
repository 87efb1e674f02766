package io.github.apigwddb.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * swagger-parser reports problems as text with a dotted path (e.g.
 * {@code attribute paths.'/app/{id}'(put).responses.200.headers.Location.type is unexpected}) and no
 * position; this reads the path back into a JSON pointer so the finding can point at the element.
 */
final class SwaggerParserMessages {

    private SwaggerParserMessages() {
    }

    /** The pointer named by the message's path, or "" (the document) when it names none. */
    static String pointerOf(String message) {
        String text = message.startsWith("attribute ") ? message.substring("attribute ".length()) : message;
        int end = pathEnd(text);
        if (end <= 0) {
            return "";
        }
        List<String> segments = segments(text.substring(0, end));
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(JsonPointers.escape(segment));
        }
        return pointer.toString();
    }

    /** The path ends at the first space or sentence punctuation outside quotes. */
    private static int pathEnd(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == ' ' || c == ',')) {
                return text.charAt(i - 1) == '.' ? i - 1 : i;
            }
        }
        return text.length();
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '.' || c == '(' || c == ')')) {
                if (current.length() > 0) {
                    segments.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            segments.add(current.toString());
        }
        return segments;
    }
}
