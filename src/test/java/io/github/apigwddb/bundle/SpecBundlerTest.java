package io.github.apigwddb.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecBundlerTest {

    @TempDir
    Path project;

    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: t, version: "1"}
            paths:
              /items:
                post:
                  x-apigw-examples:
                    - {name: one, body: {"id": "1"}}
                  x-apigw-ignore: [{rules: [AGW011], reason: legacy}]
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: "schemas/item.yaml#/Item"}
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Result"}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:{{apigw:region}}:dynamodb:action/PutItem
                    credentials: "{{apigw:role}}"
                    requestTemplates:
                      application/json: |
                        {"TableName": "{{apigw:table}}", "Item": {"id": {"S": "$input.path('$.id')"}}}
                    responses:
                      default: {statusCode: "200"}
            components:
              schemas:
                Result: {type: object}
            """;

    private static final String SCHEMA = """
            Item:
              type: object
              properties:
                id: {type: string}
                tags: {$ref: "#/Tags"}
            Tags:
              type: array
              items: {type: string}
            """;

    @Test
    void inlinesFilesStripsPluginExtensionsAndFillsPlaceholders() throws Exception {
        LoadedSpec spec = setUp(SPEC);
        SpecBundler.Bundle bundle = new SpecBundler().bundle(spec, options(Map.of("region", "eu-west-1",
                "role", "arn:aws:iam::123456789012:role/api", "table", "Items")));

        assertThat(bundle.problems()).isEmpty();
        assertThat(bundle.format()).isEqualTo(BundleOptions.Format.YAML);
        JsonNode root = new DocumentParser().parse(bundle.text(), SpecFormat.YAML).root();
        JsonNode schema = root.at("/paths/~1items/post/requestBody/content/application~1json/schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.at("/properties/tags/type").asText()).isEqualTo("array");
        assertThat(bundle.text()).doesNotContain("schemas/item.yaml").doesNotContain("x-apigw-");
        assertThat(root.at("/paths/~1items/post/responses/200/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Result");
        JsonNode integration = root.at("/paths/~1items/post/x-amazon-apigateway-integration");
        assertThat(integration.path("uri").asText()).isEqualTo("arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem");
        assertThat(integration.at("/requestTemplates/application~1json").asText()).contains("\"TableName\": \"Items\"").contains("$input.path('$.id')");
        assertThat(integration.at("/responses/default/statusCode").isTextual()).isTrue();
    }

    @Test
    void sameInputGivesTheSameBytes() throws Exception {
        LoadedSpec spec = setUp(SPEC);
        BundleOptions options = new BundleOptions(BundleOptions.Format.JSON, true, Map.of("region", "r", "role", "x", "table", "T"), project);
        String first = new SpecBundler().bundle(spec, options).text();
        String second = new SpecBundler().bundle(new SpecLoader().load(spec.file()).spec(), options).text();
        assertThat(first).isEqualTo(second).doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void unresolvedPlaceholderIsAProblemNamingItAtItsPosition() throws Exception {
        SpecBundler.Bundle bundle = new SpecBundler().bundle(setUp(SPEC), options(Map.of("region", "eu-west-1", "table", "Items")));
        assertThat(bundle.ok()).isFalse();
        assertThat(bundle.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("{{apigw:role}}");
            assertThat(p.line()).isEqualTo(23);
        });
    }

    @Test
    void refusesReferencesLeavingTheProjectOrTheMachine() throws Exception {
        String outside = SPEC.replace("schemas/item.yaml#/Item", "../../../../etc/item.yaml#/Item");
        assertThat(new SpecBundler().bundle(setUp(outside), options(Map.of("region", "r", "role", "x", "table", "T"))).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("only files of the repository are read"));
        String remote = SPEC.replace("schemas/item.yaml#/Item", "https://example.com/item.yaml#/Item");
        assertThat(new SpecBundler().bundle(setUp(remote), options(Map.of("region", "r", "role", "x", "table", "T"))).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("is remote"));
    }

    @Test
    void circularFileReferencesAreAProblemNotAHang() throws Exception {
        LoadedSpec spec = setUp(SPEC);
        Files.writeString(project.resolve("src/main/apigateway/schemas/item.yaml"), "Item: {$ref: 'other.yaml#/X'}\n");
        Files.writeString(project.resolve("src/main/apigateway/schemas/other.yaml"), "X: {$ref: 'item.yaml#/Item'}\n");
        assertThat(new SpecBundler().bundle(spec, options(Map.of("region", "r", "role", "x", "table", "T"))).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("circular"));
    }

    /**
     * A schema of another file that contains itself (a tree) becomes a schema of the definition's own that refers to
     * itself, as one written in a single file does (multi-file trial: the bundle refused it as circular).
     */
    @Test
    void aRecursiveSchemaOfAnotherFileBecomesOneOfTheDefinitionsOwn() throws Exception {
        String tree = """
                Item:
                  type: object
                  properties:
                    id: {type: string}
                    parts: {type: array, items: {$ref: "#/Item"}}
                """;
        LoadedSpec spec = setUp(SPEC.replace("Result: {type: object}", "Result: {type: object}\n    Item: {type: string}"));
        Files.writeString(project.resolve("src/main/apigateway/schemas/item.yaml"), tree);
        SpecBundler.Bundle bundle = new SpecBundler().bundle(spec, options(Map.of("region", "r", "role", "x", "table", "T")));

        assertThat(bundle.problems()).isEmpty();
        JsonNode root = new DocumentParser().parse(bundle.text(), SpecFormat.YAML).root();
        // the definition's own Item keeps its name; the tree takes the next free one, and refers to itself there
        assertThat(root.at("/components/schemas/Item/type").asText()).isEqualTo("string");
        JsonNode hoisted = root.at("/components/schemas/Item_2");
        assertThat(hoisted.at("/properties/id/type").asText()).isEqualTo("string");
        assertThat(hoisted.at("/properties/parts/items/$ref").asText()).isEqualTo("#/components/schemas/Item_2");
        // used from the operation and from itself: written once, the operation refers to it
        assertThat(root.at("/paths/~1items/post/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Item_2");

        // Swagger 2 keeps its schemas in definitions
        Path swagger = project.resolve("src/main/apigateway/swagger.yaml");
        Files.writeString(swagger, """
                swagger: "2.0"
                info: {title: t, version: "1"}
                paths:
                  /items:
                    post:
                      parameters: [{name: body, in: body, schema: {$ref: "schemas/item.yaml#/Item"}}]
                      responses: {"200": {description: ok}}
                """);
        SpecBundler.Bundle swagger2 = new SpecBundler().bundle(new SpecLoader().load(swagger).spec(),
                options(Map.of("region", "r", "role", "x", "table", "T")));
        assertThat(swagger2.problems()).isEmpty();
        assertThat(new DocumentParser().parse(swagger2.text(), SpecFormat.YAML).root().at("/definitions/Item/properties/parts/items/$ref")
                .asText()).isEqualTo("#/definitions/Item");
    }

    /**
     * Schemas of another file that each use the next twice: copied at each use, 30 levels made 2^30 copies (the crash
     * hunt's heap exhaustion); a schema used again is made the definition's own once and every use refers to it.
     */
    @Test
    void aSchemaOfAnotherFileUsedAgainIsSharedNotCopiedAgain() throws Exception {
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            chain.append("S").append(i).append(":\n  type: object\n  properties:\n    a: {$ref: \"#/S").append(i + 1)
                    .append("\"}\n    b: {$ref: \"#/S").append(i + 1).append("\"}\n");
        }
        chain.append("S30: {type: string}\n");
        LoadedSpec spec = setUp(SPEC.replace("schemas/item.yaml#/Item", "schemas/item.yaml#/S0"));
        Files.writeString(project.resolve("src/main/apigateway/schemas/item.yaml"), chain.toString());
        SpecBundler.Bundle bundle = new SpecBundler().bundle(spec, options(Map.of("region", "r", "role", "x", "table", "T")));

        assertThat(bundle.problems()).isEmpty();
        assertThat(bundle.text().length()).isLessThan(20_000);
        JsonNode root = new DocumentParser().parse(bundle.text(), SpecFormat.YAML).root();
        JsonNode schema = root.at("/paths/~1items/post/requestBody/content/application~1json/schema");
        // S0, used once, is written in place; S1, used twice, is made the definition's own and both uses refer to it
        assertThat(schema.at("/properties/a/$ref").asText()).isEqualTo("#/components/schemas/S1");
        assertThat(schema.at("/properties/b/$ref").asText()).isEqualTo("#/components/schemas/S1");
        assertThat(root.at("/components/schemas/S0").isMissingNode()).isTrue();
        assertThat(root.at("/components/schemas/S1/properties/a/$ref").asText()).isEqualTo("#/components/schemas/S2");
        assertThat(root.at("/components/schemas/S30/type").asText()).isEqualTo("string");
    }

    /**
     * A root that names the schemas of another file in its components ({@code Product: {$ref: parts/schemas.yaml#/Product}})
     * gets them there under those names, and every use, from any file or through the root's entry, refers to that one
     * (user trial: {@code Product: {$ref: Product_2}} beside a copy {@code Product_2}, operations inlining some uses
     * and referring to others; API Gateway makes a model of each entry).
     */
    @Test
    void componentsThatAreReferencesToAnotherFileHoldItsSchemasAndEveryUseRefersToThem() throws Exception {
        Path dir = project.resolve("src/main/apigateway");
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(dir.resolve("parts/schemas.yaml"), """
                Error: {type: object, properties: {message: {type: string}}}
                Product:
                  type: object
                  properties: {sku: {type: string}, price: {$ref: "#/Money"}, related: {type: array, items: {$ref: "#/Product"}}}
                NewProduct: {type: object, properties: {price: {$ref: "#/Money"}}}
                Money: {type: number, minimum: 0}
                """);
        Files.writeString(dir.resolve("parts/paths.yaml"), """
                x-shared:
                  errorContent: &errorContent
                    application/json:
                      schema: {$ref: "schemas.yaml#/Error"}
                /products/{sku}:
                  get:
                    responses:
                      "200": {description: ok, content: {application/json: {schema: {$ref: "schemas.yaml#/Product"}}}}
                      "400": {description: bad, content: *errorContent}
                      "500": {description: failed, content: *errorContent}
                  put:
                    requestBody: {content: {application/json: {schema: {$ref: "schemas.yaml#/NewProduct"}}}}
                    responses:
                      "204": {description: stored}
                      "400": {description: bad, content: *errorContent}
                """);
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /products:
                    get:
                      responses:
                        "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Product"}}}}}
                  /products/{sku}: {$ref: "parts/paths.yaml#/~1products~1{sku}"}
                components:
                  schemas:
                    Product: {$ref: "parts/schemas.yaml#/Product"}
                    NewProduct: {$ref: "parts/schemas.yaml#/NewProduct"}
                    Error: {$ref: "parts/schemas.yaml#/Error"}
                """);
        SpecBundler.Bundle bundle = new SpecBundler().bundle(new SpecLoader().load(file).spec(), options(Map.of()));

        assertThat(bundle.problems()).isEmpty();
        JsonNode root = new DocumentParser().parse(bundle.text(), SpecFormat.YAML).root();
        JsonNode schemas = root.at("/components/schemas");
        // the entries hold the schemas themselves, and no twin is made; Money, used twice, is written once
        assertThat(schemas.fieldNames()).toIterable().containsExactly("Product", "NewProduct", "Error", "Money");
        assertThat(schemas.at("/Product/properties/sku/type").asText()).isEqualTo("string");
        assertThat(schemas.at("/Product/properties/related/items/$ref").asText()).isEqualTo("#/components/schemas/Product");
        assertThat(schemas.at("/Product/properties/price/$ref").asText()).isEqualTo("#/components/schemas/Money");
        assertThat(schemas.at("/NewProduct/properties/price/$ref").asText()).isEqualTo("#/components/schemas/Money");
        assertThat(schemas.at("/Error/properties/message/type").asText()).isEqualTo("string");
        assertThat(schemas.at("/Money/type").asText()).isEqualTo("number");
        JsonNode item = root.at("/paths/~1products~1{sku}");
        assertThat(root.at("/paths/~1products/get/responses/200/content/application~1json/schema/items/$ref").asText())
                .isEqualTo("#/components/schemas/Product");
        assertThat(item.at("/get/responses/200/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Product");
        assertThat(item.at("/put/requestBody/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/NewProduct");
        // the YAML alias: each of its uses refers to Error
        for (String use : new String[] {"/get/responses/400", "/get/responses/500", "/put/responses/400"}) {
            assertThat(item.at(use + "/content/application~1json/schema/$ref").asText()).as(use).isEqualTo("#/components/schemas/Error");
        }
        assertThat(bundle.text()).doesNotContain("_2").doesNotContain("schemas.yaml");
    }

    /**
     * Entries of the other component maps that are references hold what they name under their name; a use of the same
     * part of the other file is written in place, as every part that is no schema is (API Gateway makes no model of it).
     */
    @Test
    void otherComponentEntriesThatAreReferencesHoldWhatTheyName() throws Exception {
        Path dir = project.resolve("src/main/apigateway");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("parts.yaml"), """
                Failed: {description: failed, content: {application/json: {schema: {$ref: "#/Error"}}}}
                Error: {type: object}
                """);
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /a: {get: {responses: {"500": {$ref: "#/components/responses/Failed"}}}}
                  /b: {get: {responses: {"500": {$ref: "parts.yaml#/Failed"}}}}
                components:
                  responses:
                    Failed: {$ref: "parts.yaml#/Failed"}
                  schemas:
                    Error: {$ref: "parts.yaml#/Error"}
                """);
        SpecBundler.Bundle bundle = new SpecBundler().bundle(new SpecLoader().load(file).spec(), options(Map.of()));

        assertThat(bundle.problems()).isEmpty();
        JsonNode root = new DocumentParser().parse(bundle.text(), SpecFormat.YAML).root();
        assertThat(root.at("/components/responses").fieldNames()).toIterable().containsExactly("Failed");
        assertThat(root.at("/components/responses/Failed/description").asText()).isEqualTo("failed");
        assertThat(root.at("/components/responses/Failed/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Error");
        assertThat(root.at("/paths/~1a/get/responses/500/$ref").asText()).isEqualTo("#/components/responses/Failed");
        assertThat(root.at("/paths/~1b/get/responses/500/description").asText()).isEqualTo("failed");
        assertThat(root.at("/paths/~1b/get/responses/500/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Error");
        assertThat(root.at("/components/schemas").fieldNames()).toIterable().containsExactly("Error");
    }

    /** Swagger 2 alike, in {@code definitions}. */
    @Test
    void definitionsThatAreReferencesToAnotherFileHoldItsSchemas() throws Exception {
        Path dir = project.resolve("src/main/apigateway");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("schemas.yaml"), "Item: {type: object, properties: {id: {type: string}}}\n");
        Path file = dir.resolve("swagger.yaml");
        Files.writeString(file, """
                swagger: "2.0"
                info: {title: t, version: "1"}
                paths:
                  /items:
                    post:
                      parameters: [{name: body, in: body, schema: {$ref: "schemas.yaml#/Item"}}]
                      responses: {"200": {description: ok, schema: {$ref: "#/definitions/Item"}}}
                definitions:
                  Item: {$ref: "schemas.yaml#/Item"}
                """);
        SpecBundler.Bundle bundle = new SpecBundler().bundle(new SpecLoader().load(file).spec(), options(Map.of()));

        assertThat(bundle.problems()).isEmpty();
        JsonNode root = new DocumentParser().parse(bundle.text(), SpecFormat.YAML).root();
        assertThat(root.path("definitions").fieldNames()).toIterable().containsExactly("Item");
        assertThat(root.at("/definitions/Item/properties/id/type").asText()).isEqualTo("string");
        assertThat(root.at("/paths/~1items/post/parameters/0/schema/$ref").asText()).isEqualTo("#/definitions/Item");
        assertThat(root.at("/paths/~1items/post/responses/200/schema/$ref").asText()).isEqualTo("#/definitions/Item");
    }

    /** A long chain of files is not a circle, and is not called one (crash hunt: "'c32.yaml' is circular"). */
    @Test
    void aChainOfFilesLongerThanIsFollowedIsSaidAsSuch() throws Exception {
        LoadedSpec spec = setUp(SPEC.replace("schemas/item.yaml#/Item", "schemas/c0.yaml"));
        for (int i = 0; i < 40; i++) {
            Files.writeString(project.resolve("src/main/apigateway/schemas/c" + i + ".yaml"),
                    "type: object\nproperties:\n  next: {$ref: \"c" + (i + 1) + ".yaml\"}\n");
        }
        Files.writeString(project.resolve("src/main/apigateway/schemas/c40.yaml"), "type: string\n");

        assertThat(new SpecBundler().bundle(spec, options(Map.of("region", "r", "role", "x", "table", "T"))).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("Reference 'c32.yaml' is number 33 in a chain")
                        .doesNotContain("circular"));
    }

    @Test
    void followsPercentEncodedReferencesAsTheCheckDoes() throws Exception {
        LoadedSpec spec = setUp(SPEC.replace("schemas/item.yaml#/Item", "schemas/my%20item.yaml#/My%20Item"));
        Files.writeString(project.resolve("src/main/apigateway/schemas/my item.yaml"), SCHEMA.replace("Item:", "My Item:"));
        SpecBundler.Bundle bundle = new SpecBundler().bundle(spec, options(Map.of("region", "r", "role", "x", "table", "T")));
        assertThat(bundle.problems()).isEmpty();
        assertThat(bundle.text()).doesNotContain("my%20item");
    }

    @Test
    void aReferencedFileThatIsNotUtf8OrNoPathIsAProblemNotACrash() throws Exception {
        LoadedSpec spec = setUp(SPEC);
        byte[] latin1 = "Item: {description: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(project.resolve("src/main/apigateway/schemas/item.yaml"), latin1);
        assertThat(new SpecBundler().bundle(spec, options(Map.of("region", "r", "role", "x", "table", "T"))).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("item.yaml").contains("not UTF-8"));
        LoadedSpec nul = setUp(SPEC.replace("schemas/item.yaml#/Item", "schemas/it\\0em.yaml#/Item"));
        assertThat(new SpecBundler().bundle(nul, options(Map.of("region", "r", "role", "x", "table", "T"))).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not a file path"));
    }

    @Test
    void aRefInsideExampleDataIsDataNotAReference() throws Exception {
        LoadedSpec spec = setUp(SPEC.replace("- {name: one, body: {\"id\": \"1\"}}", "- {name: one, body: {\"id\": \"1\", \"doc\": {\"$ref\": \"stored.json\"}}}")
                .replace("schema: {$ref: \"schemas/item.yaml#/Item\"}", "schema: {$ref: \"schemas/item.yaml#/Item\"}\n            example: {doc: {$ref: \"other.json\"}}"));
        SpecBundler.Bundle bundle = new SpecBundler().bundle(spec, options(Map.of("region", "r", "role", "x", "table", "T")));
        assertThat(bundle.problems()).isEmpty();
        assertThat(bundle.text()).contains("other.json");
    }

    private BundleOptions options(Map<String, String> values) {
        return new BundleOptions(null, true, values, project);
    }

    private LoadedSpec setUp(String spec) throws Exception {
        Path dir = project.resolve("src/main/apigateway");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/item.yaml"), SCHEMA);
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, spec);
        return new SpecLoader().load(file).spec();
    }
}
