package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What inlining the parts of other files makes of a definition, where the bundle and the check tests do not look. */
class ExternalReferencesTest {

    @TempDir
    Path dir;

    /**
     * A recursive schema made the definition's own takes a name its components do not have as inlined, not only as
     * written: components taken from another file keep their own schema of that name (review).
     */
    @Test
    void aHoistedSchemaNeverWritesOverOneOfComponentsTakenFromAnotherFile() throws Exception {
        Files.writeString(dir.resolve("components.yaml"), "schemas:\n  Category: {type: string, description: its own}\n");
        Files.writeString(dir.resolve("defs.yaml"), "Category:\n  type: object\n  properties:\n    children: {type: array, items: {$ref: '#/Category'}}\n");
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                components: {$ref: "components.yaml"}
                paths:
                  /x:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: "defs.yaml#/Category"}
                      responses: {"200": {description: ok}}
                """);
        JsonNode root = new ExternalReferences(new SpecLoader().load(spec).spec(), null, null).inlined();

        assertThat(root.at("/components/schemas/Category/description").asText()).isEqualTo("its own");
        assertThat(root.at("/components/schemas/Category_2/properties/children/items/$ref").asText()).isEqualTo("#/components/schemas/Category_2");
        assertThat(root.at("/paths/~1x/post/requestBody/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Category_2");
    }

    /**
     * A schema used once, inside one used twice, stays written in place in that one: the second writing of the shared
     * schema (a pass copies it before it knows it is shared) does not count as another use.
     */
    @Test
    void aSchemaUsedOnceInsideASharedOneStaysInPlace() throws Exception {
        Files.writeString(dir.resolve("defs.yaml"), "Order:\n  type: object\n  properties: {total: {$ref: '#/Money'}}\nMoney: {type: number}\n");
        JsonNode root = inlined(post("/a", "defs.yaml#/Order") + post("/b", "defs.yaml#/Order"));

        assertThat(root.at("/components/schemas").fieldNames()).toIterable().containsExactly("Order");
        assertThat(root.at("/components/schemas/Order/properties/total/type").asText()).isEqualTo("number");
        assertThat(body(root, "/a").path("$ref").asText()).isEqualTo("#/components/schemas/Order");
        assertThat(body(root, "/b").path("$ref").asText()).isEqualTo("#/components/schemas/Order");
    }

    /** A path item of another file used by two paths is copied to each, a schema in it written once for both. */
    @Test
    void aSchemaInAPathItemUsedTwiceIsWrittenOnce() throws Exception {
        Files.writeString(dir.resolve("defs.yaml"), "Order: {type: object}\n");
        Files.writeString(dir.resolve("paths.yaml"), post("item", "defs.yaml#/Order"));
        Path spec = spec("""
                paths:
                  /a: {$ref: "paths.yaml#/item"}
                  /b: {$ref: "paths.yaml#/item"}
                """);
        JsonNode root = new ExternalReferences(new SpecLoader().load(spec).spec(), null, null).inlined();

        assertThat(root.at("/components/schemas").fieldNames()).toIterable().containsExactly("Order");
        assertThat(body(root, "/a").path("$ref").asText()).isEqualTo("#/components/schemas/Order");
        assertThat(body(root, "/b").path("$ref").asText()).isEqualTo("#/components/schemas/Order");
    }

    /**
     * The root's entry holds the schema also when it reaches it through another reference, or when the components are
     * taken from another file: every use of any schema on the way refers to the entry.
     */
    @Test
    void anEntryThatReachesASchemaThroughAChainOrFromAComponentsFileHoldsIt() throws Exception {
        Files.writeString(dir.resolve("defs.yaml"), "Order: {type: object, properties: {id: {type: string}}}\n");
        Files.writeString(dir.resolve("alias.yaml"), "Order: {$ref: 'defs.yaml#/Order'}\n");
        Files.writeString(dir.resolve("components.yaml"), "schemas:\n  Order: {$ref: 'alias.yaml#/Order'}\n");
        for (String components : new String[] {"components: {schemas: {Order: {$ref: 'alias.yaml#/Order'}}}\n", "components: {$ref: 'components.yaml'}\n"}) {
            JsonNode root = inlined(post("/a", "defs.yaml#/Order") + post("/b", "alias.yaml#/Order") + components);

            assertThat(root.at("/components/schemas").fieldNames()).toIterable().as(components).containsExactly("Order");
            assertThat(root.at("/components/schemas/Order/properties/id/type").asText()).isEqualTo("string");
            assertThat(body(root, "/a").path("$ref").asText()).as(components).isEqualTo("#/components/schemas/Order");
            assertThat(body(root, "/b").path("$ref").asText()).as(components).isEqualTo("#/components/schemas/Order");
        }
    }

    /** An entry that is a reference leading back to itself through references alone is still refused, not made a loop. */
    @Test
    void anEntryThatLeadsBackToItselfIsRefused() throws Exception {
        Files.writeString(dir.resolve("defs.yaml"), "Order: {$ref: '#/Order'}\n");
        List<String> problems = new ArrayList<>();
        new ExternalReferences(new SpecLoader().load(spec("paths: {}\ncomponents: {schemas: {Order: {$ref: 'defs.yaml#/Order'}}}\n")).spec(),
                null, (reason, message, file, document, pointer) -> problems.add(reason + " " + message)).inlined();

        assertThat(problems).singleElement().asString().startsWith("CIRCULAR");
    }

    private static String post(String path, String schemaRef) {
        return """
                  %s:
                    post:
                      requestBody: {content: {application/json: {schema: {$ref: "%s"}}}}
                      responses: {"200": {description: ok}}
                """.formatted(path, schemaRef);
    }

    private JsonNode inlined(String pathsAndMore) throws Exception {
        String text = "paths:\n" + pathsAndMore;
        return new ExternalReferences(new SpecLoader().load(spec(text)).spec(), null, null).inlined();
    }

    private Path spec(String body) throws Exception {
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, "openapi: 3.0.1\ninfo: {title: t, version: \"1\"}\n" + body);
        return spec;
    }

    private static JsonNode body(JsonNode root, String path) {
        return root.path("paths").path(path).at("/post/requestBody/content/application~1json/schema");
    }
}
