package io.github.apigwddb.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Where every JSON pointer of a document stands in its file: the position of the member's key (what a
 * finding about the member points at) and of its value (where a string's content starts). Built in one
 * streaming pass over the raw text, because the parsed model keeps no positions.
 */
public final class SourceMap {

    private final Map<String, TextPosition> keys = new HashMap<>();
    private final Map<String, TextPosition> values = new HashMap<>();

    void putKey(String pointer, TextPosition position) {
        keys.put(pointer, position);
    }

    void putValue(String pointer, TextPosition position) {
        values.put(pointer, position);
    }

    /**
     * The position to report for the element at {@code pointer}: its key when it is an object member, else
     * its value; for a pointer that does not exist, the closest existing ancestor (so a missing member is
     * reported at the object that lacks it).
     */
    public TextPosition locate(String pointer) {
        String p = pointer;
        while (true) {
            TextPosition key = keys.get(p);
            if (key != null) {
                return key;
            }
            TextPosition value = values.get(p);
            if (value != null) {
                return value;
            }
            if (p.isEmpty()) {
                return TextPosition.START;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /** The position where the value at {@code pointer} starts, or null when there is no such value. */
    public TextPosition valueStart(String pointer) {
        return values.get(pointer);
    }

    public int size() {
        return values.size();
    }
}
