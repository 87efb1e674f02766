package io.github.apigwddb.vtl.internal;

import java.util.Locale;

/**
 * {@code $util.escapeJavaScript}: the rules of Apache Commons Lang 2 {@code StringEscapeUtils.escapeJavaScript}
 * (AWS's documented wording is that method's Javadoc, facts §6): {@code '} becomes {@code \'} (invalid in JSON,
 * as on AWS), {@code "} {@code \} and {@code /} are backslash-escaped, control characters use short escapes or
 * a backslash, u, and four upper-case hex digits, and so does every non-ASCII UTF-16 unit.
 */
final class JavaScriptEscaper {

    private JavaScriptEscaper() {
    }

    static String escape(String text) {
        int first = 0;
        while (first < text.length() && !needsEscape(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // the common case: nothing to escape
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch > 0x7f) {
                unicode(out, ch);
            } else if (ch < 32) {
                switch (ch) {
                    case '\b' -> out.append("\\b");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> unicode(out, ch);
                }
            } else {
                switch (ch) {
                    case '\'' -> out.append("\\'");
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '/' -> out.append("\\/");
                    default -> out.append(ch);
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char ch) {
        return ch > 0x7f || ch < 32 || ch == '\'' || ch == '"' || ch == '\\' || ch == '/';
    }

    private static void unicode(StringBuilder out, char ch) {
        String hex = Integer.toHexString(ch).toUpperCase(Locale.ROOT);
        out.append("\\u");
        for (int pad = hex.length(); pad < 4; pad++) {
            out.append('0');
        }
        out.append(hex);
    }
}
