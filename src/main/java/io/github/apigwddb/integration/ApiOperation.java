package io.github.apigwddb.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.rules.OperationRef;

/**
 * One operation of an API definition.
 *
 * @param pointer JSON pointer of the operation object, e.g. {@code /paths/~1items/post}
 * @param pathItem the path item holding it (for path-level parameters)
 */
public record ApiOperation(OperationRef ref, String pointer, JsonNode node, JsonNode pathItem) {

    public String method() {
        return ref.method();
    }

    public String path() {
        return ref.path();
    }
}
