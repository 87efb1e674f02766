package io.github.apigwddb.report;

import io.github.apigwddb.rules.Finding;

/**
 * The console line of a finding (architecture contract §4), without the log level Maven prefixes:
 * {@code <file>:[<line>,<col>] <RULE> <message> (<METHOD> <path> [<operationId>], example <name>)}.
 */
public final class ConsoleFormat {

    private ConsoleFormat() {
    }

    public static String line(Finding finding) {
        StringBuilder line = new StringBuilder()
                .append(finding.position().file())
                .append(":[").append(finding.position().line()).append(',').append(finding.position().column()).append("] ")
                .append(finding.rule().id()).append(' ')
                .append(finding.message());
        if (finding.operation() != null) {
            line.append(" (").append(finding.operation().display());
            if (finding.example() != null) {
                line.append(", example ").append(finding.example());
            }
            line.append(')');
        }
        return printable(line.toString()); // the operation's and example's names come from the spec too
    }

    /**
     * The message on one line (breaks and tabs become spaces), other control characters written as {@code \\u001B}: a
     * message quotes template text, which may hold an escape sequence that would recolour or rewrite the terminal, or a
     * NUL that makes the log binary. Bidirectional overrides too, which reorder what the reader sees.
     */
    public static String printable(String message) {
        StringBuilder out = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean control = Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (!control && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(message.length() + 16).append(message, 0, i);
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (control) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out == null ? message : out.toString();
    }
}
