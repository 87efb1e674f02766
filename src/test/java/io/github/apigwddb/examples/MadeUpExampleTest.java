package io.github.apigwddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.SpecLoader;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example made up for an operation without one gives the inputs its request template reads a value where the
 * schemas give none, a value that fits where the template writes it; examples the user gives stay as given.
 */
class MadeUpExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LoadedSpec spec(String operation) throws Exception {
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    post:
                      operationId: op
                """ + operation.indent(6) + """
                      responses:
                        "200": {description: ok}
                components:
                  schemas:
                    Partial:
                      type: object
                      properties:
                        name: {type: string, example: Ada}
                    Closed:
                      type: object
                      additionalProperties: false
                      properties:
                        name: {type: string}
                """);
        return new SpecLoader().load(file).spec();
    }

    private static ExampleSet collect(LoadedSpec spec, String template) throws Exception {
        ApiOperation operation = IntegrationExtractor.operations(spec.root()).get(0);
        TemplateReads reads = TemplateReads.of(new ApiGatewayTemplateEngine().compile("t", template));
        return new ExampleCollector(null).collect(spec, operation, reads);
    }

    private static JsonNode body(Example example) throws Exception {
        return JSON.readTree(example.body());
    }

    /** A member a #foreach goes over is a list: text would make the loop never run, a batch of no keys (false DDB010). */
    @Test
    void aMemberTheTemplateLoopsOverIsMadeUpAsAList() throws Exception {
        String template = """
                {"Statements": [#foreach($id in $input.path('$.ids')){"Statement": "SELECT * FROM \\"T\\" WHERE id = ?",
                 "Parameters": [{"S": "$id"}]}#if($foreach.hasNext),#end#end]}""";

        assertThat(body(collect(spec(""), template).examples().get(0))).isEqualTo(JSON.readTree("{\"ids\": [\"example-ids\"]}"));
    }

