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

    public void putKey(String pointer, TextPosition position) {
        keys.put(pointer, position);
    }

    public void putValue(String pointer, TextPosition position) {
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

    /** The key position recorded for exactly {@code pointer}, or null. */
    public TextPosition keyAt(String pointer) {
        return keys.get(pointer);
    }

    /**
     * Copies the positions of {@code source}'s subtree at {@code from} to the pointers under {@code to}: a tree
     * derived from a part of another document (an API body inside a template) keeps that document's positions.
     */
    public void copySubtree(SourceMap source, String from, String to) {
        copy(source.keys, keys, from, to);
        copy(source.values, values, from, to);
    }

    private static void copy(Map<String, TextPosition> source, Map<String, TextPosition> target, String from, String to) {
        for (Map.Entry<String, TextPosition> entry : source.entrySet()) {
            String pointer = entry.getKey();
            if (pointer.equals(from)) {
                target.put(to, entry.getValue());
            } else if (pointer.startsWith(from) && pointer.charAt(from.length()) == '/') {
                target.put(to + pointer.substring(from.length()), entry.getValue());
            }
        }
    }

    public int size() {
        return values.size();
    }
}
