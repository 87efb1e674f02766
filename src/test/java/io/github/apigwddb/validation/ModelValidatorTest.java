package io.github.apigwddb.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.SpecFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Swagger 2: the body model of the user trial's createOrder, by $ref into definitions. */
    private static final String SWAGGER = """
            swagger: "2.0"
            info: {title: t, version: "1"}
            paths: {}
            definitions:
              NewOrder:
                type: object
                required: [customerId, total, items]
                properties:
                  customerId: {type: string, pattern: "^[A-Za-z0-9-]{1,64}$"}
                  total: {type: number, minimum: 0}
                  items:
                    type: array
                    minItems: 1
                    maxItems: 50
                    items:
                      type: object
                      required: [sku, quantity]
                      properties:
                        sku: {type: string, pattern: "^[A-Z0-9-]{1,32}$"}
                        quantity: {type: integer, minimum: 1}
                  note: {type: string, format: email, oneOf: [{maxLength: 1}, {maxLength: 2}]}
            """;

    private static List<String> violations(String document, String schema, String body) throws Exception {
        JsonNode root = new DocumentParser().parse(document, SpecFormat.YAML).root();
        return new BodyModel(root, JSON.readTree(schema)).violations(JSON.readTree(body));
    }

    private static List<String> order(String body) throws Exception {
        return violations(SWAGGER, "{\"$ref\": \"#/definitions/NewOrder\"}", body);
    }

    @Test
    void aBodyThatBreaksTheModelNamesEachMemberAndWhatIsWrong() throws Exception {
        assertThat(order("{\"customerId\": \"c 1 \\\"x\", \"total\": -5, \"items\": [{\"sku\": \"A\", \"quantity\": 1}]}")).containsExactly(
                "$.customerId: does not match the regex pattern ^[A-Za-z0-9-]{1,64}$",
                "$.total: must have a minimum value of 0");
        assertThat(order("{\"customerId\": \"c-1\", \"total\": 1}")).containsExactly("$: required property 'items' not found");
        assertThat(order("{\"customerId\": \"c-1\", \"total\": 1, \"items\": [{\"sku\": \"a\", \"quantity\": 1.5}]}")).containsExactly(
                "$.items[0].sku: does not match the regex pattern ^[A-Z0-9-]{1,32}$",
                "$.items[0].quantity: number found, integer expected");
    }

    @Test
    void aBodyTheModelAllowsHasNoViolations() throws Exception {
        assertThat(order("{\"customerId\": \"c-1\", \"total\": 0, \"items\": [{\"sku\": \"A-1\", \"quantity\": 2}]}")).isEmpty();
    }

    @Test
    void whatApiGatewayDropsOnImportOrIsNotKnownToCheckRejectsNothing() throws Exception {
        // minItems/maxItems are not in simple validation, Swagger 2 has no oneOf, and no format is known to be checked
        String items = "[" + "{\"sku\": \"A\", \"quantity\": 1},".repeat(60) + "{\"sku\": \"A\", \"quantity\": 1}]";
        assertThat(order("{\"customerId\": \"c-1\", \"total\": 1, \"items\": []}")).isEmpty();
        assertThat(order("{\"customerId\": \"c-1\", \"total\": 1, \"items\": " + items + "}")).isEmpty();
        assertThat(order("{\"customerId\": \"c-1\", \"total\": 1, \"items\": [], \"note\": \"not an address\"}")).isEmpty();
        // 1.0 is an integer; a value at an exclusive minimum is accepted, as API Gateway does not support exclusiveMinimum
        assertThat(order("{\"customerId\": \"c-1\", \"total\": 1, \"items\": [{\"sku\": \"A\", \"quantity\": 1.0}]}")).isEmpty();
        assertThat(violations(SWAGGER, "{\"type\": \"number\", \"minimum\": 0, \"exclusiveMinimum\": true}", "0")).isEmpty();
        assertThat(violations(SWAGGER, "{\"type\": \"number\", \"minimum\": 0, \"exclusiveMinimum\": true}", "-1")).hasSize(1);
    }

    @Test
    void openApi3KeepsOneOfAndReadsNullable() throws Exception {
        String openapi = """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths: {}
                components:
                  schemas:
                    Pet:
                      type: object
                      properties:
                        name: {type: string, nullable: true, example: Rex}
                        size: {oneOf: [{type: integer}, {type: string, enum: [S, M]}]}
                """;
        String pet = "{\"$ref\": \"#/components/schemas/Pet\"}";
        assertThat(violations(openapi, pet, "{\"name\": null, \"size\": \"M\"}")).isEmpty();
        assertThat(violations(openapi, pet, "{\"name\": \"Rex\", \"size\": \"XL\"}")).first().asString()
                .isEqualTo("$.size: must be valid to one and only one schema, but 0 are valid");
    }

    @Test
    void aModelThatReachesOutOfTheDocumentIsNotClaimedToRejectAnything() throws Exception {
        assertThat(order("{\"customerId\": 1}")).isNotEmpty();
        assertThat(violations(SWAGGER, "{\"$ref\": \"https://example.invalid/schemas/order.json\"}", "{\"customerId\": 1}")).isEmpty();
        assertThat(violations(SWAGGER, "{\"$ref\": \"#/definitions/Missing\"}", "{\"customerId\": 1}")).isEmpty();
    }

    private static final String OPENAPI = """
            openapi: 3.0.1
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                Self: {$ref: "#/components/schemas/Self"}
                Ping: {allOf: [{$ref: "#/components/schemas/Pong"}]}
                Pong: {$ref: "#/components/schemas/Ping"}
                Node:
                  type: object
                  properties:
                    name: {type: string, maxLength: 3}
                    children: {type: array, items: {$ref: "#/components/schemas/Node"}}
            """;

    /** Crash hunt: a model's $ref out of the document was fetched over HTTP, or read from a file, and decided the finding. */
    @Test
    void aReferenceOutOfTheDocumentIsNeitherFetchedNorReadAndTheRestStillCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strict.json");
        Files.writeString(file, "{\"type\": \"integer\", \"maximum\": 0}");
        String schema = "{\"type\": \"object\", \"properties\": {\"f\": {\"$ref\": \"" + file.toUri() + "\"},"
                + " \"h\": {\"$ref\": \"http://127.0.0.1:9/x.json\"}, \"p\": {\"$ref\": \"parts.yaml#/B\"},"
                + " \"c\": {\"$ref\": \"classpath:draft-04-schema.json\"}, \"m\": {\"$ref\": \"#/components/schemas/Missing\"},"
                + " \"i\": {\"id\": \"" + dir.toUri() + "\", \"$ref\": \"strict.json\"},"
                + " \"name\": {\"type\": \"string\", \"maxLength\": 2}}}";

        assertThat(violations(OPENAPI, schema, "{\"f\": 5, \"h\": 5, \"p\": 5, \"c\": 5, \"m\": 5, \"i\": 5, \"name\": \"long\"}"))
                .containsExactly("$.name: must be at most 2 characters long");
    }

    /** Crash hunt: ^(.*a){25}$ on 35 a's and a '!' backtracked without end and hung the build. */
    @Test
    void aPatternThatBacktracksWithoutEndOrDoesNotCompileAcceptsTheValue() throws Exception {
        String schema = "{\"type\": \"object\", \"properties\": {\"slow\": {\"type\": \"string\", \"pattern\": \"^(.*a){25}$\"},"
                + " \"broken\": {\"type\": \"string\", \"pattern\": \"[unclosed\"}, \"n\": {\"type\": \"integer\"}}}";

        assertThat(violations(OPENAPI, schema, "{\"slow\": \"" + "a".repeat(35) + "!\", \"broken\": \"x\", \"n\": \"one\"}"))
                .containsExactly("$.n: string found, integer expected");
        assertThat(BoundedPatterns.INSTANCE.getRegularExpression("^b+$").matches("abbb")).isFalse();
        assertThat(BoundedPatterns.INSTANCE.getRegularExpression("b+").matches("abbb")).isTrue(); // a search, as JSON Schema's
    }

    /** Crash hunt: a model that refers to itself for the same value ended in StackOverflowError (DDB000). */
    @Test
    void aModelThatLoopsOnOneValueAcceptsItAndARecursiveStructureIsStillValidated() throws Exception {
        assertThat(violations(OPENAPI, "{\"$ref\": \"#/components/schemas/Self\"}", "{\"a\": 1}")).isEmpty();
        assertThat(violations(OPENAPI, "{\"$ref\": \"#/components/schemas/Ping\"}", "{\"a\": 1}")).isEmpty();
        assertThat(violations(OPENAPI, "{\"$ref\": \"#/components/schemas/Node\"}",
                "{\"name\": \"a\", \"children\": [{\"name\": \"b\", \"children\": [{\"name\": \"toolong\"}]}]}"))
                .containsExactly("$.children[0].children[0].name: must be at most 3 characters long");
    }
}
