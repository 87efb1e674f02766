package io.github.apigwddb.dynamodb.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.apigwddb.spec.TextPosition;

/**
 * A DynamoDB table as far as request validation needs it: its name, primary key, attribute types and indexes.
 *
 * @param name           the table name, or null when the definition does not fix it (a CloudFormation table
 *                       without {@code TableName}, or one named by an expression that cannot be resolved)
 * @param label          how to name the table in messages: the name, else the CloudFormation logical id
 * @param partitionKey   the partition (HASH) key
 * @param sortKey        the sort (RANGE) key, or null
 * @param attributeTypes the declared AttributeDefinitions, name to {@code S}/{@code N}/{@code B}
 * @param indexes        the global and local secondary indexes
 * @param file           the file the definition was read from
 * @param position       where in that file the definition starts
 */
public record TableSchema(String name, String label, KeyAttribute partitionKey, KeyAttribute sortKey,
        Map<String, String> attributeTypes, List<SecondaryIndex> indexes, Path file, TextPosition position) {

    public TableSchema {
        attributeTypes = Map.copyOf(attributeTypes);
        indexes = List.copyOf(indexes);
    }

    public List<KeyAttribute> keys() {
        return sortKey == null ? List.of(partitionKey) : List.of(partitionKey, sortKey);
    }

    public boolean isKeyAttribute(String attribute) {
        return keys().stream().anyMatch(k -> k.name().equals(attribute));
    }

    public Optional<SecondaryIndex> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }
}
