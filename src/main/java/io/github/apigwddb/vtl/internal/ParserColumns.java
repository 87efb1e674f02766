package io.github.apigwddb.vtl.internal;

/**
 * Turns Velocity's columns into characters: the parser moves a tab to the next multiple of 8, so a position after
 * tabs would otherwise point further right, even onto the next line of a definition.
 */
final class ParserColumns {

    private final String[] lines;

    ParserColumns(String text) {
        this.lines = text.split("\n", -1);
    }

    /** The 1-based character column of the parser's column on a 1-based line. */
    int column(int line, int parserColumn) {
        if (line < 1 || line > lines.length) {
            return parserColumn;
        }
        String text = lines[line - 1];
        int at = 1;
        for (int i = 0; i < text.length(); i++) {
            if (at >= parserColumn) {
                return i + 1;
            }
            at = text.charAt(i) == '\t' ? (at - 1) / 8 * 8 + 9 : at + 1;
        }
        return Math.min(parserColumn, text.length() + 1);
    }

    /** How many backslashes stand at a 1-based character position: an odd number before a reference escapes it. */
    int backslashesAt(int line, int column) {
        if (line < 1 || line > lines.length) {
            return 0;
        }
        String text = lines[line - 1];
        int count = 0;
        for (int i = column - 1; i >= 0 && i < text.length() && text.charAt(i) == '\\'; i++) {
            count++;
        }
        return count;
    }
}
