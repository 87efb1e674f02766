package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VTL009, RSP001, RSP003, the response status at render time and the example-level AGW011, through the whole check. */
class RenderChecksTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            openapi: 3.0.1
            info: {title: t, version: "1"}
            paths:
            """;

    private static String operation(String path, String method, String extra, String action, String requestTemplate,
            String responses) {
        return "  " + path + ":\n    " + method + ":\n      operationId: op\n" + extra
                + "      responses:\n        \"200\": {description: ok}\n        \"400\": {description: bad}\n        \"500\": {description: failed}\n"
                + "      x-amazon-apigateway-integration:\n"
                + "        type: aws\n        httpMethod: POST\n"
                + "        uri: arn:aws:apigateway:eu-west-1:dynamodb:action/" + action + "\n"
                + "        credentials: arn:aws:iam::123456789012:role/r\n"
                + "        passthroughBehavior: never\n"
                + "        requestTemplates:\n          application/json: |\n" + indent(requestTemplate, 12)
                + "        responses:\n" + responses;
    }

    private static String indent(String text, int spaces) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append(" ".repeat(spaces)).append(line).append('\n');
        }
        return out.toString();
    }

    private static final String PLAIN_RESPONSES = """
                      default:
                        statusCode: "200"
                      "4\\\\d{2}":
                        statusCode: "400"
                      "5\\\\d{2}":
                        statusCode: "500"
            """;

    private List<Finding> check(String spec) throws IOException {
        return run(spec).findings();
    }

    private CheckResult run(String spec) throws IOException {
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, spec);
        return new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of("table", "T"), 1), CheckLog.SILENT);
    }

    /** A default response with the given application/json template (YAML text), and the 4xx and 5xx mappings. */
    private static String mappedResponses(String template) {
        return "          default:\n            statusCode: \"200\"\n            responseTemplates:\n              application/json: " + template
                + "\n          \"4\\\\d{2}\":\n            statusCode: \"400\"\n          \"5\\\\d{2}\":\n            statusCode: \"500\"\n";
    }

    private static List<Finding> of(List<Finding> findings, Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }

    private static final String QUERY_WITH_LIMIT = """
            {
              "TableName": "$stageVariables.table",
              "KeyConditionExpression": "pk = :pk",
              "ExpressionAttributeValues": {":pk": {"S": "$input.params('owner')"}},
              "Limit": $input.params('pageSize')
            }""";

    private static final String OPTIONAL_PAGE_SIZE = """
                  parameters:
                    - {name: owner, in: path, required: true, schema: {type: string}}
                    - {name: pageSize, in: query, required: false, schema: {type: integer}}
                  x-apigw-examples:
                    - {name: full, path: {owner: ada}, querystring: {pageSize: "10"}}
                    - {name: again, path: {owner: bob}, querystring: {pageSize: "5"}}
            """;

    @Test
    void optionalQueryParameterThatBreaksTheRequestIsVtl009OnceNamingIt() throws IOException {
        List<Finding> findings = check(HEADER + operation("/o/{owner}", "get", OPTIONAL_PAGE_SIZE, "Query", QUERY_WITH_LIMIT, PLAIN_RESPONSES));

        assertThat(of(findings, Rule.VTL002)).isEmpty(); // the full examples render fine
        List<Finding> vtl009 = of(findings, Rule.VTL009);
        assertThat(vtl009).hasSize(1);
        assertThat(vtl009.get(0).message()).startsWith("Without the optional querystring 'pageSize'")
                .contains("not valid JSON");
        // JSON breaks at the '}' after the empty value; the finding points at the read of the parameter, where the fix goes
        assertThat(vtl009.get(0).position().line()).isEqualTo(findLine("\"Limit\": $input.params('pageSize')"));
    }

    @Test
    void aJsonErrorAtAClosingBraceAfterAMemberWithoutValueIsLocatedAtThatMember() throws IOException {
        // the #if and #end lines print nothing, so output and template lines no longer line up; the parser stops at the
        // closing brace, but the value is missing on the line before
        String template = """
                {
                  "TableName": "$stageVariables.table",
                  "KeyConditionExpression": "pk = :pk",
                  #if("$!input.params('from')" != "")
                  "ExclusiveStartKey": {"pk": {"S": "x"}},
                  #end
                  "ExpressionAttributeValues": {":pk": {"S": "$input.params('owner')"}},
                  "Limit": $input.params('pageSize')
                }""";
        String examples = """
                      parameters:
                        - {name: owner, in: path, required: true, schema: {type: string}}
                        - {name: pageSize, in: query, required: true, schema: {type: integer}}
                      x-apigw-examples:
                        - {name: one, path: {owner: ada}, querystring: {pageSize: ""}}
                """;
        List<Finding> vtl002 = of(check(HEADER + operation("/o/{owner}", "get", examples, "Query", template, PLAIN_RESPONSES)), Rule.VTL002);

        assertThat(vtl002).singleElement().satisfies(f -> {
            assertThat(f.position().line()).isEqualTo(findLine("\"Limit\": $input.params('pageSize')"));
            assertThat(f.message()).contains(">>>}");
        });
    }

    @Test
    void aJsonErrorInTextThatALaterTemplateLineJoinsToTheOutputLineIsLocatedOnThatLine() throws IOException {
        // "#end" takes the line break with it: the Limit and ExclusiveStartKey lines write one output line
        String template = """
                {
                  "TableName": "$stageVariables.table",
                  "KeyConditionExpression": "pk = :pk",
                  "ExpressionAttributeValues": {":pk": {"S": "$input.params('owner')"}},
                  #if($input.params('pageSize') != "")"Limit": $input.params('pageSize'),#end
                  #if($input.params('from') != "")"ExclusiveStartKey": $input.params('from'),#end
                  "ScanIndexForward": true
                }""";
        String examples = """
                      parameters:
                        - {name: owner, in: path, required: true, schema: {type: string}}
                        - {name: pageSize, in: query, schema: {type: integer}}
                        - {name: from, in: query, schema: {type: string}}
                      x-apigw-examples:
                        - {name: one, path: {owner: ada}, querystring: {pageSize: "10", from: "not-json"}}
                """;
        List<Finding> vtl002 = of(check(HEADER + operation("/o/{owner}", "get", examples, "Query", template, PLAIN_RESPONSES)), Rule.VTL002);

        assertThat(vtl002).singleElement().satisfies(f -> {
            assertThat(f.position().line()).isEqualTo(findLine("\"ExclusiveStartKey\": $input.params('from')"));
            assertThat(f.message()).contains(">>>not-json");
        });
    }

    @Test
    void guardedOptionalParameterIsNoVtl009() throws IOException {
        String guarded = QUERY_WITH_LIMIT.replace("\"ExpressionAttributeValues\": {\":pk\": {\"S\": \"$input.params('owner')\"}},\n  \"Limit\": $input.params('pageSize')",
                "#if($input.params('pageSize') != \"\")\n  \"Limit\": $input.params('pageSize'),\n#end\n  \"ExpressionAttributeValues\": {\":pk\": {\"S\": \"$input.params('owner')\"}}");
        assertThat(guarded).contains("#if");
        List<Finding> findings = check(HEADER + operation("/o/{owner}", "get", OPTIONAL_PAGE_SIZE, "Query", guarded, PLAIN_RESPONSES));

        assertThat(of(findings, Rule.VTL009)).isEmpty();
        assertThat(of(findings, Rule.VTL002)).isEmpty();
    }

    @Test
    void optionalBodyMemberThatLeavesAKeyEmptyIsVtl009ForThatMember() throws IOException {
        String extra = """
                      requestBody:
                        content:
                          application/json:
                            schema:
                              $ref: "#/components/schemas/W"
                      x-apigw-examples:
                        - {name: all, body: {"id": "1", "name": "n", "tags": ["a"]}}
                """;
        String template = """
                {"TableName": "T", "Item": {"id": {"S": "$input.path('$.id')"}, "name": {"S": "$input.path('$.name')"},
                 "tags": {"SS": $input.json('$.tags')}}}""";
        String spec = HEADER + operation("/w", "post", extra, "PutItem", template, PLAIN_RESPONSES) + """
                components:
                  schemas:
                    W:
                      type: object
                      required: [id, name]
                      properties: {id: {type: string}, name: {type: string}, tags: {type: array, items: {type: string}}}
                """;
        List<Finding> vtl009 = of(check(spec), Rule.VTL009);

        assertThat(vtl009).hasSize(1);
        assertThat(vtl009.get(0).message()).startsWith("Without the optional body member 'tags'");
    }

    @Test
    void aBodyKeepsTheOptionalMembersItsMinPropertiesAsksFor() throws IOException {
        String extra = """
                      requestBody:
                        content:
                          application/json:
                            schema:
                              $ref: "#/components/schemas/Patch"
                      x-apigw-examples:
                        - {name: both, body: {"note": "n", "priority": 2}}
                """;
        // a dynamic update: SET over whatever members the body has; an empty body leaves "SET " and empty maps
        String template = """
                #set($body = $input.path('$'))
                {"TableName": "T", "Key": {"pk": {"S": "1"}},
                 "UpdateExpression": "SET #foreach($k in $body.keySet())#f$foreach.count = :v$foreach.count#if($foreach.hasNext), #end#end",
                 "ExpressionAttributeNames": {#foreach($k in $body.keySet())"#f$foreach.count": "$k"#if($foreach.hasNext), #end#end},
                 "ExpressionAttributeValues": {#foreach($k in $body.keySet())":v$foreach.count": {"S": "$util.escapeJavaScript($body.get($k)).replaceAll("\\\\'","'")"}#if($foreach.hasNext), #end#end}}""";
        String schema = """
                components:
                  schemas:
                    Patch:
                      type: object
                      %s
                      properties: {note: {type: string}, priority: {type: integer}}
                """;
        String spec = HEADER + operation("/w", "patch", extra, "UpdateItem", template, PLAIN_RESPONSES);

        assertThat(of(check(spec + schema.formatted("additionalProperties: false")), Rule.VTL009)).isNotEmpty();
        // at least one member: the minimal body keeps 'note'
        assertThat(of(check(spec + schema.formatted("minProperties: 1")), Rule.VTL009)).isEmpty();
        assertThat(of(check(spec + schema.formatted("allOf: [{minProperties: 1}]")), Rule.VTL009)).isEmpty();
    }

    @Test
    void aParameterReadByANameTheOperationDoesNotDeclareButOneLikeItIsVtl014() throws IOException {
        String extra = """
                      parameters:
                        - {name: orderId, in: path, required: true, schema: {type: string}}
                        - {name: X-Tenant, in: header, schema: {type: string}}
                      x-apigw-examples:
                        - {name: one, path: {orderId: o-1}}
                """;
        String template = "{\"TableName\": \"T\", \"Key\": {\"pk\": {\"S\": \"$util.escapeJavaScript(%s).replaceAll(\"\\\\'\",\"'\")\"}}}";
        java.util.function.Function<String, List<Finding>> vtl014 = read -> {
            try {
                return of(check(HEADER + operation("/o/{orderId}", "get", extra, "GetItem", template.formatted(read), PLAIN_RESPONSES)), Rule.VTL014);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        assertThat(vtl014.apply("$input.params('orderID')")).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("The template reads parameter 'orderID', which the operation does not declare; did you mean"
                    + " path parameter 'orderId'? (names are case-sensitive)");
            assertThat(f.position().line()).isEqualTo(findLine("$input.params('orderID')"));
        });
        // a path parameter the path does not have is always empty
        assertThat(vtl014.apply("$input.params().path.get('order')")).singleElement().extracting(Finding::message).asString()
                .startsWith("The template reads path parameter 'order', which the path /o/{orderId} does not have: it is always empty");
        // declared names (a header in any case), and undeclared ones like none declared (Authorization), are not reported
        assertThat(vtl014.apply("$input.params('orderId')")).isEmpty();
        assertThat(vtl014.apply("$input.params('x-tenant')")).isEmpty();
        assertThat(vtl014.apply("$input.params().header.get('Authorization')")).isEmpty();
        // a name one location reads: only that location fills it
        assertThat(vtl014.apply("$input.params().querystring.get('orderID')")).singleElement().extracting(Finding::message).asString()
                .endsWith("it is empty unless the client sends a query string parameter of that name");
        // a name declared in another location is no typo (X-Tenant is a header; the query string is read here)
        assertThat(vtl014.apply("$input.params().querystring.get('X-Tenant')")).isEmpty();
        // no typo, but the path's variable is read nowhere: a path segment renamed (message-to-fix trial v18)
        assertThat(vtl014.apply("$input.params('id')")).singleElement().extracting(Finding::message).asString()
                .isEqualTo("The template reads parameter 'id', which the operation does not declare, and nothing reads path parameter"
                        + " 'orderId' of /o/{orderId}: did you mean $input.params('orderId')? As written, 'id' is empty unless the client"
                        + " sends a query string parameter or header of that name");
        assertThat(vtl014.apply("$input.params('id')$input.params('orderId')")).isEmpty();
        // a header read on purpose, of a name unlike the path's variable (review)
        assertThat(vtl014.apply("$input.params('traceparent')")).isEmpty();
        assertThat(vtl014.apply("$input.params('X-Request-Id')")).isEmpty();
    }

    @Test
    void nothingOptionalMeansNoSecondRender() throws IOException {
        String extra = """
                      x-apigw-examples:
                        - {name: only, path: {owner: ada}}
                """;
        String template = "{\"TableName\": \"T\", \"Key\": {\"pk\": {\"S\": \"$input.params('owner')\"}}}";
        assertThat(of(check(HEADER + operation("/o/{owner}", "get", extra, "GetItem", template, PLAIN_RESPONSES)), Rule.VTL009)).isEmpty();
    }

    private static final String GET_BY_ID = "{\"TableName\": \"Items\", \"Key\": {\"id\": {\"S\": \"$input.params('id')\"}}}";
    private static final String GET_EXAMPLE = """
                  x-apigw-examples:
                    - {name: one, path: {id: "1"}}
            """;

    @Test
    void aStoredStringWithAQuoteOrAnApostropheThatBreaksTheResponseIsRsp005NamingItsAttributes() throws IOException {
        String unescaped = mappedResponses("'{\"id\": \"$input.path(''$.Item.id.S'')\", \"name\": \"$input.path(''$.Item.name.S'')\"}'");
        List<Finding> rsp005 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, unescaped)), Rule.RSP005);
        // the key the client named is not held against the template; the name a user stored is
        assertThat(rsp005).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("When attribute 'name' of DynamoDB's answer holds a double quote (\")");
            // at the read of 'name', not at the read of 'id' before it on the line
            assertThat(f.position().column()).isGreaterThan(textAt(f).indexOf("$.Item.id.S")).isEqualTo(textAt(f).indexOf("$input.path(''$.Item.name.S'')") + 1);
            assertThat(f.message()).endsWith("inside a JSON string write it as $util.escapeJavaScript(...).replaceAll(\"\\\\'\",\"'\"), and outside"
                    + " one (a JSON document stored as text) it must be valid JSON itself");
        });
        String escapedOnly = unescaped.replace("\"$input.path(''$.Item.name.S'')\"", "\"$util.escapeJavaScript($input.path(''$.Item.name.S''))\"");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, escapedOnly)), Rule.RSP005))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("holds an apostrophe (')"));
        String escaped = unescaped.replace("\"$input.path(''$.Item.name.S'')\"",
                "\"$util.escapeJavaScript($input.path(''$.Item.name.S'')).replaceAll(\"\\\\''\",\"''\")\"");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, escaped)), Rule.RSP005)).isEmpty();
    }

    /**
     * An item without an attribute the template writes outside quotes gives the client invalid JSON; the key is in every
     * item, and a guarded or quoted read is fine (advanced DynamoDB trial: a list size of orders without lines).
     */
    /**
     * A filter of 12,000 terms, written by the template's own loops: DynamoDB reads none over 4 KB (DDX011), and reading
     * it exhausted the stack (the crash hunt: RSP006's reading aborted the whole goal, the expression rule said DDB000).
     */
    @Test
    void anExpressionFarOverDynamoDbsLimitIsDdx011NotACrash() throws IOException {
        String query = "{\"TableName\": \"Items\", \"KeyConditionExpression\": \"id = :id\", \"FilterExpression\": \"id = :id"
                + "#foreach($i in [1..1000])#foreach($j in [1..12]) AND id = :id#end#end\","
                + " \"ExpressionAttributeValues\": {\":id\": {\"N\": \"$input.params('id')\"}}}";
        String example = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Count: 1, Items: [{id: {N: "1"}, n: {N: "2"}}]}}}
                """;
        String counts = mappedResponses("'[#foreach($i in $input.path(''$.Items'')){\"n\": $i.n.N}#if($foreach.hasNext),#end#end]'");
        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", example, "Query", query, counts));

        assertThat(findings).extracting(f -> f.rule().name()).contains("DDX011").doesNotContain("DDB000", "DDX001");
        assertThat(of(findings, Rule.RSP006)).singleElement(); // the item without n, judged without reading the filter
    }

    /** DynamoDB adds ConsumedCapacity to an empty answer too when the request asks (false-positive hunt: RSP003). */
    @Test
    void anEmptyResultHasTheConsumedCapacityTheRequestAsksFor() throws IOException {
        String query = "{\"TableName\": \"Items\", \"KeyConditionExpression\": \"id = :id\", \"ReturnConsumedCapacity\": \"TOTAL\","
                + " \"ExpressionAttributeValues\": {\":id\": {\"S\": \"$util.escapeJavaScript($input.params('id')).replaceAll(\"\\\\'\",\"'\")\"}}}";
        String example = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Count: 1, Items: [{id: {S: "1"}}],
                            ConsumedCapacity: {TableName: Items, CapacityUnits: 0.5}}}}
                """;
        String capacity = mappedResponses("'{\"count\": $input.path(''$.Count''), \"capacity\": $input.path(''$.ConsumedCapacity.CapacityUnits'')}'");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", example, "Query", query, capacity)), Rule.RSP003)).isEmpty();
    }

    @Test
    void anItemWithoutAnAttributeWrittenOutsideQuotesIsRsp006() throws IOException {
        String example = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Item: {id: {N: "1"}, name: {S: a},
                            lines: {L: [{S: x}]}}}}}
                """;
        String raw = mappedResponses("'{\"id\": $input.path(''$.Item.id.N''), \"name\": \"$input.path(''$.Item.name.S'')\","
                + " \"lineCount\": $input.path(''$.Item.lines.L'').size()}'");
        List<Finding> rsp006 = of(check(HEADER + operation("/i/{id}", "get", example, "GetItem", GET_BY_ID.replace("\"S\"", "\"N\""), raw)),
                Rule.RSP006);
        assertThat(rsp006).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("When an item lacks attribute 'lines' (DynamoDB keeps no schema: only key attributes are in every item),"));

        // a query whose filter needs the attribute returns no item without it (re-trial: a false RSP006)
        String query = "{\"TableName\": \"Items\", \"KeyConditionExpression\": \"id = :id\", \"FilterExpression\": \"size(#l) > :zero\","
                + " \"ExpressionAttributeNames\": {\"#l\": \"lines\"}, \"ExpressionAttributeValues\": {\":id\": {\"N\": \"$input.params('id')\"},"
                + " \":zero\": {\"N\": \"0\"}}}";
        String queryExample = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Count: 1, Items: [{id: {N: "1"}, lines: {L: [{S: x}]}}]}}}
                """;
        String counts = mappedResponses("'[#foreach($i in $input.path(''$.Items'')){\"n\": $i.lines.L.size()}#if($foreach.hasNext),#end#end]'");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", queryExample, "Query", query, counts)), Rule.RSP006)).isEmpty();
        assertThat(of(check(HEADER + operation("/i/{id}", "get", queryExample, "Query", query.replace("size(#l) > :zero", "id <> :zero"), counts)),
                Rule.RSP006)).singleElement();

        String guarded = raw.replace("$input.path(''$.Item.lines.L'').size()", "#if($input.path(''$.Item.lines''))$input.path(''$.Item.lines.L'').size()#{else}0#end");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", example, "GetItem", GET_BY_ID.replace("\"S\"", "\"N\""), guarded)),
                Rule.RSP006)).isEmpty();
    }

    /**
     * A batch made from the client's array has as many entries as the client sends: past 25 DynamoDB refuses it; a
     * template that bounds the array is fine (advanced DynamoDB trial: BatchWriteItem and transactions over the limit).
     */
    @Test
    void aBatchMadeFromAClientArrayWithoutBoundIsDdb015AtTheArraysRead() throws IOException {
        String batch = """
                #set($orders = $input.path('$.orders'))
                {"RequestItems": {"Orders": [
                #foreach($o in $orders){"PutRequest": {"Item": {"id": {"S": "$util.escapeJavaScript($o.id).replaceAll("\\'","'")"}}}}#if($foreach.hasNext),#end
                #end]}}""";
        String example = """
                      x-apigw-examples:
                        - {name: two, body: {orders: [{id: o-1}, {id: o-2}], note: x}}
                """;
        List<Finding> ddb015 = of(check(HEADER + operation("/orders", "post", example, "BatchWriteItem", batch, mappedResponses("'{}'"))),
                Rule.DDB015);
        assertThat(ddb015).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("The template makes the put and delete requests of BatchWriteItem from the client's array"
                    + " $.orders and does not bound it: a client that sends 26 elements gets a request with 26, and DynamoDB"
                    + " takes at most 25");
            assertThat(textAt(f).substring(f.position().column() - 1)).startsWith("$input.path('$.orders')");
        });

        // read through a variable: at the loop's read of the array
        String throughBody = batch.replace("#set($orders = $input.path('$.orders'))", "#set($b = $input.path('$'))")
                .replace("#foreach($o in $orders)", "#foreach($o in $b.orders)");
        assertThat(of(check(HEADER + operation("/orders", "post", example, "BatchWriteItem", throughBody, mappedResponses("'{}'"))),
                Rule.DDB015)).singleElement().satisfies(f -> assertThat(textAt(f).substring(f.position().column() - 1)).startsWith("$b.orders"));

        String bounded = batch.replace("#set($orders = $input.path('$.orders'))",
                "#set($orders = $input.path('$.orders'))#if($orders.size() > 25)#set($orders = [])#end");
        assertThat(of(check(HEADER + operation("/orders", "post", example, "BatchWriteItem", bounded, mappedResponses("'{}'"))),
                Rule.DDB015)).isEmpty();
    }

    /**
     * A ValidationException's message repeats the client's value, quotes and all: an error template that writes it
     * unescaped gives those clients invalid JSON (advanced DynamoDB trial: x-anchors).
     */
    @Test
    void anErrorMessageWrittenUnescapedIsRsp005() throws IOException {
        String responses = "          default:\n            statusCode: \"200\"\n            responseTemplates:\n              application/json: '{}'\n"
                + "          \"4\\\\d{2}\":\n            statusCode: \"400\"\n            responseTemplates:\n"
                + "              application/json: '{\"message\": \"$input.path(''$.message'')\"}'\n"
                + "          \"5\\\\d{2}\":\n            statusCode: \"500\"\n";
        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses));
        assertThat(of(findings, Rule.RSP005)).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("When DynamoDB's error message holds a double quote, as a ValidationException's does when it repeats"
                        + " the client's value"));
        String escaped = responses.replace("\"$input.path(''$.message'')\"", "\"$util.escapeJavaScript($input.path(''$.message'')).replaceAll(\"\\\\''\",\"''\")\"");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, escaped)), Rule.RSP005)).isEmpty();
    }

    /**
     * A single default response whose template gives DynamoDB's errors an error status itself maps them: no MAP010
     * (false-positive hunt); one that only answers 404 for a missing item leaves them at 200: MAP010.
     */
    @Test
    void errorsGivenAnErrorStatusByTheDefaultTemplateAreNoMap010() throws IOException {
        String byType = "          default:\n            statusCode: \"200\"\n            responseTemplates:\n              application/json: |\n"
                + "                #if($input.path('$.__type') != \"\")\n"
                + "                #if($input.path('$.__type').endsWith('InternalServerError'))#set($context.responseOverride.status = 500)"
                + "#else#set($context.responseOverride.status = 400)#end\n"
                + "                {\"message\": \"failed\"}\n"
                + "                #elseif($input.path('$.Item') == \"\")\n                #set($context.responseOverride.status = 404)\n                {}\n"
                + "                #else\n                {\"id\": \"$util.escapeJavaScript($input.path('$.Item.id.S'))\"}\n                #end\n";
        String spec = HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, byType).replace("\"400\": {description: bad}",
                "\"400\": {description: bad}\n        \"404\": {description: none}");
        assertThat(of(check(spec), Rule.MAP010)).isEmpty();

        // an example whose own answer is an error goes to the default response's 200: still MAP010 (crash hunt: it was lost)
        String exampleOfAnError = """
                      x-apigw-examples:
                        - {name: refused, path: {id: "1"}, dynamodbResponse: {status: 400, body: {__type: "com.amazon.coral.validate#ValidationException", message: "bad"}}}
                """;
        String onlyServerErrors = "          default:\n            statusCode: \"200\"\n            responseTemplates:\n              application/json: '{}'\n"
                + "          \"5\\\\d{2}\":\n            statusCode: \"500\"\n";
        assertThat(of(check(HEADER + operation("/i/{id}", "get", exampleOfAnError, "GetItem", GET_BY_ID, onlyServerErrors)), Rule.MAP010))
                .singleElement();
        // errors mapped by pattern, but the 4xx template sets 200 for them: MAP010 says so (crash hunt: a false green)
        String toSuccess = "          default:\n            statusCode: \"200\"\n            responseTemplates:\n              application/json: '{}'\n"
                + "          \"4\\\\d{2}\":\n            statusCode: \"400\"\n            responseTemplates:\n"
                + "              application/json: '#set($context.responseOverride.status = 200){\"ok\": false}'\n"
                + "          \"5\\\\d{2}\":\n            statusCode: \"500\"\n";
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, toSuccess)), Rule.MAP010))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("DynamoDB errors have integration responses of their own,"
                        + " but the one that takes 400 ValidationException (status 200) answers with a success status"));
        // errors then take the 404 branch: not 200, but not their own class either, which the message now says
        String notFoundOnly = spec.replace("#if($input.path('$.__type') != \"\")", "#if(false)");
        assertThat(of(check(notFoundOnly), Rule.MAP010)).singleElement().satisfies(f -> assertThat(f.message())
                .contains(", and the integration response that takes them answers 400 ValidationException with 404, 500 InternalServerError with 404"
                        + " (an error's status is of its class, and 404 says the item does not exist); add responses"));
        // a request DynamoDB rejects is its ValidationException, named as the others are (user trial: "(DynamoDB rejects
        // this request)" was left in the message)
        String rejected = notFoundOnly.replace("\"Key\": {\"id\"", "\"Key\": {\"id\": {\"S\": \"\"}, \"other\"");
        assertThat(rejected).isNotEqualTo(notFoundOnly);
        assertThat(of(check(rejected), Rule.MAP010)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("answers 400 ValidationException with 404, 500 InternalServerError with 404").doesNotContain("rejects this request"));
    }

    /**
     * A status the template sets that the operation does not declare: API Gateway sends it, the definition does not say so;
     * a declared one, its class (4XX) and a computed one are not reported.
     */
    @Test
    void aStatusOverrideTheOperationDoesNotDeclareIsVtl008AtTheSet() throws IOException {
        String notFound = mappedResponses("|\n                #if($input.path('$.Item') == \"\")\n"
                + "                #set($context.responseOverride.status = 404)\n                {}\n"
                + "                #elseif($input.path('$.Item.blocked.BOOL'))\n                #set($context.responseOverride.status = \"400\")\n                {}\n"
                + "                #else\n                #set($context.responseOverride.status = $input.path('$.Item.code.N'))\n                {}\n                #end");
        String spec = HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, notFound);
        assertThat(of(check(spec), Rule.VTL008)).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("The template answers with status 404 ($context.responseOverride.status), which the operation"
                    + " declares no response for");
            assertThat(f.position().column()).isEqualTo(textAt(f).indexOf("$context.responseOverride.status = 404") + 1);
        });
        String declaredAsClass = spec.replace("\"400\": {description: bad}", "\"4XX\": {description: bad}");
        assertThat(of(check(declaredAsClass), Rule.VTL008)).isEmpty();
        // a status in an interpolated string is computed: not judged, and no crash (review: it failed seven checks)
        String interpolated = spec.replace("= $input.path('$.Item.code.N'))", "= \"$input.path('$.Item.code.N')\")");
        assertThat(interpolated).isNotEqualTo(spec);
        assertThat(check(interpolated)).extracting(f -> f.rule()).doesNotContain(Rule.DDB000).filteredOn(r -> r == Rule.VTL008).hasSize(1);
    }

    /**
     * An error template that copies DynamoDB's error body, or its type, gives clients DynamoDB's internals (message-to-fix
     * trial: v34); its own error, a message passed on, or no template at all are not RSP004's.
     */
    @Test
    void anErrorTemplateThatCopiesDynamoDbsErrorTypeIsRsp004AtTheCopy() throws IOException {
        String copied = "          default:\n            statusCode: \"200\"\n            responseTemplates:\n              application/json: '{}'\n"
                + "          \"4\\\\d{2}\":\n            statusCode: \"400\"\n            responseTemplates:\n"
                + "              application/json: '{\"error\": $input.json(''$'')}'\n"
                + "          \"5\\\\d{2}\":\n            statusCode: \"500\"\n";
        List<Finding> rsp004 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, copied)), Rule.RSP004);
        assertThat(rsp004).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("When DynamoDB answers 400 ValidationException: The application/json error response"
                    + " gives the client DynamoDB's error type (its __type");
            assertThat(f.position().column()).isEqualTo(textAt(f).indexOf("$input.json") + 1);
        });
        // a conditional write meets two errors through the template: one finding naming both (false-positive hunt: two)
        String delete = GET_BY_ID.replace("}}}", "}}, \"ConditionExpression\": \"attribute_exists(id)\"}");
        assertThat(of(check(HEADER + operation("/i/{id}", "delete", GET_EXAMPLE, "DeleteItem", delete, copied)), Rule.RSP004))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("When DynamoDB answers 400 ValidationException or"
                        + " 400 ConditionalCheckFailedException: "));
        String typeOnly = copied.replace("$input.json(''$'')", "\"$input.path(''$.__type'')\"");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, typeOnly)), Rule.RSP004)).singleElement();
        String ownError = copied.replace("$input.json(''$'')", "{\"message\": \"$util.escapeJavaScript($input.path(''$.message'')).replaceAll("
                + "\"\\\\''\",\"''\")\"}");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, ownError)), Rule.RSP004)).isEmpty();
        String noTemplate = "          default:\n            statusCode: \"200\"\n            responseTemplates:\n              application/json: '{}'\n"
                + "          \"4\\\\d{2}\":\n            statusCode: \"400\"\n          \"5\\\\d{2}\":\n            statusCode: \"500\"\n";
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, noTemplate)), Rule.RSP004)).isEmpty();
    }

    /**
     * A cursor made of $input.path's object is Java's map text, which the next request cannot read; $input.json's is JSON
     * (advanced DynamoDB trial: v20).
     */
    @Test
    void anObjectWrittenAsTextIsVtl015() throws IOException {
        String example = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Count: 1, Items: [{id: {S: "1"}}],
                            LastEvaluatedKey: {id: {S: "1"}}}}}
                """;
        String query = "{\"TableName\": \"Items\", \"KeyConditionExpression\": \"id = :id\", \"ExpressionAttributeValues\":"
                + " {\":id\": {\"S\": \"$util.escapeJavaScript($input.params('id')).replaceAll(\"\\\\'\",\"'\")\"}}}";
        String javaText = mappedResponses("'{\"next\": \"$util.base64Encode($input.path(''$.LastEvaluatedKey''))\"}'");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", example, "Query", query, javaText)), Rule.VTL015)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("The template writes a JSON object as text ($util.base64Encode(...) of an"
                        + " object): API Gateway writes it as Java's map text"));
        // outside quotes the output is no JSON (RSP003), and VTL015 says why (message-to-fix trial v46b)
        String outside = mappedResponses("'{\"next\": $input.path(''$.LastEvaluatedKey'')}'");
        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", example, "Query", query, outside));
        assertThat(of(findings, Rule.VTL015)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("API Gateway writes it as Java's map text, {key=value}, which is no JSON, so the output is not;"));
        assertThat(of(findings, Rule.RSP003)).isNotEmpty();
        String json = javaText.replace("$input.path(''$.LastEvaluatedKey'')", "$input.json(''$.LastEvaluatedKey'')");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", example, "Query", query, json)), Rule.VTL015)).isEmpty();
        // an object's text compared in a condition is written nowhere (re-trial: "$!order" == "")
        String compared = mappedResponses("'#set($k = $input.path(''$.LastEvaluatedKey''))#if(\"$!k\" == \"\")"
                + "{\"next\": null}#else{\"next\": \"$util.base64Encode($input.json(''$.LastEvaluatedKey''))\"}#end'");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", example, "Query", query, compared)), Rule.VTL015)).isEmpty();
    }

    @Test
    void theStringsOfAListAttributeAreProbedUnderItsName() throws IOException {
        String responses = mappedResponses("'{\"tags\": [#foreach($t in $input.path(''$.Item.tags.L''))\"$t.S\"#if($foreach.hasNext),#end#end]}'");
        String example = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Item: {id: {S: "1"}, tags: {L: [{S: a}, {S: b}]}}}}}
                """;
        assertThat(of(check(HEADER + operation("/i/{id}", "get", example, "GetItem", GET_BY_ID, responses)), Rule.RSP005))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("When attribute 'tags' of DynamoDB's answer holds a double quote"));
    }

    @Test
    void aStoredStringWrittenThroughALoopVariableIsFoundAtThatVariable() throws IOException {
        String responses = mappedResponses("|\n                            #foreach($o in $input.path('$.Items'))\n"
                + "                            {\"id\": \"$o.id.S\", \"note\": \"$o.note.S\"}#if($foreach.hasNext),#end\n"
                + "                            #end");
        String example = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Items: [{id: {S: "1"}, note: {S: n}}]}}}
                """;
        String query = "{\"TableName\": \"Items\", \"KeyConditionExpression\": \"id = :id\", \"ExpressionAttributeValues\":"
                + " {\":id\": {\"S\": \"$input.params('id')\"}}}";
        assertThat(of(check(HEADER + operation("/i/{id}", "get", example, "Query", query, responses)), Rule.RSP005))
                .singleElement().satisfies(f -> {
                    // both break it: the finding names them and points at the first one written, not at the line's start
                    assertThat(f.message()).startsWith("When attributes 'id', 'note' of DynamoDB's answer hold");
                    assertThat(f.position().column()).isEqualTo(textAt(f).indexOf("$o.id.S") + 1);
                });
    }

    @Test
    void aQueryThatMatchesNothingIsRenderedTooAndAResponseReadingTheFirstItemBreaksOnIt() throws IOException {
        String query = "{\"TableName\": \"Items\", \"KeyConditionExpression\": \"id = :id\", \"ExpressionAttributeValues\":"
                + " {\":id\": {\"S\": \"$util.escapeJavaScript($input.params('id')).replaceAll(\"\\\\'\",\"'\")\"}}}";
        String firstItem = mappedResponses("'{\"newest\": $input.path(''$.Items[0].at.N'')}'");
        List<Finding> rsp003 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "Query", query, firstItem)), Rule.RSP003);
        assertThat(rsp003).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("When DynamoDB answers 200 with no Items (the Query or Scan matched nothing): The application/json response"));

        // a template that tests for the list, or an example whose own answer is empty, is not rendered with it again
        String guarded = mappedResponses("'{\"newest\": #if($input.path(''$.Count'') > 0)$input.path(''$.Items[0].at.N'')#{else}null#end}'");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "Query", query, guarded)), Rule.RSP003)).isEmpty();
    }

    @Test
    void anAttributeTheResponseOnlyTestsIsNoRsp005() throws IOException {
        // a quote takes the #if the other way, where the example's item lacks 'at': that is no stored text written unescaped
        String responses = mappedResponses("'#set($s = $input.path(''$.Item.status.S''))#if($s == \"active\"){\"status\": \"active\"}#else{\"status\": \"archived\", \"at\": $input.path(''$.Item.at.N'')}#end'");
        String example = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Item: {id: {S: "1"}, status: {S: active}}}}}
                """;
        assertThat(of(check(HEADER + operation("/i/{id}", "get", example, "GetItem", GET_BY_ID, responses)), Rule.RSP005)).isEmpty();
    }

    @Test
    void anEmptyOrShortValueAndAStoredJsonDocumentAreNoRsp005() throws IOException {
        // '' + '"' is a quote found anywhere; a value that is a JSON document is written as JSON on purpose
        String responses = mappedResponses("'#set($s = $input.path(''$.Item.status.S''))#if($s == \"\"){\"status\": \"none\"}#else{\"status\":"
                + " \"set\", \"at\": $input.path(''$.Item.at.N'')}#end'");
        String example = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Item: {id: {S: "1"}, status: {S: ""}}}}}
                """;
        assertThat(of(check(HEADER + operation("/i/{id}", "get", example, "GetItem", GET_BY_ID, responses)), Rule.RSP005)).isEmpty();
        String document = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}, dynamodbResponse: {status: 200, body: {Item: {id: {S: "1"}, doc: {S: '{"a": "it''s"}'}}}}}
                """;
        assertThat(of(check(HEADER + operation("/i/{id}", "get", document, "GetItem", GET_BY_ID,
                mappedResponses("'{\"doc\": $input.path(''$.Item.doc.S'')}'"))), Rule.RSP005)).isEmpty();
    }

    @Test
    void attributesReadThroughAVariableAreInTheMadeUpAnswer() throws IOException {
        // #set($item = $input.path('$.Item')) then $item.price.N: without price in the made-up item, "price": , was an RSP003
        String responses = mappedResponses("'#set($item = $input.path(''$.Item'')){\"price\": $item.price.N, \"name\": \"$util.escapeJavaScript($item.name.S).replaceAll(\"\\\\''\",\"''\")\"}'");
        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses));
        // only the answer without an item breaks it (true: "price": , then)
        assertThat(of(findings, Rule.RSP003)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("When DynamoDB answers 200 without an Item"));
        assertThat(of(findings, Rule.RSP005)).isEmpty();
    }

    /**
     * A request DynamoDB rejects gets its error, and its response templates a success all the same, as if it were
     * accepted: their problems come with the request's, not once it is fixed (user trial: findings arrived in waves).
     */
    @Test
    void theResponsesOfARejectedRequestAreCheckedAsIfItWereAccepted() throws IOException {
        String rejected = "{\"TableName\": \"Items\", \"Key\": {\"id\": {\"S\": \"$input.params('id')\"}}, \"ProjectionExpression\": \"name\"}";
        String responses = mappedResponses("'{\"name\": \"$input.path(''$.Item.name.S'')\"}'");

        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", rejected, responses));

        assertThat(of(findings, Rule.DDX005)).hasSize(1);
        assertThat(of(findings, Rule.RSP005)).singleElement().satisfies(f -> {
            assertThat(f.example()).isEqualTo("one");
            assertThat(f.message()).contains("'name'");
        });
        // an error template that breaks is said once, for the rejection, and not again for DynamoDB's errors (re-trial: twice)
        String brokenErrors = responses.replace("          \"4\\\\d{2}\":\n            statusCode: \"400\"\n",
                "          \"4\\\\d{2}\":\n            statusCode: \"400\"\n            responseTemplates:\n"
                        + "              application/json: '{\"error\": $input.path(''$.message'')}'\n");
        assertThat(brokenErrors).contains("$.message");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", rejected, brokenErrors)), Rule.RSP003)).hasSize(1);
        // accepted, the same request gives the same finding, once
        List<Finding> accepted = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses));
        assertThat(of(accepted, Rule.RSP005)).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(of(findings, Rule.RSP005)
                .get(0).message()));
    }

    /** User trial: "done": $elem.done.BOOL was written as nothing, an RSP003 error, for a BOOL the made-up item lacked. */
    @Test
    void attributesOfEveryTypeReadThroughAVariableAreInTheMadeUpAnswer() throws IOException {
        String responses = mappedResponses("'#set($item = $input.path(''$.Item'')){\"done\": $item.done.BOOL, \"tags\": $item.tags.L.size(),"
                + " \"gone\": $item.gone.NULL}'");
        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses));
        assertThat(of(findings, Rule.RSP003)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("When DynamoDB answers 200 without an Item"));
        // an item without them breaks it too: RSP006's to say, a warning, for each
        assertThat(of(findings, Rule.RSP006)).isNotEmpty();
    }

    @Test
    void itemsOnGetItemIsRsp001AndItemIsNot() throws IOException {
        String responses = """
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: |
                                {"items": $input.json('$.Items'), "item": $input.json('$.Item'), "name": "$input.path('$.Item.name.S')"}
                          "4\\\\d{2}":
                            statusCode: "400"
                            responseTemplates:
                              application/json: '{"error": "$input.path(''$.message'')", "x": "$input.path(''$.Items'')"}'
                          "5\\\\d{2}":
                            statusCode: "500"
                """;
        List<Finding> rsp001 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses)), Rule.RSP001);

        assertThat(rsp001).extracting(Finding::message).containsExactlyInAnyOrder(
                "$input.json('$.Items') never matches what DynamoDB answers, so it always renders \"\": in GetItem's output,"
                        + " 'Items' is not a member of the output (members: Item, ConsumedCapacity)",
                "$input.path('$.Items') never matches what DynamoDB answers, so it always renders an empty value: in any of DynamoDB's"
                        + " error bodies, 'Items' is not a member of the output (members: __type, message, Message, Item, CancellationReasons)");
    }

    @Test
    void itemOnAQueryIsRsp001EvenWhereErrorsReachTheSameTemplate() throws IOException {
        // only a conditional write's error carries an Item: a Query's default response, which gets its errors too, never has one
        String responses = """
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: '{"title": "$input.path(''$.Item.title.S'')"}'
                """;
        List<Finding> rsp001 = of(check(HEADER + operation("/o/{owner}", "get", OPTIONAL_PAGE_SIZE, "Query", QUERY_WITH_LIMIT, responses)),
                Rule.RSP001);

        assertThat(rsp001).singleElement().satisfies(f -> assertThat(f.message()).startsWith(
                "$input.path('$.Item.title.S') never matches what DynamoDB answers, so it always renders an empty value: in Query's output,"
                        + " 'Item' is not a member"));
    }

    @Test
    void readsThroughVariablesAreRsp001WhereTheyNeverMatchAndOnlyThere() throws IOException {
        // CancellationReason's members are Code, Message and Item; an AttributeValue's types are upper case
        String request = "{\"TransactItems\": [{\"Delete\": {\"TableName\": \"Items\", \"Key\": {\"id\": {\"S\": \"$input.params('id')\"}}}}]}";
        String responses = """
                          default:
                            statusCode: "200"
                          "4\\\\d{2}":
                            statusCode: "409"
                            responseTemplates:
                              application/json: |
                                #set($reasons = $input.path('$.CancellationReasons'))
                                [#foreach($r in $reasons)"$r.code", "$r.Message", "$r.Item.id.s"#if($foreach.hasNext),#end#end]
                          "5\\\\d{2}":
                            statusCode: "500"
                """;
        List<Finding> rsp001 = of(check(HEADER + operation("/i/{id}", "delete", GET_EXAMPLE, "TransactWriteItems", request, responses)),
                Rule.RSP001);

        assertThat(rsp001).extracting(Finding::message).containsExactly(
                "$r.code reads $.CancellationReasons[*].code (of $input.path('$.CancellationReasons')), which never matches what DynamoDB"
                        + " answers, so it always renders an empty value: in any of DynamoDB's error bodies, 'code' is not a member of the output at"
                        + " $.CancellationReasons[*] (members: Code, Message, Item)",
                "$r.Item.id.s reads $.CancellationReasons[*].Item.id.s (of $input.path('$.CancellationReasons')), which never matches"
                        + " what DynamoDB answers, so it always renders an empty value: in any of DynamoDB's error bodies, 's' is not a member of an"
                        + " AttributeValue at $.CancellationReasons[*].Item.<name> (members: S, N, B, SS, NS, BS, M, L, NULL, BOOL)");
        assertThat(rsp001.get(0).position().line()).isEqualTo(30);
        assertThat(rsp001.get(0).position().column()).isEqualTo(16 + "[#foreach($r in $reasons)\"".length() + 1);
    }

    @Test
    void anErrorTemplateSharedByEveryOperationMayReadWhatAnotherActionsErrorCarries() throws IOException {
        String responses = """
                          default:
                            statusCode: "200"
                          "4\\\\d{2}":
                            statusCode: "400"
                            responseTemplates:
                              application/json: |
                                #if($input.path('$.__type').endsWith('TransactionCanceledException'))
                                [#foreach($r in $input.path('$.CancellationReasons'))"$r.Code"#if($foreach.hasNext),#end#end]
                                #else{"item": "$input.path('$.Item.id.S')", "m": "$input.path('$.message')"}#end
                """;
        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses));

        assertThat(of(findings, Rule.RSP001)).isEmpty();
    }

    /** BatchGetItem answers by the request's table names, case and all (message-to-fix trial v28). */
    @Test
    void batchGetItemResponsesAreReadByTheRequestsTableNames() throws IOException {
        String request = "{\"RequestItems\": {\"Bookmarks\": {\"Keys\": [{\"id\": {\"S\": \"$util.escapeJavaScript($input.params('id'))"
                + ".replaceAll(\"\\\\'\",\"'\")\"}}]}}}";
        java.util.function.Function<String, List<Finding>> rsp001 = read -> {
            try {
                return of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "BatchGetItem", request, getItemResponse(read))), Rule.RSP001);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        assertThat(rsp001.apply("{\"count\": $input.path('$.Responses.bookmarks').size()}")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("in BatchGetItem's output, 'bookmarks' is not a member of the output at $.Responses (members: Bookmarks)"));
        assertThat(rsp001.apply("{\"count\": $input.path('$.Responses.Bookmarks').size()}")).isEmpty();
    }

    /** A batch's keys are keys too: RSP005 leaves them out as it does a GetItem's (trial of a console-exported API). */
    @Test
    void rsp005LeavesOutTheKeysOfABatchRequest() throws IOException {
        String request = "{\"RequestItems\": {\"Items\": {\"Keys\": [{\"id\": {\"S\": \"$util.escapeJavaScript($input.params('id'))"
                + ".replaceAll(\"\\\\'\",\"'\")\"}}]}}}";
        String unescaped = getItemResponse("[#foreach($p in $input.path('$.Responses.Items')){\"id\": \"$p.id.S\", \"name\": \"$p.name.S\"}"
                + "#if($foreach.hasNext),#end#end]");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "BatchGetItem", request, unescaped)), Rule.RSP005))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("When attribute 'name' of DynamoDB's answer holds"));
    }

    @Test
    void aReadThroughAVariableOfAPathThatNeverMatchesIsReportedOnceAtThePath() throws IOException {
        String responses = getItemResponse("#set($item = $input.path('$.Items[0]'))\n{\"name\": \"$item.name.S\", \"n\": \"$item.n.X\"}");
        List<Finding> rsp001 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses)), Rule.RSP001);

        assertThat(rsp001).singleElement().satisfies(f -> assertThat(f.message()).startsWith("$input.path('$.Items[0]') never matches"));
    }

    /** Giving a misspelt stage variable a value, as the advice said, made a broken template pass (message-to-fix trial). */
    @Test
    void aStageVariableOneSlipFromAConfiguredOneIsNamedAsATypo() throws IOException {
        String request = "{\"TableName\": \"$stageVariables.tabel\", \"Key\": {\"id\": {\"S\": \"$input.params('id')\"}},"
                + " \"ProjectionExpression\": \"$stageVariables.fields\"}";
        List<Finding> vtl012 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", request, PLAIN_RESPONSES)), Rule.VTL012);

        assertThat(vtl012).extracting(Finding::message).containsExactly(
                "Stage variable 'tabel' has no value in this check, so it renders empty, as on a stage that does not define it; did you"
                        + " mean $stageVariables.table? 'table' has a value here (apigw.stageVariables), and a stage that defines it still"
                        + " gives 'tabel' nothing",
                "Stage variable 'fields' has no value in this check, so it renders empty, as on a stage that does not define it; give it"
                        + " your stages' value with apigw.stageVariables=fields=<value> (or stageVariables in an example)");
    }

    /** A template that does not parse does not parse whatever DynamoDB answers: said once (message-to-fix trial v45). */
    @Test
    void aResponseTemplateThatDoesNotParseIsVtl001Once() throws IOException {
        List<Finding> vtl001 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID,
                mappedResponses("'#if($x){\"a\": 1}'"))), Rule.VTL001);

        assertThat(vtl001).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("Template does not parse: syntax error: unexpected end of template: the #if at line 1 has no #end"));
        // an error template, rendered for each of DynamoDB's errors
        String errors = "          default:\n            statusCode: \"200\"\n          \"[45]\\\\d{2}\":\n            statusCode: \"400\"\n"
                + "            responseTemplates:\n              application/json: '#if($x){\"a\": 1}'\n";
        String refused = """
                      x-apigw-examples:
                        - {name: refused, path: {id: "1"}, dynamodbResponse: {status: 400,
                            body: {__type: "com.amazonaws.dynamodb.v20120810#ValidationException", message: "no"}}}
                """;
        assertThat(of(check(HEADER + operation("/i/{id}", "get", refused, "GetItem", GET_BY_ID, errors)), Rule.VTL001)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Template does not parse"));
    }

    /** A template line that breaks the JSON breaks it for every example: said once (message-to-fix trial v04). */
    @Test
    void aRequestThatIsNotJsonIsVtl002OncePerPlace() throws IOException {
        String examples = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}}
                        - {name: two, path: {id: "2"}}
                """;
        String request = "{\"TableName\": \"Items\", \"Key\": {\"id\": {\"S\": \"$input.json('$.none')\"$input.params('id')}}}";
        assertThat(of(check(HEADER + operation("/i/{id}", "get", examples, "GetItem", request, PLAIN_RESPONSES)), Rule.VTL002)).hasSize(1);
    }

    /** $input.json inside a string's quotes: VTL002 says why, at the call (user trial: a bare parse error at the line's start). */
    @Test
    void aQuotedInputJsonIsNamedAsTheCauseOfVtl002() throws IOException {
        String examples = "      x-apigw-examples:\n        - {name: one, body: {id: i-1}}\n";
        String request = "{\"TableName\": \"Items\",\n \"Item\": {\"id\": {\"S\": \"$input.json('$.id')\"}}}";

        String spec = HEADER + operation("/i", "post", examples, "PutItem", request, PLAIN_RESPONSES);
        assertThat(of(check(spec), Rule.VTL002)).singleElement().satisfies(f -> {
            assertThat(f.message()).endsWith("; $input.json('$.id') writes JSON, quotes included, so inside a string's quotes it ends the"
                    + " string: write it without the quotes, or $util.escapeJavaScript($input.path('$.id')) inside them");
            assertThat(f.position().line()).isEqualTo(lineOf(spec, "\"Item\""));
            assertThat(f.position().column()).isEqualTo(36);
        });
    }

    @Test
    void unknownReferencesOfRequestAndResponseTemplatesAreVtl003OncePerTemplate() throws IOException {
        String examples = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}}
                        - {name: two, path: {id: "2"}}
                """;
        String responses = """
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: |
                                #if($input.path('$.Item') == "")#set($context.responseOverride.statusCode = 404)#end
                                {"id": "$input.path('$.Item.id.S')"}
                """;
        String request = "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"$method.request.path.id\"}}}";
        List<Finding> vtl003 = of(check(HEADER + operation("/i/{id}", "get", examples, "GetItem", request, responses)), Rule.VTL003);

        assertThat(vtl003).extracting(f -> f.position().line() + " " + f.message().substring(0, f.message().indexOf(' ')))
                .containsExactly("22 $method.request.path.id", "28 $context.responseOverride.statusCode");
        assertThat(vtl003).allSatisfy(f -> assertThat(f.example()).isNull());
    }

    @Test
    void aPlaceholderWithoutValueMayDefineVariablesSoOnlyMembersAreVtl003() throws IOException {
        // ${helpers} is filled in by Terraform before deployment: it may #set $item
        String request = "${helpers}\n{\"TableName\": \"T\", \"Item\": $item, \"Key\": {\"id\": {\"S\": \"$util.toJson($item)\"}}}";
        List<Finding> vtl003 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", request, PLAIN_RESPONSES)), Rule.VTL003);

        assertThat(vtl003).singleElement().extracting(Finding::message).asString().startsWith("$util.toJson is not a function");
    }

    private static String getItemResponse(String template) {
        return """
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: |
                """ + indent(template, 32);
    }

    /** RSP006's advice guards the attribute with the template's own reference (user trial: it said $item where the variable was $a). */
    @Test
    void rsp006AdviceUsesTheTemplatesOwnVariable() throws IOException {
        String unguarded = """
                #set($a = $input.path('$.Item'))
                {"id": "$a.id.S", "visits": $a.visits.N}""";
        List<Finding> rsp006 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, getItemResponse(unguarded))),
                Rule.RSP006);
        assertThat(rsp006).singleElement().satisfies(f -> assertThat(f.message())
                .contains("with a default otherwise (#if($a.visits)...#{else}null#end), or in quotes"));
    }

    /**
     * Guards on attributes, as RSP006 asks for, do not tell a missing item from a found one: every attribute is then
     * absent, and the client gets the item's shape with nulls (message-to-fix trial: RSP002 fell silent on them).
     */
    @Test
    void guardsOnAttributesAloneAreStillRsp002AndATestOfTheItemIsNot() throws IOException {
        String guarded = """
                #set($item = $input.path('$.Item'))
                {"id": "$item.id.S", "tag": #if($item.tag)"$item.tag.S"#{else}null#end, "visits": #if($item.visits)$item.visits.N#{else}0#end}""";
        List<Finding> rsp002 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, getItemResponse(guarded))),
                Rule.RSP002);
        assertThat(rsp002).singleElement().satisfies(f -> assertThat(f.message())
                .contains("gives the client status 200 and '{\"id\": \"\", \"tag\": null, \"visits\": 0}'"));

        for (String test : List.of("#if($item == \"\")#set($context.responseOverride.status = 404)#end",
                "#if(!$item)#set($context.responseOverride.status = 404)#end",
                "#if($input.path('$.Item').isEmpty())#set($context.responseOverride.status = 404)#end",
                "#if(\"$!item\" == \"\")#set($context.responseOverride.status = 404)#end")) {
            String tested = guarded.replace("{\"id\"", test + "{\"id\"");
            assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, getItemResponse(tested))),
                    Rule.RSP002)).as(test).isEmpty();
        }
        // a test of the key attribute that writes null for the whole item tells (review: an RSP002 there)
        String wholeOrNull = "#set($item = $input.path('$.Item'))\n{\"item\": #if($item.id.S != \"\"){\"id\": \"$item.id.S\"}#{else}null#end}";
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, getItemResponse(wholeOrNull))),
                Rule.RSP002)).isEmpty();
        // a flag the template sets from the item, whatever it holds, may tell
        String flagged = "#set($found = $input.path('$.Item') != \"\")\n" + guarded.replace("{\"id\"", "{\"found\": $found, \"id\"");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, getItemResponse(flagged))), Rule.RSP002))
                .isEmpty();
    }

    @Test
    void getItemTemplateThatCannotTellAMissingItemIsRsp002AtTheItemRead() throws IOException {
        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID,
                getItemResponse("#if($input.path('$.Items') != \"\")#end{\"id\": \"$input.path('$.Item.id.S')\", \"n\": \"$input.path('$.Item.n.N')\"}")));

        assertThat(of(findings, Rule.RSP002)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("gives the client status 200 and '{\"id\": \"\", \"n\": \"\"}', an item's shape with its"
                    + " fields empty");
            assertThat(f.position().line()).isEqualTo(27);
            assertThat(f.position().column()).isEqualTo(32 + "#if($input.path('$.Items') != \"\")#end{\"id\": \"".length() + 1);
            assertThat(f.example()).isNull();
        });
        // a template that breaks once the item's fields are empty: said once, naming the answer
        List<Finding> broken = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID,
                getItemResponse("{\"id\": \"$input.path('$.Item.id.S')\", \"count\": $input.path('$.Item.count.N')}")));
        assertThat(of(broken, Rule.RSP003)).extracting(Finding::message)
                .filteredOn(m -> m.startsWith("When DynamoDB answers 200 without an Item (GetItem found no item with the key): The application/json"
                        + " response for status 200 is not valid JSON"))
                .hasSize(1);
    }

    @Test
    void aTemplateThatPassesTheItemOnIsNoRsp002AndARefusedRequestStillGetsOne() throws IOException {
        for (String whole : List.of("$input.json('$')", "$input.body", "{\"item\": $input.json('$.Item')}")) {
            assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, getItemResponse(whole))), Rule.RSP002))
                    .as(whole).isEmpty();
        }
        // the example's request is refused (no Key): the not-found answer is still judged against a made-up item
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", "{\"TableName\": \"Items\"}",
                getItemResponse("{\"id\": \"$input.path('$.Item.id.S')\"}"))), Rule.RSP002)).hasSize(1);
    }

    @Test
    void getItemTemplateTestingForTheItemOrAnExampleWithoutItemIsNoRsp002() throws IOException {
        String tested = "#if($input.path('$.Item') == \"\")#set($context.responseOverride.status = 404){}#else{\"id\": \"$input.path('$.Item.id.S')\"}#end";
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, getItemResponse(tested))), Rule.RSP002))
                .isEmpty();
        String notFoundExample = """
                      x-apigw-examples:
                        - {name: missing, path: {id: "1"}, dynamodbResponse: {status: 200, body: {}}}
                """;
        assertThat(of(check(HEADER + operation("/i/{id}", "get", notFoundExample, "GetItem", GET_BY_ID,
                getItemResponse("{\"id\": \"$input.path('$.Item.id.S')\"}"))), Rule.RSP002)).isEmpty();
    }

    @Test
    void aRequestDynamoDbRejectsIsAnsweredWithItsErrorNotAMadeUpSuccess() throws IOException {
        String responses = """
                          default:
                            statusCode: "200"
                          "4\\\\d{2}":
                            statusCode: "400"
                            responseTemplates:
                              application/json: '{"error": "$input.path(''$.message'')"}'
                """;
        CheckResult invalid = run(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", "{\"TableName\": \"Items\"}", responses));
        assertThat(invalid.cases()).filteredOn(c -> c.example() != null).singleElement().satisfies(c -> {
            assertThat(c.dynamoDbStatus()).isEqualTo(400);
            assertThat(c.dynamoDbBody()).contains("com.amazon.coral.validate#ValidationException").contains("at 'key'");
            assertThat(c.clientStatus()).isEqualTo(400);
            assertThat(c.clientResponse()).startsWith("{\"error\": \"Value null at 'key'");
        });
        CheckResult notJson = run(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", "{\"TableName\": Items}", responses));
        assertThat(notJson.cases()).filteredOn(c -> c.example() != null).singleElement().satisfies(c -> {
            assertThat(c.dynamoDbBody()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
            assertThat(c.clientStatus()).isEqualTo(400);
        });
    }

    @Test
    void anExampleApiGatewayAnswers415IsExm005UnlessItExpectsThe415() throws IOException {
        String plainText = """
                      x-apigw-examples:
                        - {name: text, path: {id: "1"}, contentType: text/plain}
                """;
        List<Finding> exm005 = of(check(HEADER + operation("/i/{id}", "get", plainText, "GetItem", GET_BY_ID, PLAIN_RESPONSES)), Rule.EXM005);
        assertThat(exm005).singleElement().extracting(Finding::message).isEqualTo("API Gateway answers 415 Unsupported Media Type to this"
                + " example before calling DynamoDB: its Content-Type 'text/plain' has no request template and passthroughBehavior is"
                + " never; add a template for it, or send the example as one the templates take (application/json)");

        String expected = """
                      x-apigw-examples:
                        - {name: text, path: {id: "1"}, contentType: text/plain, expect: {status: 415}}
                """;
        assertThat(of(check(HEADER + operation("/i/{id}", "get", expected, "GetItem", GET_BY_ID, PLAIN_RESPONSES)), Rule.EXM005)).isEmpty();
        // how API Gateway matches a charset or another case is not known: no 415 is claimed
        String charset = """
                      x-apigw-examples:
                        - {name: text, path: {id: "1"}, contentType: "Application/JSON; charset=utf-8"}
                """;
        assertThat(of(check(HEADER + operation("/i/{id}", "get", charset, "GetItem", GET_BY_ID, PLAIN_RESPONSES)), Rule.EXM005)).isEmpty();
    }

    @Test
    void aTemplateThatDoesNotParseIsVtl001OnceWhateverTheExamples() throws IOException {
        String two = """
                      x-apigw-examples:
                        - {name: one, path: {id: "1"}}
                        - {name: two, path: {id: "2"}}
                """;
        List<Finding> vtl001 = of(check(HEADER + operation("/i/{id}", "get", two, "GetItem", "#foreach($i in\n", PLAIN_RESPONSES)), Rule.VTL001);
        assertThat(vtl001).singleElement().satisfies(f -> assertThat(f.example()).isNull());
    }

    @Test
    void findingsAfterAPlaceholderPointAtTheTextAsWrittenAndItsStandInMayDefineVariables() throws IOException {
        String request = "{\"TableName\": \"{{apigw:usersTable}}\", \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.params('id'))\"}}, \"X\": \"$util.toJson('a')\"}";
        List<Finding> vtl003 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", request, PLAIN_RESPONSES)), Rule.VTL003);
        assertThat(vtl003).singleElement().satisfies(f -> {
            assertThat(f.position().line()).isEqualTo(21);
            assertThat(f.position().column()).isEqualTo(12 + request.indexOf("$util.toJson") + 1);
        });
        // another tool's placeholder (Terraform's ${table}), given its name as a stand-in
        String terraform = request.replace("{{apigw:usersTable}}", "${usersTable}");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", terraform, PLAIN_RESPONSES)), Rule.VTL003))
                .singleElement().satisfies(f -> assertThat(f.position().column()).isEqualTo(12 + terraform.indexOf("$util.toJson") + 1));
        // a placeholder inside a string is a word: it sets no variable, so a misspelt one is still reported
        String word = request.replace("$util.toJson('a')", "$tabel");
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", word, PLAIN_RESPONSES)), Rule.VTL003))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("$tabel is no variable"));
        String prelude = "{{apigw:prelude}}\n{\"TableName\": \"$table\", \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.params('id'))\"}}}";
        assertThat(of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", prelude, PLAIN_RESPONSES)), Rule.VTL003)).isEmpty();
    }

    @Test
    void wrongAttributeValueTypeKeyIsRsp001() throws IOException {
        String responses = """
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: '{"name": "$input.path(''$.Item.name.Str'')"}'
                """;
        List<Finding> rsp001 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses)), Rule.RSP001);

        assertThat(rsp001).singleElement().extracting(Finding::message).asString()
                .contains("'Str' is not a member of an AttributeValue at $.Item.<name>");
    }

    /**
     * The probe's 1,000-character value is slow on this regex; the examples are not, and keep being rendered. That a client
     * can send such a value is the probe's one finding, which names the input and the value, not the examples.
     */
    @Test
    void probeRendersThatRunOutOfTimeDoNotStopTheExamplesRendering() throws IOException {
        String put = """
                #set($n = $input.path('$.n'))
                #if($n.matches('((a*)*)*b'))#set($n = 'x')#end
                {"TableName": "Items", "Item": {"id": {"S": "$context.requestId"}, "n": {"S": "$util.escapeJavaScript($n).replaceAll("\\\\'","'")"}}}""";
        String examples = """
                      x-apigw-examples:
                        - {name: w1, body: {n: aab}}
                        - {name: w2, body: {n: ab}}
                        - {name: w3, body: {n: b}}
                """;
        CheckResult result = run(HEADER + operation("/items", "post", examples, "PutItem", put, PLAIN_RESPONSES));

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.VTL007).singleElement().extracting(Finding::message).asString()
                .startsWith("Client input 'body $.n' can make the template run out of time: with a 1,000-character string,");
        // each example rendered in full, its value matched by the regex and replaced
        assertThat(result.cases()).filteredOn(c -> c.example() != null)
                .extracting(CheckResult.CheckedCase::example, c -> c.renderedRequest() != null && c.renderedRequest().contains("\"n\": {\"S\": \"x\"}"))
                .containsExactly(tuple("w1", true), tuple("w2", true), tuple("w3", true));
    }

    @Test
    void aMistakeOnALineOfALoopIsOneFindingNamingEachElement() throws IOException {
        String put = """
                #set($body = $input.path('$'))
                {"TableName": "Orders", "Item": {"id": {"S": "$context.requestId"}, "lines": {"L": [
                #foreach($line in $body.lines){"M": {"qty": {"n": "$line.qty"}}}#if($foreach.hasNext),#end
                #end]}}}""";
        String example = """
                      x-apigw-examples:
                        - {name: three, body: {lines: [{qty: 1}, {qty: 2}, {qty: 3}]}}
                """;
        List<Finding> findings = check(HEADER + operation("/orders", "post", example, "PutItem", put, PLAIN_RESPONSES));

        assertThat(of(findings, Rule.DDB002)).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("PutItem request at Item.lines.L[0].M.qty")
                    .endsWith("(the same at Item.lines.L[1].M.qty.n, Item.lines.L[2].M.qty.n)");
            assertThat(f.position().line()).isEqualTo(lineOf(HEADER + operation("/orders", "post", example, "PutItem", put, PLAIN_RESPONSES),
                    "#foreach($line"));
        });
    }

    /** The line of the spec file a finding points at. */
    private static String textAt(Finding finding) throws IOException {
        return Files.readAllLines(finding.position().file()).get(finding.position().line() - 1);
    }

    private static int lineOf(String spec, String text) {
        List<String> lines = List.of(spec.split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void responseThatBreaksOnAnErrorBodyIsRsp003NamingTheAnswer() throws IOException {
        // one response for everything: DynamoDB's errors reach a template written for the item
        String responses = """
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: '{"count": $input.path(''$.Item.count.N'')}'
                """;
        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses));

        List<Finding> rsp003 = of(findings, Rule.RSP003);
        // the two error answers break it alike: one finding names both
        assertThat(rsp003).extracting(Finding::message).filteredOn(m -> !m.contains("without an Item")).singleElement().asString()
                .startsWith("When DynamoDB answers 400 ValidationException or 500 InternalServerError: ");

        // an example whose own answer is a 400 renders only the 500 besides: still the same one finding
        String twoExamples = GET_EXAMPLE + "        - {name: refused, path: {id: \"2\"}, dynamodbResponse: {status: 400,"
                + " body: {__type: \"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\", message: \"gone\"}}}\n";
        List<Finding> both = of(check(HEADER + operation("/i/{id}", "get", twoExamples, "GetItem", GET_BY_ID, responses)), Rule.RSP003);
        assertThat(both).extracting(Finding::message).filteredOn(m -> m.contains("500 InternalServerError")).singleElement();
        // the made-up success holds the attribute the template reads, so the success path is fine
        assertThat(rsp003).noneMatch(f -> f.message().contains("when DynamoDB answers 200"));
    }

    @Test
    void validJsonResponsesAreNoRsp003() throws IOException {
        String responses = """
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: '{"name": "$input.path(''$.Item.name.S'')"}'
                          "4\\\\d{2}":
                            statusCode: "400"
                            responseTemplates:
                              application/json: '{"error": "$util.escapeJavaScript($input.path(''$.message'')).replaceAll("\\\\''", "''")"}'
                          "5\\\\d{2}":
                            statusCode: "500"
                """;
        List<Finding> findings = check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses));

        assertThat(of(findings, Rule.RSP003)).isEmpty();
        assertThat(of(findings, Rule.RSP001)).isEmpty();
    }

    @Test
    void escapeJavaScriptOfTheValidationMessageIsRsp003() throws IOException {
        String responses = """
                          default:
                            statusCode: "200"
                          "4\\\\d{2}":
                            statusCode: "400"
                            responseTemplates:
                              application/json: '{"error": "$util.escapeJavaScript($input.path(''$.message''))"}'
                          "5\\\\d{2}":
                            statusCode: "500"
                """;
        List<Finding> rsp003 = of(check(HEADER + operation("/i/{id}", "get", GET_EXAMPLE, "GetItem", GET_BY_ID, responses)), Rule.RSP003);

        assertThat(rsp003).singleElement().extracting(Finding::message).asString()
                .startsWith("When DynamoDB answers 400 ValidationException: The application/json response for status 400 is not valid JSON");
    }

    /** AWS's own override tutorial sets status 400 on a method that declares only 200: the client gets 400, nothing fails. */
    @Test
    void overrideToAnUndeclaredStatusIsReturnedWithoutMap007() throws IOException {
        String responses = """
                          default:
                            statusCode: "200"
                            responseTemplates:
                              application/json: |
                                #if($input.path('$.Item') == "")
                                #set($context.responseOverride.status = 404)
                                #end
                                {}
                          "4\\\\d{2}":
                            statusCode: "400"
                          "5\\\\d{2}":
                            statusCode: "500"
                """;
        String missing = """
                      x-apigw-examples:
                        - {name: gone, path: {id: "1"}, dynamodbResponse: {status: 200, body: {}}}
                """;
        CheckResult result = run(HEADER + operation("/i/{id}", "get", missing, "GetItem", GET_BY_ID, responses));

        assertThat(of(result.findings(), Rule.MAP007)).isEmpty();
        assertThat(result.cases()).filteredOn(c -> "gone".equals(c.example())).singleElement()
                .extracting(CheckResult.CheckedCase::clientStatus).isEqualTo(404);
    }

    @Test
    void exampleWithAContentTypeWithoutTemplateIsAgw011NamingIt() throws IOException {
        String extra = """
                      x-apigw-examples:
                        - {name: text, path: {id: "1"}, contentType: text/plain, body: "hello"}
                        - {name: text-again, path: {id: "2"}, contentType: text/plain, body: "hello"}
                """;
        String spec = HEADER + operation("/i/{id}", "get", extra, "GetItem", GET_BY_ID, PLAIN_RESPONSES).replace("passthroughBehavior: never", "passthroughBehavior: when_no_match");
        List<Finding> agw011 = of(check(spec), Rule.AGW011);

        assertThat(agw011).hasSize(2); // the static one, and one for text/plain (not one per example)
        assertThat(agw011).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .startsWith("Example 'text' is sent with Content-Type 'text/plain', which has no request template"));
    }

    private int findLine(String text) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("api.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the spec");
    }
}
