package io.github.apigwddb.cloudformation;

import java.util.List;

/**
 * A DynamoDB table as a template declares it: what a request can be checked against (name, key schema with
 * attribute types, indexes). Plain data, free of CloudFormation, so table schemas from other files can use it.
 *
 * @param name the table name (its {@code TableName}, else the logical id standing in for the generated name)
 * @param logicalId the resource's logical id
 * @param pointer JSON pointer of the resource in its template
 */
public record TableDefinition(String name, String logicalId, KeyAttribute partitionKey, KeyAttribute sortKey,
        List<Index> globalIndexes, List<Index> localIndexes, String pointer) {

    /** A key attribute and its type: {@code S}, {@code N} or {@code B}; type null when AttributeDefinitions lacks it. */
    public record KeyAttribute(String name, String type) {
    }

    /** A secondary index: its name, keys (sort key may be null) and projection type. */
    public record Index(String name, KeyAttribute partitionKey, KeyAttribute sortKey, String projectionType) {
    }

    public TableDefinition {
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
    }
}
