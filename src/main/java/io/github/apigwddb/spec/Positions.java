package io.github.apigwddb.spec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the members of one object, or the elements of one array, stand in the text: the key's and the value's
 * position of each, and the positions of the nested objects and arrays. A position is kept as a long: the
 * character offset, or (where the parser gave none) the line and column encoded below zero.
 */
final class Positions {

    static final long NONE = Long.MIN_VALUE;
    /** Objects with more members than this get a name index on their first lookup (a {@code paths} object of thousands). */
    private static final int INDEXED_FROM = 16;

    /** Member names, null for an array. */
    private String[] names;
    private long[] keys;
    private long[] values;
    private Positions[] children;
    private int size;
    private volatile Map<String, Integer> index;

    private Positions(boolean object) {
        this.names = object ? new String[4] : null;
        this.keys = object ? new long[4] : null;
        this.values = new long[4];
        this.children = new Positions[4];
    }

    static Positions object() {
        return new Positions(true);
    }

    static Positions array() {
        return new Positions(false);
    }

    static long encode(TextPosition position) {
        return position.offset() >= 0 ? position.offset() : -1L - (((long) position.line() << 32) | (position.column() & 0xffffffffL));
    }

    static TextPosition decode(long encoded, LineIndex lines) {
        if (encoded >= 0) {
            return lines.positionOf(encoded);
        }
        long lineAndColumn = -1L - encoded;
        return new TextPosition((int) (lineAndColumn >>> 32), (int) lineAndColumn, -1);
    }

    /**
     * Records a member's key and returns its index; a name met again ({@code duplicate}) takes the earlier
     * member's place, as the tree keeps only the later value there.
     */
    int member(String name, long key, boolean duplicate) {
        int existing = duplicate ? find(name) : -1;
        if (existing >= 0) {
            keys[existing] = key;
            values[existing] = NONE;
            children[existing] = null;
            return existing;
        }
        grow();
        names[size] = name;
        keys[size] = key;
        values[size] = NONE;
        return size++;
    }

    /** Records an array element and returns its index. */
    int element() {
        grow();
        values[size] = NONE;
        return size++;
    }

    /** The value of member or element {@code i} starts at {@code value}; {@code nested} holds its own members, or null. */
    void value(int i, long value, Positions nested) {
        values[i] = value;
        children[i] = nested;
    }

    private void grow() {
        if (size == values.length) {
            int capacity = size * 2;
            if (names != null) {
                names = Arrays.copyOf(names, capacity);
                keys = Arrays.copyOf(keys, capacity);
            }
            values = Arrays.copyOf(values, capacity);
            children = Arrays.copyOf(children, capacity);
        }
    }

    /** The index of the member or element a pointer segment (still escaped) names, or -1. */
    int indexOf(String segment) {
        if (names == null) {
            return arrayIndex(segment);
        }
        String name = segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~");
        return find(name);
    }

    private int find(String name) {
        if (size > INDEXED_FROM) {
            Integer i = nameIndex().get(name);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Built once reading starts; while parsing, an object large enough to need it is looked up only for duplicates. */
    private Map<String, Integer> nameIndex() {
        Map<String, Integer> built = index;
        if (built == null || built.size() != size) {
            built = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                built.put(names[i], i);
            }
            index = built;
        }
        return built;
    }

    private int arrayIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || (segment.length() > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        int i = 0;
        for (int c = 0; c < segment.length(); c++) {
            char digit = segment.charAt(c);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            i = i * 10 + (digit - '0');
        }
        return i < size ? i : -1;
    }

    int size() {
        return size;
    }

    long keyAt(int i) {
        return names == null ? NONE : keys[i];
    }

    long valueAt(int i) {
        return values[i];
    }

    Positions childAt(int i) {
        return children[i];
    }
}
