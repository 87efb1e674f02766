package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(root.at("/paths/~1x/post/requestBody/content/application~1json/schema/properties/children/items/$ref").asText())
                .isEqualTo("#/components/schemas/Category_2");
    }
}
