package io.github.apigwddb.check;

import java.util.regex.Matcher;
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
            int score = Math.max(commonLiteralPrefix(line, wanted), commonLiteralPrefix(afterLeadingDirectives(line), wanted));
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

    /**
     * The line without the directives it starts with: {@code #foreach($l in $list){"M": ...} writes its literal text
     * after the directive, on each pass of the loop ({@code #if(...)}, {@code #else}, {@code #end} likewise).
     */
    static String afterLeadingDirectives(String line) {
        String rest = line;
        while (rest.startsWith("#")) {
            Matcher directive = DIRECTIVE.matcher(rest);
            if (!directive.lookingAt()) {
                return rest;
            }
            int end = directive.end();
            if (rest.startsWith("(", end) || rest.startsWith(" (", end)) {
                int depth = 0;
                int i = rest.indexOf('(', end);
                for (; i < rest.length(); i++) {
                    char c = rest.charAt(i);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                if (i >= rest.length()) {
                    return rest; // the directive goes on to the next line
                }
                end = i + 1;
            }
            rest = rest.substring(end);
        }
        return rest;
    }

    private static final Pattern DIRECTIVE = Pattern.compile("#\\{?(foreach|if|elseif|else|end|set)}?");

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
