package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The success DynamoDB would plausibly answer to a rendered request, made up when the example gives none. */
class DynamoDbAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String UPDATE = """
            {"TableName": "Links", "Key": {"id": {"S": "abc"}},
             "UpdateExpression": "SET #u = :u, #ts = :ts REMOVE #old",
             "ExpressionAttributeNames": {"#u": "url", "#ts": "timestamp", "#old": "expiration"},
             "ExpressionAttributeValues": {":u": {"S": "https://x"}, ":ts": {"N": "1700000000"}},
             "ReturnValues": "%s"}""";

    private static JsonNode answer(String action, String request, Map<String, String> read) throws Exception {
        DynamoDbAnswers.Answer answer = DynamoDbAnswers.success(action, JSON.readTree(request), read);
        assertThat(answer.status()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @Test
    void updateItemAllNewHoldsTheKeyAndWhatTheUpdateWritesButNotWhatItRemoves() throws Exception {
        JsonNode body = answer("UpdateItem", UPDATE.formatted("ALL_NEW"), Map.of("expiration", "N", "owner", "S"));

        assertThat(body.get("Attributes")).isEqualTo(JSON.readTree("""
                {"id": {"S": "abc"}, "url": {"S": "https://x"}, "timestamp": {"N": "1700000000"}, "owner": {"S": "example-owner"}}"""));
    }

    @Test
    void updatedNewHoldsOnlyWhatTheUpdateWrites() throws Exception {
        JsonNode body = answer("UpdateItem", UPDATE.formatted("UPDATED_NEW"), Map.of());

        assertThat(body.get("Attributes")).isEqualTo(JSON.readTree("{\"url\": {\"S\": \"https://x\"}, \"timestamp\": {\"N\": \"1700000000\"}}"));
    }

    @Test
    void theOldItemKeepsWhatTheUpdateRemovesWhenATemplateReadsIt() throws Exception {
        JsonNode body = answer("UpdateItem", UPDATE.formatted("ALL_OLD"), Map.of("expiration", "N"));

        assertThat(body.get("Attributes").fieldNames()).toIterable().containsExactly("id", "url", "timestamp", "expiration");
    }

    @Test
    void withoutReturnValuesThereAreNoAttributes() throws Exception {
        assertThat(answer("UpdateItem", UPDATE.formatted("NONE"), Map.of("url", "S")).has("Attributes")).isFalse();
        assertThat(answer("UpdateItem", "{\"Key\": {\"id\": {\"S\": \"a\"}}, \"UpdateExpression\": \"SET a = :a\"}", Map.of()).has("Attributes")).isFalse();
    }

    @Test
    void putItemAllOldIsTheItem() throws Exception {
        JsonNode body = answer("PutItem", "{\"Item\": {\"id\": {\"S\": \"a\"}, \"n\": {\"N\": \"2\"}}, \"ReturnValues\": \"ALL_OLD\"}", Map.of());

        assertThat(body.get("Attributes")).isEqualTo(JSON.readTree("{\"id\": {\"S\": \"a\"}, \"n\": {\"N\": \"2\"}}"));
    }

    @Test
    void getItemAndQueryHoldTheAttributesTheResponseTemplatesRead() throws Exception {
        assertThat(answer("GetItem", "{\"Key\": {\"id\": {\"S\": \"a\"}}}", Map.of("n", "N")).get("Item"))
                .isEqualTo(JSON.readTree("{\"id\": {\"S\": \"a\"}, \"n\": {\"N\": \"1\"}}"));
        assertThat(answer("Query", "{}", Map.of("name", "S")).get("Items").get(0))
                .isEqualTo(JSON.readTree("{\"name\": {\"S\": \"example-name\"}}"));
    }

    @Test
    void aRejectionSpeaksAsDynamoDbDoes() {
        assertThat(DynamoDbAnswers.rejecting("DDB013", "Requested resource not found: Table: Orders not found (the table definitions of"
                + " apigw.tables name Users)").body())
                .isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"Requested resource not found\"}");
        assertThat(DynamoDbAnswers.rejecting("DDB003", "NUMBER_VALUE cannot be converted to String").body())
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\",\"Message\":\"NUMBER_VALUE cannot be converted to String\"}");
        assertThat(DynamoDbAnswers.rejecting("DDB001", "Value null at 'key' failed to satisfy constraint: Member must not be null").name())
                .isEqualTo("400 ValidationException (DynamoDB rejects this request)");
    }
}
