package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {

    @TempDir
    Path dir;

    private final SpecLoader loader = new SpecLoader();

    @Test
    void recognisesKindsOfDocument() throws Exception {
        assertThat(load("a.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n").spec().kind()).isEqualTo(SpecKind.OPENAPI3);
        assertThat(load("b.json", "{\"swagger\": \"2.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}}").spec().kind()).isEqualTo(SpecKind.SWAGGER2);
        assertThat(load("c.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n").spec().kind()).isEqualTo(SpecKind.CLOUDFORMATION);
        assertThat(load("d.yaml", "type: object\nproperties: {id: {type: string}}\n").spec().kind()).isEqualTo(SpecKind.NOT_AN_API);
    }

    /** API Gateway imports 2.0 and 3.0: a 3.1 definition is checked, and said to be outside them (advanced DynamoDB trial). */
    @Test
    void anOpenApi31DefinitionIsCheckedAndSaidToBeOutsideWhatApiGatewayImports() throws Exception {
        LoadResult result = load("v31.yaml", "info: {title: t, version: '1'}\nopenapi: 3.1.0\npaths: {}\n");
        assertThat(result.spec().kind()).isEqualTo(SpecKind.OPENAPI3);
        assertThat(result.problems()).filteredOn(p -> p.rule() == Rule.SPEC006).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("declares openapi 3.1.0");
            assertThat(p.position().line()).isEqualTo(2);
        });
        assertThat(load("v30.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n").problems())
                .noneMatch(p -> p.rule() == Rule.SPEC006);
    }

    @Test
    void yamlMergeKeysAreCheckedMergedAndSaidToNeedUnrollingBeforeDeployment() throws Exception {
        LoadResult openApi = load("merge.yaml", """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-base: &ddb {type: aws, httpMethod: POST}
                paths:
                  /a:
                    get:
                      x-amazon-apigateway-integration:
                        <<: *ddb
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem
                """);
        assertThat(openApi.spec().root().at("/paths/~1a/get/x-amazon-apigateway-integration/type").asText()).isEqualTo("aws");
        assertThat(openApi.problems()).filteredOn(p -> p.rule() == Rule.SPEC007).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("OpenAPI's YAML is 1.2", "bundle goal");
            assertThat(p.position().line()).isEqualTo(8);
        });

        // CloudFormation refuses aliases as well as merge keys: each merge key is said, and the first other alias
        LoadResult template = load("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  A: &a {Type: AWS::SNS::Topic}
                  B: *a
                  C:
                    <<: *a
                  D: *a
                """);
        assertThat(template.problems()).filteredOn(p -> p.rule() == Rule.SPEC007)
                .extracting(p -> p.position().line() + " " + p.message().substring(0, p.message().indexOf(':')))
                .containsExactly("6 YAML merge key '<<'", "4 YAML alias (the first of 2)");
        assertThat(template.problems()).filteredOn(p -> p.rule() == Rule.SPEC007).allMatch(p -> p.message().contains("aws cloudformation package"));

        assertThat(load("aliases.yaml", "openapi: 3.0.1\ninfo: &i {title: t, version: '1'}\nx-info: *i\npaths: {}\n").problems())
                .noneMatch(p -> p.rule() == Rule.SPEC007);

        // a merge key of something else than mappings: no YAML reads it as the writer meant
        assertThat(load("refused.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-a: &a {b: 1}\nx-c: {<<: [*a, 1]}\npaths: {}\n")
                .problems()).filteredOn(p -> p.rule() == Rule.SPEC007).singleElement().satisfies(p -> {
                    assertThat(p.message()).contains("no mapping or list of mappings", "expected a mapping for merging");
                    assertThat(p.position().line()).isEqualTo(4);
                });
    }

    @Test
    void brokenFileIsAFindingWithItsPosition() throws Exception {
        LoadResult result = load("broken.yaml", "openapi: 3.0.1\npaths:\n  /x:\n    get: [unclosed\n");
        assertThat(result.spec()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.SPEC001);
            assertThat(p.message()).startsWith("Not valid YAML");
            assertThat(p.position().line()).isGreaterThan(1);
        });
    }

    @Test
    void anUnknownTagCloseToAShortFormSuggestsIt() throws Exception {
        LoadResult result = load("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  T:\n    Type: AWS::DynamoDB::Table\n"
                + "    Properties:\n      BillingMode: !Iff [Prod, PROVISIONED, PAY_PER_REQUEST]\n      TableName: !Frobnicate x\n");
        assertThat(result.problems()).filteredOn(p -> p.rule() == Rule.CFN007).extracting(SpecProblem::message).containsExactly(
                "Unknown YAML tag '!Iff': it is no CloudFormation short form, so the value is read as written (did you mean !If?)",
                "Unknown YAML tag '!Frobnicate': it is no CloudFormation short form, so the value is read as written");
    }

    @Test
    void aMappingTemplateFileIsPassedOverNotReportedAsBrokenJson() throws Exception {
        LoadResult result = load("request_mapping.json", "{\n  \"TableName\": \"posts\",\n  \"Item\": $input.json('$')\n}");
        assertThat(result.spec()).isNull();
        assertThat(result.problems()).isEmpty();
        assertThat(result.skippedBecause()).contains("mapping template");
    }

    @Test
    void swaggerParserMessagesPointAtTheElement() throws Exception {
        LoadResult result = load("headers.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
                + "      responses:\n        '200':\n          description: ok\n          headers:\n            X-A:\n              type: string\n");
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.message()).contains("headers.X-A.type is unexpected");
            assertThat(p.position().line()).isEqualTo(11);
        });
    }

    @Test
    void swaggerParserSeesOperationsWithoutTheGatewaysExtensionsAndEverythingElseAsWritten() throws Exception {
        String spec = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    x-amazon-apigateway-any-method:\n"
                + "      x-amazon-apigateway-integration: {type: aws}\n      responses: {'200': {description: ok}}\n"
                + "    get:\n      x-amazon-apigateway-integration: {type: aws, uri: 'arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem'}\n"
                + "      x-apigw-examples: [{name: e}]\n      x-team: a\n      parameters: [{name: q, in: query, schema: {type: strin}}]\n"
                + "      responses: {'200': {description: ok, headers: {X-A: {type: string}}, content: {application/json: {schema: {properties:"
                + " {x-amazon-apigateway-id: {type: string}}}}}}}\n";
        JsonNode root = load("slim.yaml", spec).spec().root();

        JsonNode slim = SpecLoader.withoutGatewayExtensions(root);

        assertThat(slim.at("/paths/~1a/get").has("x-amazon-apigateway-integration")).isFalse();
        assertThat(slim.at("/paths/~1a/get").has("x-apigw-examples")).isFalse();
        assertThat(slim.at("/paths/~1a/x-amazon-apigateway-any-method").has("x-amazon-apigateway-integration")).isFalse();
        assertThat(slim.at("/paths/~1a/get/x-team").asText()).isEqualTo("a");
        assertThat(slim.at("/paths/~1a/get/responses/200/content/application~1json/schema/properties").has("x-amazon-apigateway-id")).isTrue();
        assertThat(slim.at("/info")).isSameAs(root.at("/info"));
        assertThat(root.at("/paths/~1a/get").has("x-amazon-apigateway-integration")).as("the loaded tree is untouched").isTrue();
        assertThat(load("slim.yaml", spec).problems()).extracting(SpecProblem::message).isNotEmpty()
                .containsExactlyElementsOf(SpecLoader.structureMessages(root, SpecKind.OPENAPI3, false));
    }

    @Test
    void nonUtf8AndBinaryFilesAreFindings() throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertThat(loader.load(latin1).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("The file is not UTF-8 text: byte 0xE9");
            assertThat(p.position().column()).isEqualTo(7);
        });

        Path binary = dir.resolve("bin.yaml");
        Files.write(binary, new byte[] {'a', 0, 1, 2});
        assertThat(loader.load(binary).problems()).singleElement().extracting(SpecProblem::message).asString().contains("binary");
    }

    @Test
    void anUndeclaredPathParameterNamesTheOperationsThatLackItAndPointsAtTheFirst() throws Exception {
        // a console export: the CORS OPTIONS mock of /notes/{noteId} declares no noteId
        LoadResult result = load("export.yaml", """
                swagger: "2.0"
                info: {title: t, version: "1"}
                paths:
                  /notes/{noteId}:
                    get:
                      parameters: [{name: noteId, in: path, required: true, type: string}]
                      responses: {"200": {description: ok}}
                    options:
                      responses: {"200": {description: ok}}
                """);
        assertThat(result.problems()).filteredOn(p -> p.rule() == Rule.SPEC002).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("Declared path parameter noteId needs to be defined").endsWith("(not declared by options)");
            assertThat(p.position().line()).isEqualTo(8);
        });
        // as the console writes CORS's preflight, a mock: API Gateway imports it, and the next export writes it again
        LoadResult cors = load("cors.yaml", """
                swagger: "2.0"
                info: {title: t, version: "1"}
                paths:
                  /notes/{noteId}:
                    get:
                      parameters: [{name: noteId, in: path, required: true, type: string}]
                      responses: {"200": {description: ok}}
                    options:
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
                """);
        assertThat(cors.problems()).noneMatch(p -> p.rule() == Rule.SPEC002);
    }

    /** API Gateway's greedy path variable {proxy+} is declared as proxy, the only way there (false-positive hunt). */
    @Test
    void aGreedyPathVariableDeclaredWithoutItsPlusIsNoSpec002() throws Exception {
        String spec = """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /files/{proxy+}:
                    get:
                      parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
                      responses: {"200": {description: ok}}
                    %s
                """;
        assertThat(load("greedy.yaml", spec.formatted("")).problems()).noneMatch(p -> p.rule() == Rule.SPEC002);
        // an operation of the path that does not declare it is still said
        assertThat(load("greedy2.yaml", spec.formatted("options: {responses: {\"200\": {description: ok}}}")).problems())
                .filteredOn(p -> p.rule() == Rule.SPEC002).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Declared path parameter proxy+").endsWith("(not declared by options)"));
    }

    @Test
    void aVtlEscapeWrittenIntoAJsonStringGetsAHint() throws Exception {
        LoadResult result = load("export.json", "{\"swagger\": \"2.0\", \"x\": \"replaceAll(\\\"\\'\\\", \\\"'\\\")\"}");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.SPEC001);
            assertThat(p.message()).startsWith("Not valid JSON: Unrecognized character escape ''' (code 39)")
                    .endsWith("\\' is no escape in a JSON string; write ' for an apostrophe, or \\\\' for a backslash and an apostrophe"
                            + " (what a template's replaceAll(\"\\\\'\", ...) needs)");
        });
    }

    @Test
    void swaggerParserMessagesBecomeSpecFindings() throws Exception {
        LoadResult result = load("invalid.yaml", "openapi: 3.0.1\npaths: {}\n");
        assertThat(result.spec()).isNotNull();
        assertThat(result.problems()).extracting(SpecProblem::rule).contains(Rule.SPEC002);
        assertThat(result.problems()).extracting(SpecProblem::message).anyMatch(m -> m.contains("info"));
    }

    @Test
    void keepsSwagger2ExtensionsIntact() throws Exception {
        LoadResult result = load("s.json", "{\"swagger\": \"2.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {\"/a\": {\"post\": {"
                + "\"responses\": {\"200\": {\"description\": \"ok\"}},"
                + "\"x-amazon-apigateway-integration\": {\"type\": \"aws\", \"requestTemplates\": {\"application/json\": \"{}\"}}}}}}");
        assertThat(result.spec().root().at("/paths/~1a/post/x-amazon-apigateway-integration/requestTemplates/application~1json").asText()).isEqualTo("{}");
    }

    @Test
    void anEmptyFileIsPassedOverSayingWhy() throws Exception {
        for (String content : new String[] {"", "\n  \n", "\uFEFF"}) {
            LoadResult result = load("empty.yaml", content);
            assertThat(result.spec()).isNull();
            assertThat(result.problems()).isEmpty();
            assertThat(result.skippedBecause()).isEqualTo("the file is empty");
        }
        assertThat(load("comments.yaml", "# to do\n").skippedBecause()).isEqualTo("the file is empty (only comments)");
        assertThat(load("empty.json", "").skippedBecause()).isEqualTo("the file is empty");
    }

    @Test
    void aByteOrderMarkChangesNeitherTheDocumentNorItsPositions() throws Exception {
        String yaml = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a: {}\n";
        String json = "{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {\"/a\": {}}}";
        for (String[] file : new String[][] {{"api.yaml", yaml}, {"api.json", json}}) {
            LoadResult plain = load("plain-" + file[0], file[1]);
            LoadResult marked = load("bom-" + file[0], "\uFEFF" + file[1]);
            assertThat(marked.problems()).as(file[0]).isEmpty();
            assertThat(marked.spec().kind()).as(file[0]).isEqualTo(SpecKind.OPENAPI3);
            assertThat(marked.spec().root()).as(file[0]).isEqualTo(plain.spec().root());
            for (String pointer : new String[] {"/openapi", "/info/title", "/paths/~1a"}) {
                assertThat(marked.spec().locate(pointer)).as(file[0] + pointer).isEqualTo(plain.spec().locate(pointer));
            }
        }
    }

    private LoadResult load(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return loader.load(file);
    }
}
