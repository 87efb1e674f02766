package io.github.apigwddb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an OpenAPI 3 definition with N DynamoDB operations in a realistic mix: GetItem with a mapped
 * response, PutItem with escaped body values, Query with a {@code #foreach} response template, UpdateItem
 * with expressions; each with a body or parameter example. Deterministic: the same N gives the same file.
 */
public final class SpecGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ESCAPE = ".replaceAll(\"\\\\'\", \"'\")";

    private SpecGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int operations = Integer.parseInt(args[0]);
        write(Path.of(args[1]), operations);
    }

    public static Path write(Path file, int operations) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Compact: pretty-printed, 10,000 operations take 26 MB, over the 16 MB the check reads (SPEC001); compact, 15.7 MB.
        new ObjectMapper().writeValue(file.toFile(), spec(operations));
        return file;
    }

    static ObjectNode spec(int operations) {
        ObjectNode root = NODES.objectNode();
        root.put("openapi", "3.0.1");
        root.putObject("info").put("title", "Generated API with " + operations + " DynamoDB operations").put("version", "1.0");
        ObjectNode paths = root.putObject("paths");
        for (int i = 0; i < operations; i++) {
            int resource = i / 4;
            switch (i % 4) {
                case 0 -> pathItem(paths, "/r" + resource + "/{id}").set("get", getItem(resource));
                case 1 -> pathItem(paths, "/r" + resource).set("post", putItem(resource));
                case 2 -> pathItem(paths, "/r" + resource + "/by-owner/{owner}").set("get", query(resource));
                default -> pathItem(paths, "/r" + resource + "/{id}").set("patch", updateItem(resource));
            }
        }
        return root;
    }

    private static ObjectNode pathItem(ObjectNode paths, String path) {
        return paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    }

    private static ObjectNode operation(String id, String action, String requestTemplate, String successTemplate) {
        ObjectNode op = NODES.objectNode();
        op.put("operationId", id);
        ObjectNode responses = op.putObject("responses");
        for (String status : new String[] {"200", "400", "404", "500"}) {
            responses.putObject(status).put("description", "status " + status);
        }
        ObjectNode integration = op.putObject("x-amazon-apigateway-integration");
        integration.put("type", "aws");
        integration.put("httpMethod", "POST");
        integration.put("uri", "arn:aws:apigateway:eu-west-1:dynamodb:action/" + action);
        integration.put("credentials", "arn:aws:iam::123456789012:role/api-dynamodb");
        integration.put("passthroughBehavior", "never");
        integration.putObject("requestTemplates").put("application/json", requestTemplate);
        ObjectNode mapped = integration.putObject("responses");
        mapped.putObject("default").put("statusCode", "200").putObject("responseTemplates").put("application/json", successTemplate);
        mapped.putObject("4\\d{2}").put("statusCode", "400").putObject("responseTemplates")
                .put("application/json", "{\"error\": \"$util.escapeJavaScript($input.path('$.message'))" + ESCAPE + "\"}");
        mapped.putObject("5\\d{2}").put("statusCode", "500");
        return op;
    }

    private static ObjectNode getItem(int n) {
        ObjectNode op = operation("getItem" + n, "GetItem",
                "{\n  \"TableName\": \"Table" + n + "\",\n  \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.params('id'))" + ESCAPE + "\"}},\n"
                        + "  \"ProjectionExpression\": \"id, #n, price\",\n  \"ExpressionAttributeNames\": {\"#n\": \"name\"}\n}",
                "#set($item = $input.path('$.Item'))\n#if($item == \"\")\n#set($context.responseOverride.status = 404)\n{\"error\": \"not found\"}\n"
                        + "#else\n{\"id\": \"$util.escapeJavaScript($item.id.S)\", \"name\": \"$util.escapeJavaScript($item.name.S)\", \"price\": $item.price.N}\n#end");
        pathParameter(op, "id");
        ArrayNode examples = op.putArray("x-apigw-examples");
        ObjectNode example = examples.addObject().put("name", "found");
        example.putObject("path").put("id", "item-" + n);
        example.putObject("dynamodbResponse").put("status", 200).putObject("body").putObject("Item")
                .<ObjectNode>set("id", NODES.objectNode().put("S", "item-" + n))
                .<ObjectNode>set("name", NODES.objectNode().put("S", "Widget " + n))
                .set("price", NODES.objectNode().put("N", "12.50"));
        return op;
    }

    private static ObjectNode putItem(int n) {
        ObjectNode op = operation("putItem" + n, "PutItem",
                "#set($body = $input.path('$'))\n{\n  \"TableName\": \"Table" + n + "\",\n  \"Item\": {\n"
                        + "    \"id\": {\"S\": \"$util.escapeJavaScript($body.id)" + ESCAPE + "\"},\n"
                        + "    \"name\": {\"S\": \"$util.escapeJavaScript($body.name)" + ESCAPE + "\"},\n"
                        + "    \"tags\": {\"SS\": [#foreach($tag in $body.tags)\"$util.escapeJavaScript($tag)" + ESCAPE + "\"#if($foreach.hasNext),#end#end]},\n"
                        + "    \"price\": {\"N\": \"$body.price\"}\n  },\n  \"ConditionExpression\": \"attribute_not_exists(id)\"\n}",
                "{\"created\": true}");
        ObjectNode example = op.putArray("x-apigw-examples").addObject().put("name", "create");
        ObjectNode body = example.putObject("body");
        body.put("id", "item-" + n).put("name", "O'Brien's widget \"" + n + "\"").put("price", 12.5);
        body.putArray("tags").add("a").add("b").add("c");
        return op;
    }

    private static ObjectNode query(int n) {
        ObjectNode op = operation("listByOwner" + n, "Query",
                "{\n  \"TableName\": \"Table" + n + "\",\n  \"IndexName\": \"by-owner\",\n  \"KeyConditionExpression\": \"#o = :o\",\n"
                        + "  \"ExpressionAttributeNames\": {\"#o\": \"owner\"},\n"
                        + "  \"ExpressionAttributeValues\": {\":o\": {\"S\": \"$util.escapeJavaScript($input.params('owner'))" + ESCAPE + "\"}},\n"
                        + "  #if($input.params('limit') != \"\")\"Limit\": $input.params('limit'),#end\n  \"ScanIndexForward\": false\n}",
                "#set($items = $input.path('$.Items'))\n{\"items\": [\n#foreach($item in $items)\n  {\"id\": \"$util.escapeJavaScript($item.id.S)\", "
                        + "\"name\": \"$util.escapeJavaScript($item.name.S)\"}#if($foreach.hasNext),#end\n#end\n], \"count\": $input.path('$.Count')}");
        pathParameter(op, "owner");
        ObjectNode limit = op.withArray("parameters").addObject().put("name", "limit").put("in", "query");
        limit.putObject("schema").put("type", "integer");
        ObjectNode example = op.putArray("x-apigw-examples").addObject().put("name", "page");
        example.putObject("path").put("owner", "owner-" + n);
        example.putObject("querystring").put("limit", "10");
        ObjectNode answer = example.putObject("dynamodbResponse").put("status", 200).putObject("body");
        ArrayNode items = answer.putArray("Items");
        for (int i = 0; i < 5; i++) {
            items.addObject().<ObjectNode>set("id", NODES.objectNode().put("S", "item-" + i)).set("name", NODES.objectNode().put("S", "Widget " + i));
        }
        answer.put("Count", 5).put("ScannedCount", 5);
        return op;
    }

    private static ObjectNode updateItem(int n) {
        ObjectNode op = operation("renameItem" + n, "UpdateItem",
                "{\n  \"TableName\": \"Table" + n + "\",\n  \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.params('id'))" + ESCAPE + "\"}},\n"
                        + "  \"UpdateExpression\": \"SET #n = :n, updatedAt = :t ADD version :one\",\n  \"ConditionExpression\": \"attribute_exists(id)\",\n"
                        + "  \"ExpressionAttributeNames\": {\"#n\": \"name\"},\n"
                        + "  \"ExpressionAttributeValues\": {\":n\": {\"S\": \"$util.escapeJavaScript($input.path('$.name'))" + ESCAPE + "\"}, "
                        + "\":t\": {\"N\": \"$context.requestTimeEpoch\"}, \":one\": {\"N\": \"1\"}},\n  \"ReturnValues\": \"ALL_NEW\"\n}",
                "{\"id\": \"$util.escapeJavaScript($input.path('$.Attributes.id.S'))\", \"name\": \"$util.escapeJavaScript($input.path('$.Attributes.name.S'))\"}");
        pathParameter(op, "id");
        ObjectNode example = op.putArray("x-apigw-examples").addObject().put("name", "rename");
        example.putObject("path").put("id", "item-" + n);
        example.putObject("body").put("name", "Renamed " + n);
        return op;
    }

    private static void pathParameter(ObjectNode op, String name) {
        ObjectNode parameter = op.withArray("parameters").addObject().put("name", name).put("in", "path").put("required", true);
        parameter.putObject("schema").put("type", "string");
    }
}
