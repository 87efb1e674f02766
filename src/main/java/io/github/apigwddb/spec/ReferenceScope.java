package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Where a walk over a definition stands, as far as {@code $ref}s go: in an extension or in literal data (an
 * {@code example}, an {@code enum}) a {@code $ref} is a value like any other and nothing resolves it, and in a map of
 * names (of properties, paths, media types...) {@code $ref} would be a name. The check and the bundle walk alike.
 *
 * @param nameMap the object's members are names, never keywords
 * @param exampleEntry the object is one entry of an OpenAPI 3 {@code examples} map, whose {@code value} is data
 * @param examplesMap the object is such an {@code examples} map
 * @param schema the object is (in) a schema, where a reference may lead back to itself (a tree)
 */
public record ReferenceScope(boolean swagger2, boolean nameMap, boolean exampleEntry, boolean examplesMap, boolean schema) {

    /** Objects whose members are names (of properties, paths, statuses, media types...), never keywords. */
    private static final Set<String> NAME_MAPS = Set.of("properties", "patternProperties", "definitions", "$defs", "schemas",
            "paths", "responses", "parameters", "requestBodies", "headers", "securitySchemes", "securityDefinitions",
            "links", "callbacks", "content", "encoding", "variables", "examples", "webhooks", "pathItems");

    /** Members whose value is a schema, or a map of named schemas. */
    private static final Set<String> SCHEMA_MEMBERS = Set.of("schema", "schemas", "definitions");

    /** Members holding literal data. */
    private static final Set<String> DATA_MEMBERS = Set.of("example", "x-example", "enum", "default", "const");

    /** The scope of a definition's root object. */
    public static ReferenceScope root(SpecKind kind) {
        return new ReferenceScope(kind == SpecKind.SWAGGER2, false, false, false, false);
    }

    /** Whether a {@code $ref} member of an object in this scope is a reference. */
    public boolean refIsReference() {
        return !nameMap;
    }

    /** The scope of member {@code key}'s value, or null when nothing in it can be a reference. */
    public ReferenceScope member(String key, JsonNode value) {
        if (!value.isContainerNode() || (!nameMap && isData(key, value))) {
            return null;
        }
        boolean childNameMap = !nameMap && value.isObject() && NAME_MAPS.contains(key);
        return new ReferenceScope(swagger2, childNameMap, nameMap && examplesMap, childNameMap && key.equals("examples"),
                schema || !nameMap && SCHEMA_MEMBERS.contains(key));
    }

    /** The scope of an array's elements. */
    public ReferenceScope element() {
        return new ReferenceScope(swagger2, false, false, false, schema);
    }

    /** Whether a keyword's value is data or an extension. */
    private boolean isData(String key, JsonNode value) {
        if (key.startsWith("x-") || DATA_MEMBERS.contains(key)) {
            return true;
        }
        if (key.equals("examples")) {
            // a list of values (JSON Schema), or Swagger 2's media type -> value; OpenAPI 3's is a map of Example Objects
            return value.isArray() || swagger2;
        }
        return exampleEntry && key.equals("value");
    }
}
