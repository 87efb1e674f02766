package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.apigwddb.cloudformation.TemplateParameters;
import io.github.apigwddb.dynamodb.schema.TableSchemas;
import io.github.apigwddb.gate.Baseline;
import io.github.apigwddb.gate.Gate;
import io.github.apigwddb.gate.GateOutcome;
import io.github.apigwddb.gate.RuleSettings;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.SourcePosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/** The check end to end on small definitions: what is checked, what is rendered, where findings point. */
class CheckEngineTest {

    @TempDir
    Path dir;

    private static final String INTEGRATION = """
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem
                    credentials: arn:aws:iam::123456789012:role/r
                    passthroughBehavior: never
                    requestTemplates:
                      application/json: |
                        {
                          "TableName": "Items",
                          "Key": {"id": {"S": "$util.escapeJavaScript($input.params('id')).replaceAll("\\\\'","'")"}}
                        }
                    responses:
                      default:
                        statusCode: "200"
                        responseTemplates:
                          application/json: '#if($input.path(''$.Item'') == "")#set($context.responseOverride.status = 404){}#else{"name": "$util.escapeJavaScript($input.path(''$.Item.name.S'')).replaceAll(\"\\\\''\",\"''\")"}#end'
                      "4\\\\d{2}": {statusCode: "400"}
                      "5\\\\d{2}": {statusCode: "500"}
            """;

    @Test
    void openApi31WithExpectationsAndSidecarExamples() throws Exception {
        Path spec = write("api.yaml", """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    get:
                      operationId: getItem
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "404": {description: not found}
                        "500": {description: failed}
                """ + INTEGRATION);
        Path examples = dir.resolve("examples");
        Files.createDirectories(examples);
        Files.writeString(examples.resolve("getItem.yaml"), """
                - name: right
                  path: {id: "7"}
                  dynamodbResponse: {status: 200, body: {"Item": {"id": {"S": "7"}, "name": {"S": "seven"}}}}
                  expect:
                    request: {"TableName": "Items", "Key": {"id": {"S": "7"}}}
                    status: 200
                    response: {"name": "seven"}
                - name: wrong
                  path: {id: "8"}
                  headers: {X-Undeclared: "1"}
                  expect:
                    request: {"TableName": "Items", "Key": {"id": {"S": "7"}}}
                """);
        CheckResult result = check(examples, spec);

        assertThat(result.integrationsChecked()).isEqualTo(1);
        assertThat(result.examplesRendered()).isEqualTo(2);
        assertThat(rules(result)).containsExactlyInAnyOrder(Rule.SPEC006, Rule.EXM001, Rule.EXM003);
        Finding diff = only(result, Rule.EXM001);
        assertThat(diff.message()).isEqualTo("The rendered request differs from expect.request: /Key/id/S: expected \"7\", got \"8\"");
        assertThat(diff.example()).isEqualTo("wrong");
        assertThat(diff.position().file()).isEqualTo(examples.resolve("getItem.yaml"));
        // at the member in the sidecar file, as in a spec
        assertThat(diff.position().line()).isEqualTo(11);
        assertThat(diff.position().column()).isEqualTo(3);
        Finding undeclared = only(result, Rule.EXM003);
        assertThat(undeclared.position().line()).isEqualTo(10);
        assertThat(undeclared.position().column()).isEqualTo(13);

        CheckResult.CheckedCase right = result.cases().stream().filter(c -> "right".equals(c.example())).findFirst().orElseThrow();
        assertThat(right.renderedRequest()).contains("\"S\": \"7\"");
        assertThat(right.clientStatus()).isEqualTo(200);
        assertThat(right.clientResponse()).isEqualTo("{\"name\": \"seven\"}");
    }

