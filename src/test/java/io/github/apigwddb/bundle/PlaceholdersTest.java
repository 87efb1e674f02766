package io.github.apigwddb.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void standInsHaveTheShapeOfTheirPlaces() throws Exception {
        JsonNode tree = JSON.readTree("""
                {"uri": "arn:{{apigw:p}}:apigateway:{{apigw:r}}:dynamodb:action/GetItem",
                 "Credentials": "{{apigw: apiRole }}",
                 "role": "arn:aws:iam::{{apigw:acct}}:role/x",
                 "timeoutInMillis": "{{apigw:timeout}}",
                 "template": "{\\"TableName\\": \\"arn:aws:dynamodb:{{apigw:r}}:{{apigw:acct}}:table/{{apigw:t}}\\", \\"Limit\\": {{apigw:page}}, \\"ttl\\": {\\"N\\": \\"{{apigw:ttl}}\\"}}"}
                """);
        List<Placeholders.Filled> filled = Placeholders.fillTree(tree, Map.of());

        assertThat(tree.get("uri").asText()).isEqualTo("arn:aws:apigateway:us-east-1:dynamodb:action/GetItem");
        assertThat(tree.get("Credentials").asText()).isEqualTo("arn:aws:iam::123456789012:role/apiRole");
        assertThat(tree.get("role").asText()).isEqualTo("arn:aws:iam::123456789012:role/x");
        assertThat(tree.get("timeoutInMillis").asText()).isEqualTo("29000");
        assertThat(tree.get("template").asText()).isEqualTo(
                "{\"TableName\": \"arn:aws:dynamodb:us-east-1:123456789012:table/t__\", \"Limit\": 1, \"ttl\": {\"N\": \"1\"}}");
        assertThat(filled).extracting(Placeholders.Filled::pointer).containsExactly("/uri", "/Credentials", "/role", "/timeoutInMillis", "/template");
        assertThat(filled).allSatisfy(f -> assertThat(f.standIns()).isNotEmpty());
    }

    @Test
    void aPositionInTheFilledTextMapsBackToTheTextAsWritten() throws Exception {
        JsonNode tree = JSON.readTree("{\"t\": \"{{apigw:usersTable}} $x {{apigw:n}}!\"}");
        Placeholders.Filled filled = Placeholders.fillTree(tree, Map.of("n", "12345678901234567890")).get(0);
        String text = tree.get("t").asText();
        assertThat(text).isEqualTo("usersTable $x 12345678901234567890!");

        assertThat(filled.edits().writtenOffset(text.indexOf("$x"))).isEqualTo(filled.original().indexOf("$x"));
        assertThat(filled.edits().writtenOffset(text.indexOf('!'))).isEqualTo(filled.original().indexOf('!'));
        assertThat(filled.edits().writtenOffset(3)).isZero(); // inside the first stand-in: its placeholder's start
        assertThat(filled.standIns()).extracting(Placeholders.Substitution::name).containsExactly("usersTable");
    }
}
