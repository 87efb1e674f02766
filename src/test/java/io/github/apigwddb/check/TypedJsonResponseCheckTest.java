package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MAP012 for a template that copies DynamoDB's typed JSON to the client. */
class TypedJsonResponseCheckTest {

    @TempDir
    Path dir;

    private static final String GET_BY_ID = "'{\"TableName\": \"Items\", \"Key\": {\"id\": {\"S\": \"$input.params(''id'')\"}}}'";
    private static final String QUERY = "'{\"TableName\": \"Items\", \"KeyConditionExpression\": \"id = :id\","
            + " \"ExpressionAttributeValues\": {\":id\": {\"S\": \"$input.params(''id'')\"}}}'";
    private static final String SCAN = "'{\"TableName\": \"Items\", \"Limit\": 20}'";
    private static final String ONE = "[{name: one, path: {id: \"1\"}}]";

    /** One operation with the action, request template, examples and 200 template (YAML block text, indented here). */
    private List<Finding> map012(String action, String requestTemplate, String examples, String responseTemplate) throws IOException {
        StringBuilder block = new StringBuilder();
        for (String line : responseTemplate.split("\n")) {
            block.append("                ").append(line).append('\n');
        }
        String spec = """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /i/{id}:
                    get:
                      operationId: op
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      x-apigw-examples: %s
                      responses: {"200": {description: ok}, "400": {description: bad}, "500": {description: failed}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:eu-west-1:dynamodb:action/%s
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: %s
                        responses:
                          "4\\\\d{2}": {statusCode: "400"}
                          "5\\\\d{2}": {statusCode: "500"}
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: |
                """.formatted(examples, action, requestTemplate) + block;
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, spec);
        return new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT).findings()
                .stream().filter(f -> f.rule() == Rule.MAP012).toList();
    }

    private static String textAt(Finding finding) throws IOException {
        return Files.readAllLines(finding.position().file()).get(finding.position().line() - 1);
    }

    @Test
    void aScanWhoseItemsAreCopiedIsMap012AtTheCopyEvenWhenTheMadeUpItemIsEmpty() throws IOException {
        // the trial's case: the made-up Scan item has no attribute (the template reads none); the probe attribute shows the copy
        assertThat(map012("Scan", SCAN, "[{name: page}]", "$input.json('$.Items')")).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Scan answers in DynamoDB JSON, and the template copies it to the client: the"
                    + " application/json response for status 200 holds an item of DynamoDB's answer as it is (each attribute an"
                    + " AttributeValue such as {\"S\": ...}) at /0; map each attribute to a plain value");
            assertThat(textAt(f).substring(f.position().column() - 1)).isEqualTo("$input.json('$.Items')");
            assertThat(f.severity()).isEqualTo(Rule.MAP012.defaultSeverity());
        });
    }

    @Test
    void everyWayOfCopyingTheItemIsMap012NamingWhereTheTypedValueIs() throws IOException {
        Map<String, String> pointers = Map.of(
                "$input.json('$.Item')", "at /id",
                "$input.json('$')", "at /Item/id",
                "$input.body", "at /Item/id",
                "{\"item\": $input.json('$.Item'), \"ok\": true}", "at /item/id",
                "{\"title\": $input.json('$.Item.title')}", "at /title");
        pointers.forEach((template, where) -> {
            try {
                assertThat(map012("GetItem", GET_BY_ID, "[{name: one, path: {id: \"1\"}, dynamodbResponse: {status: 200,"
                        + " body: {Item: {id: {S: \"1\"}, title: {S: Dune}}}}}]", template)).as(template).singleElement().satisfies(f -> {
                            assertThat(f.message()).contains(" holds the DynamoDB AttributeValue {\"S\":\"");
                            assertThat(f.message()).contains(where + "; ");
                            String reference = template.substring(template.indexOf('$'));
                            assertThat(textAt(f).substring(f.position().column() - 1)).startsWith(reference.substring(0, 11));
                        });
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aListWrittenByInputPathIsFoundOnItsLineInsideAMappedResponse() throws IOException {
        // the trial's v46: the items mapped one by one, and a copy of them beside under "raw"
        String template = """
                #set($items = $input.path('$.Items'))
                {"raw": $input.path('$.Items'), "items": [
                #foreach($item in $items)
                  {"id": "$util.escapeJavaScript($item.id.S).replaceAll("\\\\'","'")"}#if($foreach.hasNext),#end
                #end
                ], "count": $input.path('$.Count')}""";
        String examples = "[{name: one, path: {id: \"1\"}, dynamodbResponse: {status: 200, body: {Count: 1,"
                + " Items: [{id: {S: \"1\"}, tags: {SS: [a, b]}, size: {N: \"3\"}}]}}}]";
        assertThat(map012("Query", QUERY, examples, template)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains(" holds the DynamoDB AttributeValue {\"S\":\"1\"} at /raw/0/id; ");
            assertThat(textAt(f).strip()).startsWith("{\"raw\": $input.path");
            assertThat(textAt(f).substring(f.position().column() - 1)).startsWith("$input.path('$.Items')");
        });
    }

    @Test
    void aCopyThroughAVariableIsFoundWhereTheVariableIsWrittenNotAtTheSet() throws IOException {
        // the serverless-patterns Scan template: the answer kept by #set, its Items written (a list comes out as JSON)
        assertThat(map012("Scan", SCAN, "[{name: page}]", "#set($inputRoot = $input.path('$'))\n$inputRoot.Items")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains(" at /0; ");
                    assertThat(textAt(f).substring(f.position().column() - 1)).isEqualTo("$inputRoot.Items");
                });
        // the read kept by #set writes nothing; $input.body after it writes the answer, on that line
        assertThat(map012("Scan", SCAN, "[{name: page}]", "#set($all = $input.path('$'))\n$input.body")).singleElement()
                .satisfies(f -> assertThat(textAt(f).strip()).isEqualTo("$input.body"));
    }

    @Test
    void aMappedResponseAClientApiOfItsOwnAndACursorAreNoMap012() throws IOException {
        String examples = "[{name: one, path: {id: \"1\"}, dynamodbResponse: {status: 200, body: {Count: 1,"
                + " Items: [{id: {S: \"1\"}, size: {S: small}}], LastEvaluatedKey: {id: {S: \"1\"}}}}}]";
        // the attributes mapped to plain values
        assertThat(map012("Query", QUERY, examples, """
                [#foreach($item in $input.path('$.Items'))
                {"id": "$util.escapeJavaScript($item.id.S).replaceAll("\\\\'","'")"}#if($foreach.hasNext),#end
                #end]""")).isEmpty();
        // an API whose own objects have a member named S, even one with the answer's value: the template writes it
        assertThat(map012("Query", QUERY, examples, "{\"sizes\": {\"S\": \"small\"}, \"count\": $input.path('$.Count')}")).isEmpty();
        // LastEvaluatedKey handed out as the next page's cursor, to be sent back as it is
        assertThat(map012("Query", QUERY, examples, "{\"count\": $input.path('$.Count'), \"next\": $input.json('$.LastEvaluatedKey')}"))
                .isEmpty();
        // a copy inside a string is text, not typed JSON (VTL015's and RSP005's matter)
        assertThat(map012("Query", QUERY, examples, "{\"raw\": \"$util.escapeJavaScript($input.json('$.Items'))\"}")).isEmpty();
    }

    @Test
    void aWritesAttributesAreNotJudged() throws IOException {
        String update = "'{\"TableName\": \"Items\", \"Key\": {\"id\": {\"S\": \"$input.params(''id'')\"}}, \"UpdateExpression\":"
                + " \"SET n = :n\", \"ExpressionAttributeValues\": {\":n\": {\"N\": \"1\"}}, \"ReturnValues\": \"ALL_NEW\"}'";
        assertThat(map012("UpdateItem", update, ONE, "$input.json('$.Attributes')")).isEmpty();
    }

    @Test
    void oncePerTemplateWhateverTheExamples() throws IOException {
        String examples = "[{name: one, path: {id: \"1\"}}, {name: two, path: {id: \"2\"}}]";
        assertThat(map012("GetItem", GET_BY_ID, examples, "$input.json('$.Item')")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(" at /id; "));
        // GetItem's answer without the item has nothing to copy
        assertThat(map012("GetItem", GET_BY_ID, "[{name: gone, path: {id: \"1\"}, dynamodbResponse: {status: 200, body: {}}}]",
                "$input.json('$.Item')")).isEmpty();
    }

    @Test
    void batchAndTransactionItemsAreMarkedWhereEachActionHasThem() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        String batch = TypedJsonResponseCheck.marked("{\"Responses\": {\"T\": [{\"id\": {\"S\": \"1\"}, \"n\": {\"N\": \"2\"}}]},"
                + " \"UnprocessedKeys\": {}}");
        assertThat(mapper.readTree(batch).at("/Responses/T/0/id/S").asText()).isEqualTo("1" + TypedJsonResponseCheck.MARK);
        assertThat(mapper.readTree(batch).at("/Responses/T/0/n/N").asText()).isEqualTo("2." + TypedJsonResponseCheck.NUMBER_MARK);
        String transaction = TypedJsonResponseCheck.marked("{\"Responses\": [{\"Item\": {\"on\": {\"BOOL\": true}}}, {}]}");
        assertThat(mapper.readTree(transaction).at("/Responses/0/Item/" + TypedJsonResponseCheck.PROBE_ATTRIBUTE + "/S").asText())
                .isEqualTo(TypedJsonResponseCheck.MARK);
        // no item: nothing to mark; a cursor is left as it is
        assertThat(TypedJsonResponseCheck.marked("{\"Items\": [], \"Count\": 0}")).isNull();
        assertThat(mapper.readTree(TypedJsonResponseCheck.marked("{\"Items\": [{\"id\": {\"S\": \"1\"}}], \"LastEvaluatedKey\":"
                + " {\"id\": {\"S\": \"1\"}}}")).at("/LastEvaluatedKey/id/S").asText()).isEqualTo("1");
    }

    @Test
    void anAttributeValueIsOneMemberNamedByATypeWithAValueOfItsShape() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String typed : List.of("{\"S\": \"x\"}", "{\"N\": \"1\"}", "{\"BOOL\": false}", "{\"NULL\": true}", "{\"SS\": [\"a\"]}",
                "{\"M\": {\"a\": {\"S\": \"x\"}}}", "{\"L\": [{\"N\": \"1\"}, {\"M\": {}}]}")) {
            assertThat(TypedJsonResponseCheck.isAttributeValue(mapper.readTree(typed))).as(typed).isTrue();
        }
        for (String plain : List.of("{\"S\": 3}", "{\"S\": \"x\", \"M\": \"y\"}", "{\"NULL\": false}", "{\"SS\": []}", "{\"M\": {\"a\": 1}}",
                "{\"L\": [\"x\"]}", "{\"Size\": \"x\"}", "[\"S\"]")) {
            assertThat(TypedJsonResponseCheck.isAttributeValue(mapper.readTree(plain))).as(plain).isFalse();
        }
    }
}