    @Test
    void findingsInsideABlockTemplatePointAtTheTemplateLine() throws Exception {
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    get:
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}}
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "500": {description: failed}
                """ + INTEGRATION.replace("\"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.params('id')).replaceAll(\"\\\\'\",\"'\")\"}}", "\"Key\": {\"id\": {\"N\": 5}}"));
        CheckResult result = check(null, spec);
        Finding type = only(result, Rule.DDB003);
        // the template's line 3 ("Key": ...) is the file's line 24
        assertThat(type.position().line()).isEqualTo(24);
        assertThat(type.message()).contains("NUMBER_VALUE cannot be converted to String")
                .endsWith("; DynamoDB takes a number as a JSON string ({\"N\": \"19.9\"}): write the value in quotes in the template");
        assertThat(type.operation().display()).isEqualTo("GET /items/{id}");
    }

    @Test
    void otherIntegrationsAreLeftAlone() throws Exception {
        Path spec = write("api.json", """
                {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {
                  "/lambda": {"post": {"responses": {"200": {"description": "ok"}},
                    "x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "GET",
                      "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"}}},
                  "/mock": {"get": {"responses": {"200": {"description": "ok"}},
                    "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\\"statusCode\\": 200}"}}}}}}
                """);
        RecordingLog log = new RecordingLog();
        List<String> debug = log.debug;
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1), log);
        assertThat(result.integrationsChecked()).isZero();
        assertThat(result.findings()).isEmpty();
        assertThat(debug).contains("POST /lambda: Lambda integration, not checked", "GET /mock: mock integration, not checked");
    }

    @Test
    void theSidecarExamplesOfAnOperationNotCheckedAreSaidToBeUnused() throws Exception {
        // an operation moved to Lambda keeps its examples file: said at info, not a finding (nothing is wrong with the API)
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items:
                    post:
                      operationId: createItem
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations
                    get:
                      operationId: listItems
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration: {type: mock}
                """);
        Path examples = dir.resolve("examples");
        Files.createDirectories(examples);
        Files.writeString(examples.resolve("createItem.yaml"), "- {name: one, body: {id: \"1\"}}\n");
        RecordingLog log = new RecordingLog();
        List<String> info = log.info;
        List<String> debug = log.debug;
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), examples, Map.of(), 1), log);
        assertThat(result.findings()).isEmpty();
        assertThat(info).contains("Not using the examples createItem.yaml: POST /items [createItem] is not checked (Lambda integration)");
        // without examples of its own, the operation stays a debug line
        assertThat(debug).contains("GET /items [listItems]: mock integration, not checked");
    }

    /**
     * An examples file no operation of any definition reads is EXM007 at the file; none is said while a definition file
     * does not parse, as it may hold the operation, but an empty placeholder file holds none (review).
     */
    @Test
    void anExamplesFileOfNoOperationIsReportedOnceEveryDefinitionIsRead() throws Exception {
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    get:
                      operationId: getItem
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses: {"200": {description: ok}, "400": {description: bad}, "500": {description: error}}
                """ + INTEGRATION);
        Path other = write("other.yaml", "openapi: 3.0.1\ninfo: {title: o, version: '1'}\npaths:\n  /x:\n    get:\n"
                + "      operationId: listX\n      responses: {'200': {description: ok}}\n");
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("getItem.yaml"), "- {name: one, path: {id: '1'}}\n");
        Files.writeString(examples.resolve("listX.yaml"), "- {name: one}\n"); // an operation not checked: said at info
        Files.writeString(examples.resolve("getItme.yaml"), "- {name: two, path: {id: '2'}}\n");

        Path placeholder = write("placeholder.yaml", "# to be written\n");

        List<Finding> findings = new CheckEngine().run(new CheckRequest(List.of(spec, other, placeholder), examples, Map.of(), 1),
                CheckLog.SILENT).findings();

        assertThat(findings).filteredOn(f -> f.rule() == Rule.EXM007).singleElement().satisfies(f -> {
            assertThat(f.position().file().getFileName()).hasToString("getItme.yaml");
            assertThat(f.message()).endsWith("did you mean getItem.yaml?");
            assertThat(f.operation()).isNull();
        });
        Path broken = write("broken.yaml", "openapi: 3.0.1\npaths: {/y: [\n");
        assertThat(new CheckEngine().run(new CheckRequest(List.of(spec, broken), examples, Map.of(), 1), CheckLog.SILENT).findings())
                .extracting(Finding::rule).doesNotContain(Rule.EXM007);
    }

    @Test
    void anIntegrationIndentedOntoThePathItemIsFoundAndTheUnusedSidecarIsSaid() throws Exception {
        // the trial's miss: DELETE's integration two spaces too far left; only the count of integrations hinted at it
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    parameters:
                      - {name: id, in: path, required: true, schema: {type: string}}
                    get:
                      operationId: getItem
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: '{"TableName": "Items", "Key": {"id": {"S": "$util.escapeJavaScript($input.params(''id''))"}}}'
                        responses: {default: {statusCode: "200"}}
                    delete:
                      operationId: deleteItem
                      responses: {"200": {description: ok}}
                    x-amazon-apigateway-integration:
                      type: aws
                      httpMethod: POST
                      uri: arn:aws:apigateway:us-east-1:dynamodb:action/DeleteItem
                      credentials: arn:aws:iam::123456789012:role/r
                """);
        Path examples = dir.resolve("examples");
        Files.createDirectories(examples);
        Files.writeString(examples.resolve("deleteItem.yaml"), "- {name: one, path: {id: \"1\"}}\n");
        RecordingLog log = new RecordingLog();
        List<String> info = log.info;
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), examples, Map.of(), 1), log);
        assertThat(result.integrationsChecked()).isEqualTo(1);
        assertThat(only(result, Rule.AGW019).position().line()).isEqualTo(22);
        assertThat(only(result, Rule.AGW019).message()).endsWith("move it under delete:, the path item's method without one");
        Finding missing = only(result, Rule.AGW020);
        assertThat(missing.position().line()).isEqualTo(19);
        assertThat(missing.operation().display()).isEqualTo("DELETE /items/{id} [deleteItem]");
        assertThat(info).contains("Not using the examples deleteItem.yaml: DELETE /items/{id} [deleteItem] is not checked"
                + " (no x-amazon-apigateway-integration)");

        // the operation's x-apigw-ignore accepts its AGW020
        Files.writeString(spec, Files.readString(spec).replace("      operationId: deleteItem\n",
                "      operationId: deleteItem\n      x-apigw-ignore: [{rules: [AGW020], reason: \"integration added by Terraform\"}]\n"));
        GateOutcome outcome = new Gate(RuleSettings.defaults(), Baseline.empty(dir), "apigw-baseline.json").apply(check(examples, spec));
        assertThat(outcome.suppressed()).extracting(s -> s.finding().rule()).containsExactly(Rule.AGW020);
        assertThat(outcome.reported()).extracting(Finding::rule).contains(Rule.AGW019).doesNotContain(Rule.AGW020);
    }

    /**
     * A definition file a template takes is checked there, with the template's values, and not again on its own, even
     * where it comes first (FP hunt on SAM templates: each finding twice, and stand-ins for what the template gives).
     */
    @Test
    void aDefinitionFileATemplateTakesIsCheckedOnceThere() throws Exception {
        Path definition = write("a-openapi.yaml", """
                openapi: 3.0.1
                info: {title: items, version: "1"}
                paths:
                  /items:
                    get:
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: GET
                        uri: {"Fn::Sub": "arn:aws:apigateway:${AWS::Region}:dynamodb:action/Scan"}
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: {"Fn::Sub": ["{\\"TableName\\": \\"${table}\\"}", {table: {Ref: Items}}]}
                        responses: {default: {statusCode: "200"}}
                """);
        Path template = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Items:
                    Type: AWS::DynamoDB::Table
                    Properties: {TableName: items}
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionBody:
                        Fn::Transform: {Name: AWS::Include, Parameters: {Location: a-openapi.yaml}}
                """);
        RecordingLog log = new RecordingLog();
        List<String> info = log.info;
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(definition, template), null, Map.of(), 1), log);

        assertThat(only(result, Rule.AGW006).position().file().getFileName().toString()).isEqualTo("a-openapi.yaml");
        assertThat(result.findings()).noneMatch(f -> f.rule() == Rule.CFN005 && f.message().contains("table"));
        assertThat(info).contains("Not checking a-openapi.yaml on its own: template.yaml takes it, and it is checked there, with the"
                + " template's values");
        assertThat(result.cases()).filteredOn(c -> c.renderedRequest() != null).extracting(CheckResult.CheckedCase::renderedRequest)
                .containsOnly("{\"TableName\": \"items\"}");
    }

    @Test
    void aMappingTemplateFileAmongTheSpecsIsNotCheckedAndTheLogSaysWhy() throws Exception {
        // Terraform projects keep templates as .json files next to the definition: not JSON, not an error
        Path template = write("new_post_request_mapping.json", """
                #set($body = $input.path('$'))
                {"TableName": "posts", "Item": {"id": {"S": "$context.requestId"}}}
                """);
        RecordingLog log = new RecordingLog();
        List<String> info = log.info;
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(template), null, Map.of(), 1), log);
        assertThat(result.findings()).isEmpty();
        assertThat(info).contains("Not checking new_post_request_mapping.json: a mapping template file, not an API definition");
    }

    @Test
    void aDefinitionThatDoesNotParseIsAnErrorEvenWithATemplateInIt() throws Exception {
        // the usual way to break one: a template's own quotes inside a single-quoted YAML string
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items:
                    get:
                      x-amazon-apigateway-integration:
                        requestTemplates:
                          application/json: '{"TableName": "T", "Key": {"id": {"S": "$input.path('$.id')"}}}'
                """);

        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1), CheckLog.SILENT);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SPEC001);
            assertThat(f.position().line()).isEqualTo(8);
        });
    }

    @Test
    void specExamplesOfOpenApi3AreUsedBeforeSynthesis() throws Exception {
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    get:
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}, example: "from-spec"}
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "404": {description: not found}
                        "500": {description: failed}
                """ + INTEGRATION);
        CheckResult result = check(null, spec);
        assertThat(result.findings()).isEmpty();
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).contains("from-spec"));
    }

    @Test
    void anOperationWithoutExamplesIsRenderedWithASynthesisedOneAndAWarning() throws Exception {
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    get:
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "404": {description: not found}
                        "500": {description: failed}
                """ + INTEGRATION);
        CheckResult result = check(null, spec);
        // swagger-parser also notes the undeclared path parameter {id}
        assertThat(rules(result)).containsExactlyInAnyOrder(Rule.EXM002, Rule.SPEC002);
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).contains("example-id"));
    }

    @Test
    void aCapitalisedServiceIsCheckedAndReportedNotPassedOver() throws Exception {
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    get:
                      operationId: getItem
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "500": {description: failed}
                """ + INTEGRATION.replace(":dynamodb:", ":DynamoDB:"));
        CheckResult result = check(null, spec);

        assertThat(result.integrationsChecked()).isEqualTo(1);
        assertThat(only(result, Rule.AGW003).message()).contains("service 'DynamoDB' must be written 'dynamodb'");
    }

    @Test
    void placeholdersWithoutValueAreCheckedWithStandInsOfTheirPlacesAndSaidOnce() throws Exception {
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    get:
                      operationId: getItem
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "404": {description: not found}
                        "500": {description: failed}
                """ + INTEGRATION.replace("us-east-1", "{{apigw:awsRegion}}").replace("123456789012", "{{apigw:acct}}")
                .replace("\"TableName\": \"Items\"", "\"TableName\": \"{{apigw:t}}\""));

        CheckResult standIns = check(null, spec);
        // no AGW005 for the region, AGW008 for the role, DDB004 for the table name: the stand-ins fit their places
        assertThat(rules(standIns)).containsExactly(Rule.EXM002, Rule.CFN005, Rule.CFN005, Rule.CFN005);
        assertThat(standIns.findings()).filteredOn(f -> f.rule() == Rule.CFN005).extracting(Finding::message).containsExactly(
                "Placeholders [{{apigw:awsRegion}}] have no value (apigw.values, apigw.valuesFile), filled in at deployment; checked with"
                        + " stand-ins [awsRegion = 'us-east-1']. Give their values to check what is deployed",
                "Placeholders [{{apigw:acct}}] have no value (apigw.values, apigw.valuesFile), filled in at deployment; checked with"
                        + " stand-ins [acct = '123456789012']. Give their values to check what is deployed",
                "Placeholders [{{apigw:t}}] have no value (apigw.values, apigw.valuesFile), filled in at deployment; checked with"
                        + " stand-ins [t = 't__']. Give their values to check what is deployed");
        assertThat(standIns.findings().get(1).position().line()).isEqualTo(17);

        CheckResult given = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1, TemplateParameters.NONE,
                TableSchemas.NONE, Map.of("awsRegion", "eu-west-1", "acct", "210987654321", "t", "Widgets")), CheckLog.SILENT);
        assertThat(rules(given)).containsExactly(Rule.EXM002);
        assertThat(given.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).contains("\"Widgets\""));
    }

    @Test
    void theApiLevelRulesReportOncePerApiAtTheirLineAndOnlyForApisWithDynamoDbIntegrations() throws Exception {
        String head = """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                x-amazon-apigateway-binary-media-types: ['*/*']
                paths:
                  /items/{id}:
                    get:
                      operationId: getItem
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}, example: "1"}
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "500": {description: failed}
                """;
        CheckResult result = check(null, write("api.yaml", head + INTEGRATION));
        Finding binary = only(result, Rule.MAP016);
        assertThat(binary.position().line()).isEqualTo(3);
        assertThat(binary.operation()).isNull();

        CheckResult noDynamoDb = check(null, write("lambda.yaml", head
                + "      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: arn:aws:apigateway:us-east-1:lambda:path/f}\n"));
        assertThat(noDynamoDb.findings()).isEmpty();
    }

    @Test
    void anIntegrationReferencedFromComponentsIsAgw018AndStillCheckedWhereItIsWritten() throws Exception {
        String component = INTEGRATION.replace("      x-amazon-apigateway-integration:\n", "    getItem:\n")
                .replace("\"TableName\": \"Items\"", "\"TableName\": \"Items\", \"Limit\": 1");
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}:
                    get:
                      operationId: getItem
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}, example: "1"}
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "500": {description: failed}
                      x-amazon-apigateway-integration:
                        $ref: '#/components/x-amazon-apigateway-integrations/getItem'
                components:
                  x-amazon-apigateway-integrations:
                """ + component);
        CheckResult result = check(null, spec);

        assertThat(result.integrationsChecked()).isEqualTo(1);
        Finding reference = only(result, Rule.AGW018);
        assertThat(reference.position().line()).isEqualTo(14);
        assertThat(reference.message()).contains("$ref to #/components/x-amazon-apigateway-integrations/getItem")
                .contains("'GET /items/{id}'");
        // GetItem has no Limit: found in the component's template, on the line where it is written
        Finding unknownMember = only(result, Rule.DDB002);
        List<String> lines = Files.readAllLines(spec);
        int limitLine = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("\"Limit\": 1")).findFirst().orElseThrow());
        assertThat(unknownMember.position().line()).isEqualTo(limitLine);
        assertThat(limitLine).isGreaterThan(16); // below components:, not in the operation
        assertThat(unknownMember.operation().operationId()).isEqualTo("getItem");
    }

    @Test
    void anIntegrationRefThatIsNoPointerOrLeavesTheFileIsSpec004AndBreaksNothing() throws Exception {
        String head = """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items:
                    get:
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                """;
        for (String ref : List.of("'#components/x-amazon-apigateway-integrations/x'", "'other.yaml#/x'", "'#/nowhere'")) {
            CheckResult result = check(null, write("api.yaml", head + "        $ref: " + ref + "\n"));
            assertThat(result.integrationsChecked()).as(ref).isZero();
            // not silently passed over: the operation is named as not checked
            assertThat(only(result, Rule.SPEC004).message()).as(ref).contains(ref.startsWith("'#")
                    ? "which names no object in this file: the operation is not checked"
                    : "which the check does not follow into another file: the operation is not checked");
            assertThat(only(result, Rule.SPEC004).position().line()).isEqualTo(8);
        }
    }

    @Test
    void aValueThatIsWhollyAPlaceholderWithoutValueIsNotJudgedByTheStaticRules() throws Exception {
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                x-amazon-apigateway-request-validator: "{{apigw:validator}}"
                x-amazon-apigateway-gateway-responses:
                  DEFAULT_4XX: {statusCode: "{{apigw:status}}"}
                paths:
                  /items/{id}:
                    get:
                      operationId: getItem
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}, example: "1"}
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "404": {description: not found}
                        "500": {description: failed}
                """ + INTEGRATION.replace("passthroughBehavior: never", "passthroughBehavior: never\n        contentHandling: '{{apigw:ch}}'\n"
                + "        timeoutInMillis: 'x{{apigw:t}}'\n        contentHandlng: '{{apigw:ch}}'").replace("us-east-1", "us-east-7"));
        CheckResult standIns = check(null, spec);
        // a value only partly a stand-in is judged, and so are a misspelt member and a region written out
        assertThat(rules(standIns)).containsExactlyInAnyOrder(Rule.CFN005, Rule.CFN005, Rule.CFN005, Rule.CFN005, Rule.CFN005,
                Rule.AGW014, Rule.AGW017, Rule.AGW005);

        CheckResult given = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1, TemplateParameters.NONE,
                TableSchemas.NONE, Map.of("validator", "strict", "status", "4xx", "ch", "convert")), CheckLog.SILENT);
        assertThat(rules(given)).containsExactlyInAnyOrder(Rule.MAP013, Rule.MAP015, Rule.AGW015, Rule.AGW014, Rule.AGW017,
                Rule.AGW005, Rule.CFN005);
    }

    /**
     * An example meant to succeed whose request DynamoDB refuses: the refusal is the finding, and the status and response
     * made of it are not compared again (message-to-fix trial: three EXM001 before the cause); one meant to fail is.
     */
    @Test
    void expectationsOfSuccessAreNotComparedWithTheRefusalOfARequestThatHasAnError() throws Exception {
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items:
                    get:
                      operationId: getItem
                      parameters:
                        - {name: id, in: query, schema: {type: string}}
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "500": {description: failed}
                      x-apigw-examples:
                        - {name: meant-to-succeed, querystring: {id: ""}, expect: {status: 200, response: {"name": "x"}}}
                        - {name: meant-to-fail, querystring: {id: ""}, expect: {status: 404}}
                        - {name: own-answer, querystring: {id: ""}, dynamodbResponse: {status: 200, body: {Item: {id: {S: "1"}, name: {S: a}}}},
                           expect: {status: 200, response: {"name": "b"}}}
                """ + INTEGRATION);
        CheckResult result = check(null, spec);

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.DDB009).isNotEmpty();
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.EXM001).extracting(Finding::example, f -> f.message().substring(0, 30))
                .containsExactlyInAnyOrder(tuple("meant-to-fail", "expect.status is 404 but for D"),
                        // the example's own answer is rendered, not the refusal: compared (review)
                        tuple("own-answer", "The client response differs fr"));
    }

    private CheckResult check(Path examples, Path... specs) {
        return new CheckEngine().run(new CheckRequest(List.of(specs), examples, Map.of(), 1), CheckLog.SILENT);
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static List<Rule> rules(CheckResult result) {
        return result.findings().stream().map(Finding::rule).toList();
    }

    private static Finding only(CheckResult result, Rule rule) {
        List<Finding> matching = result.findings().stream().filter(f -> f.rule() == rule).toList();
        assertThat(matching).as("findings of " + rule + " in " + result.findings()).hasSize(1);
        return matching.get(0);
    }

    @Test
    void tablesOfATemplateCheckItsOwnIntegrations() throws Exception {
        Path template = write("template.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Items:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: items
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      BillingMode: PAY_PER_REQUEST
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionBody:
                        openapi: 3.0.1
                        info: {title: t, version: "1"}
                        paths:
                          /items/{id}:
                            get:
                              parameters:
                                - {name: id, in: path, required: true, schema: {type: string}}
                              x-apigw-examples:
                                - {name: one, path: {id: "7"}}
                              responses:
                                "200": {description: ok}
                                "400": {description: bad}
                                "500": {description: failed}
                              x-amazon-apigateway-integration:
                                type: aws
                                httpMethod: POST
                                uri: !Sub "arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem"
                                credentials: arn:aws:iam::123456789012:role/r
                                passthroughBehavior: never
                                requestTemplates:
                                  application/json: !Sub '{"TableName": "${Items}", "Key": {"pk": {"S": "$util.escapeJavaScript($input.params(''id''))"}}}'
                                responses:
                                  default: {statusCode: "200", responseTemplates: {application/json: '{"ok": true}'}}
                                  "4\\\\d{2}": {statusCode: "400", responseTemplates: {application/json: '{"ok": false}'}}
                                  "5\\\\d{2}": {statusCode: "500", responseTemplates: {application/json: '{"ok": false}'}}
                """);
        CheckResult result = check(null, template);
        assertThat(result.integrationsChecked()).isEqualTo(1);
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.DDB013)
                .anySatisfy(f -> assertThat(f.message()).contains("id"));

        // the render goal reaches the same integration inside the template, with the template's values
        RenderedExample rendered = new CheckEngine().render(new CheckRequest(List.of(template), null, Map.of(), 1),
                new RenderRequest("GET /items/{id}", "one", null), CheckLog.SILENT);
        assertThat(rendered.renderedRequest()).contains("\"TableName\": \"items\"").contains("\"S\": \"7\"");
    }
    /**
     * A template's table named the way SAM templates usually name it: by CloudFormation (no TableName), from the stack's
     * name, or from a parameter given in apigw.parameters; the integrations' Ref gets the same name, so its keys are checked.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "TableName: !Sub \"${AWS::StackName}-items\"", "TableName: !Sub \"items-${Stage}\""})
    void tablesOfATemplateNamedAtDeploymentOrByAGivenParameterCheckItsIntegrations(String tableName) throws Exception {
        Path template = write("template.yaml", templateWithTable(tableName, "!Sub '{\"TableName\": \"${Items}\""));
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(template), null, Map.of(), 1,
                new TemplateParameters(Map.of("Stage", "prod"), Map.of())), CheckLog.SILENT);

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.DDB013).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("key").doesNotContain("not found"));
    }

    /** A table whose name is known only at deployment may be the one a request names literally: no "not found". */
    @ParameterizedTest
    @ValueSource(strings = {"", "TableName: !Sub \"${Env}-items\"", "TableName: !Sub \"${AWS::StackName}-items\"",
        "TableName: !If [IsProd, prod-items, dev-items]"})
    void aRequestNamingAnotherTableThanAStandInIsNotTableNotFound(String tableName) throws Exception {
        Path template = write("template.yaml", templateWithTable(tableName, "'{\"TableName\": \"prod-items\""));

        assertThat(check(null, template).findings()).noneMatch(f -> f.rule() == Rule.DDB013);
    }

    /** Examples and a body schema in other files, as API Gateway imports them (trial: false errors on empty bodies). */
    @Test
    void examplesAndSchemasInOtherFilesAreReadThroughTheirReferences() throws Exception {
        Files.createDirectories(dir.resolve("components"));
        write("components/examples.yaml", """
                NewOrder:
                  value: {id: o-1, amount: 12.5}
                """);
        write("components/schemas.yaml", """
                NewOrder:
                  type: object
                  required: [id, amount]
                  properties:
                    id: {$ref: "#/Id"}
                    amount: {type: number}
                Id: {type: string, pattern: "^o-[0-9]+$"}
                """);
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: orders, version: "1"}
                x-amazon-apigateway-request-validators: {body: {validateRequestBody: true, validateRequestParameters: false}}
                x-amazon-apigateway-request-validator: body
                paths:
                  /orders:
                    post:
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {$ref: "./components/schemas.yaml#/NewOrder"}
                            examples:
                              first: {$ref: "./components/examples.yaml#/NewOrder"}
                      responses: {"200": {description: ok}, "400": {description: bad}, "500": {description: failed}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: '{"TableName": "Orders", "Item": {"id": {"S": "$input.path(''$.id'')"}, "amount": {"N": "$input.path(''$.amount'')"}}}'
                        responses:
                          default: {statusCode: "200", responseTemplates: {application/json: '{"ok": true}'}}
                          "4\\\\d{2}": {statusCode: "400", responseTemplates: {application/json: '{"ok": false}'}}
                          "5\\\\d{2}": {statusCode: "500", responseTemplates: {application/json: '{"ok": false}'}}
                """);
        CheckResult result = check(null, spec);

        // the example comes from its file, by its name
        assertThat(result.cases()).filteredOn(c -> c.example() != null).singleElement().satisfies(c -> {
            assertThat(c.example()).isEqualTo("first");
            assertThat(c.renderedRequest()).contains("\"N\": \"12.5\"");
        });
        // the validated schema types amount as a number and id by a pattern: no client text reaches the request through them
        assertThat(result.findings()).noneMatch(f -> f.rule() == Rule.SEC001 || f.rule() == Rule.EXM002);
        assertThat(result.filesRead()).contains(dir.resolve("components/examples.yaml").toAbsolutePath().normalize(),
                dir.resolve("components/schemas.yaml").toAbsolutePath().normalize());
    }

    /**
     * A tree schema of another file that refers to itself is read as one written in the definition (multi-file trial):
     * the validated pattern of a child's id keeps client text out of the request as it does the root's.
     */
    /**
     * A reference out of the repository is not read (the bundle does not read it either): a build must not pull the
     * machine's other files into its reports (crash hunt: a $ref to /etc/passwd was read).
     */
    @Test
    void aReferenceOutOfTheSourceRootIsSpec004AndNotRead() throws Exception {
        Path repository = dir.resolve("repo");
        Path outside = dir.resolve("elsewhere/item.yaml");
        Files.createDirectories(outside.getParent());
        Files.writeString(outside, "Item: {type: object}\n");
        Files.createDirectories(repository);
        Path spec = repository.resolve("api.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths: {}
                components:
                  schemas:
                    Item: {$ref: '../elsewhere/item.yaml#/Item'}
                """);

        CheckResult bounded = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1, TemplateParameters.NONE,
                TableSchemas.NONE, Map.of(), repository), CheckLog.SILENT);

        assertThat(only(bounded, Rule.SPEC004).message()).isEqualTo("Reference '../elsewhere/item.yaml#/Item' leads to " + outside
                + ", outside " + repository + ": only files of the repository are read (a build must not read the machine's other"
                + " files); move the file into it");
        assertThat(bounded.filesRead()).doesNotContain(outside);
        assertThat(check(null, spec).findings()).extracting(Finding::rule).doesNotContain(Rule.SPEC004);
        // not opened at all: the structure check names no content of it (crash hunt: a parser's message quoted a secret)
        Files.writeString(outside, "AKIASECRETKEY1234567 not yaml: [");
        CheckResult notOpened = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1, TemplateParameters.NONE,
                TableSchemas.NONE, Map.of(), repository), CheckLog.SILENT);
        assertThat(notOpened.findings()).extracting(Finding::message).noneMatch(m -> m.contains("AKIASECRET"));
        assertThat(only(notOpened, Rule.SPEC004).message()).contains("only files of the repository are read");
        // nor through a link in the repository that leads out of it (review)
        Files.createSymbolicLink(repository.resolve("linked"), outside.getParent());
        Files.writeString(spec, Files.readString(spec).replace("../elsewhere/item.yaml", "linked/item.yaml"));
        CheckResult linked = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1, TemplateParameters.NONE,
                TableSchemas.NONE, Map.of(), repository), CheckLog.SILENT);
        assertThat(only(linked, Rule.SPEC004).message()).startsWith("Reference 'linked/item.yaml#/Item' leads to " + outside.toRealPath()
                + ", outside " + repository);
    }

    @Test
    void aRecursiveSchemaOfAnotherFileIsRead() throws Exception {
        Files.createDirectories(dir.resolve("components"));
        write("components/schemas.yaml", """
                Category:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string, pattern: "^c-[0-9]+$"}
                    children: {type: array, items: {$ref: "#/Category"}}
                """);
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: categories, version: "1"}
                x-amazon-apigateway-request-validators: {body: {validateRequestBody: true, validateRequestParameters: false}}
                x-amazon-apigateway-request-validator: body
                paths:
                  /categories:
                    post:
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {$ref: "components/schemas.yaml#/Category"}
                            example: {id: c-1, children: [{id: c-2}]}
                      responses: {"200": {description: ok}, "400": {description: bad}, "500": {description: failed}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: '{"TableName": "Categories", "Item": {"id": {"S": "$input.path(''$.id'')"}, "first": {"S": "$input.path(''$.children[0].id'')"}}}'
                        responses:
                          default: {statusCode: "200", responseTemplates: {application/json: '{"ok": true}'}}
                          "4\\\\d{2}": {statusCode: "400", responseTemplates: {application/json: '{"ok": false}'}}
                          "5\\\\d{2}": {statusCode: "500", responseTemplates: {application/json: '{"ok": false}'}}
                """);
        CheckResult result = check(null, spec);

        assertThat(result.findings()).isEmpty();
        assertThat(result.cases()).filteredOn(c -> c.example() != null).singleElement()
                .satisfies(c -> assertThat(c.renderedRequest()).contains("\"S\": \"c-1\""));
    }

    /** A reference whose fragment is no JSON pointer ({@code #post}) is a finding, not a crash of the check (review). */
    @Test
    void aFragmentThatIsNoPointerIsAFindingNotACrash() throws Exception {
        Files.createDirectories(dir.resolve("paths"));
        write("paths/orders.yaml", "post:\n  responses: {\"200\": {description: ok}}\n");
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: orders, version: "1"}
                paths:
                  /orders: {$ref: "paths/orders.yaml#post"}
                """);
        CheckResult result = check(null, spec);
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.SPEC004).isNotEmpty()
                .allSatisfy(f -> assertThat(f.position().file()).isEqualTo(spec));
    }

    /** A broken reference in another file is SPEC004 there, once, as one in the definition itself is (multi-file trial). */
    @Test
    void aBrokenReferenceInAnotherFileIsReportedThereOnce() throws Exception {
        Files.createDirectories(dir.resolve("parts"));
        write("parts/params.yaml", """
                Id: {name: id, in: path, required: true, schema: {$ref: "./missing.yaml#/Id"}}
                """);
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: items, version: "1"}
                paths:
                  /items/{id}:
                    get:
                      parameters: [{$ref: "parts/params.yaml#/Id"}]
                      responses: {"200": {description: ok}}
                    delete:
                      parameters: [{$ref: "parts/params.yaml#/Id"}]
                      responses: {"204": {description: gone}}
                """);
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec, dir.resolve("parts/params.yaml")), null, Map.of(), 1),
                CheckLog.SILENT);

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.SPEC004).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Reference './missing.yaml#/Id' leads nowhere");
            assertThat(f.position().file().getFileName().toString()).isEqualTo("params.yaml");
            assertThat(f.position().line()).isEqualTo(1);
        });
    }

    /**
     * One indentation slip in a file of schemas: said once per place that reads it, not at each reference into it, and
     * no example is made up from what is left of the request's schemas (user trial: 22 errors, DDB007 and SEC001 among
     * them, for one broken line).
     */
    @Test
    void aFileOfSchemasThatCannotBeReadIsSaidOnceAndNoExampleIsMadeUpWithoutIt() throws Exception {
        write("schemas.yaml", "Item:\n  type: object\n   properties: {}\n");
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: items, version: "1"}
                paths:
                  /items:
                    post:
                      requestBody: {content: {application/json: {schema: {$ref: "schemas.yaml#/Item"}}}}
                      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "schemas.yaml#/Item"}}}}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: '{"TableName": "Items", "Item": {"price": {"N": "$input.path(''$.price'')"}}}'
                        responses: {default: {statusCode: "200"}}
                  /others:
                    put:
                      requestBody: {content: {application/json: {schema: {$ref: "schemas.yaml#/Item"}}}}
                      responses: {"200": {description: ok}}
                """);
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1), CheckLog.SILENT);

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.SPEC004).singleElement().satisfies(f ->
                assertThat(f.message()).contains("schemas.yaml is not valid YAML at [3,").endsWith("(said at the first reference into it only)"));
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.EXM002).singleElement().satisfies(f ->
                assertThat(f.message()).startsWith("No example, and none made up: the operation's request refers to 'schemas.yaml#/Item'"));
        assertThat(result.findings()).noneMatch(f -> f.rule().name().startsWith("DDB") || f.rule().name().startsWith("SEC"));
    }

    /**
     * A path item in another file reaches the unreadable file before the definition's own reference, further down, does:
     * said once all the same, at the definition's reference, which the structure check reports (re-trial: said twice,
     * both times "said at the first reference into it only").
     */
    @Test
    void anUnreadableFileReachedFromAnotherFileFirstIsSaidOnceAtTheDefinitionsReference() throws Exception {
        write("schemas.yaml", "Item:\n  type: object\n   properties: {}\n");
        write("paths.yaml", """
                items:
                  put:
                    requestBody: {content: {application/json: {schema: {$ref: "schemas.yaml#/Item"}}}}
                    responses: {"200": {description: ok}}
                """);
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: items, version: "1"}
                paths:
                  /items: {$ref: "paths.yaml#/items"}
                components:
                  schemas:
                    Item: {$ref: "schemas.yaml#/Item"}
                """);
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1), CheckLog.SILENT);

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.SPEC004).singleElement().satisfies(f -> {
            assertThat(f.position().file().getFileName().toString()).isEqualTo("api.yaml");
            assertThat(f.position().line()).isEqualTo(7);
        });
    }

    /**
     * The broken file behind a component entry counts too, and a $ref in an extension is data (review and crash hunt: a
     * made-up example came back through #/components/schemas/Order; an x-note's $ref kept an operation from rendering).
     */
    @Test
    void aComponentEntryThatLeadsToAnUnreadableFileCountsAndAnExtensionsRefDoesNot() throws Exception {
        write("schemas.yaml", "Order:\n  type: object\n   properties: {}\n");
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: orders, version: "1"}
                paths:
                  /orders:
                    post:
                      operationId: viaEntry
                      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Order"}}}}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration: &integration
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: '{"TableName": "Orders", "Item": {"total": {"N": "$input.path(''$.total'')"}}}'
                        responses: {default: {statusCode: "200"}}
                    put:
                      operationId: withNote
                      requestBody:
                        content:
                          application/json:
                            schema: {type: object, x-note: {$ref: "not/a/file.yaml"}, properties: {total: {type: number}}}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration: *integration
                components:
                  schemas:
                    Order: {$ref: "schemas.yaml#/Order"}
                """);
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1), CheckLog.SILENT);

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.EXM002).extracting(f -> f.operation().operationId() + ": "
                + f.message().substring(0, 30)).containsExactlyInAnyOrder("viaEntry: No example, and none made up: ",
                "withNote: No example: rendered with one ");
        assertThat(result.findings()).noneMatch(f -> f.rule() == Rule.DDB007);
    }

    /**
     * What a reference to another file leads to is known only when followed: a loop of path items, a schema that is only
     * a reference back, or a path item that is a list made the operation vanish with no finding (crash hunt).
     */
    @Test
    void loopsAndNonObjectsBehindReferencesToOtherFilesAreSpec004() throws Exception {
        write("p.yaml", "$ref: \"q.yaml\"\n");
        write("q.yaml", "$ref: \"p.yaml\"\n");
        write("list.yaml", "- a\n- b\n");
        write("a.yaml", "$ref: \"b.yaml\"\n");
        write("b.yaml", "$ref: \"a.yaml\"\n");
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: items, version: "1"}
                paths:
                  /loop: {$ref: "p.yaml"}
                  /list: {$ref: "list.yaml"}
                  /items:
                    post:
                      requestBody: {content: {application/json: {schema: {$ref: "a.yaml"}}}}
                      responses: {"200": {description: ok}}
                """);
        CheckResult result = check(null, spec);

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.SPEC004)
                .extracting(f -> f.position().file().getFileName() + ":" + f.position().line() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "q.yaml:1 Reference 'p.yaml' is circular: following it leads back to it, through nothing but references or to a"
                                + " part that cannot contain itself, so it cannot be inlined",
                        "api.yaml:5 Reference 'list.yaml' leads to a list in list.yaml, where an object (a path item, a schema...) belongs",
                        "b.yaml:1 Reference 'a.yaml' is circular: following it leads back to it, through nothing but references or to a"
                                + " part that cannot contain itself, so it cannot be inlined");
    }

    /** A placeholder in a part of the definition taken from another file is filled as one in the file itself. */
    @Test
    void placeholdersInAPartTakenFromAnotherFileAreFilled() throws Exception {
        Files.createDirectories(dir.resolve("paths"));
        write("paths/items.yaml", """
                get:
                  parameters: [{name: id, in: query, required: true, schema: {type: string}}]
                  x-apigw-examples: [{name: one, querystring: {id: "7"}}]
                  responses: {"200": {description: ok}, "400": {description: bad}, "500": {description: failed}}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem
                    credentials: arn:aws:iam::123456789012:role/r
                    passthroughBehavior: never
                    requestTemplates:
                      application/json: '{"TableName": "{{apigw:table}}", "Key": {"id": {"S": "$util.escapeJavaScript($input.params(''id'')).replaceAll("\\''","''")"}}}'
                    responses:
                      default: {statusCode: "200", responseTemplates: {application/json: '{"ok": true}'}}
                      "4\\\\d{2}": {statusCode: "400", responseTemplates: {application/json: '{"ok": false}'}}
                      "5\\\\d{2}": {statusCode: "500", responseTemplates: {application/json: '{"ok": false}'}}
                """);
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: items, version: "1"}
                paths:
                  /items: {$ref: "paths/items.yaml"}
                """);
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1, TemplateParameters.NONE,
                TableSchemas.NONE, Map.of("table", "Orders")), CheckLog.SILENT);

        assertThat(result.findings()).noneMatch(f -> f.rule() == Rule.DDB004 || f.rule() == Rule.CFN005);
        assertThat(result.cases()).filteredOn(c -> c.example() != null).singleElement()
                .satisfies(c -> assertThat(c.renderedRequest()).contains("\"TableName\": \"Orders\""));

        // without a value: a stand-in, said once, at the string in the part's own file (not again for that file, read as a
        // spec file too)
        Path items = dir.resolve("paths/items.yaml").toAbsolutePath().normalize();
        CheckResult standIn = new CheckEngine().run(new CheckRequest(List.of(spec, items), null, Map.of(), 1), CheckLog.SILENT);
        assertThat(standIn.findings()).filteredOn(f -> f.rule() == Rule.CFN005).singleElement()
                .satisfies(f -> assertThat(f.position()).isEqualTo(new SourcePosition(items, 12, 7)));

        // a finding inside a template of the part points into the other file, at the input (multi-file trial: they pointed
        // at the $ref)
        Files.writeString(items, Files.readString(items)
                .replace("$util.escapeJavaScript($input.params(''id'')).replaceAll(\"\\''\",\"''\")", "$input.params(''id'')"));
        CheckResult unescaped = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1, TemplateParameters.NONE,
                TableSchemas.NONE, Map.of("table", "Orders")), CheckLog.SILENT);
        assertThat(unescaped.findings()).filteredOn(f -> f.rule() == Rule.SEC001).singleElement().satisfies(f -> assertThat(f.position())
                .isEqualTo(new SourcePosition(items, 12, Files.readAllLines(items).get(11).indexOf("$input.params") + 1)));
    }

    /**
     * Findings in parts of other files point into them, through a reference inside a referenced file too: the linter's at
     * the integration's member, the example checks' at the example (multi-file trial: all pointed at the first $ref).
     */
    @Test
    void findingsInPartsOfOtherFilesPointIntoThoseFiles() throws Exception {
        Files.createDirectories(dir.resolve("paths"));
        Files.createDirectories(dir.resolve("examples"));
        Path examples = write("examples/orders.yaml", """
                Good:
                  value: {id: o-1}
                Bad:
                  value: '{"id": "o-2"'

                """).toAbsolutePath().normalize();
        Path orders = write("paths/orders.yaml", """
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {type: object, required: [id], properties: {id: {type: string}}}
                        examples:
                          good: {$ref: "../examples/orders.yaml#/Good"}
                          bad: {$ref: "../examples/orders.yaml#/Bad"}
                  responses: {"200": {description: ok}, "400": {description: bad}, "500": {description: failed}}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: GET
                    uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                    credentials: arn:aws:iam::123456789012:role/r
                    passthroughBehavior: never
                    requestTemplates:
                      application/json: '{"TableName": "Orders", "Item": {"id": {"S": "$util.escapeJavaScript($input.path(''$.id''))"}}}'
                    responses:
                      default: {statusCode: "200", responseTemplates: {application/json: '{"ok": true}'}}
                      "4\\\\d{2}": {statusCode: "400", responseTemplates: {application/json: '{"ok": false}'}}
                      "5\\\\d{2}": {statusCode: "500", responseTemplates: {application/json: '{"ok": false}'}}
                """).toAbsolutePath().normalize();
        Path spec = write("api.yaml", """
                openapi: 3.0.1
                info: {title: orders, version: "1"}
                x-amazon-apigateway-request-validators: {body: {validateRequestBody: true, validateRequestParameters: false}}
                x-amazon-apigateway-request-validator: body
                paths:
                  /orders: {$ref: "paths/orders.yaml"}
                """);
        CheckResult result = check(null, spec);

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.AGW006).singleElement()
                .satisfies(f -> assertThat(f.position()).isEqualTo(new SourcePosition(orders, 13, 5)));
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.SEC002).singleElement().satisfies(f -> assertThat(f.position())
                .isEqualTo(new SourcePosition(orders, 18, Files.readAllLines(orders).get(17).indexOf("$input.path") + 1)));
        // the malformed example is in a file that the path item's file refers to
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.EXM005).singleElement()
                .satisfies(f -> assertThat(f.position()).isEqualTo(new SourcePosition(examples, 3, 1)));
        assertThat(result.findings()).extracting(f -> f.position().file()).doesNotContain(spec);
    }

    /**
     * With only the template's own tables known, a request naming another table may use another stack's (review): not
     * reported, but for a name a typing slip away from a defined table. With apigw.tables given, any other name is.
     */
    @Test
    void aTableTheTemplateDoesNotDefineIsAnotherStacksUnlessItsNameIsATypoOfOne() throws Exception {
        Path shared = write("template.yaml", templateWithTable("TableName: items", "'{\"TableName\": \"audit-log-shared\""));
        assertThat(check(null, shared).findings()).noneMatch(f -> f.rule() == Rule.DDB013);

        // a version of the table, not a typo of its name
        Path version = write("version.yaml", templateWithTable("TableName: items-v2", "'{\"TableName\": \"items-v1\""));
        assertThat(check(null, version).findings()).noneMatch(f -> f.rule() == Rule.DDB013);

        Path typo = write("typo.yaml", templateWithTable("TableName: items", "'{\"TableName\": \"itmes\""));
        assertThat(check(null, typo).findings()).filteredOn(f -> f.rule() == Rule.DDB013).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Table: itmes not found; did you mean items,")
                        .contains("A table of another stack is not checked"));

        Path tables = write("tables.json", """
                [{"TableName": "items", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}]
                """);
        CheckResult given = new CheckEngine().run(new CheckRequest(List.of(shared), null, Map.of(), 1,
                new io.github.apigwddb.dynamodb.schema.TableSchemaReader().read(List.of(tables))), CheckLog.SILENT);
        assertThat(given.findings()).filteredOn(f -> f.rule() == Rule.DDB013).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("Table: audit-log-shared not found (the table definitions name items"));
    }

    /**
     * A SAM template with table Items (key id), parameters Stage (default dev) and Env (none), and a GetItem by key pk.
     *
     * @param tableName the table's TableName line, or empty for none
     * @param requestStart the request template's start up to the table's name, written as YAML
     */
    private static String templateWithTable(String tableName, String requestStart) {
        return """
                Parameters:
                  Stage: {Type: String, Default: dev}
                  Env: {Type: String}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Resources:
                  Items:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      %s
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionBody:
                        openapi: 3.0.1
                        info: {title: t, version: "1"}
                        paths:
                          /items/{id}:
                            get:
                              parameters:
                                - {name: id, in: path, required: true, schema: {type: string}}
                              responses: {"200": {description: ok}}
                              x-amazon-apigateway-integration:
                                type: aws
                                httpMethod: POST
                                uri: !Sub "arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem"
                                credentials: arn:aws:iam::123456789012:role/r
                                passthroughBehavior: never
                                requestTemplates:
                                  application/json: %s, "Key": {"pk": {"S": "$util.escapeJavaScript($input.params(''id''))"}}}'
                                responses:
                                  default: {statusCode: "200"}
                """.formatted(tableName, requestStart);
    }
}
