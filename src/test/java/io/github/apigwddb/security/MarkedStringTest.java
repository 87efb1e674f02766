package io.github.apigwddb.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** The tree the probe would validate for {@code output}, copied out of the call; null when the full reader must read it. */
    private static JsonNode treeOf(MarkedString marked, String output) {
        JsonNode value = marked.valueIn(output);
        return value == null ? null : marked.with(value, JsonNode::deepCopy);
    }

    @Test
    void aRenderThatChangesOnlyTheStringReadsAsTheWholeRenderWould() {
        MarkedString id = find(MARKED, "zq1x");
        MarkedString tag = find(MARKED, "zq2x");

        for (String value : new String[] {"", "plain", "\\\"quoted\\\"", "line\\nbreak", "\\u0001", "\uD83D\uDE00", "a".repeat(1000)}) {
            String output = MARKED.replace("zq1x", value);
            assertThat(treeOf(id, output)).as(value).isEqualTo(parser.treeOrNull(output));
            output = MARKED.replace("zq2x", value);
            assertThat(treeOf(tag, output)).as(value).isEqualTo(parser.treeOrNull(output));
        }
        assertThat(treeOf(id, MARKED.replace("zq1x", "x")).at("/Item/id/S").textValue()).isEqualTo("a\"b x c");
    }

    @Test
    void aRenderThatIsNotOneStringThereIsLeftToTheFullReader() {
        MarkedString id = find(MARKED, "zq1x");

        assertThat(treeOf(id, MARKED.replace("zq1x", "\""))).as("the string ends early").isNull();
        assertThat(treeOf(id, MARKED.replace("zq1x", "\",\"TableName\":\"Other"))).as("a member added").isNull();
        assertThat(treeOf(id, MARKED.replace("zq1x", "\\"))).as("a broken escape").isNull();
        assertThat(treeOf(id, MARKED.replace("zq1x", "\n"))).as("a raw line break").isNull();
        assertThat(treeOf(id, MARKED.replace("zq1x", "x").replace("\"T\"", "\"U\""))).as("a change elsewhere").isNull();
        assertThat(treeOf(id, MARKED.replace("zq1x", "x").replace("5}", "6}"))).as("a change after it").isNull();
    }

    @Test
    void onlyAMarkerOnceInsideAStringValueIsSpliced() {
        assertThat(find(MARKED, "zq9x")).as("absent").isNull();
        assertThat(find("{\"a\": \"zq1x\", \"b\": \"zq1x\"}", "zq1x")).as("twice").isNull();
        assertThat(find("{\"zq1x\": \"v\"}", "zq1x")).as("a member name").isNull();
        assertThat(find("{\"a\" : \"zq1x\" , \"zq1\": 1}", "zq1x")).isNotNull();
        assertThat(find("{\"a\": \"\\u007Aq1x\", \"b\": \"zq1x\"}", "zq1x")).as("a second string spells it with an escape").isNull();
        JsonNode tree = parser.treeOrNull("{\"a\": [\"zq1x\"]}");
        assertThat(treeOf(MarkedString.find("{\"a\": [\"zq1x\"]}", tree, "zq1x", parser), "{\"a\": [\"\\\\\"]}"))
                .isEqualTo(parser.treeOrNull("{\"a\": [\"\\\\\"]}"));
    }

    @Test
    void theReferenceIsChangedOnlyForTheLengthOfTheCall() {
        JsonNode reference = parser.treeOrNull(MARKED);
        JsonNode before = reference.deepCopy();
        MarkedString id = MarkedString.find(MARKED, reference, "zq1x", parser);
        JsonNode value = id.valueIn(MARKED.replace("zq1x", "x"));

        assertThat(id.<String>with(value, tree -> tree.at("/Item/id/S").textValue())).isEqualTo("a\"b x c");
        assertThat(reference).isEqualTo(before);
        assertThatThrownBy(() -> id.with(value, tree -> {
            throw new IllegalStateException("a rule failed");
        })).hasMessage("a rule failed");
        assertThat(reference).isEqualTo(before);
        assertThat(reference.toString()).as("member order").isEqualTo(before.toString());

        JsonNode whole = parser.treeOrNull("\"zq1x\"");
        MarkedString root = MarkedString.find("\"zq1x\"", whole, "zq1x", parser);
        assertThat(treeOf(root, "\"\\\"\"")).isEqualTo(parser.treeOrNull("\"\\\"\""));
    }
}
