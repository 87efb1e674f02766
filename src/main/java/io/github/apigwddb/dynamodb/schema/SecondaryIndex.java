package io.github.apigwddb.dynamodb.schema;

import java.util.List;

/**
 * A global or local secondary index.
 *
 * @param name             the IndexName
 * @param global           true for a GSI, false for an LSI
 * @param partitionKey     the index's partition (HASH) key
 * @param sortKey          the index's sort (RANGE) key, or null
 * @param projectionType   {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE} (null when the definition names none)
 * @param nonKeyAttributes the projected non-key attributes of an {@code INCLUDE} projection
 */
public record SecondaryIndex(String name, boolean global, KeyAttribute partitionKey, KeyAttribute sortKey,
        String projectionType, List<String> nonKeyAttributes) {

    public SecondaryIndex {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    public List<KeyAttribute> keys() {
        return sortKey == null ? List.of(partitionKey) : List.of(partitionKey, sortKey);
    }
}
