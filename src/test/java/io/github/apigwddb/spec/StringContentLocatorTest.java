package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringContentLocatorTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void mapsTemplateLinesInsideAJsonStringWithEscapes() throws Exception {
        String json = "{\n  \"t\": \"{\\n  \\\"id\\\": \\\"$x\\\"\\n}\"\n}";
        ParsedDocument doc = parser.parse(json, SpecFormat.JSON);
        assertThat(doc.root().get("t").asText()).isEqualTo("{\n  \"id\": \"$x\"\n}");
        TextPosition start = doc.sourceMap().valueStart("/t");

        TextPosition line2 = StringContentLocator.locate(doc, start, 2, 3);
        // template line 2 column 3 is the opening quote of "id": after `"{\n  ` in the file
        assertThat(line2.line()).isEqualTo(2);
        assertThat(json.substring((int) line2.offset(), (int) line2.offset() + 4)).isEqualTo("\\\"id");
    }

    @Test
    void mapsTemplateLinesOfAYamlBlockScalarToFileLines() throws Exception {
        String yaml = "a:\n  t: |\n    {\n      \"id\": 1\n    }\n";
        ParsedDocument doc = parser.parse(yaml, SpecFormat.YAML);
        TextPosition start = doc.sourceMap().valueStart("/a/t");
        TextPosition where = StringContentLocator.locate(doc, start, 2, 3);
        assertThat(where.line()).isEqualTo(4);
        assertThat(where.column()).isEqualTo(7);
    }

    @Test
    void mapsSingleQuotedYamlWithDoubledQuotes() throws Exception {
        String yaml = "t: 'it''s $x'\n";
        ParsedDocument doc = parser.parse(yaml, SpecFormat.YAML);
        TextPosition where = StringContentLocator.locate(doc, doc.sourceMap().valueStart("/t"), 1, 6);
        assertThat(yaml.charAt((int) where.offset())).isEqualTo('$');
    }

    @Test
    void followsYamlDoubleQuotedLinesJoinedByEscapedLineBreaks() throws Exception {
        // the corpus writes templates this way: "{\"a\": \<newline>   \"$x\"}"
        String yaml = "t: \"{\\\"a\\\": \\\n    \\\"$x\\\"}\"\n";
        ParsedDocument doc = parser.parse(yaml, SpecFormat.YAML);
        assertThat(doc.root().get("t").asText()).isEqualTo("{\"a\": \"$x\"}");
        TextPosition where = StringContentLocator.locate(doc, doc.sourceMap().valueStart("/t"), 1, 8);
        assertThat(where.line()).isEqualTo(2);
        assertThat(yaml.charAt((int) where.offset())).isEqualTo('$');
    }
}
