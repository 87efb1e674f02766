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
    void mapsPositionsOfAFoldedBlockScalarThroughItsFolding() throws Exception {
        // as in Fn::Sub: > templates: lines at the block's indentation are joined with spaces, more-indented ones keep
        // their line breaks, an empty line is a line break
        String yaml = "a:\n  t: >\n    #set($x = 1)\n    {\n        \"id\": \"$input.params('id')\",\n        \"n\": 2\n    }\n\n    end\n";
        ParsedDocument doc = parser.parse(yaml, SpecFormat.YAML);
        String value = doc.root().get("a").get("t").asText();
        assertThat(value).isEqualTo("#set($x = 1) {\n    \"id\": \"$input.params('id')\",\n    \"n\": 2\n}\nend\n");
        TextPosition start = doc.sourceMap().valueStart("/a/t");

        // content line 1 holds the first two file lines: "{" is its column 14, on file line 4
        TextPosition brace = StringContentLocator.locate(doc, start, 1, 14);
        assertThat(brace.line()).isEqualTo(4);
        assertThat(yaml.charAt((int) brace.offset())).isEqualTo('{');
        // the read on content line 2, column 12, is on file line 5
        int read = value.split("\n")[1].indexOf("$input") + 1;
        TextPosition at = StringContentLocator.locate(doc, start, 2, read);
        assertThat(at.line()).isEqualTo(5);
        assertThat(yaml.substring((int) at.offset())).startsWith("$input.params('id')");
        // after the empty line, "end" is content line 5
        assertThat(StringContentLocator.locate(doc, start, 5, 1).line()).isEqualTo(9);
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
