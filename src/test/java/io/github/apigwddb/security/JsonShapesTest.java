package io.github.apigwddb.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String difference(String expected, String actual) throws Exception {
        JsonNode a = JSON.readTree(expected);
        JsonNode b = JSON.readTree(actual);
        return JsonShapes.difference(a, b);
    }

    @Test
    void ignoresValues() throws Exception {
        assertThat(difference("{\"a\": {\"S\": \"x\"}, \"l\": [1, \"y\"]}", "{\"a\": {\"S\": \"other\"}, \"l\": [2, \"z\"]}")).isNull();
    }

    @Test
    void namesTheFirstDifferenceByItsPointer() throws Exception {
        assertThat(difference("{\"a\": {\"b/c\": {}}}", "{\"a\": {\"b/c\": {\"x~\": 1}}}")).isEqualTo("member /a/b~1c/x~0 appears");
        assertThat(difference("{\"a\": [{\"k\": 1}]}", "{\"a\": [{}]}")).isEqualTo("member /a/0/k disappears");
        assertThat(difference("{\"a\": [1, {\"k\": \"s\"}]}", "{\"a\": [1, {\"k\": 2}]}")).isEqualTo("/a/1/k changes from a string to a number");
        assertThat(difference("{\"a\": [1]}", "{\"a\": [1, 2]}")).isEqualTo("/a has 2 elements instead of 1");
        assertThat(difference("{}", "[]")).isEqualTo("the request changes from an object to an array");
    }

    @Test
    void tellsWhetherAnOffsetIsInsideAString() {
        String json = "{\"Limit\": 2, \"Key\": {\"n\": {\"N\": \"2\"}}, \"note\": \"a \\\"2\\\" b\", \"k2\": 2}";
        assertThat(JsonShapes.insideString(json, json.indexOf("2"))).as("a number").isFalse();
        assertThat(JsonShapes.insideString(json, json.indexOf("\"2\"") + 1)).as("a string value").isTrue();
        assertThat(JsonShapes.insideString(json, json.indexOf("\\\"2") + 2)).as("after an escaped quote").isTrue();
        assertThat(JsonShapes.insideString(json, json.indexOf("k2") + 1)).as("a member name").isTrue();
        assertThat(JsonShapes.insideString(json, json.lastIndexOf("2"))).as("the last number").isFalse();
    }
}
