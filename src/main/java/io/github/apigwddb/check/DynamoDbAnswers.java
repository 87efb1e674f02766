package io.github.apigwddb.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.dynamodb.UpdatedAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers DynamoDB gives that the integration responses are fed: a success made up from the action's
 * output shape and the rendered request, and the error bodies of dynamodb-facts §9.
 */
final class DynamoDbAnswers {

    /** One answer: what it is (for messages), HTTP status, JSON body. */
    record Answer(String name, int status, String body) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A message in DynamoDB's form about a member every data-plane action has (ReturnConsumedCapacity): its apostrophes
     * catch templates that escape them as JavaScript does (\').
     */
    static final Answer VALIDATION = new Answer("400 ValidationException", 400,
            "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"1 validation error detected: Value 'ALL' at"
                    + " 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]\"}");
    /**
     * The 4xx body {@code apigw:render} shows for a status given without a body: one about the request's own members would
     * blame it for what it does not hold (user trial: VALIDATION's ReturnConsumedCapacity, which the request had not).
     */
    static final Answer STATUS_ONLY = new Answer("400 ValidationException", 400,
            "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"(made up by apigw:render for the status"
                    + " given; give DynamoDB's words with apigw.dynamodbBody)\"}");
    static final Answer CONDITIONAL_CHECK_FAILED = new Answer("400 ConditionalCheckFailedException", 400,
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}");
    static final Answer INTERNAL_SERVER_ERROR = new Answer("500 InternalServerError", 500,
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}");

    /** GetItem's answer when no item has the key: a 200 without {@code Item} (dynamodb-facts §9). */
    static final Answer NO_ITEM = new Answer("200 without an Item (GetItem found no item with the key)", 200, "{}");
    static final Answer NO_ITEMS = new Answer("200 with no Items (the Query or Scan matched nothing)", 200,
            "{\"Items\": [], \"Count\": 0, \"ScannedCount\": 0}");

    private DynamoDbAnswers() {
    }

    /**
     * The answer with the {@code ConsumedCapacity} DynamoDB adds to every answer of a request that asks for it
     * ({@code ReturnConsumedCapacity} TOTAL or INDEXES), an empty one too: a template may read it whatever the items.
     */
    static Answer withConsumedCapacity(Answer answer, JsonNode request) {
        String asked = request == null ? "" : request.path("ReturnConsumedCapacity").asText("");
        if (!asked.equals("TOTAL") && !asked.equals("INDEXES")) {
            return answer;
        }
        try {
            ObjectNode body = (ObjectNode) MAPPER.readTree(answer.body());
            ObjectNode capacity = body.putObject("ConsumedCapacity").put("TableName", request.path("TableName").asText("T"))
                    .put("CapacityUnits", 0.5);
            if (asked.equals("INDEXES")) {
                capacity.putObject("Table").put("CapacityUnits", 0.5);
            }
            return new Answer(answer.name(), answer.status(), body.toString());
        } catch (JsonProcessingException | ClassCastException e) {
            return answer;
        }
    }

    /**
     * What DynamoDB answers a request body that is not JSON. The body without a message is the one reported in
     * aws/serverless-application-model#1895 (dynamodb-facts §6).
     */
    static Answer notJson() {
        return new Answer("400 SerializationException (DynamoDB rejects this request: it is not JSON)", 400,
                "{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    }

    /**
     * What DynamoDB answers a request one of its rules rejects, with its message: a wrong JSON type is a
     * SerializationException, a table the table definitions do not have a ResourceNotFoundException, anything else a
     * ValidationException (dynamodb-facts §1, §6, §9). Service errors spell their message {@code Message} [inferred from
     * the AWS JSON protocol], the others {@code message}.
     */
    static Answer rejecting(String ruleId, String message) {
        String type = "com.amazon.coral.validate#ValidationException";
        String said = message;
        if (ruleId.equals("DDB003")) {
            type = "com.amazon.coral.service#SerializationException";
        } else if (ruleId.equals("DDB013") && message.startsWith("Requested resource not found")) {
            type = "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException";
            said = "Requested resource not found"; // DynamoDB's words, without the plugin's note on apigw.tables
        }
        ObjectNode body = NODES.objectNode();
        body.put("__type", type);
        body.put(type.contains(".service#") ? "Message" : "message", said);
        return new Answer("400 " + type.substring(type.indexOf('#') + 1) + " (DynamoDB rejects this request)", 400, body.toString());
    }

    /** The errors this request can meet: always validation and a 500; a conditional check failure for conditional writes. */
    static List<Answer> errors(String action, JsonNode request) {
        List<Answer> errors = new ArrayList<>();
        errors.add(VALIDATION);
        if (request != null && isConditionalWrite(action, request)) {
            errors.add(CONDITIONAL_CHECK_FAILED);
        }
        errors.add(INTERNAL_SERVER_ERROR);
        return errors;
    }

    /** " ConditionalCheckFailedException" from an error body's {@code __type}; empty when the body names none. */
    static String errorName(String body) {
        try {
            String type = MAPPER.readTree(body == null ? "" : body).path("__type").asText("");
            return type.isEmpty() ? "" : " " + type.substring(type.lastIndexOf('#') + 1);
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private static boolean isConditionalWrite(String action, JsonNode request) {
        boolean write = "PutItem".equals(action) || "UpdateItem".equals(action) || "DeleteItem".equals(action);
        return write && (request.has("ConditionExpression") || request.has("Expected"));
    }

    /**
     * A plausible success for the rendered request.
     *
     * @param attributes attribute name → AttributeValue type that the response templates read, added to every
     *     item made up (besides the request's key)
     */
    static Answer success(String action, JsonNode request, Map<String, String> attributes) {
        JsonNode req = request == null ? NODES.objectNode() : request;
        ObjectNode body = NODES.objectNode();
        switch (action == null ? "" : action) {
            case "GetItem" -> body.set("Item", item(req.path("Key"), attributes));
            case "Query", "Scan" -> {
                ArrayNode items = body.putArray("Items");
                items.add(item(NODES.objectNode(), attributes));
                body.put("Count", 1);
                body.put("ScannedCount", 1);
            }
            case "ExecuteStatement" -> body.putArray("Items").add(item(NODES.objectNode(), attributes));
            case "PutItem" -> {
                if ("ALL_OLD".equals(req.path("ReturnValues").asText())) {
                    body.set("Attributes", item(req.path("Item"), Map.of()));
                }
            }
            case "UpdateItem" -> {
                ObjectNode updated = updateAttributes(req, req.path("ReturnValues").asText("NONE"), attributes);
                if (updated != null) {
                    body.set("Attributes", updated);
                }
            }
            case "DeleteItem" -> {
                String returnValues = req.path("ReturnValues").asText("NONE");
                if (!returnValues.isEmpty() && !"NONE".equals(returnValues)) {
                    body.set("Attributes", item(req.path("Key"), attributes));
                }
            }
            case "BatchGetItem" -> {
                ObjectNode responses = body.putObject("Responses");
                req.path("RequestItems").fields().forEachRemaining(table -> {
                    ArrayNode items = responses.putArray(table.getKey());
                    table.getValue().path("Keys").forEach(key -> items.add(item(key, attributes)));
                });
                body.putObject("UnprocessedKeys");
            }
            case "BatchWriteItem" -> body.putObject("UnprocessedItems");
            case "TransactGetItems" -> {
                ArrayNode responses = body.putArray("Responses");
                req.path("TransactItems").forEach(t -> responses.addObject().set("Item", item(t.path("Get").path("Key"), attributes)));
            }
            default -> {
                // writes without ReturnValues, transactions and the rest answer an empty object
            }
        }
        return new Answer("200 " + (action == null ? "success" : action) + " (made up from the request)", 200, body.toString());
    }

    /**
     * What UpdateItem returns for {@code ReturnValues}, as DynamoDB documents it: ALL_NEW the key and every attribute the
     * update writes, less those it removes; UPDATED_NEW only the attributes it writes. The item before the update is
     * not known: ALL_OLD and UPDATED_OLD take the written values as the old ones (a plausible item, not a real one).
     * The attributes the response templates read are added, unless the update removes them from the new item. Null for NONE.
     */
    private static ObjectNode updateAttributes(JsonNode request, String returnValues, Map<String, String> attributes) {
        boolean all = "ALL_NEW".equals(returnValues) || "ALL_OLD".equals(returnValues);
        boolean updated = "UPDATED_NEW".equals(returnValues) || "UPDATED_OLD".equals(returnValues);
        if (!all && !updated) {
            return null;
        }
        UpdatedAttributes update = UpdatedAttributes.of(request);
        ObjectNode item = all ? item(request.path("Key"), Map.of()) : NODES.objectNode();
        update.written().forEach((name, value) -> {
            if (!item.has(name) || !request.path("Key").has(name)) {
                item.set(name, value);
            }
        });
        Map<String, String> read = new LinkedHashMap<>(attributes);
        if (returnValues.endsWith("_NEW")) {
            // a removed attribute is gone from the new item, also when a response template reads it
            update.removed().forEach(item::remove);
            update.removed().forEach(read::remove);
        }
        return item(item, read);
    }

    private static ObjectNode item(JsonNode key, Map<String, String> attributes) {
        ObjectNode item = NODES.objectNode();
        if (key.isObject()) {
            item.setAll((ObjectNode) key.deepCopy());
        }
        Map<String, String> extra = new LinkedHashMap<>(attributes);
        extra.forEach((name, type) -> {
            if (!item.has(name)) {
                item.set(name, NODES.objectNode().set(type, sample(type, name)));
            }
        });
        return item;
    }

    private static JsonNode sample(String type, String name) {
        return switch (type) {
            case "N" -> NODES.textNode("1");
            case "B" -> NODES.textNode("ZXhhbXBsZQ==");
            case "BOOL", "NULL" -> NODES.booleanNode(true);
            case "SS" -> NODES.arrayNode().add("example-" + name);
            case "NS" -> NODES.arrayNode().add("1");
            case "BS" -> NODES.arrayNode().add("ZXhhbXBsZQ==");
            case "M" -> NODES.objectNode();
            case "L" -> NODES.arrayNode();
            default -> NODES.textNode("example-" + name);
        };
    }
}
