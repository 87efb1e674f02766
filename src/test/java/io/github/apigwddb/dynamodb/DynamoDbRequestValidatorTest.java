package io.github.apigwddb.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Cases too large or too programmatic for the JSON case files. */
class DynamoDbRequestValidatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final DynamoDbRequestValidator validator = new DynamoDbRequestValidator();

    @Test
    void reportsAnItemOverFourHundredKilobytes() {
        ObjectNode request = putItem();
        request.with("Item").putObject("blob").put("S", "x".repeat(410 * 1024));

        assertThat(validator.validate("PutItem", request))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.ruleId()).isEqualTo("DDB009");
                    assertThat(v.path()).isEqualTo("Item");
                    assertThat(v.message()).startsWith("Item size has exceeded the maximum allowed size");
                });
    }

    @Test
    void acceptsAnItemJustUnderTheLimit() {
        ObjectNode request = putItem();
        request.with("Item").putObject("blob").put("S", "x".repeat(399 * 1024));

        assertThat(validator.validate("PutItem", request)).isEmpty();
    }

    @Test
    void measuresPlaceholderMapsAsTheirJsonText() {
        // each control character is written as a six-byte escape: 350,000 of them pass 2 MB only as JSON
        ObjectNode request = (ObjectNode) NODES.objectNode().put("TableName", "Widgets")
                .put("FilterExpression", "colour = :c");
        request.putObject("ExpressionAttributeValues").putObject(":c").put("S", "\u0001".repeat(350_000));
        long bytes = request.get("ExpressionAttributeValues").toString().length();

        assertThat(validator.validate("Scan", request)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("DDX011");
            assertThat(v.message()).isEqualTo("ExpressionAttributeNames and ExpressionAttributeValues together take about "
                    + bytes + " bytes; DynamoDB allows at most 2 MB");
        });
    }

    @Test
    void acceptsPlaceholderMapsJustUnderTwoMegabytes() {
        ObjectNode request = (ObjectNode) NODES.objectNode().put("TableName", "Widgets")
                .put("FilterExpression", "colour = :c");
        request.putObject("ExpressionAttributeValues").putObject(":c").put("S", "\u0001".repeat(349_000));

        assertThat(validator.validate("Scan", request)).isEmpty();
    }

    @Test
    void reportsNestingDeeperThanThirtyTwoLevels() {
        ObjectNode request = putItem();
        ObjectNode value = request.with("Item").putObject("deep");
        for (int level = 0; level < 40; level++) {
            value = value.putObject("M").putObject("x");
        }
        value.put("S", "bottom");

        List<RequestViolation> violations = validator.validate("PutItem", request);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("DDB009");
            assertThat(v.message()).contains("32 levels");
        });
    }

    @Test
    void acceptsThirtyTwoLevels() {
        ObjectNode request = putItem();
        ObjectNode value = request.with("Item").putObject("deep");
        for (int level = 0; level < 32; level++) {
            value = value.putObject("M").putObject("x");
        }
        value.put("S", "bottom");

        assertThat(validator.validate("PutItem", request)).isEmpty();
    }

    @Test
    void reportsAnOversizedKey() {
        ObjectNode request = MAPPER.createObjectNode().put("TableName", "Widgets");
        request.putObject("Key").putObject("id").put("S", "k".repeat(2049));

        assertThat(validator.validate("GetItem", request)).extracting(RequestViolation::ruleId, RequestViolation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DDB009", "Key.id"));
    }

    @Test
    void limitsBatchGetItemToOneHundredKeysAcrossTables() {
        ObjectNode request = MAPPER.createObjectNode();
        ObjectNode tables = request.putObject("RequestItems");
        for (String table : List.of("Alpha", "Beta")) {
            ArrayNode keys = tables.putObject(table).putArray("Keys");
            for (int i = 0; i < 51; i++) {
                keys.addObject().putObject("id").put("S", "k" + i);
            }
        }

        assertThat(validator.validate("BatchGetItem", request)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("DDB010");
            assertThat(v.message()).startsWith("Too many items requested for the BatchGetItem call");
        });
    }

    /** One table over the limit breaks a length constraint, which DynamoDB says alone (re-trial: said twice). */
    @Test
    void oneTableOverTheLimitIsTheLengthConstraintAlone() {
        ObjectNode request = MAPPER.createObjectNode();
        ArrayNode keys = request.putObject("RequestItems").putObject("Alpha").putArray("Keys");
        for (int i = 0; i < 101; i++) {
            keys.addObject().putObject("id").put("S", "k" + i);
        }
        ObjectNode writes = MAPPER.createObjectNode();
        ArrayNode puts = writes.putObject("RequestItems").putArray("Alpha");
        for (int i = 0; i < 26; i++) {
            puts.addObject().putObject("PutRequest").putObject("Item").putObject("id").put("S", "k" + i);
        }

        assertThat(validator.validate("BatchGetItem", request)).singleElement().satisfies(v ->
                assertThat(v.message()).endsWith("Member must have length less than or equal to 100"));
        assertThat(validator.validate("BatchWriteItem", writes)).singleElement().satisfies(v ->
                assertThat(v.message()).endsWith("Member must have length less than or equal to 25"));
    }

    @Test
    void limitsBatchWriteItemToTwentyFiveRequestsAcrossTables() {
        ObjectNode request = MAPPER.createObjectNode();
        ObjectNode tables = request.putObject("RequestItems");
        for (String table : List.of("Alpha", "Beta")) {
            ArrayNode writes = tables.putArray(table);
            for (int i = 0; i < 13; i++) {
                writes.addObject().putObject("DeleteRequest").putObject("Key").putObject("id").put("S", "k" + i);
            }
        }

        assertThat(validator.validate("BatchWriteItem", request)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("DDB010");
            assertThat(v.message()).startsWith("Too many items requested for the BatchWriteItem call");
        });
    }

    @Test
    void limitsTransactionsToOneHundredActions() {
        ObjectNode request = MAPPER.createObjectNode();
        ArrayNode items = request.putArray("TransactItems");
        for (int i = 0; i < 101; i++) {
            ObjectNode delete = items.addObject().putObject("Delete").put("TableName", "Widgets");
            delete.putObject("Key").putObject("id").put("S", "k" + i);
        }

        assertThat(validator.validate("TransactWriteItems", request)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("DDB010");
            assertThat(v.message()).contains("Member must have length less than or equal to 100");
        });
    }

    @Test
    void escapesJsonPointers() {
        ObjectNode request = putItem();
        request.with("Item").putObject("a/b~c").put("N", "x");

        assertThat(validator.validate("PutItem", request)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("Item.a/b~c.N");
            assertThat(v.jsonPointer()).isEqualTo("/Item/a~1b~0c/N");
        });
    }

    @Test
    void turnsAFailingRuleIntoAnInternalViolation() {
        RequestRule broken = new RequestRule() {
            @Override
            public String ruleId() {
                return "DDB999";
            }

            @Override
            public void check(String action, ObjectNode request, Violations violations) {
                throw new IllegalStateException("boom");
            }
        };
        DynamoDbRequestValidator withBrokenRule = new DynamoDbRequestValidator(List.of(broken, new ScanSegmentRule()));

        List<RequestViolation> violations = withBrokenRule.validate("Scan",
                MAPPER.createObjectNode().put("TableName", "Widgets").put("Segment", 1));

        assertThat(violations).extracting(RequestViolation::ruleId).containsExactly("DDB000", "DDB011");
        assertThat(violations.get(0).message()).contains("DDB999").contains("boom");
    }

    @Test
    void ignoresUnknownActionsAndNullInput() {
        assertThat(validator.validate("FrobnicateItem", MAPPER.createObjectNode())).isEmpty();
        assertThat(validator.validate(null, null)).isEmpty();
        assertThat(validator.validate("GetItem", null)).extracting(RequestViolation::ruleId).containsExactly("DDB001");
    }

    @Test
    void neverThrowsOnRandomJson() {
        Random random = new Random(20260101L);
        List<String> actions = List.copyOf(DynamoDbActions.all());
        for (int i = 0; i < 3000; i++) {
            JsonNode request = randomJson(random, 0);
            String action = actions.get(random.nextInt(actions.size()));
            assertThatCode(() -> validator.validate(action, request)).doesNotThrowAnyException();
            assertThat(validator.validate(action, request)).noneMatch(v -> v.ruleId().equals("DDB000"));
        }
    }

    private static final String[] MEMBER_NAMES = {"TableName", "Key", "Item", "S", "N", "M", "L", "SS", "NS", "BS",
            "B", "NULL", "BOOL", "RequestItems", "TransactItems", "Put", "Delete", "Update", "ConditionCheck", "Keys",
            "PutRequest", "DeleteRequest", "Limit", "Segment", "TotalSegments", "Select", "ExpressionAttributeValues",
            "KeyConditionExpression", "UpdateExpression", "Statements", "Statement", "Parameters", "x"};

    private static JsonNode randomJson(Random random, int depth) {
        int kind = depth > 5 ? random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> NODES.textNode(random.nextBoolean() ? "Widgets" : "1e" + random.nextInt(300));
            case 1 -> NODES.numberNode(random.nextInt(200) - 100);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.numberNode(random.nextDouble());
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(MEMBER_NAMES[random.nextInt(MEMBER_NAMES.length)], randomJson(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static ObjectNode putItem() {
        ObjectNode request = MAPPER.createObjectNode().put("TableName", "Widgets");
        request.putObject("Item").putObject("id").put("S", "1");
        return request;
    }
}
