package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCheckTest {

    @TempDir
    Path dir;

    private final SpecLoader loader = new SpecLoader();

    private static String spec(String schema, String extra) {
        return "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /items:\n    post:\n      requestBody:\n"
                + "        content:\n          application/json:\n            schema: " + schema + "\n"
                + "      responses: {'200': {description: ok}}\n" + extra
                + "components:\n  schemas:\n    Item: {type: object}\n    Other: {$ref: '#/paths/~1items/post/responses'}\n";
    }

    @Test
    void aMisspelledComponentIsSpec004AtTheRefWithTheNameMeant() throws Exception {
        LoadResult result = load("api.yaml", spec("{$ref: '#/components/schemas/Itme'}", ""));

        assertThat(result.problems()).filteredOn(p -> p.rule() == Rule.SPEC004).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("$ref '#/components/schemas/Itme' does not exist in this file;"
                    + " did you mean '#/components/schemas/Item'?");
            assertThat(p.position().line()).isEqualTo(9);
            assertThat(p.position().column()).as("at $ref").isEqualTo(22);
        });
        assertThat(result.problems()).as("no second finding from swagger-parser").noneMatch(p -> p.rule() == Rule.SPEC002);
    }

    @Test
    void aPointerWithNothingCloseNamesWhatIsMissing() throws Exception {
        LoadResult result = load("api.yaml", spec("{$ref: '#/components/responses/Item'}", ""));

        assertThat(messages(result)).containsExactly("$ref '#/components/responses/Item' does not exist in this file:"
                + " '#/components' has no member 'responses'");
        assertThat(messages(load("api.yaml", spec("{$ref: '#/definitions/Item'}", ""))))
                .containsExactly("$ref '#/definitions/Item' does not exist in this file: there is no 'definitions' at its root");
    }

    @Test
    void refsThatResolveAreNoFinding() throws Exception {
        Files.writeString(dir.resolve("common schemas.yaml"), "Widget: {type: object}\n");
        LoadResult result = load("api.yaml", spec("{$ref: 'common%20schemas.yaml#/Widget'}",
                "      parameters: [{$ref: '#/components/schemas/Item'}]\n"));

        assertThat(messages(result)).isEmpty();
    }

    @Test
    void aMissingFileOrAMissingPointerInAFileIsSpec004() throws Exception {
        assertThat(messages(load("api.yaml", spec("{$ref: 'missing.yaml#/Foo'}", ""))))
                .singleElement().asString().startsWith("$ref 'missing.yaml#/Foo' leads nowhere: " + dir.resolve("missing.yaml"))
                .contains("does not exist");

        Files.writeString(dir.resolve("common.yaml"), "Widget: {type: object}\n");
        assertThat(messages(load("api.yaml", spec("{$ref: 'common.yaml#/Widgte'}", ""))))
                .containsExactly("$ref 'common.yaml#/Widgte' does not exist in common.yaml; did you mean 'common.yaml#/Widget'?");

        Files.writeString(dir.resolve("broken.yaml"), "Widget: [unclosed\n");
        assertThat(messages(load("api.yaml", spec("{$ref: 'broken.yaml#/Widget'}", ""))))
                .singleElement().asString().contains("broken.yaml is not valid YAML at [");

        Files.write(dir.resolve("latin1.yaml"), new byte[] {'W', ':', ' ', (byte) 0xE9});
        assertThat(messages(load("api.yaml", spec("{$ref: 'latin1.yaml#/W'}", ""))))
                .singleElement().asString().endsWith("latin1.yaml is not UTF-8 text: byte 0xE9 at line 1, column 4 cannot start"
                        + " or continue a UTF-8 character; save the file as UTF-8 (said at the first reference into it only)");
    }

    @Test
    void aFragmentThatIsNoPointerIsSaidSo() throws Exception {
        assertThat(messages(load("api.yaml", spec("{$ref: '#components/schemas/Item'}", ""))))
                .singleElement().asString().contains("is no JSON pointer: after '#' it must start with '/'");
    }

    @Test
    void refsInExtensionsAndExampleValuesAreData() throws Exception {
        String extra = "      x-amazon-apigateway-integration: {type: aws, requestTemplates: {x: {$ref: '#/nowhere'}}}\n"
                + "      x-apigw-examples: [{name: a, body: {$ref: '#/nowhere'}}]\n";
        String schema = "{type: object, example: {$ref: '#/nowhere'}, default: {$ref: '#/nowhere'},"
                + " properties: {example: {$ref: '#/components/schemas/Nope'}}}";
        LoadResult result = load("api.yaml", spec(schema, extra));

        assertThat(messages(result)).as("a property named 'example' is a schema, so its $ref is one")
                .singleElement().asString().startsWith("$ref '#/components/schemas/Nope'");
    }

    @Test
    void openApiExampleObjectsMayBeReferencesButTheirValuesAreData() throws Exception {
        String extra = "      x-note: 1\n";
        String schema = "{type: object}\n            examples:\n"
                + "              one: {$ref: '#/components/examples/Missing'}\n"
                + "              two: {value: {$ref: '#/nowhere'}}";
        assertThat(messages(load("api.yaml", spec(schema, extra))))
                .singleElement().asString().startsWith("$ref '#/components/examples/Missing' does not exist");
    }

    @Test
    void urlRefsKeepTheirOwnSingleFinding() throws Exception {
        assertThat(messages(load("api.yaml", spec("{$ref: 'https://example.org/item.yaml'}", ""))))
                .singleElement().asString().contains("is not followed");
    }

    @Test
    void aCloudFormationTemplateIsNotCheckedAgainstItsOwnRoot() throws Exception {
        LoadResult result = load("template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Api:\n"
                + "    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body: {openapi: 3.0.1, paths: {},"
                + " x: {$ref: '#/components/schemas/Item'}, components: {schemas: {Item: {}}}}\n");
        assertThat(messages(result)).isEmpty();
    }

    private static List<String> messages(LoadResult result) {
        return result.problems().stream().filter(p -> p.rule() == Rule.SPEC004).map(SpecProblem::message).toList();
    }

    private LoadResult load(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return loader.load(file);
    }
}
