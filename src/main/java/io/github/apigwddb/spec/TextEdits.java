package io.github.apigwddb.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The spans of a text that a substitution replaced (placeholders filled with values or stand-ins), in order, so that an
 * offset in the substituted text can be turned back into one in the text as written, where findings are placed.
 */
public final class TextEdits {

    /** One replaced span: where it starts in the text as written, how long it was there, and how long its replacement is. */
    private record Edit(int offset, int writtenLength, int newLength) {
    }

    private final List<Edit> edits = new ArrayList<>();

    /** Records a replacement; spans are recorded in text order. */
    public void replaced(int offset, int writtenLength, int newLength) {
        if (writtenLength != newLength) {
            edits.add(new Edit(offset, writtenLength, newLength));
        }
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /**
     * The 1-based line and column in {@code written} of a 1-based line and column in {@code substituted}, the text these
     * edits made of it.
     */
    public TextPosition writtenPosition(String substituted, String written, int line, int column) {
        LineIndex lines = new LineIndex(substituted);
        int offset = Math.min(substituted.length(), lines.lineStart(Math.max(1, line)) + Math.max(1, column) - 1);
        return new LineIndex(written).positionOf(writtenOffset(offset));
    }

    /** The offset in the text as written of an offset in the substituted text; inside a replacement, its span's start. */
    public int writtenOffset(int offset) {
        int shift = 0;
        for (Edit edit : edits) {
            int start = edit.offset() + shift;
            if (offset < start) {
                break;
            }
            if (offset < start + edit.newLength()) {
                return edit.offset();
            }
            shift += edit.newLength() - edit.writtenLength();
        }
        return offset - shift;
    }
}
