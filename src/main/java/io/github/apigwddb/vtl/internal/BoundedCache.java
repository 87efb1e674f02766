package io.github.apigwddb.vtl.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What renders work out again and again (regexes, JSONPaths, method lookups), kept per key up to a fixed number
 * of entries: templates are untrusted, and one that makes up a new key on every call must not fill memory. Past
 * the bound, or for a key not worth keeping, the value is worked out on every call. Thread-safe. A computation
 * that throws is not kept.
 */
final class BoundedCache<K, V> {

    private final int maxEntries;
    private final Map<K, V> entries = new ConcurrentHashMap<>();

    BoundedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The value kept for {@code key}, or null: lets a hot caller skip building the computation of a miss. */
    V find(K key) {
        return entries.get(key);
    }

    /** The value for {@code key}, computed (and kept when {@code keep} and there is room) on first use. */
    V get(K key, boolean keep, Function<K, V> compute) {
        V value = entries.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (keep && entries.size() < maxEntries) {
                entries.put(key, value);
            }
        }
        return value;
    }
}
