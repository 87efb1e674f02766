package io.github.apigwddb.dynamodb.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One table definition found in a file, in CreateTable form ({@code KeySchema}, {@code AttributeDefinitions},
 * {@code GlobalSecondaryIndexes}, {@code LocalSecondaryIndexes}), before it is checked and turned into a
 * {@link TableSchema}.
 *
 * @param definition the CreateTable-shaped object
 * @param pointer    its JSON pointer in the file, for positions
 * @param name       the table name, or null when the definition does not fix one
 * @param label      the name, or what to call the table when it has none (a CloudFormation logical id)
 */
record TableDefinition(JsonNode definition, String pointer, String name, String label) {
}
