package io.github.apigwddb.spec;

import java.util.Arrays;

/**
 * Turns offsets counted in code points, as SnakeYAML counts them, into offsets in the Java string, which counts a
 * character beyond the Basic Multilingual Plane (an emoji) as two: without it every position after one would stand too
 * early. Immutable.
 */
final class CodePointOffsets {

    static final CodePointOffsets NONE = new CodePointOffsets(new int[0]);

    /** The code-point offsets of the characters that take two chars, ascending. */
    private final int[] supplementary;

    private CodePointOffsets(int[] supplementary) {
        this.supplementary = supplementary;
    }

    static CodePointOffsets of(String text) {
        int[] found = new int[8];
        int count = 0;
        int codePoint = 0;
        for (int i = 0; i < text.length(); codePoint++) {
            int c = text.codePointAt(i);
            if (Character.charCount(c) == 2) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = codePoint;
            }
            i += Character.charCount(c);
        }
        return count == 0 ? NONE : new CodePointOffsets(Arrays.copyOf(found, count));
    }

    /** The char offset of the code point at {@code codePoints}; negative offsets (none known) stay as they are. */
    long toChars(long codePoints) {
        if (supplementary.length == 0 || codePoints <= 0) {
            return codePoints;
        }
        int before = Arrays.binarySearch(supplementary, (int) Math.min(Integer.MAX_VALUE, codePoints));
        return codePoints + (before >= 0 ? before : -before - 1);
    }
}
