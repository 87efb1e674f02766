package io.github.apigwddb.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void jsonStaysOnOneLineWhereItFitsAndKeepsExactNumbers() {
        assertThat(Text.prettyJson("{\"TableName\":\"T\",\"Key\":{\"id\":{\"S\":\"1\"}},\"Limit\":1.50}"))
                .isEqualTo("{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"1\"}}, \"Limit\": 1.50}");
        String wide = "{\"a\": \"" + "x".repeat(60) + "\", \"b\": {\"S\": \"y\"}}";
        assertThat(Text.prettyJson(wide)).isEqualTo("{\n  \"a\": \"" + "x".repeat(60) + "\",\n  \"b\": {\"S\": \"y\"}\n}");
    }

    @Test
    void textThatIsNotJsonIsShownAsRendered() {
        assertThat(Text.prettyJson("{\"a\": 1,}\n\n")).isEqualTo("{\"a\": 1,}");
        assertThat(Text.prettyJson("{\"a\": 1} trailing")).isEqualTo("{\"a\": 1} trailing");
        assertThat(Text.prettyJson(null)).isNull();
    }

    @Test
    void htmlEscapesMarkupQuotesAndControlCharacters() {
        assertThat(Text.html("<a href=\"x\">'&'\u0001</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;\uFFFD&lt;/a&gt;");
    }

    @Test
    void slugsAreAnchorSafe() {
        assertThat(Text.slug("op-GET__widgets_{id}")).isEqualTo("op-get-widgets-id");
        assertThat(Text.slug("---")).isEqualTo("x");
    }

    @Test
    void markdownEscapesPunctuationAndFencesCodeWithBackticks() {
        assertThat(MarkdownDocsWriter.text("a_b *c* <d> [e] | #f & g")).isEqualTo("a\\_b \\*c\\* \\<d\\> \\[e\\] \\| \\#f &amp; g");
        assertThat(MarkdownDocsWriter.code("x`y")).isEqualTo("``x`y``");
        assertThat(MarkdownDocsWriter.code("`edge`")).isEqualTo("`` `edge` ``");
    }
}
