package io.github.apigwddb.spec;

/**
 * Finds where a character of a string value stands in the file, so a finding inside a mapping template
 * points at the template's own line: templates are JSON strings full of {@code \n} escapes, or YAML block
 * scalars whose lines follow the key.
 */
public final class StringContentLocator {

    private StringContentLocator() {
    }

    /**
     * @param document the parsed file
     * @param valueStart where the string value starts (its opening quote or block indicator)
     * @param line 1-based line inside the string's content
     * @param column 1-based column inside that line
     */
    public static TextPosition locate(ParsedDocument document, TextPosition valueStart, int lineWanted, int columnWanted) {
        int line = Math.max(1, lineWanted);
        int column = Math.max(1, columnWanted);
        String text = document.text();
        int start = (int) valueStart.offset();
        if (start < 0 || start >= text.length()) {
            return valueStart;
        }
        char opener = text.charAt(start);
        return switch (opener) {
            case '"' -> walkQuoted(document, start, line, column, true);
            case '\'' -> walkQuoted(document, start, line, column, false);
            case '|' -> inBlockScalar(document, valueStart, line, column);
            case '>' -> inFoldedScalar(document, valueStart, line, column);
            default -> line == 1 ? document.lines().positionOf(start + column - 1L) : valueStart;
        };
    }

    /** Decodes a quoted scalar character by character until the wanted content position is reached. */
    private static TextPosition walkQuoted(ParsedDocument document, int start, int line, int column, boolean backslashEscapes) {
        String text = document.text();
        char quote = text.charAt(start);
        int contentLine = 1;
        int contentColumn = 1;
        int i = start + 1;
        while (i < text.length()) {
            i = skipEscapedLineBreaks(text, i, backslashEscapes);
            if (i >= text.length()) {
                break;
            }
            if (contentLine > line || (contentLine == line && contentColumn >= column)) {
                return document.lines().positionOf(i);
            }
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == 'n') {
                    contentLine++;
                    contentColumn = 1;
                } else {
                    contentColumn++;
                }
                // u and four hex digits (JSON and YAML), YAML's x and two, U and eight; every other escape is two characters
                i += switch (next) {
                    case 'u' -> 6;
                    case 'x' -> 4;
                    case 'U' -> 10;
                    default -> 2;
                };
                continue;
            }
            if (c == quote) {
                if (!backslashEscapes && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    contentColumn++;
                    i += 2;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                // YAML folds a line break inside a quoted scalar into one space.
                contentColumn++;
                i = skipIndentation(text, i + 1);
                continue;
            }
            contentColumn++;
            i++;
        }
        return document.lines().positionOf(Math.min(i, text.length()));
    }

    /** YAML: an escaped line break joins the lines and drops the next line's indentation; it stands for no character. */
    private static int skipEscapedLineBreaks(String text, int from, boolean backslashEscapes) {
        int i = from;
        while (backslashEscapes && i + 1 < text.length() && text.charAt(i) == '\\'
                && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
            int afterBreak = i + (text.charAt(i + 1) == '\r' && i + 2 < text.length() && text.charAt(i + 2) == '\n' ? 3 : 2);
            i = skipIndentation(text, afterBreak);
        }
        return i;
    }

    private static int skipIndentation(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * A folded block scalar ({@code >}): YAML joins two adjacent lines of text with a space, keeps the line breaks
     * around more-indented lines, and turns k empty lines into k line breaks; so content lines and file lines differ
     * (an {@code Fn::Sub: >} template is one long content line). The file line whose text holds the wanted content
     * position is found by folding the lines as YAML does.
     */
    private static TextPosition inFoldedScalar(ParsedDocument document, TextPosition valueStart, int line, int column) {
        LineIndex lines = document.lines();
        String text = document.text();
        int firstContent = lines.positionOf(valueStart.offset()).line() + 1;
        if (firstContent > lines.lineCount()) {
            return valueStart;
        }
        int indent = 0;
        int firstStart = lines.lineStart(firstContent);
        while (firstStart + indent < text.length() && text.charAt(firstStart + indent) == ' ') {
            indent++;
        }
        int contentLine = 1;
        int contentColumn = 1;
        Boolean previousMoreIndented = null; // null before the first line of text
        int emptyLines = 0;
        TextPosition best = null;
        for (int fileLine = firstContent; fileLine <= lines.lineCount(); fileLine++) {
            int start = lines.lineStart(fileLine);
            int end = fileLine < lines.lineCount() ? lines.lineStart(fileLine + 1) - 1 : text.length();
            String raw = text.substring(start, Math.max(start, end)).replace("\r", "");
            int spaces = 0;
            while (spaces < raw.length() && raw.charAt(spaces) == ' ') {
                spaces++;
            }
            if (spaces == raw.length()) {
                emptyLines++;
                continue;
            }
            if (spaces < indent) {
                break; // the block has ended
            }
            boolean moreIndented = spaces > indent || raw.charAt(spaces) == '\t';
            if (previousMoreIndented == null) {
                contentLine += emptyLines;
            } else if (!previousMoreIndented && !moreIndented && emptyLines == 0) {
                contentColumn++; // the line break became a space
            } else {
                contentLine += emptyLines + (!previousMoreIndented && !moreIndented ? 0 : 1);
                contentColumn = 1;
            }
            if (contentLine > line || contentLine == line && contentColumn > column) {
                break;
            }
            // this file line holds content from (contentLine, contentColumn) on
            best = new TextPosition(fileLine, indent + 1 + (contentLine == line ? column - contentColumn : 0),
                    start + indent + (contentLine == line ? column - contentColumn : 0));
            contentColumn += raw.length() - indent;
            previousMoreIndented = moreIndented;
            emptyLines = 0;
        }
        return best == null ? inBlockScalar(document, valueStart, line, column) : best;
    }

    /** A block scalar's content line k is file line (indicator line + k), indented by the block's indentation. */
    private static TextPosition inBlockScalar(ParsedDocument document, TextPosition valueStart, int line, int column) {
        LineIndex lines = document.lines();
        String text = document.text();
        int indicatorLine = lines.positionOf(valueStart.offset()).line();
        int firstContent = indicatorLine + 1;
        int indent = 0;
        int lineStart = lines.lineStart(firstContent);
        while (lineStart + indent < text.length() && text.charAt(lineStart + indent) == ' ') {
            indent++;
        }
        int fileLine = Math.min(firstContent + line - 1, lines.lineCount());
        return new TextPosition(fileLine, indent + column, lines.lineStart(fileLine) + indent + column - 1L);
    }
}
