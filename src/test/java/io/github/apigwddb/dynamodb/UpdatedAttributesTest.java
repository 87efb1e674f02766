package io.github.apigwddb.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What an UpdateItem request writes, from its parsed UpdateExpression and the request's names and values. */
class UpdatedAttributesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static UpdatedAttributes of(String request) throws Exception {
        return UpdatedAttributes.of(JSON.readTree(request));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void setAndAddResolveNamesAndValuesInExpressionOrder() throws Exception {
        UpdatedAttributes update = of("""
                {"Key": {"id": {"S": "1"}},
                 "UpdateExpression": "SET #u = :u, #ts = :ts, visits = if_not_exists(visits, :zero) + :one ADD tags :t REMOVE old, #gone",
                 "ExpressionAttributeNames": {"#u": "url", "#ts": "timestamp", "#gone": "expired"},
                 "ExpressionAttributeValues": {":u": {"S": "https://x"}, ":ts": {"N": "1700000000"}, ":zero": {"N": "0"},
                                               ":one": {"N": "1"}, ":t": {"SS": ["a"]}}}""");

        assertThat(update.written().keySet()).containsExactly("url", "timestamp", "visits", "tags");
        assertThat(update.written().get("url")).isEqualTo(json("{\"S\": \"https://x\"}"));
        assertThat(update.written().get("timestamp")).isEqualTo(json("{\"N\": \"1700000000\"}"));
        assertThat(update.written().get("visits")).isEqualTo(json("{\"N\": \"0\"}"));
        assertThat(update.written().get("tags")).isEqualTo(json("{\"SS\": [\"a\"]}"));
        assertThat(update.removed()).containsExactly("old", "expired");
    }

    @Test
    void nestedPathsGiveTheTopLevelAttributeAMapOrListAndTwoWritesOfOneMapMerge() throws Exception {
        UpdatedAttributes update = of("""
                {"UpdateExpression": "SET #a.b = :b, #a.c[0] = :c, d = list_append(d, :l)",
                 "ExpressionAttributeNames": {"#a": "address"},
                 "ExpressionAttributeValues": {":b": {"S": "x"}, ":c": {"N": "2"}, ":l": {"L": [{"S": "y"}]}}}""");

        assertThat(update.written().get("address")).isEqualTo(json("{\"M\": {\"b\": {\"S\": \"x\"}, \"c\": {\"L\": [{\"N\": \"2\"}]}}}"));
        assertThat(update.written().get("d")).isEqualTo(json("{\"L\": [{\"S\": \"y\"}]}"));
    }

    @Test
    void whatTheRequestDoesNotTellIsLeftOut() throws Exception {
        UpdatedAttributes update = of("""
                {"UpdateExpression": "SET a = b, #undefined = :v, c = :missing DELETE s :v",
                 "ExpressionAttributeValues": {":v": {"SS": ["x"]}}}""");

        assertThat(update.written()).isEmpty();
        assertThat(update.removed()).isEmpty();
        assertThat(of("{\"UpdateExpression\": \"SET = :v\"}").written()).isEmpty();
    }

    @Test
    void theLegacyAttributeUpdatesToo() throws Exception {
        UpdatedAttributes update = of("""
                {"AttributeUpdates": {"name": {"Action": "PUT", "Value": {"S": "n"}}, "count": {"Action": "ADD", "Value": {"N": "1"}},
                                      "gone": {"Action": "DELETE"}}}""");

        assertThat(update.written().keySet()).containsExactly("name", "count");
        assertThat(update.removed()).containsExactly("gone");
    }
}