    @Test
    void aBodyWithoutSchemaIsMadeUpFromTheMembersTheTemplateReadsEachFittingItsSlot() throws Exception {
        String template = """
                {"TableName": "T", "Item": {"id": {"S": "$input.path('$.id')"}, "n": {"N": "$input.path('$.count')"},
                 "who": {"S": "$util.escapeJavaScript($input.path('$.user.name'))"}, "x": {"S": "$input.path('$.items[1].x')"},
                 "on": {"BOOL": $input.json('$.flag')}, "tags": {"SS": $input.json('$.tags')}},
                 "Limit": $input.path('$.limit'), "again": {"S": "$input.path('$.count')"}}""";

        ExampleSet set = collect(spec(""), template);

        Example example = set.examples().get(0);
        assertThat(example.source()).isEqualTo(ExampleSource.SYNTHESISED);
        assertThat(body(example)).isEqualTo(JSON.readTree("""
                {"id": "example-id", "count": "1", "user": {"name": "example-name"}, "items": [null, {"x": "example-x"}],
                 "flag": true, "tags": ["example-tags"], "limit": 1}"""));
        // members come in template order, so the made-up body is the same text every run
        assertThat(example.body()).startsWith("{\"id\":\"example-id\",\"count\":\"1\",\"user\"");
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.EXM002);
            assertThat(p.message()).contains("made up from the schemas and from what the request template reads"
                    + " (body $.id, $.count, $.user.name, $.items[1].x, $.flag, $.tags, $.limit)");
        });
    }

    /**
     * Members read through a variable that holds the body get values too, fitting their slot (false-positive hunt: an
     * index key read as $b.author was left empty, and DynamoDB refused the made-up request, DDB013).
     */
    @Test
    void membersReadThroughAVariableOfTheBodyAreMadeUpToo() throws Exception {
        String template = """
                #set($b = $input.path('$'))
                {"TableName": "T", "Item": {"author": {"S": "$util.escapeJavaScript($b.author)"}, "pages": {"N": "$b.pages"}}}""";

        assertThat(body(collect(spec(""), template).examples().get(0)))
                .isEqualTo(JSON.readTree("{\"author\": \"example-author\", \"pages\": \"1\"}"));
    }

    @Test
    void parametersTheTemplateReadsGetAValueWhereItReadsThem() throws Exception {
        String operation = """
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                  - {name: size, in: query, required: false, schema: {type: integer, default: 25}}
                """;
        String template = """
                {"env": "$input.params().header.get('X-App-Env')", "q": "$input.params('q')", "id": "$input.params('id')",
                 "Limit": $input.params('size'), "n": {"N": "$input.params().querystring.get('page')"},
                 "nowhere": "$input.params().path.other", "again": "$input.params().header.get('x-app-env')"}""";

        Example example = collect(spec(operation), template).examples().get(0);

        assertThat(example.path()).containsExactly(Map.entry("id", "example-id")); // no client can send a path parameter 'other'
        assertThat(example.querystring()).containsExactly(Map.entry("q", "example-q"), Map.entry("size", "25"), Map.entry("page", "1"));
        assertThat(example.headers()).containsExactly(Map.entry("X-App-Env", "example-X-App-Env"));
        assertThat(example.body()).isNull();
    }

    /**
     * Console exports declare every parameter {@code type: string}: that says no more than text, so where the template
     * writes it decides (a number inside "N", also through a variable); an optional token the template decodes is left out,
     * as on a first page (trial of a console-exported API: three false errors on made-up values).
     */
    @Test
    void parametersDeclaredOnlyAsTextFitWhereTheTemplateWritesThem() throws Exception {
        String operation = """
                parameters:
                  - {name: version, in: query, required: true, schema: {type: string}}
                  - {name: from, in: query, required: false, schema: {type: string}}
                  - {name: nextToken, in: query, required: false, schema: {type: string}}
                  - {name: name, in: query, required: false, schema: {type: string}}
                  - {name: sort, in: query, required: false, schema: {type: string, enum: [asc, desc]}}
                """;
        String template = """
                #set($from = $input.params('from'))
                {"v": {"N": "$input.params('version')"}, "from": {"N": "$from"}, "name": {"S": "$input.params('name')"},
                 "sort": "$input.params('sort')",
                #if($input.params('nextToken') != "")
                 "ExclusiveStartKey": $util.base64Decode($input.params('nextToken')),
                #end
                 "Limit": 10}""";

        Example example = collect(spec(operation), template).examples().get(0);

        assertThat(example.querystring()).containsOnly(Map.entry("version", "1"), Map.entry("from", "1"),
                Map.entry("name", "example-name"), Map.entry("sort", "asc"));
    }

    /**
     * Only Base64 decoding makes a value a page token: a URL-decoded number is a number; and a token decoded through a
     * variable is one too (FP hunt on published definitions: "e30=" in an "N", a made-up "1" that base64Decode refused).
     */
    @Test
    void aTokenIsWhatTheTemplateBase64DecodesEvenThroughAVariable() throws Exception {
        String operation = """
                parameters:
                  - {name: minAge, in: query, required: true, schema: {type: string}}
                  - {name: nextToken, in: query, required: false, schema: {type: string}}
                  - {name: start, in: query, required: true, schema: {type: string}}
                """;
        String template = """
                #set($nextToken = $input.params('nextToken'))
                #set($start = $input.params('start'))
                {":v5": {"N": "$util.urlDecode($input.params('minAge'))"},
                #if($nextToken != "")
                 "ExclusiveStartKey": $util.base64Decode($nextToken),
                #end
                 "From": $util.base64Decode($start)}""";

        Example example = collect(spec(operation), template).examples().get(0);

        assertThat(example.querystring()).containsOnly(Map.entry("minAge", "1"), Map.entry("start", "e30="));
    }

    /**
     * What the operation's authorization fills at AWS is filled in a made-up example, only what the template reads, and
     * nothing without that authorization (FP hunt on SAM templates: a key from $context.identity.caller under IAM
     * authorization, and from $context.authorizer.principalId behind an authorizer, rendered empty: false DDB013).
     */
    @Test
    void valuesTheOperationsAuthorizationFillsAreGivenWhereTheTemplateReadsThem() throws Exception {
        String template = """
                {"caller": "$context.identity.caller", "ip": "$context.identity.sourceIp", "who": "$context.authorizer.principalId",
                 "sub": "$context.authorizer.claims['cognito:username']"}""";

        assertThat(collect(spec("x-amazon-apigateway-auth: {type: AWS_IAM}"), template).examples().get(0).context())
                .isEqualTo(Map.of("identity", Map.of("caller", "example-caller")));
        // a Lambda authorizer gives a principalId and no claims, Cognito's claims and no principalId (re-trial)
        assertThat(collect(spec("x-amazon-apigateway-auth: {type: CUSTOM}"), template).examples().get(0).context())
                .isEqualTo(Map.of("authorizer", Map.of("principalId", "example-principalId")));
        assertThat(collect(spec("x-amazon-apigateway-auth: {type: COGNITO_USER_POOLS}"), template).examples().get(0).context())
                .isEqualTo(Map.of("authorizer", Map.of("claims", Map.of("cognito:username", "example-cognito:username"))));
        assertThat(collect(spec(""), template).examples().get(0).context()).isEmpty();
    }

    /**
     * A user's example that does not say what the authorizer returned gets it too, and keeps what it does say (user
     * trial: a key from $context.authorizer.principalId rendered empty in a spec example, a false DDB009).
     */
    @Test
    void aUsersExampleGetsWhatTheAuthorizationFillsAndKeepsItsOwnValues() throws Exception {
        String template = "{\"who\": \"$context.authorizer.principalId\", \"tenant\": \"$context.authorizer.tenant\"}";
        String operation = """
                x-amazon-apigateway-auth: {type: CUSTOM}
                x-apigw-examples:
                  - {name: silent}
                  - {name: own, context: {requestId: r-1, authorizer: {tenant: t-1}}}
                  - {name: empty, context: {authorizer: {principalId: ""}}}
                """;

        List<Example> examples = collect(spec(operation), template).examples();

        assertThat(examples.get(0).context()).isEqualTo(Map.of("authorizer", Map.of("principalId", "example-principalId",
                "tenant", "example-tenant")));
        assertThat(examples.get(1).context()).isEqualTo(Map.of("requestId", "r-1", "authorizer", Map.of("tenant", "t-1",
                "principalId", "example-principalId")));
        assertThat(examples.get(2).context()).isEqualTo(Map.of("authorizer", Map.of("principalId", "", "tenant", "example-tenant")));
    }

    @Test
    void theSchemasValuesStayAndOnlyMissingMembersAreAddedWhereTheSchemaAllowsThem() throws Exception {
        String template = "{\"a\": \"$input.path('$.name')\", \"b\": \"$input.path('$.id')\"}";
        String partial = "requestBody:\n  content:\n    application/json:\n      schema: {$ref: '#/components/schemas/Partial'}\n";

        assertThat(body(collect(spec(partial), template).examples().get(0)))
                .isEqualTo(JSON.readTree("{\"name\": \"Ada\", \"id\": \"example-id\"}"));

        ExampleSet closed = collect(spec(partial.replace("Partial", "Closed")), template);
        assertThat(body(closed.examples().get(0))).isEqualTo(JSON.readTree("{\"name\": \"example-name\"}"));
        assertThat(closed.problems().get(0).message()).contains("made up from the schemas;");
    }

    @Test
    void examplesTheUserGivesAreNotChanged() throws Exception {
        String operation = """
                x-apigw-examples:
                  - {name: given, body: {"other": "x"}, path: {id: "7"}}
                """;
        String template = "{\"a\": \"$input.path('$.id')\", \"e\": \"$input.params().header.get('X-App-Env')\"}";

        ExampleSet set = collect(spec(operation), template);

        assertThat(set.examples()).singleElement().satisfies(example -> {
            assertThat(example.body()).isEqualTo("{\"other\":\"x\"}");
            assertThat(example.headers()).isEmpty();
        });
        assertThat(set.problems()).noneMatch(p -> p.rule() == Rule.EXM002);
    }

    @Test
    void withoutTemplateReadsTheMadeUpExampleIsAsBefore() throws Exception {
        ExampleSet set = new ExampleCollector(null).collect(spec(""), IntegrationExtractor.operations(spec("").root()).get(0));

        assertThat(set.examples().get(0).body()).isNull();
        assertThat(set.examples().get(0).path()).containsExactly(Map.entry("id", "example-id"));
        assertThat(set.problems().get(0).message()).contains(": rendered with one made up from the schemas; add x-apigw-examples");
    }
}
