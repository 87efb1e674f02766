package io.github.apigwddb.check;

import io.github.apigwddb.spec.TextPosition;
import java.util.Set;
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

    /**
     * As {@link #templateLineFor(int, String)}, for the text at {@code outputColumn} (1-based) of the output line. A
     * template line ending in a directive ({@code #if(...)"Limit": $l,#end}) writes no line break, so the next lines'
     * text joins its output line: where a later line's leading literal text shows on the output line before the column,
     * the text there is that line's. A later line of directives only writes nothing and is passed over; one whose literal
     * text does not show, or says too little to tell (no letter or digit), ends the search.
     */
    int templateLineFor(int outputLine, String outputLineText, int outputColumn) {
        int line = templateLineFor(outputLine, outputLineText);
        String[] templateLines = templateLines();
        String first = literalPrefix(afterLeadingDirectives(templateLines[line - 1].strip()));
        int from = first.isEmpty() ? -1 : outputLineText.indexOf(first);
        if (from < 0 || from >= outputColumn - 1) {
            return line;
        }
        from += first.length();
        for (int next = line; next < templateLines.length; next++) {
            String text = templateLines[next].strip();
            if (text.isEmpty()) {
                break; // an empty line writes its line break
            }
            String rest = afterLeadingDirectives(text);
            if (rest.isEmpty() || rest.startsWith("##")) {
                continue;
            }
            String literal = literalPrefix(rest);
            int at = literal.chars().anyMatch(Character::isLetterOrDigit) ? outputLineText.indexOf(literal, from) : -1;
            if (at < 0 || at >= outputColumn - 1) {
                break;
            }
            line = next + 1;
            from = at + literal.length();
        }
        return line;
    }

    /** The template line to blame for a JSON syntax error at {@code error} in the output (see {@link OutputText#blamedLine}). */
    int templateLineForError(String output, TextPosition error) {
        int blamed = OutputText.blamedLine(output, error.line(), error.column());
        String text = OutputText.line(output, blamed);
        return templateLineFor(blamed, text, blamed == error.line() ? error.column() : text.length() + 1);
    }

    /** The text a template line writes before its first reference or directive. */
    private static String literalPrefix(String line) {
        int end = 0;
        while (end < line.length() && !startsVelocity(line, end)) {
            end++;
        }
        return line.substring(0, end);
    }

    private static final Set<String> DIRECTIVE_NAMES = Set.of("if", "elseif", "else", "end", "foreach", "set", "macro",
            "break", "stop", "include", "parse", "evaluate", "define");

    /**
     * Whether the text at {@code i} is Velocity's rather than literal: a reference, a directive, a comment, or a macro
     * call. An expression's placeholder ({@code "#available >= :qty"}) is none of these and renders as written.
     */
    private static boolean startsVelocity(String line, int i) {
        char c = line.charAt(i);
        if (c == '$') {
            return true;
        }
        if (c != '#' || i + 1 >= line.length()) {
            return false;
        }
        char next = line.charAt(i + 1);
        if (next == '#' || next == '*' || next == '{') {
            return true;
        }
        int end = i + 1;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        return end > i + 1 && (DIRECTIVE_NAMES.contains(line.substring(i + 1, end)) || line.startsWith("(", end));
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
        while (i < n && template.charAt(i) == output.charAt(i) && !startsVelocity(template, i)) {
            i++;
        }
        return i;
    }
}
