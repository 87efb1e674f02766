package io.github.apigwddb.docs;

import java.util.Set;

/**
 * The table names a request template writes literally, for the overview when no example rendered a request:
 * the string after each {@code "TableName":} in the template text, as written (it may be a reference such as
 * {@code $stageVariables.table}). For display only; the check itself reads rendered requests as JSON.
 */
final class TemplateTables {

    private static final String MEMBER = "\"TableName\"";

    private TemplateTables() {
    }

    static void named(String template, Set<String> tables) {
        if (template == null) {
            return;
        }
        for (int at = template.indexOf(MEMBER); at >= 0; at = template.indexOf(MEMBER, at + 1)) {
            int pos = skipSpaces(template, at + MEMBER.length());
            if (pos >= template.length() || template.charAt(pos) != ':') {
                continue;
            }
            pos = skipSpaces(template, pos + 1);
            if (pos >= template.length() || template.charAt(pos) != '"') {
                continue;
            }
            int end = template.indexOf('"', pos + 1);
            int newline = template.indexOf('\n', pos + 1);
            if (end > pos + 1 && (newline < 0 || end < newline)) {
                tables.add(template.substring(pos + 1, end));
            }
        }
    }

    private static int skipSpaces(String text, int from) {
        int pos = from;
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }
}
