package io.github.apigwddb.vtl.internal;

import net.minidev.json.JSONArray;

import java.io.IOException;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The text of a value as {@code String.valueOf} gives it, written piece by piece into a bounded buffer: a list's
 * toString is otherwise built whole before any output bound can look at it (a list holding a million-element list
 * 300 times ran out of memory). Lists and maps whose toString is Java's ({@code [a, b]}, {@code {k=v}}) and
 * json-smart arrays (compact JSON) are written here; any other value by its own toString. A value nested past what
 * the deep-size check allows is taken for one that holds itself and refused instead of overflowing the stack.
 */
final class ValueText {

    /** Thrown when the text passes the bound, or the value holds itself; says which. */
    static final class Unwritable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean cyclic;

        Unwritable(boolean cyclic) {
            super(null, null, false, false);
            this.cyclic = cyclic;
        }
    }

    /** How a list's or map's class prints, looked up once per class. */
    private enum Style { JAVA_COLLECTION, JAVA_MAP, JSON_ARRAY, OWN }

    private static final ClassValue<Style> STYLES = new ClassValue<>() {
        @Override
        protected Style computeValue(Class<?> type) {
            if (JSONArray.class.isAssignableFrom(type)) {
                return declaresToString(type, JSONArray.class) ? Style.JSON_ARRAY : Style.OWN;
            }
            if (Map.class.isAssignableFrom(type)) {
                return declaresToString(type, AbstractMap.class) ? Style.JAVA_MAP : Style.OWN;
            }
            return declaresToString(type, AbstractCollection.class) ? Style.JAVA_COLLECTION : Style.OWN;
        }
    };

    private static boolean declaresToString(Class<?> type, Class<?> declaring) {
        try {
            return type.getMethod("toString").getDeclaringClass() == declaring;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Nesting past this is taken for a value that holds itself; the deep-size check allows less. */
    private static final int MAX_DEPTH = RenderGuard.MAX_NESTING + 1;

    private final StringBuilder text = new StringBuilder();
    private final long maxChars;
    private int depth;

    private ValueText(long maxChars) {
        this.maxChars = maxChars;
    }

    /** @throws Unwritable when the text would pass {@code maxChars} characters or the value holds itself */
    static String of(Object value, long maxChars) {
        if (!(value instanceof Collection || value instanceof Map)) {
            return String.valueOf(value);
        }
        ValueText writer = new ValueText(maxChars);
        writer.write(value);
        return writer.text.toString();
    }

    private void write(Object value) {
        if (value instanceof Map.Entry<?, ?> entry) {
            // HashMap's, TreeMap's and AbstractMap's entries all print key=value
            write(entry.getKey());
            append("=");
            write(entry.getValue());
            return;
        }
        if (!(value instanceof Collection || value instanceof Map)) {
            append(String.valueOf(value));
            return;
        }
        if (value instanceof ContextMap member && member.rendersEmpty()) {
            return;
        }
        Style style = value instanceof ContextMap ? Style.JAVA_MAP : STYLES.get(value.getClass());
        if (style == Style.OWN) {
            append(value.toString()); // e.g. $context members printing empty; bounded by the deep-size check
            return;
        }
        if (++depth > MAX_DEPTH) {
            throw new Unwritable(true);
        }
        switch (style) {
            case JSON_ARRAY -> writeJson((JSONArray) value);
            case JAVA_MAP -> writeMap((Map<?, ?>) value);
            default -> writeCollection((Collection<?>) value);
        }
        depth--;
    }

    /** As AbstractCollection.toString. */
    private void writeCollection(Collection<?> collection) {
        append("[");
        for (Iterator<?> it = collection.iterator(); it.hasNext(); ) {
            write(it.next());
            if (it.hasNext()) {
                append(", ");
            }
        }
        append("]");
    }

    /** As AbstractMap.toString. */
    private void writeMap(Map<?, ?> map) {
        append("{");
        for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
            write(it.next());
            if (it.hasNext()) {
                append(", ");
            }
        }
        append("}");
    }

    /** As JSONArray.toString: compact JSON, written by json-smart into the bounded buffer. */
    private void writeJson(JSONArray array) {
        try {
            array.writeJSONString(new Appendable() {
                @Override
                public Appendable append(CharSequence s) {
                    ValueText.this.append(s);
                    return this;
                }

                @Override
                public Appendable append(CharSequence s, int start, int end) {
                    ValueText.this.append(s.subSequence(start, end));
                    return this;
                }

                @Override
                public Appendable append(char c) {
                    ValueText.this.append(String.valueOf(c));
                    return this;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not fail
        } catch (StackOverflowError e) {
            throw new Unwritable(true); // json-smart recursing into a value that holds itself
        }
    }

    private void append(CharSequence piece) {
        if (text.length() + (long) piece.length() > maxChars) {
            throw new Unwritable(false);
        }
        text.append(piece);
    }
}
