package io.github.apigwddb.vtl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compiled templates of a run, by text, keeping the {@code capacity} most recently used.
 *
 * <p>Bounded because most request templates are used by one operation only (the table name is written into
 * them): kept to the end of the run, a syntax tree of about 10 KB per operation stayed in memory, 100 MB at
 * 10,000 operations, and the collector copied each from generation to generation while the check ran. A template
 * many operations share stays, as every use makes it recent again; one that comes back after {@code capacity}
 * other templates is compiled again, which costs time but gives the same result. Thread-safe; compiling happens
 * outside the lock.
 */
final class RecentTemplates {

    static final int DEFAULT_CAPACITY = 1024;

    private final Map<String, Object> entries;

    RecentTemplates(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The entry of {@code text}, now the most recently used; null when there is none. */
    synchronized Object get(String text) {
        return entries.get(text);
    }

    /** Keeps {@code entry} unless another thread compiled the same text meanwhile; returns the one kept. */
    synchronized Object putIfAbsent(String text, Object entry) {
        Object kept = entries.putIfAbsent(text, entry);
        return kept == null ? entry : kept;
    }

    synchronized int size() {
        return entries.size();
    }
}
