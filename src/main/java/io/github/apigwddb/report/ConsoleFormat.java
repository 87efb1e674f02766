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
                .append(finding.message().replace('\n', ' '));
        if (finding.operation() != null) {
            line.append(" (").append(finding.operation().display());
            if (finding.example() != null) {
                line.append(", example ").append(finding.example());
            }
            line.append(')');
        }
        return line.toString();
    }
}
