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
            case '|', '>' -> inBlockScalar(document, valueStart, line, column);
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
