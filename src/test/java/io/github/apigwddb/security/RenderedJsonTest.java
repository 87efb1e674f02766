package io.github.apigwddb.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.SpecFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenderedJsonTest {

    private final DocumentParser parser = new DocumentParser();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"TableName\": \"t\", \"Item\": {\"id\": {\"S\": \"a\\\"b\"}, \"n\": {\"N\": \"1\"}}}",
        "{\"Limit\": 10, \"Big\": 12345678901, \"Huge\": 123456789012345678901234567890, \"Price\": 10.00, \"e\": 1e3}",
        "{\"a\": [1, [true, false, null], {}, []], \"b\": {\"c\": {\"d\": \"\\u0000\"}}}",
        "[\"x\", 1.5]",
        "\"just a string\"",
        "  42  ",
    })
    void readsTheSameTreeAsTheFullParser(String text) throws Exception {
        assertThat(RenderedJson.readOrNull(text)).isEqualTo(parser.parse(text, SpecFormat.JSON).root());
    }

    @Test
    void keepsDecimalsAsWritten() {
        assertThat(RenderedJson.readOrNull("{\"p\": 10.00}").get("p").decimalValue().toPlainString()).isEqualTo("10.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1, \"a\": 2}",
        "{\"a\": {\"b\": 1, \"b\": 1}}",
        "{\"a\": 1",
        "{\"a\": 1} {}",
        "{\"a\": 1}]",
        "{'a': 1}",
        "",
        "   ",
    })
    void leavesDuplicatesAndInvalidJsonToTheFullParser(String text) {
        assertThat(RenderedJson.readOrNull(text)).isNull();
    }

    @Test
    void leavesDeepDocumentsToTheFullParser() {
        assertThat(RenderedJson.readOrNull("[".repeat(150) + "]".repeat(150))).isNull();
        assertThat(RenderedJson.readOrNull("[".repeat(50) + "]".repeat(50))).isNotNull();
    }
}
