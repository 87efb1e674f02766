package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DocumentParser#treeOrNull}: the same tree as the full parser, or null where that one must decide. */
class PlainTreeTest {

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
        assertThat(parser.treeOrNull(text)).isEqualTo(parser.parse(text, SpecFormat.JSON).root());
    }

    @Test
    void keepsDecimalsAsWritten() {
        assertThat(parser.treeOrNull("{\"p\": 10.00}").get("p").decimalValue().toPlainString()).isEqualTo("10.00");
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
        // the full parser reads these with a message or a duplicate key, or (empty text) as a missing node
        assertThat(parser.treeOrNull(text)).isNull();
    }

    @Test
    void refusesWhatTheFullParserRefusesForDepth() {
        String deep = "[".repeat(DocumentParser.MAX_NESTING + 1) + "]".repeat(DocumentParser.MAX_NESTING + 1);
        assertThat(parser.treeOrNull(deep)).isNull();
        assertThat(parser.treeOrNull("[".repeat(50) + "]".repeat(50))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\n  \"a\": {\"b\": [1, \"two\"]}\n}", "{\"a\": 1, \"a\": 2}"})
    void parseJsonGivesWhatParseGivesPositionsIncluded(String text) throws Exception {
        ParsedDocument full = parser.parse(text, SpecFormat.JSON);
        ParsedDocument json = parser.parseJson(text);

        assertThat(json.root()).isEqualTo(full.root());
        assertThat(json.duplicateKeys()).isEqualTo(full.duplicateKeys());
        for (String pointer : new String[] {"", "/a", "/a/b/1", "/a/missing"}) {
            assertThat(json.sourceMap().locate(pointer)).isEqualTo(full.sourceMap().locate(pointer));
        }
    }

    @Test
    void parseJsonReportsWhatParseReports() {
        assertThatThrownBy(() -> parser.parseJson("{\"a\": }")).isInstanceOf(DocumentSyntaxException.class)
                .hasMessage(catchThrowable(() -> parser.parse("{\"a\": }", SpecFormat.JSON)).getMessage());
    }
}
