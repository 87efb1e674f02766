package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations without examples, through the whole check: the data made up for them (request and DynamoDB's answer)
 * comes from what the templates read, so no finding is about the made-up data itself, and the injection probe has a
 * value to replace in every input the template reads.
 */
class MadeUpDataCheckTest {

    @TempDir
    Path dir;

    private List<Finding> check(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT).findings();
    }

    private static List<Rule> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    /** A CloudFormation method has no body schema: the body is made up from the template's reads. */
    private static final String CLOUDFORMATION = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Music:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: Music
                  AttributeDefinitions:
                    - {AttributeName: id, AttributeType: S}
                    - {AttributeName: artist, AttributeType: S}
                  KeySchema:
                    - {AttributeName: id, KeyType: HASH}
                  GlobalSecondaryIndexes:
                    - IndexName: Artist-Index
                      KeySchema:
                        - {AttributeName: artist, KeyType: HASH}
                      Projection: {ProjectionType: ALL}
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties: {Name: music}
              MusicResource:
                Type: AWS::ApiGateway::Resource
                Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: music}
              PostMusic:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !Ref MusicResource
                  HttpMethod: POST
                  AuthorizationType: NONE
                  Integration:
                    Type: AWS
                    Credentials: arn:aws:iam::123456789012:role/music
                    IntegrationHttpMethod: POST
                    Uri: !Sub 'arn:aws:apigateway:${AWS::Region}:dynamodb:action/PutItem'
                    PassthroughBehavior: NEVER
                    RequestTemplates:
                      application/json: '{"TableName": "Music", "Item": {"id": {"S": "$input.path(''$.id'')"}, "n": {"N": "$input.path(''$.count'')"}, "artist": {"S": "$input.path(''$.artist'')"}}}'
                    IntegrationResponses:
                      - {StatusCode: '200', ResponseTemplates: {application/json: '{}'}}
                      - {SelectionPattern: '4\\d{2}', StatusCode: '400', ResponseTemplates: {application/json: '{}'}}
                      - {SelectionPattern: '5\\d{2}', StatusCode: '500', ResponseTemplates: {application/json: '{}'}}
                  MethodResponses:
                    - StatusCode: '200'
                    - StatusCode: '400'
                    - StatusCode: '500'
            """;

    @Test
    void aBodyMadeUpFromTheTemplatesReadsIsNoErrorAndItsUnescapedValuesAreProbed() throws Exception {
        List<Finding> findings = check("template.yaml", CLOUDFORMATION);

        // an empty made-up body gave "" for the number, the key and the index key
        assertThat(rules(findings)).doesNotContain(Rule.DDB007, Rule.DDB009, Rule.DDB013, Rule.VTL002);
        assertThat(findings).filteredOn(f -> f.rule() == Rule.EXM002).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("from what the request template reads (body $.id, $.count, $.artist)"));
        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC001).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("'body $.id'"))
                .anySatisfy(m -> assertThat(m).contains("'body $.count'"))
                .anySatisfy(m -> assertThat(m).contains("'body $.artist'"));
    }

    @Test
    void aFindingInATemplateJoinedWithFnJoinIsInThePartThatHoldsIt() throws Exception {
        String request = "application/json: '{\"TableName\": \"Music\", \"Item\": {\"id\": {\"S\": \"$input.path(''$.id'')\"}, \"n\":"
                + " {\"N\": \"$input.path(''$.count'')\"}, \"artist\": {\"S\": \"$input.path(''$.artist'')\"}}}'";
        String indent = "\n" + " ".repeat(20);
        String joined = CLOUDFORMATION.replace(request, String.join(indent,
                "application/json: !Join",
                "  - \"\\n\"",
                "  - - '{\"TableName\": \"Music\", \"ReturnConsumedCapacity\":'",
                "    - !Sub '\"${AWS::Region}\",'",
                "    - '\"Item\": {\"artist\": {\"S\": \"a\"},'",
                "    - '  \"name\": {\"S\": \"$util.escapeJavaScript($input.path(''$.name''))\"}, \"id\": {\"S\": \"$input.path(''$.id'')\"}}}'"));
        assertThat(joined).contains("!Join");

        List<Finding> findings = check("joined.yaml", joined);

        List<String> lines = joined.lines().toList();
        int line = lines.indexOf(lines.stream().filter(l -> l.contains("$.id")).findFirst().orElseThrow());
        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC001 && f.message().contains("'body $.id'")).singleElement()
                .satisfies(f -> {
                    assertThat(f.position().line()).isEqualTo(line + 1);
                    assertThat(f.position().column()).isEqualTo(lines.get(line).indexOf("$input.path(''$.id'')") + 1);
                });
    }

    private static String openApi(String extra, String requestTemplate, String responseTemplate) {
        return """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /links/{id}:
                    put:
                      operationId: op
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                """ + extra.indent(6) + """
                      responses:
                        "200": {description: ok}
                        "400": {description: bad}
                        "500": {description: failed}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:eu-west-1:dynamodb:action/UpdateItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                """ + requestTemplate.indent(12) + """
                        responses:
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: |
                """ + responseTemplate.indent(16) + """
                          "4\\\\d{2}": {statusCode: "400"}
                          "5\\\\d{2}": {statusCode: "500"}
                """;
    }

    private static final String UPDATE = """
            {"TableName": "Links",
             "Key": {"id": {"S": "$util.escapeJavaScript($input.params('id')).replaceAll("\\\\'", "'")"}},
             "UpdateExpression": "SET #u = :u, #ts = :ts",
             "ExpressionAttributeNames": {"#u": "url", "#ts": "timestamp"},
             "ExpressionAttributeValues": {":u": {"S": "$util.escapeJavaScript($input.path('$.url')).replaceAll("\\\\'", "'")"},
                                           ":ts": {"N": "$context.requestTimeEpoch"},
                                           ":env": {"S": "$input.params().header.get('X-App-Env')"}},
             "ConditionExpression": "env = :env",
             "ReturnValues": "ALL_NEW"}""";

    private static final String RESPONSE = """
            #set($inputRoot = $input.path('$'))
            {
              "id": "$inputRoot.Attributes.id.S",
              "timestamp": $inputRoot.Attributes.timestamp.N,
              "url": "$inputRoot.Attributes.url.S"
            }""";

    @Test
    void anUndeclaredHeaderTheTemplateReadsIsProbed() throws Exception {
        List<Finding> findings = check("api.yaml", openApi("", UPDATE, RESPONSE));

        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC001).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'header X-App-Env'").contains("/ExpressionAttributeValues/:env"));
    }

    @Test
    void theMadeUpUpdateItemAnswerHoldsWhatTheUpdateSetsSoTheResponseIsJson() throws Exception {
        List<Finding> findings = check("api.yaml", openApi("", UPDATE, RESPONSE));

        assertThat(rules(findings)).doesNotContain(Rule.RSP003);
    }

    @Test
    void theExamplesOwnDynamoDbAnswerIsRenderedAsGiven() throws Exception {
        String given = """
                x-apigw-examples:
                  - name: given
                    path: {id: "a"}
                    body: {"url": "https://x"}
                    headers: {X-App-Env: prod}
                    dynamodbResponse: {status: 200, body: {"Attributes": {"id": {"S": "a"}}}}
                """;

        List<Finding> findings = check("api.yaml", openApi(given, UPDATE, RESPONSE));

        // the given answer has no timestamp: "timestamp": , is what the client would get
        assertThat(findings).filteredOn(f -> f.rule() == Rule.RSP003).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the example's dynamodbResponse"));
    }

    /**
     * A spec's body example gives no path parameter, which every request has: the value made up fits where the template
     * writes it, or what the parameter declares (user trial: {@code example-orderNo} in a number key, a false DDB007).
     */
    @Test
    void aPathParameterMadeUpBesideASpecsBodyExampleFitsWhereItIsWritten() throws Exception {
        String spec = """
                openapi: 3.0.1
                info: {title: orders, version: '1'}
                paths:
                  /orders/{orderNo}/lines/{line}:
                    patch:
                      operationId: setNote
                      parameters:
                        - {name: orderNo, in: path, required: true, schema: {type: integer}}
                        - {name: line, in: path, required: true, schema: {type: string}}
                      requestBody:
                        content:
                          application/json: {example: {note: gift}}
                      responses: {'200': {description: ok}, '400': {description: bad}, '500': {description: error}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:eu-west-1:dynamodb:action/UpdateItem
                        credentials: arn:aws:iam::123456789012:role/orders
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            {"TableName": "Orders", "Key": {"orderNo": {"N": "$input.params('orderNo')"}, "line": {"N": "$input.params('line')"}},
                             "UpdateExpression": "SET note = :n",
                             "ExpressionAttributeValues": {":n": {"S": "$util.escapeJavaScript($input.path('$.note')).replaceAll("\\\\'", "'")"}}}
                        responses:
                          default: {statusCode: '200', responseTemplates: {application/json: '{}'}}
                          '4\\d{2}': {statusCode: '400', responseTemplates: {application/json: '{"message": "bad"}'}}
                          '5\\d{2}': {statusCode: '500', responseTemplates: {application/json: '{"message": "error"}'}}
                """;

        List<Finding> findings = check("api.yaml", spec);

        assertThat(rules(findings)).doesNotContain(Rule.DDB007, Rule.EXM002).contains(Rule.SEC001); // still probed
    }
}
