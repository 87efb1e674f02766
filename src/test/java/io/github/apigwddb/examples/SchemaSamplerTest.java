package io.github.apigwddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SchemaSamplerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSchemaMakesAPlausibleValue() throws Exception {
        JsonNode root = JSON.readTree("""
                {"components": {"schemas": {"Item": {"type": "object", "properties": {"id": {"type": "string"},
                  "count": {"type": "integer", "minimum": 3}, "tags": {"type": "array", "items": {"type": "string"}}}}}}}""");
        JsonNode sample = new SchemaSampler(root).sample(JSON.readTree("{\"$ref\": \"#/components/schemas/Item\"}"), "body");

        assertThat(sample.toString()).isEqualTo("{\"id\":\"example-id\",\"count\":3,\"tags\":[\"example-tags\"]}");
    }

    /** Schemas that each use the next three times: 3^12 values within the depth bound, a long probe each (crash hunt). */
    @Test
    void aTreeOfReferencesMakesABoundedValue() {
        ObjectNode schemas = JSON.createObjectNode();
        for (int i = 0; i < 30; i++) {
            ObjectNode properties = schemas.putObject("S" + i).put("type", "object").putObject("properties");
            for (String name : new String[] {"a", "b", "c"}) {
                properties.putObject(name).put("$ref", "#/components/schemas/S" + (i + 1));
            }
        }
        schemas.putObject("S30").put("type", "string");
        ObjectNode root = JSON.createObjectNode();
        root.putObject("components").set("schemas", schemas);

        JsonNode sample = new SchemaSampler(root).sample(JSON.createObjectNode().put("$ref", "#/components/schemas/S0"), "body");

        assertThat(count(sample)).isBetween(1000, 4000);
        assertThat(sample.at("/a/a/a").isObject()).isTrue();
        // past the budget objects stay empty, and a scalar still gets a value of its type (review: "quantity" as text)
        ObjectNode order = JSON.createObjectNode().put("type", "object");
        order.putObject("properties").set("parts", JSON.createObjectNode().put("$ref", "#/components/schemas/S0"));
        ((ObjectNode) order.get("properties")).putObject("quantity").put("type", "integer");
        JsonNode typed = new SchemaSampler(root).sample(order, "body");
        assertThat(typed.get("quantity").isNumber()).isTrue();
    }

    private static int count(JsonNode node) {
        int n = 1;
        for (JsonNode child : node) {
            n += count(child);
        }
        return n;
    }
}
