package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the parser and source map over generated documents and garbage, with a fixed budget (tries)
 * and seed so CI runs the same cases every time.
 */
class SourceMapProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());
    private static final List<String> TEMPLATE_CHARACTERS = List.of("a", "b", "$", "#", "{", "}", "(", ")", ":", ",", ".", "'", "\"",
            "\\", " ", "\t", "1", "é", "ß", "\uD83D\uDE00");

    private final DocumentParser parser = new DocumentParser();

    @Provide
    Arbitrary<List<String>> templateLines() {
        // whole code points: an emoji is two chars that must stay together
        Arbitrary<String> line = Arbitraries.of(TEMPLATE_CHARACTERS).list().ofMaxSize(24).map(parts -> String.join("", parts))
                .filter(s -> !s.isEmpty() && !Character.isWhitespace(s.charAt(0)) && !s.endsWith(" ") && !s.endsWith("\t"));
        return line.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300, seed = "20240611")
    void aJsonTemplateCharacterIsLocatedWhereItIsWritten(@ForAll("templateLines") List<String> lines,
            @ForAll @IntRange(min = 0, max = 5) int lineChoice, @ForAll @IntRange(min = 0, max = 30) int columnChoice) throws Exception {
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document(lines));
        assertLocated(parser.parse(text, SpecFormat.JSON), lines, lineChoice, columnChoice);
    }

    @Property(tries = 300, seed = "20240611")
    void aYamlTemplateCharacterIsLocatedWhereItIsWritten(@ForAll("templateLines") List<String> lines,
            @ForAll @IntRange(min = 0, max = 5) int lineChoice, @ForAll @IntRange(min = 0, max = 30) int columnChoice) throws Exception {
        String text = YAML.writeValueAsString(document(lines));
        assertLocated(parser.parse(text, SpecFormat.YAML), lines, lineChoice, columnChoice);
    }

    /** A definition-like document with the template a few levels down. */
    private static JsonNode document(List<String> lines) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("openapi", "3.0.1");
        root.putObject("paths").putObject("/a").putObject("get").putObject("x-amazon-apigateway-integration")
                .putObject("requestTemplates").put("application/json", String.join("\n", lines));
        return root;
    }

    private static void assertLocated(ParsedDocument doc, List<String> lines, int lineChoice, int columnChoice) {
        String pointer = "/paths/~1a/get/x-amazon-apigateway-integration/requestTemplates/application~1json";
        assertThat(doc.root().at(pointer).asText()).isEqualTo(String.join("\n", lines));
        int line = lineChoice % lines.size() + 1;
        String content = lines.get(line - 1);
        int column = columnChoice % content.length() + 1;
        TextPosition where = StringContentLocator.locate(doc, doc.sourceMap().valueStart(pointer), line, column);

        String written = doc.text().substring((int) where.offset());
        char wanted = content.charAt(column - 1);
        assertThat(written).as("template line %d column %d (%s) in%n%s", line, column, wanted, doc.text())
                .satisfiesAnyOf(w -> assertThat(w.charAt(0)).isEqualTo(wanted), w -> assertThat(w).startsWith(escapeOf(wanted)),
                        w -> assertThat(w).startsWith("\\" + wanted)); // YAML escapes a space at a line fold
        assertThat(doc.lines().positionOf(where.offset())).isEqualTo(where);
    }

    private static String escapeOf(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }

    @Property(tries = 500, seed = "20240611")
    void garbageIsASyntaxErrorWithAPositionNeverACrash(@ForAll("garbage") String text) {
        for (SpecFormat format : SpecFormat.values()) {
            try {
                ParsedDocument doc = parser.parse(text, format);
                assertThat(doc.root()).isNotNull();
            } catch (DocumentSyntaxException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                assertThat(e.position().line()).isPositive();
                assertThat(e.position().column()).isPositive();
            }
        }
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "'", "a", "1", "-", " ", "\n", "  ", "&x", "*x",
                "!tag", "? ", "|", ">", "#", "\\", "\t", "null", "%YAML 1.2", "---", "...", "\u0000", "\uD83D", "é", "~");
        return tokens.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Property(tries = 300, seed = "20240611")
    void locatingAnyLineAndColumnNeverFails(@ForAll("garbage") String value, @ForAll @IntRange(min = -2, max = 40) int line,
            @ForAll @IntRange(min = -2, max = 40) int column) throws Exception {
        for (SpecFormat format : SpecFormat.values()) {
            ObjectMapper writer = format == SpecFormat.JSON ? JSON : YAML;
            String text = writer.writeValueAsString(JsonNodeFactory.instance.objectNode().put("t", value));
            ParsedDocument doc = parser.parse(text, format);
            TextPosition where = StringContentLocator.locate(doc, doc.sourceMap().valueStart("/t"), line, column);
            assertThat(where.line()).isBetween(1, doc.lines().lineCount());
            assertThat(where.column()).isPositive();
        }
    }
}
