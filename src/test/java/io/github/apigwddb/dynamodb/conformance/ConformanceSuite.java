package io.github.apigwddb.dynamodb.conformance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates the conformance requests: per action a few valid base requests, then systematic mutations of each
 * (drop every member, wrong JSON type per member, bad enums, broken AttributeValues at every attribute,
 * expression and placeholder errors, schema mismatches against the tables of {@code conformance-tables.json},
 * limits). The requests are meant for the actions dynalite implements; it has no Transact* or PartiQL.
 */
final class ConformanceSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Broken AttributeValues put in place of a valid one. */
    private static final Map<String, String> BAD_ATTRIBUTE_VALUES = new LinkedHashMap<>();

    static {
        BAD_ATTRIBUTE_VALUES.put("empty AttributeValue", "{}");
        BAD_ATTRIBUTE_VALUES.put("two data types", "{\"S\": \"a\", \"N\": \"1\"}");
        BAD_ATTRIBUTE_VALUES.put("not a number", "{\"N\": \"abc\"}");
        BAD_ATTRIBUTE_VALUES.put("number overflow", "{\"N\": \"1e999\"}");
        BAD_ATTRIBUTE_VALUES.put("39 significant digits", "{\"N\": \"123456789012345678901234567890123456789\"}");
        BAD_ATTRIBUTE_VALUES.put("number as JSON number", "{\"N\": 5}");
        BAD_ATTRIBUTE_VALUES.put("empty string set", "{\"SS\": []}");
        BAD_ATTRIBUTE_VALUES.put("duplicate in string set", "{\"SS\": [\"a\", \"a\"]}");
        BAD_ATTRIBUTE_VALUES.put("bad number in number set", "{\"NS\": [\"1\", \"x\"]}");
        BAD_ATTRIBUTE_VALUES.put("NULL false", "{\"NULL\": false}");
        BAD_ATTRIBUTE_VALUES.put("bad base64", "{\"B\": \"!!!\"}");
        BAD_ATTRIBUTE_VALUES.put("BOOL as string", "{\"BOOL\": \"true\"}");
        BAD_ATTRIBUTE_VALUES.put("bare string", "\"x\"");
        BAD_ATTRIBUTE_VALUES.put("empty AttributeValue in a list", "{\"L\": [{}]}");
        BAD_ATTRIBUTE_VALUES.put("empty AttributeValue in a map", "{\"M\": {\"a\": {}}}");
    }

    private final List<ConformanceCase> cases = new ArrayList<>();

    static List<ConformanceCase> build() {
        ConformanceSuite suite = new ConformanceSuite();
        suite.getItem();
        suite.putItem();
        suite.updateItem();
        suite.deleteItem();
        suite.query();
        suite.scan();
        suite.batchGetItem();
        suite.batchWriteItem();
        suite.describeAndList();
        return suite.cases;
    }

    private void getItem() {
        ObjectNode base = json("{\"TableName\": \"Widgets\", \"Key\": {\"id\": {\"S\": \"w1\"}}}");
        standard("GetItem", base);
        add("GetItem", "projection with a placeholder", json("{\"TableName\": \"Widgets\", \"Key\": {\"id\": {\"S\": \"w1\"}},"
                + " \"ProjectionExpression\": \"#n, colour\", \"ExpressionAttributeNames\": {\"#n\": \"name\"},"
                + " \"ConsistentRead\": true, \"ReturnConsumedCapacity\": \"TOTAL\"}"));
        ObjectNode projected = json("{\"TableName\": \"Widgets\", \"Key\": {\"id\": {\"S\": \"w1\"}},"
                + " \"ProjectionExpression\": \"#n, colour\", \"ExpressionAttributeNames\": {\"#n\": \"name\"}}");
        expressionMutations("GetItem", projected, "ProjectionExpression");
        add("GetItem", "reserved word in projection", with(projected, "/ProjectionExpression", "name, colour", true));
        add("GetItem", "overlapping projection paths", with(projected, "/ProjectionExpression", "a.b, a", true));
        add("GetItem", "AttributesToGet with ProjectionExpression",
                with(projected, "/AttributesToGet", JSON.valueToTree(List.of("colour"))));
        add("GetItem", "AttributesToGet alone", with(base, "/AttributesToGet", JSON.valueToTree(List.of("colour"))));
        add("GetItem", "empty AttributesToGet", with(base, "/AttributesToGet", NODES.arrayNode()));
        add("GetItem", "names without an expression", with(base, "/ExpressionAttributeNames", json("{\"#a\": \"a\"}")));
        schemaKeyMutations("GetItem", base, "/Key", "Widgets");
        add("GetItem", "composite key", json("{\"TableName\": \"Orders\", \"Key\": {\"customerId\": {\"S\": \"c1\"}, \"orderId\": {\"N\": \"1\"}}}"));
        add("GetItem", "composite key without the sort key", json("{\"TableName\": \"Orders\", \"Key\": {\"customerId\": {\"S\": \"c1\"}}}"));
        add("GetItem", "composite key, sort key of the wrong type",
                json("{\"TableName\": \"Orders\", \"Key\": {\"customerId\": {\"S\": \"c1\"}, \"orderId\": {\"S\": \"1\"}}}"));
        add("GetItem", "table name by ARN", with(base, "/TableName", "arn:aws:dynamodb:us-east-1:123456789012:table/Widgets", true));
    }

    private void putItem() {
        ObjectNode base = json("{\"TableName\": \"Widgets\", \"Item\": {\"id\": {\"S\": \"w1\"}, \"colour\": {\"S\": \"red\"},"
                + " \"count\": {\"N\": \"3\"}, \"tags\": {\"SS\": [\"a\", \"b\"]}, \"meta\": {\"M\": {\"x\": {\"L\": [{\"N\": \"1\"}, {\"NULL\": true}]}}}}}");
        standard("PutItem", base);
        attributeValueMutations("PutItem", base, "/Item/colour");
        attributeValueMutations("PutItem", base, "/Item/id");
        add("PutItem", "empty string in a non-key attribute", with(base, "/Item/colour", json("{\"S\": \"\"}")));
        add("PutItem", "empty list and map", with(with(base, "/Item/l", json("{\"L\": []}")), "/Item/m", json("{\"M\": {}}")));
        add("PutItem", "item without its key", without(base, "/Item/id"));
        add("PutItem", "key of the wrong type", with(base, "/Item/id", json("{\"N\": \"1\"}")));
        add("PutItem", "empty string key", with(base, "/Item/id", json("{\"S\": \"\"}")));
        add("PutItem", "GSI key of the wrong type", with(with(base, "/Item/owner", json("{\"S\": \"o\"}")), "/Item/createdAt", json("{\"S\": \"now\"}")));
        add("PutItem", "GSI keys of the right types", with(with(base, "/Item/owner", json("{\"S\": \"o\"}")), "/Item/createdAt", json("{\"N\": \"1\"}")));
        add("PutItem", "GSI partition key of the wrong type", with(base, "/Item/owner", json("{\"N\": \"7\"}")));
        add("PutItem", "unknown table", with(base, "/TableName", "Gadgets", true));
        add("PutItem", "ReturnValues ALL_NEW", with(base, "/ReturnValues", "ALL_NEW", true));
        add("PutItem", "ReturnValues ALL_OLD", with(base, "/ReturnValues", "ALL_OLD", true));
        add("PutItem", "ReturnItemCollectionMetrics SIZE", with(base, "/ReturnItemCollectionMetrics", "SIZE", true));
        add("PutItem", "ReturnItemCollectionMetrics bad", with(base, "/ReturnItemCollectionMetrics", "ALL", true));
        ObjectNode conditional = with(with(base, "/ConditionExpression", "attribute_not_exists(id) OR #c = :c", true),
                "/ExpressionAttributeNames", json("{\"#c\": \"colour\"}"));
        conditional = with(conditional, "/ExpressionAttributeValues", json("{\":c\": {\"S\": \"red\"}}"));
        add("PutItem", "condition", conditional);
        expressionMutations("PutItem", conditional, "ConditionExpression");
        attributeValueMutations("PutItem", conditional, "/ExpressionAttributeValues/:c");
        add("PutItem", "condition with an unknown function", with(conditional, "/ConditionExpression", "attribute_missing(id) OR #c = :c", true));
        add("PutItem", "condition with a function of wrong arity", with(conditional, "/ConditionExpression", "attribute_not_exists(id, colour) OR #c = :c", true));
        add("PutItem", "condition BETWEEN with bounds reversed", with(with(conditional, "/ConditionExpression", "#c BETWEEN :c AND :d", true),
                "/ExpressionAttributeValues/:d", json("{\"S\": \"a\"}")));
        add("PutItem", "condition BETWEEN in order", with(with(conditional, "/ConditionExpression", "#c BETWEEN :c AND :d", true),
                "/ExpressionAttributeValues/:d", json("{\"S\": \"z\"}")));
        add("PutItem", "condition size() compared", with(conditional, "/ConditionExpression", "size(#c) > :n", true)
                .set("ExpressionAttributeValues", json("{\":n\": {\"N\": \"2\"}}")));
        add("PutItem", "condition IN list", with(conditional, "/ConditionExpression", "#c IN (:c, :d)", true)
                .set("ExpressionAttributeValues", json("{\":c\": {\"S\": \"red\"}, \":d\": {\"S\": \"blue\"}}")));
        add("PutItem", "Expected with ConditionExpression", with(conditional, "/Expected", json("{\"colour\": {\"Exists\": false}}")));
        add("PutItem", "legacy Expected", with(base, "/Expected", json("{\"colour\": {\"Exists\": false}}")));
        add("PutItem", "legacy Expected, Exists true without value", with(base, "/Expected", json("{\"colour\": {\"Exists\": true}}")));
        add("PutItem", "legacy Expected, bad operator arity",
                with(base, "/Expected", json("{\"colour\": {\"ComparisonOperator\": \"EQ\", \"AttributeValueList\": []}}")));
    }

    private void updateItem() {
        ObjectNode base = json("{\"TableName\": \"Widgets\", \"Key\": {\"id\": {\"S\": \"w1\"}},"
                + " \"UpdateExpression\": \"SET colour = :c ADD #cnt :one\", \"ExpressionAttributeNames\": {\"#cnt\": \"count\"},"
                + " \"ExpressionAttributeValues\": {\":c\": {\"S\": \"blue\"}, \":one\": {\"N\": \"1\"}}, \"ReturnValues\": \"ALL_NEW\"}");
        standard("UpdateItem", base);
        expressionMutations("UpdateItem", base, "UpdateExpression");
        attributeValueMutations("UpdateItem", base, "/ExpressionAttributeValues/:c");
        schemaKeyMutations("UpdateItem", base, "/Key", "Widgets");
        add("UpdateItem", "SET twice", with(base, "/UpdateExpression", "SET colour = :c SET size2 = :one ADD #cnt :one", true));
        add("UpdateItem", "overlapping paths", with(base, "/UpdateExpression", "SET colour = :c, colour = :c ADD #cnt :one", true));
        add("UpdateItem", "REMOVE and SET", with(base, "/UpdateExpression", "SET colour = :c REMOVE tags ADD #cnt :one", true));
        add("UpdateItem", "ADD a string", with(base, "/UpdateExpression", "SET colour = :c ADD #cnt :c REMOVE old", true).put("ReturnValues", "NONE")
                .set("ExpressionAttributeValues", json("{\":c\": {\"S\": \"blue\"}}")));
        add("UpdateItem", "list_append", with(with(base, "/UpdateExpression", "SET colour = :c, l = list_append(if_not_exists(l, :empty), :l) ADD #cnt :one", true),
                "/ExpressionAttributeValues/:empty", json("{\"L\": []}")).set("ExpressionAttributeValues",
                json("{\":c\": {\"S\": \"blue\"}, \":one\": {\"N\": \"1\"}, \":empty\": {\"L\": []}, \":l\": {\"L\": [{\"S\": \"x\"}]}}")));
        add("UpdateItem", "function in a condition-only position", with(base, "/UpdateExpression", "SET colour = attribute_exists(colour) ADD #cnt :one", true)
                .set("ExpressionAttributeValues", json("{\":one\": {\"N\": \"1\"}}")));
        add("UpdateItem", "update the partition key", with(base, "/UpdateExpression", "SET id = :c ADD #cnt :one", true));
        add("UpdateItem", "GSI key set to the wrong type", with(base, "/UpdateExpression", "SET createdAt = :c ADD #cnt :one", true));
        add("UpdateItem", "GSI key set to the right type", with(base, "/UpdateExpression", "SET createdAt = :one, colour = :c", true)
                .without("ExpressionAttributeNames"));
        add("UpdateItem", "ReturnValues UPDATED_OLD", with(base, "/ReturnValues", "UPDATED_OLD", true));
        add("UpdateItem", "ReturnValues bad", with(base, "/ReturnValues", "NEW", true));
        add("UpdateItem", "legacy AttributeUpdates", json("{\"TableName\": \"Widgets\", \"Key\": {\"id\": {\"S\": \"w1\"}},"
                + " \"AttributeUpdates\": {\"colour\": {\"Action\": \"PUT\", \"Value\": {\"S\": \"green\"}}}}"));
        add("UpdateItem", "legacy AttributeUpdates on the key", json("{\"TableName\": \"Widgets\", \"Key\": {\"id\": {\"S\": \"w1\"}},"
                + " \"AttributeUpdates\": {\"id\": {\"Action\": \"PUT\", \"Value\": {\"S\": \"w2\"}}}}"));
        add("UpdateItem", "legacy AttributeUpdates with UpdateExpression", with(base, "/AttributeUpdates",
                json("{\"colour\": {\"Action\": \"PUT\", \"Value\": {\"S\": \"green\"}}}")));
        add("UpdateItem", "legacy AttributeUpdates bad action", json("{\"TableName\": \"Widgets\", \"Key\": {\"id\": {\"S\": \"w1\"}},"
                + " \"AttributeUpdates\": {\"colour\": {\"Action\": \"REPLACE\", \"Value\": {\"S\": \"green\"}}}}"));
        add("UpdateItem", "condition on the update", with(with(base, "/ConditionExpression", "attribute_exists(id) OR attribute_not_exists(id)", true),
                "/ReturnValuesOnConditionCheckFailure", "ALL_OLD", true));
    }

    private void deleteItem() {
        ObjectNode base = json("{\"TableName\": \"Orders\", \"Key\": {\"customerId\": {\"S\": \"c1\"}, \"orderId\": {\"N\": \"42\"}},"
                + " \"ConditionExpression\": \"attribute_not_exists(#s) OR #s <> :s\", \"ExpressionAttributeNames\": {\"#s\": \"state\"},"
                + " \"ExpressionAttributeValues\": {\":s\": {\"S\": \"locked\"}}, \"ReturnValues\": \"ALL_OLD\"}");
        standard("DeleteItem", base);
        expressionMutations("DeleteItem", base, "ConditionExpression");
        attributeValueMutations("DeleteItem", base, "/Key/orderId");
        add("DeleteItem", "ReturnValues ALL_NEW", with(base, "/ReturnValues", "ALL_NEW", true));
        add("DeleteItem", "Key with an extra attribute", with(base, "/Key/colour", json("{\"S\": \"red\"}")));
        add("DeleteItem", "sort key of the wrong type", with(base, "/Key/orderId", json("{\"S\": \"42\"}")));
        add("DeleteItem", "key attribute renamed", without(with(base, "/Key/order", json("{\"N\": \"42\"}")), "/Key/orderId"));
        add("DeleteItem", "condition on a nested path", with(base, "/ConditionExpression", "attribute_not_exists(#s.a[0]) OR #s <> :s", true));
        add("DeleteItem", "condition with NOT", with(base, "/ConditionExpression", "NOT (#s = :s)", true));
        add("DeleteItem", "condition with redundant parentheses", with(base, "/ConditionExpression", "((#s = :s))", true));
        add("DeleteItem", "condition with a literal", with(base, "/ConditionExpression", "#s = 'locked'", true));
        add("DeleteItem", "condition attribute_type with a bad type", with(base, "/ConditionExpression", "attribute_type(#s, :s)", true));
        add("DeleteItem", "condition attribute_type with a good type", with(with(base, "/ConditionExpression", "attribute_type(#s, :s)", true),
                "/ExpressionAttributeValues/:s", json("{\"S\": \"S\"}")));
        add("DeleteItem", "condition begins_with on a number", with(with(base, "/ConditionExpression", "begins_with(#s, :s)", true),
                "/ExpressionAttributeValues/:s", json("{\"N\": \"1\"}")));
    }

    private void query() {
        ObjectNode base = json("{\"TableName\": \"Orders\", \"KeyConditionExpression\": \"customerId = :c AND orderId > :o\","
                + " \"ExpressionAttributeValues\": {\":c\": {\"S\": \"c1\"}, \":o\": {\"N\": \"0\"}}, \"Limit\": 10, \"ScanIndexForward\": false}");
        standard("Query", base);
        expressionMutations("Query", base, "KeyConditionExpression");
        attributeValueMutations("Query", base, "/ExpressionAttributeValues/:c");
        add("Query", "partition key only", without(with(base, "/KeyConditionExpression", "customerId = :c", true), "/ExpressionAttributeValues/:o"));
        add("Query", "BETWEEN on the sort key", with(with(base, "/KeyConditionExpression", "customerId = :c AND orderId BETWEEN :o AND :p", true),
                "/ExpressionAttributeValues/:p", json("{\"N\": \"9\"}")));
        add("Query", "BETWEEN bounds reversed", with(with(base, "/KeyConditionExpression", "customerId = :c AND orderId BETWEEN :p AND :o", true),
                "/ExpressionAttributeValues/:p", json("{\"N\": \"9\"}")));
        add("Query", "begins_with on a number sort key", with(base, "/KeyConditionExpression", "customerId = :c AND begins_with(orderId, :o)", true));
        add("Query", "OR in the key condition", with(base, "/KeyConditionExpression", "customerId = :c OR orderId > :o", true));
        add("Query", "<> in the key condition", with(base, "/KeyConditionExpression", "customerId = :c AND orderId <> :o", true));
        add("Query", "IN in the key condition", with(base, "/KeyConditionExpression", "customerId = :c AND orderId IN (:o)", true));
        add("Query", "attribute_exists in the key condition", with(base, "/KeyConditionExpression", "customerId = :c AND attribute_exists(orderId)", true)
                .<ObjectNode>without("ExpressionAttributeValues").set("ExpressionAttributeValues", json("{\":c\": {\"S\": \"c1\"}}")));
        add("Query", "two conditions on one key", with(base, "/KeyConditionExpression", "customerId = :c AND customerId = :c AND orderId > :o", true));
        add("Query", "no partition key condition", without(with(base, "/KeyConditionExpression", "orderId > :o", true), "/ExpressionAttributeValues/:c"));
        add("Query", "range on the partition key", with(base, "/KeyConditionExpression", "customerId > :c AND orderId > :o", true));
        add("Query", "condition on a non-key attribute", with(with(base, "/KeyConditionExpression", "customerId = :c AND colour = :x", true),
                "/ExpressionAttributeValues/:x", json("{\"S\": \"red\"}")).without("ExpressionAttributeValues"));
        add("Query", "partition key value of the wrong type", with(base, "/ExpressionAttributeValues/:c", json("{\"N\": \"1\"}")));
        add("Query", "sort key value of the wrong type", with(base, "/ExpressionAttributeValues/:o", json("{\"S\": \"0\"}")));
        add("Query", "reserved word as key", with(base, "/KeyConditionExpression", "customerId = :c AND name > :o", true));
        add("Query", "nested attribute in the key condition", with(base, "/KeyConditionExpression", "customerId.a = :c AND orderId > :o", true));
        add("Query", "filter on a key attribute", with(with(base, "/FilterExpression", "orderId > :o", true), "/Limit", NODES.numberNode(5)));
        add("Query", "filter on another attribute", with(with(base, "/FilterExpression", "colour = :x", true), "/ExpressionAttributeValues/:x", json("{\"S\": \"red\"}")));
        ObjectNode filtered = with(with(base, "/FilterExpression", "colour = :x", true), "/ExpressionAttributeValues/:x", json("{\"S\": \"red\"}"));
        expressionMutations("Query", filtered, "FilterExpression");
        add("Query", "Select COUNT", with(base, "/Select", "COUNT", true));
        add("Query", "Select bad", with(base, "/Select", "SOME", true));
        add("Query", "Select ALL_PROJECTED_ATTRIBUTES on the table", with(base, "/Select", "ALL_PROJECTED_ATTRIBUTES", true));
        add("Query", "Select SPECIFIC_ATTRIBUTES with projection", with(with(base, "/Select", "SPECIFIC_ATTRIBUTES", true), "/ProjectionExpression", "colour", true));
        add("Query", "Select COUNT with projection", with(with(base, "/Select", "COUNT", true), "/ProjectionExpression", "colour", true));
        add("Query", "Limit 0", with(base, "/Limit", NODES.numberNode(0)));
        add("Query", "Limit -1", with(base, "/Limit", NODES.numberNode(-1)));
        add("Query", "Limit as string", with(base, "/Limit", "10", true));
        add("Query", "both KeyConditions and KeyConditionExpression", with(base, "/KeyConditions",
                json("{\"customerId\": {\"ComparisonOperator\": \"EQ\", \"AttributeValueList\": [{\"S\": \"c1\"}]}}")));
        add("Query", "legacy KeyConditions", json("{\"TableName\": \"Orders\", \"KeyConditions\":"
                + " {\"customerId\": {\"ComparisonOperator\": \"EQ\", \"AttributeValueList\": [{\"S\": \"c1\"}]}}}"));
        add("Query", "legacy KeyConditions with BEGINS_WITH on the partition key", json("{\"TableName\": \"Orders\", \"KeyConditions\":"
                + " {\"customerId\": {\"ComparisonOperator\": \"BEGINS_WITH\", \"AttributeValueList\": [{\"S\": \"c\"}]}}}"));
        add("Query", "legacy KeyConditions with a bad operator", json("{\"TableName\": \"Orders\", \"KeyConditions\":"
                + " {\"customerId\": {\"ComparisonOperator\": \"LIKE\", \"AttributeValueList\": [{\"S\": \"c\"}]}}}"));
        add("Query", "legacy KeyConditions, wrong argument count", json("{\"TableName\": \"Orders\", \"KeyConditions\":"
                + " {\"customerId\": {\"ComparisonOperator\": \"EQ\", \"AttributeValueList\": [{\"S\": \"c\"}, {\"S\": \"d\"}]}}}"));
        ObjectNode onGsi = json("{\"TableName\": \"Widgets\", \"IndexName\": \"byOwner\", \"KeyConditionExpression\": \"#o = :o AND createdAt > :t\","
                + " \"ExpressionAttributeNames\": {\"#o\": \"owner\"}, \"ExpressionAttributeValues\": {\":o\": {\"S\": \"o1\"}, \":t\": {\"N\": \"0\"}}}");
        add("Query", "on a GSI", onGsi);
        add("Query", "on a GSI with ConsistentRead", with(onGsi, "/ConsistentRead", NODES.booleanNode(true)));
        add("Query", "on a GSI with Select ALL_ATTRIBUTES", with(onGsi, "/Select", "ALL_ATTRIBUTES", true));
        add("Query", "on a GSI with Select ALL_PROJECTED_ATTRIBUTES", with(onGsi, "/Select", "ALL_PROJECTED_ATTRIBUTES", true));
        add("Query", "on an unknown index", with(onGsi, "/IndexName", "byColour", true));
        add("Query", "on a GSI with the table's key", with(onGsi, "/KeyConditionExpression", "id = :o", true)
                .<ObjectNode>without("ExpressionAttributeNames").set("ExpressionAttributeValues", json("{\":o\": {\"S\": \"o1\"}}")));
        add("Query", "on a GSI, index key of the wrong type", with(onGsi, "/ExpressionAttributeValues/:t", json("{\"S\": \"0\"}")));
        add("Query", "on a GSI, filter on an index key", with(with(onGsi, "/FilterExpression", "createdAt > :t", true),
                "/KeyConditionExpression", "#o = :o", true));
        ObjectNode onLsi = json("{\"TableName\": \"Orders\", \"IndexName\": \"byState\", \"ConsistentRead\": true,"
                + " \"KeyConditionExpression\": \"customerId = :c AND #s = :s\", \"ExpressionAttributeNames\": {\"#s\": \"state\"},"
                + " \"ExpressionAttributeValues\": {\":c\": {\"S\": \"c1\"}, \":s\": {\"S\": \"open\"}}}");
        add("Query", "on an LSI with ConsistentRead", onLsi);
        add("Query", "on an LSI with begins_with", with(onLsi, "/KeyConditionExpression", "customerId = :c AND begins_with(#s, :s)", true));
        add("Query", "on an LSI, sort key of the wrong type", with(onLsi, "/ExpressionAttributeValues/:s", json("{\"N\": \"1\"}")));
        add("Query", "unknown table", with(base, "/TableName", "Customers", true));
        add("Query", "ExclusiveStartKey", with(base, "/ExclusiveStartKey", json("{\"customerId\": {\"S\": \"c1\"}, \"orderId\": {\"N\": \"5\"}}")));
        add("Query", "ExclusiveStartKey with a bad number", with(base, "/ExclusiveStartKey", json("{\"customerId\": {\"S\": \"c1\"}, \"orderId\": {\"N\": \"x\"}}")));
        add("Query", "ExclusiveStartKey with an empty key string", with(base, "/ExclusiveStartKey", json("{\"customerId\": {\"S\": \"\"}, \"orderId\": {\"N\": \"5\"}}")));
        add("Scan", "ExclusiveStartKey with an empty key string", with(json("{\"TableName\": \"Widgets\"}"), "/ExclusiveStartKey", json("{\"id\": {\"S\": \"\"}}")));
    }

    private void scan() {
        ObjectNode base = json("{\"TableName\": \"Widgets\", \"FilterExpression\": \"colour = :c AND #n > :n\","
                + " \"ExpressionAttributeNames\": {\"#n\": \"count\"}, \"ExpressionAttributeValues\": {\":c\": {\"S\": \"red\"}, \":n\": {\"N\": \"1\"}}, \"Limit\": 10}");
        standard("Scan", base);
        expressionMutations("Scan", base, "FilterExpression");
        attributeValueMutations("Scan", base, "/ExpressionAttributeValues/:n");
        add("Scan", "plain", json("{\"TableName\": \"Widgets\"}"));
        add("Scan", "segment", with(with(base, "/Segment", NODES.numberNode(1)), "/TotalSegments", NODES.numberNode(4)));
        add("Scan", "segment without total", with(base, "/Segment", NODES.numberNode(1)));
        add("Scan", "total without segment", with(base, "/TotalSegments", NODES.numberNode(4)));
        add("Scan", "segment equal to total", with(with(base, "/Segment", NODES.numberNode(4)), "/TotalSegments", NODES.numberNode(4)));
        add("Scan", "total segments 0", with(with(base, "/Segment", NODES.numberNode(0)), "/TotalSegments", NODES.numberNode(0)));
        add("Scan", "total segments too many", with(with(base, "/Segment", NODES.numberNode(0)), "/TotalSegments", NODES.numberNode(1000001)));
        add("Scan", "ScanFilter with FilterExpression", with(base, "/ScanFilter", json("{\"colour\": {\"ComparisonOperator\": \"NOT_NULL\"}}")));
        add("Scan", "legacy ScanFilter", json("{\"TableName\": \"Widgets\", \"ScanFilter\": {\"colour\": {\"ComparisonOperator\": \"NOT_NULL\"}}}"));
        add("Scan", "legacy ScanFilter with values for NOT_NULL", json("{\"TableName\": \"Widgets\", \"ScanFilter\":"
                + " {\"colour\": {\"ComparisonOperator\": \"NOT_NULL\", \"AttributeValueList\": [{\"S\": \"a\"}]}}}"));
        add("Scan", "on a GSI", json("{\"TableName\": \"Widgets\", \"IndexName\": \"byOwner\"}"));
        add("Scan", "on a GSI with ConsistentRead", json("{\"TableName\": \"Widgets\", \"IndexName\": \"byOwner\", \"ConsistentRead\": true}"));
        add("Scan", "on an unknown index", json("{\"TableName\": \"Widgets\", \"IndexName\": \"byColour\"}"));
        add("Scan", "on a GSI with Select ALL_ATTRIBUTES", json("{\"TableName\": \"Widgets\", \"IndexName\": \"byOwner\", \"Select\": \"ALL_ATTRIBUTES\"}"));
        add("Scan", "unknown table", json("{\"TableName\": \"Gizmos\"}"));
        add("Scan", "table name too short", json("{\"TableName\": \"ab\"}"));
        add("Scan", "table name with a space", json("{\"TableName\": \"bad name\"}"));
        add("Scan", "table name too long", json("{\"TableName\": \"" + "t".repeat(256) + "\"}"));
        add("Scan", "ExclusiveStartKey", with(base, "/ExclusiveStartKey", json("{\"id\": {\"S\": \"w1\"}}")));
        add("Scan", "ExclusiveStartKey of the wrong type", with(base, "/ExclusiveStartKey", json("{\"id\": {\"N\": \"1\"}}")));
        add("Scan", "too many placeholders used undefined", with(base, "/FilterExpression", "colour = :c AND #n > :n AND #m = :m", true));
    }

    private void batchGetItem() {
        ObjectNode base = json("{\"RequestItems\": {\"Widgets\": {\"Keys\": [{\"id\": {\"S\": \"w1\"}}, {\"id\": {\"S\": \"w2\"}}],"
                + " \"ProjectionExpression\": \"colour\"}, \"Orders\": {\"Keys\": [{\"customerId\": {\"S\": \"c1\"}, \"orderId\": {\"N\": \"1\"}}]}},"
                + " \"ReturnConsumedCapacity\": \"TOTAL\"}");
        standard("BatchGetItem", base);
        attributeValueMutations("BatchGetItem", base, "/RequestItems/Widgets/Keys/0/id");
        add("BatchGetItem", "duplicate keys", with(base, "/RequestItems/Widgets/Keys/1/id", json("{\"S\": \"w1\"}")));
        add("BatchGetItem", "no keys", with(base, "/RequestItems/Widgets/Keys", NODES.arrayNode()));
        add("BatchGetItem", "no tables", with(base, "/RequestItems", NODES.objectNode()));
        add("BatchGetItem", "101 keys", with(base, "/RequestItems/Widgets/Keys", keys(101)));
        add("BatchGetItem", "100 keys", without(with(base, "/RequestItems/Widgets/Keys", keys(99)), "/RequestItems/Orders/Keys/0/customerId")
                .set("RequestItems", json("{\"Widgets\": {\"Keys\": " + keys(100) + "}}")));
        add("BatchGetItem", "key of the wrong type", with(base, "/RequestItems/Orders/Keys/0/orderId", json("{\"S\": \"1\"}")));
        add("BatchGetItem", "unknown table", with(base, "/RequestItems/Gizmos", json("{\"Keys\": [{\"id\": {\"S\": \"g\"}}]}")));
        add("BatchGetItem", "undefined placeholder", with(base, "/RequestItems/Widgets/ProjectionExpression", "#c", true));
        add("BatchGetItem", "reserved word in projection", with(base, "/RequestItems/Widgets/ProjectionExpression", "name", true));
        add("BatchGetItem", "AttributesToGet and ProjectionExpression", with(base, "/RequestItems/Widgets/AttributesToGet", JSON.valueToTree(List.of("colour"))));
        add("BatchGetItem", "Keys missing", without(base, "/RequestItems/Widgets/Keys"));
    }

    private void batchWriteItem() {
        ObjectNode base = json("{\"RequestItems\": {\"Widgets\": [{\"PutRequest\": {\"Item\": {\"id\": {\"S\": \"w3\"}, \"colour\": {\"S\": \"red\"}}}},"
                + " {\"DeleteRequest\": {\"Key\": {\"id\": {\"S\": \"w4\"}}}}]}}");
        standard("BatchWriteItem", base);
        attributeValueMutations("BatchWriteItem", base, "/RequestItems/Widgets/0/PutRequest/Item/colour");
        attributeValueMutations("BatchWriteItem", base, "/RequestItems/Widgets/1/DeleteRequest/Key/id");
        add("BatchWriteItem", "both put and delete in one request", with(base, "/RequestItems/Widgets/0/DeleteRequest", json("{\"Key\": {\"id\": {\"S\": \"w5\"}}}")));
        add("BatchWriteItem", "empty write request", with(base, "/RequestItems/Widgets/0", NODES.objectNode()));
        add("BatchWriteItem", "no write requests", with(base, "/RequestItems/Widgets", NODES.arrayNode()));
        add("BatchWriteItem", "26 write requests", with(base, "/RequestItems/Widgets", puts(26)));
        add("BatchWriteItem", "25 write requests", with(base, "/RequestItems/Widgets", puts(25)));
        add("BatchWriteItem", "duplicate keys", with(base, "/RequestItems/Widgets/1/DeleteRequest/Key/id", json("{\"S\": \"w3\"}")));
        add("BatchWriteItem", "put without the key", without(base, "/RequestItems/Widgets/0/PutRequest/Item/id"));
        add("BatchWriteItem", "put with a key of the wrong type", with(base, "/RequestItems/Widgets/0/PutRequest/Item/id", json("{\"N\": \"3\"}")));
        add("BatchWriteItem", "delete with a key of the wrong type", with(base, "/RequestItems/Widgets/1/DeleteRequest/Key/id", json("{\"B\": \"AQI=\"}")));
        add("BatchWriteItem", "unknown table", json("{\"RequestItems\": {\"Gizmos\": [{\"DeleteRequest\": {\"Key\": {\"id\": {\"S\": \"g\"}}}}]}}"));
        add("BatchWriteItem", "GSI key of the wrong type", with(base, "/RequestItems/Widgets/0/PutRequest/Item/createdAt", json("{\"S\": \"x\"}")));
        add("BatchWriteItem", "empty string key in a put", with(base, "/RequestItems/Widgets/0/PutRequest/Item/id", json("{\"S\": \"\"}")));
        add("BatchWriteItem", "ReturnItemCollectionMetrics SIZE", with(base, "/ReturnItemCollectionMetrics", "SIZE", true));
    }

    private void describeAndList() {
        add("DescribeTable", "existing table", json("{\"TableName\": \"Widgets\"}"));
        add("DescribeTable", "unknown table", json("{\"TableName\": \"Gadgets\"}"));
        add("DescribeTable", "no table name", json("{}"));
        add("DescribeTable", "table name as number", json("{\"TableName\": 12}"));
        add("DescribeTable", "table name too short", json("{\"TableName\": \"ab\"}"));
        add("ListTables", "no members", json("{}"));
        add("ListTables", "limit", json("{\"Limit\": 5}"));
        add("ListTables", "limit 0", json("{\"Limit\": 0}"));
        add("ListTables", "limit 101", json("{\"Limit\": 101}"));
        add("ListTables", "limit as string", json("{\"Limit\": \"5\"}"));
        add("ListTables", "start name", json("{\"ExclusiveStartTableName\": \"Orders\"}"));
        add("ListTables", "start name too short", json("{\"ExclusiveStartTableName\": \"Or\"}"));
    }

    /** The base request, each member dropped, each member of the wrong JSON type, bad enums. */
    private void standard(String action, ObjectNode base) {
        add(action, "valid", base);
        for (Iterator<String> it = base.fieldNames(); it.hasNext(); ) {
            String member = it.next();
            add(action, "without " + member, without(base, "/" + member));
            JsonNode value = base.get(member);
            JsonNode wrong = value.isTextual() ? NODES.numberNode(5) : value.isNumber() ? NODES.textNode("x")
                    : value.isBoolean() ? NODES.textNode("yes") : value.isObject() ? NODES.arrayNode() : NODES.objectNode();
            add(action, member + " of the wrong JSON type", with(base, "/" + member, wrong));
            if (value.isObject() || value.isArray()) {
                add(action, member + " as a string", with(base, "/" + member, "x", true));
            }
        }
        add(action, "bad ReturnConsumedCapacity", with(base, "/ReturnConsumedCapacity", "ALL", true));
        add(action, "ReturnConsumedCapacity INDEXES", with(base, "/ReturnConsumedCapacity", "INDEXES", true));
        add(action, "unknown member", with(base, "/Misspelt", "x", true));
    }

    /** Syntax error, empty, undefined and unused placeholders, reserved words in one expression member. */
    private void expressionMutations(String action, ObjectNode base, String member) {
        String expression = base.get(member).asText();
        add(action, member + " syntax error", with(base, "/" + member, expression + " )", true));
        add(action, member + " empty", with(base, "/" + member, "", true));
        add(action, member + " dangling AND", with(base, "/" + member, expression + " AND", true));
        add(action, member + " undefined name placeholder", with(base, "/" + member, expression.replaceFirst("#[A-Za-z]+|\\b[a-z][A-Za-z]*\\b(?![(])", "#undefined"), true));
        if (expression.contains(":")) {
            add(action, member + " undefined value placeholder", with(base, "/" + member, expression.replaceFirst(":[A-Za-z]+", ":undefined"), true));
        }
        add(action, member + " unused value placeholder", with(base, "/ExpressionAttributeValues/:unused", json("{\"S\": \"u\"}")));
        add(action, member + " unused name placeholder", with(base, "/ExpressionAttributeNames/#unused", "u", true));
        add(action, member + " bad placeholder key", with(base, "/ExpressionAttributeValues/unused", json("{\"S\": \"u\"}")));
        add(action, member + " empty value map", with(base, "/ExpressionAttributeValues", NODES.objectNode()));
        add(action, member + " empty name map", with(base, "/ExpressionAttributeNames", NODES.objectNode()));
        add(action, member + " reserved word", with(base, "/" + member, expression.replaceFirst("\\b(colour|orderId|createdAt)\\b", "status"), true));
        add(action, member + " as a number", with(base, "/" + member, NODES.numberNode(1)));
    }

    /** Every broken AttributeValue at one place. */
    private void attributeValueMutations(String action, ObjectNode base, String pointer) {
        BAD_ATTRIBUTE_VALUES.forEach((label, value) -> add(action, label + " at " + pointer, with(base, pointer, tree(value))));
    }

    /** Keys that do not match the table's key. */
    private void schemaKeyMutations(String action, ObjectNode base, String pointer, String table) {
        add(action, "key attribute of the wrong type", with(base, pointer + "/id", json("{\"N\": \"1\"}")));
        add(action, "key with an extra attribute", with(base, pointer + "/colour", json("{\"S\": \"red\"}")));
        add(action, "key attribute renamed", without(with(base, pointer + "/ident", json("{\"S\": \"w1\"}")), pointer + "/id"));
        add(action, "empty key", with(base, pointer, NODES.objectNode()));
        add(action, "empty string key", with(base, pointer + "/id", json("{\"S\": \"\"}")));
        add(action, "key of type list", with(base, pointer + "/id", json("{\"L\": [{\"S\": \"a\"}]}")));
        add(action, "partition key over 2048 bytes", with(base, pointer + "/id", json("{\"S\": \"" + "k".repeat(2049) + "\"}")));
        add(action, "unknown table", with(base, "/TableName", "Gadgets", true));
        add(action, "table name too short", with(base, "/TableName", "ab", true));
        add(action, "table name with bad characters", with(base, "/TableName", table + "!", true));
    }

    private static ArrayNode keys(int count) {
        ArrayNode keys = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            keys.add(json("{\"id\": {\"S\": \"k" + i + "\"}}"));
        }
        return keys;
    }

    private static ArrayNode puts(int count) {
        ArrayNode puts = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            puts.add(json("{\"PutRequest\": {\"Item\": {\"id\": {\"S\": \"p" + i + "\"}}}}"));
        }
        return puts;
    }

    private void add(String action, String label, ObjectNode request) {
        cases.add(new ConformanceCase(action + "/" + label, action, request));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad JSON in the suite: " + text, e);
        }
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad JSON in the suite: " + text, e);
        }
    }

    /** A copy with the value at {@code pointer} set; missing parent objects are created. */
    static ObjectNode with(ObjectNode base, String pointer, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy;
        for (JsonPointer step = at; step.tail() != null && !step.tail().matches(); step = step.tail()) {
            String name = step.getMatchingProperty();
            JsonNode next = parent instanceof ArrayNode array ? array.get(step.getMatchingIndex()) : parent.get(name);
            if (next == null) {
                next = ((ObjectNode) parent).putObject(name);
            }
            parent = next;
        }
        String last = at.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    /** A copy with a string at {@code pointer}; the flag only tells this overload from the JsonNode one at the call site. */
    static ObjectNode with(ObjectNode base, String pointer, String text, boolean isText) {
        return with(base, pointer, NODES.textNode(text));
    }

    static ObjectNode without(ObjectNode base, String pointer) {
        ObjectNode copy = base.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.remove(at.last().getMatchingProperty());
        }
        return copy;
    }
}
