package io.github.apigwddb.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.spec.DocumentParser;
import org.junit.jupiter.api.Test;

class MarkedStringTest {

    private static final String MARKED = "{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"a\\\"b zq1x c\"}, \"tags\": [\"x\", \"zq2x\"]},"
            + " \"Limit\": 5}";

    private final DocumentParser parser = new DocumentParser();

    private MarkedString find(String marked, String marker) {
        return MarkedString.find(marked, parser.treeOrNull(marked), marker, parser);
    }

    @Test
    void aRenderThatChangesOnlyTheStringReadsAsTheWholeRenderWould() {
        MarkedString id = find(MARKED, "zq1x");
        MarkedString tag = find(MARKED, "zq2x");

        for (String value : new String[] {"", "plain", "\\\"quoted\\\"", "line\\nbreak", "\\u0001", "\uD83D\uDE00", "a".repeat(1000)}) {
            String output = MARKED.replace("zq1x", value);
            assertThat(id.treeOf(output)).as(value).isEqualTo(parser.treeOrNull(output));
            output = MARKED.replace("zq2x", value);
            assertThat(tag.treeOf(output)).as(value).isEqualTo(parser.treeOrNull(output));
        }
        assertThat(id.treeOf(MARKED.replace("zq1x", "x")).at("/Item/id/S").textValue()).isEqualTo("a\"b x c");
    }

    @Test
    void aRenderThatIsNotOneStringThereIsLeftToTheFullReader() {
        MarkedString id = find(MARKED, "zq1x");

        assertThat(id.treeOf(MARKED.replace("zq1x", "\""))).as("the string ends early").isNull();
        assertThat(id.treeOf(MARKED.replace("zq1x", "\",\"TableName\":\"Other"))).as("a member added").isNull();
        assertThat(id.treeOf(MARKED.replace("zq1x", "\\"))).as("a broken escape").isNull();
        assertThat(id.treeOf(MARKED.replace("zq1x", "\n"))).as("a raw line break").isNull();
        assertThat(id.treeOf(MARKED.replace("zq1x", "x").replace("\"T\"", "\"U\""))).as("a change elsewhere").isNull();
        assertThat(id.treeOf(MARKED.replace("zq1x", "x").replace("5}", "6}"))).as("a change after it").isNull();
    }

    @Test
    void onlyAMarkerOnceInsideAStringValueIsSpliced() {
        assertThat(find(MARKED, "zq9x")).as("absent").isNull();
        assertThat(find("{\"a\": \"zq1x\", \"b\": \"zq1x\"}", "zq1x")).as("twice").isNull();
        assertThat(find("{\"zq1x\": \"v\"}", "zq1x")).as("a member name").isNull();
        assertThat(find("{\"a\" : \"zq1x\" , \"zq1\": 1}", "zq1x")).isNotNull();
        assertThat(find("{\"a\": \"\\u007Aq1x\", \"b\": \"zq1x\"}", "zq1x")).as("a second string spells it with an escape").isNull();
        JsonNode tree = parser.treeOrNull("{\"a\": [\"zq1x\"]}");
        assertThat(MarkedString.find("{\"a\": [\"zq1x\"]}", tree, "zq1x", parser).treeOf("{\"a\": [\"\\\\\"]}"))
                .isEqualTo(parser.treeOrNull("{\"a\": [\"\\\\\"]}"));
    }
}
