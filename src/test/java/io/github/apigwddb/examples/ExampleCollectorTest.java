package io.github.apigwddb.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.SourceRoot;
import io.github.apigwddb.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleCollectorTest {

    @TempDir
    Path dir;

    @Test
    void aSidecarFileThatIsNotUtf8SaysWhichByteAndWhere() throws Exception {
        Files.write(sidecars().resolve("op.yaml"), new byte[] {'-', ' ', 'n', 'a', 'm', 'e', ':', ' ', 'a', '\n', ' ', ' ', 'b', (byte) 0xFF});

        assertThat(collect().problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.EXM004);
            assertThat(p.message()).isEqualTo("Example file is not UTF-8 text: byte 0xFF cannot start or continue a UTF-8 character;"
                    + " save the file as UTF-8");
            assertThat(p.position().line()).isEqualTo(2);
            assertThat(p.position().column()).isEqualTo(4);
        });
    }

    @Test
    void aTruncatedSidecarFileSaysWhereWithoutJacksonInternals() throws Exception {
        Files.writeString(sidecars().resolve("op.json"), "[{\"name\": \"a\", \"body\": {\"id\": 1}");

        assertThat(collect().problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.EXM004);
            assertThat(p.message()).isEqualTo("Example file is not valid JSON: Unexpected end-of-input: expected close marker"
                    + " for Object (start marker at line 1, column 2)");
        });
    }

    @Test
    void anExampleNameUsedTwiceForAnOperationIsExm006AtTheSecondName() throws Exception {
        Files.writeString(sidecars().resolve("op.yaml"), "- name: found\n  body: {id: '2'}\n- name: missing\n  body: {id: '3'}\n");

        ExampleSet set = collect("      x-apigw-examples:\n        - name: found\n          body: {id: '1'}\n");

        assertThat(set.examples()).extracting(Example::name).containsExactly("found", "found", "missing");
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.EXM006);
            assertThat(p.message()).isEqualTo("Another example of this operation is also named 'found': findings and reports could not"
                    + " tell them apart, and apigw:render -Dapigw.example=found renders the first; give each example its own name");
            assertThat(p.file().getFileName()).hasToString("op.yaml");
            assertThat(p.position().line()).isEqualTo(1);
            assertThat(p.position().column()).isEqualTo(3);
            assertThat(p.example()).isEqualTo("found");
        });
    }

    @Test
    void examplesWithoutNamesInBothSourcesAreNoExm006() throws Exception {
        Files.writeString(sidecars().resolve("op.yaml"), "- body: {id: '2'}\n");

        ExampleSet set = collect("      x-apigw-examples:\n        - body: {id: '1'}\n");

        assertThat(set.examples()).extracting(Example::name).containsExactly("example-1", "example-1");
        assertThat(set.problems()).isEmpty();
    }

    @Test
    void anExampleOfParametersOnlyIsNamedAfterTheParametersNamedExample() throws Exception {
        ExampleSet named = collect("      parameters:\n        - {name: id, in: query, schema: {type: string}, examples: {sample: {value: '7'}}}\n");
        assertThat(named.examples()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("sample");
            assertThat(e.querystring()).containsEntry("id", "7");
        });

        ExampleSet unnamed = collect("      parameters:\n        - {name: id, in: query, schema: {type: string}, example: '7'}\n");
        assertThat(unnamed.examples()).extracting(Example::name).containsExactly("spec-example");
    }

    private Path sidecars() throws Exception {
        return Files.createDirectories(dir.resolve("examples"));
    }

    /**
     * A form's example is sent as a browser sends the form, URL-encoded with the form's Content-Type, so its template is
     * rendered (user trial: a Swagger 2 formData x-example went out as JSON without a body, an EXM005 415).
     */
    @Test
    void aFormsExampleIsItsFieldsUrlEncoded() throws Exception {
        String swagger = """
                swagger: "2.0"
                info: {title: t, version: '1'}
                paths:
                  /subscribe:
                    post:
                      consumes: [application/x-www-form-urlencoded]
                      parameters:
                        - {name: email, in: formData, type: string, required: true, x-example: "ann+news@example.com"}
                        - {name: list, in: formData, type: string, required: true, x-example: "week ly"}
                      responses: {'200': {description: ok}}
                """;
        assertThat(collectFrom("swagger.yaml", swagger).examples()).singleElement().satisfies(e -> {
            assertThat(e.contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(e.body()).isEqualTo("email=ann%2Bnews%40example.com&list=week+ly");
        });
        // made up where no field has an example: the required fields, sampled
        assertThat(collectFrom("made-up.yaml", swagger.replaceAll(", x-example: \"[^\"]*\"", "")).examples()).singleElement()
                .satisfies(e -> {
                    assertThat(e.contentType()).isEqualTo("application/x-www-form-urlencoded");
                    assertThat(e.body()).startsWith("email=").contains("&list=");
                });
        // OpenAPI 3 writes a form's example as an object
        assertThat(collect("      requestBody: {content: {application/x-www-form-urlencoded: {example: {email: a@b.c, n: 2}}}}\n")
                .examples()).singleElement().satisfies(e -> {
                    assertThat(e.contentType()).isEqualTo("application/x-www-form-urlencoded");
                    assertThat(e.body()).isEqualTo("email=a%40b.c&n=2");
                });
        // a Swagger 2 form whose only example is a query parameter's: the required fields sampled, still a form
        assertThat(collectFrom("query-only.yaml", swagger.replaceAll(", x-example: \"[^\"]*\"", "").replace("parameters:\n",
                "parameters:\n        - {name: v, in: query, type: string, x-example: '2'}\n")).examples()).singleElement().satisfies(e -> {
                    assertThat(e.querystring()).containsEntry("v", "2");
                    assertThat(e.contentType()).isEqualTo("application/x-www-form-urlencoded");
                    assertThat(e.body()).startsWith("email=").contains("&list=");
                });
        // an OpenAPI 3 form made up from its schema, with parameters on its media type
        assertThat(collect("      requestBody: {content: {'application/x-www-form-urlencoded; charset=UTF-8': {schema: {type: object,"
                + " required: [email], properties: {email: {type: string}}}}}}\n").examples()).singleElement().satisfies(e -> {
                    assertThat(e.contentType()).isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
                    assertThat(e.body()).startsWith("email=");
                });
        // a user's example with the form's Content-Type and its fields as an object; a list is the field repeated
        assertThat(collect("      x-apigw-examples:\n        - {contentType: application/x-www-form-urlencoded, body: {email: c@x.org,"
                + " tags: [a, b]}}\n").examples()).singleElement().satisfies(e -> assertThat(e.body()).isEqualTo("email=c%40x.org&tags=a&tags=b"));
    }

    /**
     * An OpenAPI 3 body of a JSON and a form media type: each one's examples are sent with it, so both templates are
     * rendered (left by the last trial: only the JSON ones were); a name the JSON examples took gets the media type.
     */
    @Test
    void eachMediaTypesExamplesAreSentWithIt() throws Exception {
        ExampleSet set = collect("      requestBody:\n        content:\n"
                + "          application/x-www-form-urlencoded: {example: {email: a@b.c}}\n"
                + "          application/json: {examples: {spec-example: {value: {email: j@b.c}}, other: {value: {email: o@b.c}}}}\n"
                + "          application/xml: {example: {email: x@b.c}}\n"
                + "          text/plain: {example: 'email x@b.c'}\n");

        assertThat(set.examples()).extracting(Example::name, Example::contentType, Example::body).containsExactly(
                tuple("spec-example", "application/json", "{\"email\":\"j@b.c\"}"),
                tuple("other", "application/json", "{\"email\":\"o@b.c\"}"),
                tuple("spec-example (application/x-www-form-urlencoded)", "application/x-www-form-urlencoded", "email=a%40b.c"),
                // an object is not what a client sends as XML; a text example is sent as written
                tuple("spec-example (text/plain)", "text/plain", "email x@b.c"));
        assertThat(set.examples().get(2).pointer()).endsWith("/application~1x-www-form-urlencoded/example");
    }

    /**
     * A JSON media type with a schema and no example, beside a form one with an example: a body made up from the JSON
     * schema is sent too, so the JSON template is rendered as well (review); a JSON type with parameters is JSON.
     */
    @Test
    void aJsonMediaTypeWithoutAnExampleGetsOneMadeUpWhenAnotherMediaTypeHasOne() throws Exception {
        ExampleSet set = collect("      requestBody:\n        content:\n"
                + "          application/x-www-form-urlencoded: {example: {email: a@b.c}}\n"
                + "          'application/json; charset=utf-8': {schema: {type: object, required: [email],"
                + " properties: {email: {type: string, example: j@b.c}}}}\n");

        assertThat(set.examples()).extracting(Example::name, Example::source, Example::contentType, Example::body).containsExactly(
                tuple("synthesised", ExampleSource.SYNTHESISED, "application/json; charset=utf-8", "{\"email\":\"j@b.c\"}"),
                tuple("spec-example", ExampleSource.SPEC, "application/x-www-form-urlencoded", "email=a%40b.c"));
        assertThat(set.examples().get(0).pointer()).endsWith("/application~1json; charset=utf-8/schema");
    }

    /** A form body made up for an example of parameters only is URL-encoded too, as its media type says. */
    @Test
    void aFormBodyMadeUpForParameterExamplesIsUrlEncoded() throws Exception {
        assertThat(collect("      parameters:\n        - {name: v, in: query, schema: {type: string}, example: '2'}\n"
                + "      requestBody: {content: {application/x-www-form-urlencoded: {schema: {type: object, required: [email],"
                + " properties: {email: {type: string, example: a@b.c}}}}}}\n").examples()).singleElement().satisfies(e -> {
                    assertThat(e.contentType()).isEqualTo("application/x-www-form-urlencoded");
                    assertThat(e.body()).isEqualTo("email=a%40b.c");
                });
    }

    /** A map member of the wrong type is named (user trial: "Must be an object of names to values" said not which). */
    @Test
    void aMapMemberOfAnotherTypeIsNamed() throws Exception {
        Files.writeString(sidecars().resolve("op.yaml"), "- name: a\n  querystring: [1, 2]\n");

        assertThat(collect().problems()).extracting(ExampleProblem::message)
                .containsExactly("querystring must be an object of names to values, such as querystring: {name: value}");
    }

    /** A misspelt member is named with the one meant, as a misspelt POM parameter is (user trial). */
    @Test
    void aMisspeltMemberOfAnExampleSaysWhichOneWasMeant() throws Exception {
        Files.writeString(sidecars().resolve("op.yaml"), "- name: a\n  dynamoResponse: {status: 200}\n  expect: {statuss: 200}\n"
                + "- name: b\n  dynamodbResponse: {status: 200, bdy: {}}\n");

        assertThat(collect().problems()).extracting(ExampleProblem::message).containsExactly(
                "Unknown example member 'dynamoResponse' (did you mean 'dynamodbResponse'?); known members: body, contentType, context,"
                        + " dynamodbResponse, expect, headers, name, path, querystring, stageVariables",
                "Unknown expect member 'statuss' (did you mean 'status'?); known members: request, requestText, response, responseText, status",
                "Unknown dynamodbResponse member 'bdy' (did you mean 'body'?); known members: body, status");
    }

    /**
     * A user's example without a path parameter is EXM008 at the example and rendered with one made up (user trial: the
     * template got a DDB007 for the key the example left out); an empty value is none either.
     */
    @Test
    void anExampleWithoutAPathParameterIsExm008AndGetsOneMadeUp() throws Exception {
        String spec = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /orders/{orderNo}/lines/{line}:\n    patch:\n"
                + "      operationId: setNote\n      parameters:\n        - {name: orderNo, in: path, required: true, schema: {type: integer}}\n"
                + "        - {name: line, in: path, required: true, schema: {type: string}}\n"
                + "      responses: {'200': {description: ok}}\n      x-apigw-examples:\n"
                + "        - {name: complete, path: {orderNo: '7', line: a}}\n        - {name: note-only, body: {note: gift}}\n"
                + "        - {name: empty-line, path: {orderNo: '7', line: ''}}\n"
                + "      x-amazon-apigateway-integration: {type: aws, uri: 'arn:aws:apigateway:eu-west-1:dynamodb:action/UpdateItem'}\n";

        ExampleSet set = collectFrom("orders.yaml", spec);

        assertThat(set.examples()).extracting(Example::name, Example::path).containsExactly(
                tuple("complete", Map.of("orderNo", "7", "line", "a")),
                tuple("note-only", Map.of("orderNo", "1", "line", "example-line")),
                tuple("empty-line", Map.of("orderNo", "7", "line", "example-line")));
        assertThat(set.problems()).filteredOn(p -> p.rule() == Rule.EXM008).extracting(ExampleProblem::example, ExampleProblem::message)
                .containsExactly(tuple("note-only", "Example gives no value for path parameters line, orderNo, which every request to the"
                        + " operation has; rendered with line=example-line, orderNo=1 made up: add path: {line: ..., orderNo: ...} to the example"),
                        tuple("empty-line", "Example gives no value for path parameter line, which every request to the operation has;"
                                + " rendered with line=example-line made up: add path: {line: ...} to the example"));
        assertThat(set.problems()).filteredOn(p -> "empty-line".equals(p.example())).singleElement()
                .satisfies(p -> assertThat(p.position().line()).isEqualTo(14)); // on its line
    }

    /**
     * An examples file no operation reads is EXM007, with the name meant when one is close (user trial: a misspelt
     * file and its expectations were passed over without a word); a file of another type is not an examples file.
     */
    @Test
    void anExamplesFileOfNoOperationIsExm007WithTheNameMeant() throws Exception {
        Path examples = sidecars();
        for (String name : new String[] {"op.yaml", "opp.yaml", "OP.json", "op-old.yml", "unrelated.yaml", "README.md"}) {
            Files.writeString(examples.resolve(name), "- {name: a}\n");
        }
        Path spec = Files.writeString(dir.resolve("api.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n"
                + "  /items:\n    post:\n      operationId: op\n      responses: {'200': {description: ok}}\n");
        LoadedSpec loaded = new SpecLoader().load(spec).spec();
        ExampleCollector collector = new ExampleCollector(examples);
        IntegrationExtractor.operations(loaded.root()).forEach(collector::claim);

        assertThat(collector.unclaimedFiles()).extracting(p -> p.file().getFileName().toString(), ExampleProblem::message).containsExactly(
                tuple("OP.json", "Example file OP.json is the examples of no operation of the definitions checked, so none of its examples"
                        + " is rendered; did you mean op.json?"),
                tuple("op-old.yml", "Example file op-old.yml is the examples of no operation of the definitions checked, so none of its"
                        + " examples is rendered; did you mean op.yml?"),
                tuple("opp.yaml", "Example file opp.yaml is the examples of no operation of the definitions checked, so none of its"
                        + " examples is rendered; did you mean op.yaml?"),
                tuple("unrelated.yaml", "Example file unrelated.yaml is the examples of no operation of the definitions checked, so none"
                        + " of its examples is rendered; a file is named after its operation's operationId (else <METHOD>_<path>, e.g."
                        + " POST__items.yaml)"));
    }

    /**
     * A file the operation reads under another name is not EXM007: where the file system ignores case, op.yaml opens
     * OP.yaml, and its examples are rendered (review); here a link gives the one file its second name.
     */
    @Test
    void anExamplesFileReadUnderAnotherNameIsNoExm007() throws Exception {
        Path examples = sidecars();
        Path file = Files.writeString(examples.resolve("OP.yaml"), "- {name: a}\n");
        Files.createSymbolicLink(examples.resolve("op.yaml"), file.getFileName());
        Files.writeString(examples.resolve("opp.yaml"), "- {name: a}\n");
        Path spec = Files.writeString(dir.resolve("api.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n"
                + "  /items:\n    post:\n      operationId: op\n      responses: {'200': {description: ok}}\n");
        LoadedSpec loaded = new SpecLoader().load(spec).spec();
        ExampleCollector collector = new ExampleCollector(examples);
        IntegrationExtractor.operations(loaded.root()).forEach(collector::claim);

        assertThat(collector.unclaimedFiles()).extracting(p -> p.file().getFileName().toString()).containsExactly("opp.yaml");
    }

    /** A sidecar file that is a link to a file outside the repository is EXM004 and not read (hostile-input review). */
    @Test
    void aSidecarLinkToAFileOutsideTheRepositoryIsNotRead() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Path outside = Files.writeString(dir.resolve("secret.yaml"), "- {name: leaked, body: {token: S3CR3T}}\n");
        Path examples = Files.createDirectories(repository.resolve("examples"));
        Files.createSymbolicLink(examples.resolve("op.yaml"), outside);
        Path spec = Files.writeString(repository.resolve("api.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n"
                + "  /items:\n    post:\n      operationId: op\n      responses: {'200': {description: ok}}\n");
        LoadedSpec loaded = new SpecLoader().load(spec).spec();

        ExampleSet set = new ExampleCollector(examples, SourceRoot.of(repository)).collect(loaded, IntegrationExtractor.operations(loaded.root()).get(0));

        assertThat(set.examples()).extracting(Example::name).doesNotContain("leaked");
        assertThat(set.problems()).filteredOn(p -> p.rule() == Rule.EXM004).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("The example file leads to " + outside.toRealPath() + ", outside ")
                        .endsWith("; it is not read"));
    }

    private ExampleSet collectFrom(String name, String text) throws Exception {
        LoadedSpec loaded = new SpecLoader().load(Files.writeString(dir.resolve(name), text)).spec();
        return new ExampleCollector(dir.resolve("examples")).collect(loaded, IntegrationExtractor.operations(loaded.root()).get(0));
    }

    private ExampleSet collect() throws Exception {
        return collect("");
    }

    /** @param more members of the operation */
    private ExampleSet collect(String more) throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n"
                + "  /items:\n    post:\n      operationId: op\n      responses: {'200': {description: ok}}\n" + more
                + "      x-amazon-apigateway-integration: {type: aws, uri: 'arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem'}\n");
        LoadedSpec loaded = new SpecLoader().load(spec).spec();
        ExampleSet set = new ExampleCollector(dir.resolve("examples")).collect(loaded, IntegrationExtractor.operations(loaded.root()).get(0));
        return new ExampleSet(set.examples(), set.problems().stream().filter(p -> p.rule() != Rule.EXM002).toList());
    }
}
