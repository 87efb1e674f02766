package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** What a parsed file is, judged by its root (architecture contract §2). */
public enum SpecKind {
    OPENAPI3("OpenAPI 3"),
    SWAGGER2("Swagger 2.0"),
    CLOUDFORMATION("CloudFormation/SAM template"),
    /** A schema fragment, a template file, anything else: not checked on its own. */
    NOT_AN_API("not an API definition");

    private final String label;

    SpecKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SpecKind of(JsonNode root) {
        if (root == null || !root.isObject()) {
            return NOT_AN_API;
        }
        if (root.hasNonNull("openapi")) {
            return OPENAPI3;
        }
        if (root.hasNonNull("swagger")) {
            return SWAGGER2;
        }
        if (root.has("AWSTemplateFormatVersion") || root.has("Resources")) {
            return CLOUDFORMATION;
        }
        return NOT_AN_API;
    }
}
