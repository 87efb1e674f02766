package io.github.apigwddb.spec;

import java.util.Arrays;

/** Turns character offsets of a text into 1-based line/column, by binary search over line starts. */
public final class LineIndex {

    private final int[] lineStarts;

    public LineIndex(CharSequence text) {
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean newline = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (newline) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public TextPosition positionOf(long offset) {
        int index = Arrays.binarySearch(lineStarts, (int) Math.max(0, offset));
        int line = index >= 0 ? index : -index - 2;
        return new TextPosition(line + 1, (int) (offset - lineStarts[line]) + 1, offset);
    }

    /** Offset of the first character of a 1-based line (clamped to the text). */
    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
    }

    public int lineCount() {
        return lineStarts.length;
    }
}
