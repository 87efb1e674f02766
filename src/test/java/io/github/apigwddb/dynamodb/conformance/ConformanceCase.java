package io.github.apigwddb.dynamodb.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request of the conformance suite.
 *
 * @param id      stable id, {@code <Action>/<what was changed>}; divergences name cases by it
 * @param action  the DynamoDB action
 * @param request the request body
 */
record ConformanceCase(String id, String action, JsonNode request) {
}
