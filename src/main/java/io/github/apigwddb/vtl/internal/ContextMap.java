package io.github.apigwddb.vtl.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@code $context} member map. A HashMap so that keySet() iterates in the order AWS shows (facts §7,
 * S13). Some members print as an empty string while their keys remain iterable (facts §4);
 * override maps also detect a parameter set twice (facts §7: 5XX on AWS).
 */
public final class ContextMap extends HashMap<String, Object> {

    private static final long serialVersionUID = 1L;

    private final boolean rendersEmpty;
    private final String overridePrefix;

    ContextMap(boolean rendersEmpty, String overridePrefix) {
        this.rendersEmpty = rendersEmpty;
        this.overridePrefix = overridePrefix;
    }

    static ContextMap plain() {
        return new ContextMap(false, null);
    }

    @Override
    public Object put(String key, Object value) {
        if (overridePrefix != null && containsKey(key)) {
            RenderGuard guard = RenderGuard.current();
            if (guard != null) {
                guard.duplicateOverride(overridePrefix + "." + key);
            }
        }
        return super.put(key, value);
    }

    @Override
    public void putAll(Map<? extends String, ?> values) {
        values.forEach(this::put);
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        Object existing = get(key);
        return existing == null ? put(key, value) : existing;
    }

    /** Whether it prints as an empty string (its keys still iterate). */
    boolean rendersEmpty() {
        return rendersEmpty;
    }

    @Override
    public String toString() {
        return rendersEmpty ? "" : super.toString();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
