package io.github.apigwddb.rules;

import java.util.Locale;

/** The API operation a finding belongs to: {@code METHOD /path} and the operationId when there is one. */
public record OperationRef(String method, String path, String operationId) {

    public OperationRef {
        method = method.toUpperCase(Locale.ROOT);
    }

    /** {@code POST /items}: SARIF's fullyQualifiedName. */
    public String qualifiedName() {
        return method + " " + path;
    }

    /** {@code POST /items [putItem]}, or {@code POST /items} without an operationId. */
    public String display() {
        return operationId == null ? qualifiedName() : qualifiedName() + " [" + operationId + "]";
    }

    /**
     * The name used for sidecar example files and reports when there is no operationId:
     * {@code POST__items} ({@code /}, braces replaced by {@code _}), as the examples contract says.
     */
    public String fileSafeName() {
        if (operationId != null && !operationId.isBlank()) {
            return operationId;
        }
        return method + "_" + path.replaceAll("[/{}]", "_");
    }
}
