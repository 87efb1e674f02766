package io.github.apigwddb.check;

import java.util.regex.Pattern;

/**
 * Guesses which template line produced a line of rendered output, so a problem found in the output (a JSON
 * error, a wrong DynamoDB member) points into the template. Velocity keeps no output-to-source map; the
 * literal text a template line starts with survives rendering, so the template line whose leading literal
 * text best matches the output line wins (a line of literal text only, such as a lone closing brace, matches its
 * equal), ties going to the nearest line.
 */
final class OutputLineMapper {

    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    private final String template;
    /** Split on first use: most requests have nothing to point at. */
    private String[] templateLines;

    OutputLineMapper(String template) {
        this.template = template;
    }

    private String[] templateLines() {
        if (templateLines == null) {
            templateLines = LINE_BREAK.split(template, -1);
        }
        return templateLines;
    }

    /** @return the 1-based template line for the 1-based output line with the given text */
    int templateLineFor(int outputLine, String outputLineText) {
        String wanted = outputLineText.strip();
        if (wanted.isEmpty()) {
            return clamp(outputLine);
        }
        String[] templateLines = templateLines();
        int best = -1;
        int bestScore = 1;
        for (int i = 0; i < templateLines.length; i++) {
            String line = templateLines[i].strip();
            int score = commonLiteralPrefix(line, wanted);
            if (score == wanted.length() && line.equals(wanted)) {
                score++; // the whole line, however short: a closing "}" is that line's, not any line's
            }
            boolean better = score > bestScore
                    || (score == bestScore && best >= 0 && Math.abs(i + 1 - outputLine) < Math.abs(best + 1 - outputLine));
            if (better) {
                best = i;
                bestScore = score;
            }
        }
        return best < 0 ? clamp(outputLine) : best + 1;
    }

    private int clamp(int line) {
        return Math.max(1, Math.min(line, templateLines().length));
    }

    /** Length of the shared start of the two lines, stopping where the template's literal text ends. */
    private static int commonLiteralPrefix(String template, String output) {
        int n = Math.min(template.length(), output.length());
        int i = 0;
        while (i < n && template.charAt(i) == output.charAt(i) && template.charAt(i) != '$' && template.charAt(i) != '#') {
            i++;
        }
        return i;
    }
}
