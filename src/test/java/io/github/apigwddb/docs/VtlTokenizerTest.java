package io.github.apigwddb.docs;

import static io.github.apigwddb.docs.VtlTokenizer.Kind.COMMENT;
import static io.github.apigwddb.docs.VtlTokenizer.Kind.DIRECTIVE;
import static io.github.apigwddb.docs.VtlTokenizer.Kind.REFERENCE;
import static io.github.apigwddb.docs.VtlTokenizer.Kind.STRING;
import static io.github.apigwddb.docs.VtlTokenizer.Kind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.docs.VtlTokenizer.Token;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VtlTokenizerTest {

    @Test
    void directivesReferencesAndStringsInCode() {
        assertThat(VtlTokenizer.tokenize("#set($body = $input.path('$'))")).containsExactly(
                new Token(DIRECTIVE, "#set"), new Token(TEXT, "("), new Token(REFERENCE, "$body"), new Token(TEXT, " = "),
                new Token(REFERENCE, "$input.path"), new Token(TEXT, "("), new Token(STRING, "'$'"), new Token(TEXT, "))"));
    }

    @Test
    void outputTextQuotesAreNotStringsButReferencesInsideThemAre() {
        assertThat(VtlTokenizer.tokenize("\"TableName\": \"$stageVariables.table\"")).containsExactly(
                new Token(TEXT, "\"TableName\": \""), new Token(REFERENCE, "$stageVariables.table"), new Token(TEXT, "\""));
    }

    @Test
    void methodChainsContinueAfterArguments() {
        assertThat(VtlTokenizer.tokenize("$util.escapeJavaScript($body.id).replaceAll(\"\\\\'\", \"'\")")).containsExactly(
                new Token(REFERENCE, "$util.escapeJavaScript"), new Token(TEXT, "("), new Token(REFERENCE, "$body.id"),
                new Token(TEXT, ")"), new Token(REFERENCE, ".replaceAll"), new Token(TEXT, "("), new Token(STRING, "\"\\\\'\""),
                new Token(TEXT, ", "), new Token(STRING, "\"'\""), new Token(TEXT, ")"));
    }

    @Test
    void expressionPlaceholdersAreNotDirectives() {
        assertThat(VtlTokenizer.tokenize("\"#owner = :owner\" #end #{else}")).containsExactly(
                new Token(TEXT, "\"#owner = :owner\" "), new Token(DIRECTIVE, "#end"), new Token(TEXT, " "), new Token(DIRECTIVE, "#{else}"));
        assertThat(VtlTokenizer.tokenize("#ending")).containsExactly(new Token(TEXT, "#ending"));
    }

    @Test
    void commentsAndEscapes() {
        assertThat(VtlTokenizer.tokenize("## note\n#* block *#\\$notRef $!{quiet}")).containsExactly(
                new Token(COMMENT, "## note"), new Token(TEXT, "\n"), new Token(COMMENT, "#* block *#"),
                new Token(TEXT, "\\$notRef "), new Token(REFERENCE, "$!{quiet}"));
    }

    @Test
    void interpolatedStringsShowTheirReferences() {
        assertThat(VtlTokenizer.tokenize("#if($a == \"x$b.c\")")).containsExactly(
                new Token(DIRECTIVE, "#if"), new Token(TEXT, "("), new Token(REFERENCE, "$a"), new Token(TEXT, " == "),
                new Token(STRING, "\"x"), new Token(REFERENCE, "$b.c"), new Token(STRING, "\""), new Token(TEXT, ")"));
    }

    @Test
    void bracketsNestedBeyondAnyTemplateAreTextNotAStackOverflow() {
        for (String open : new String[] {"(", "$a("}) {
            String template = "#set($x = " + open.repeat(20_000) + "1" + ")".repeat(20_000) + ") $after";
            List<Token> tokens = VtlTokenizer.tokenize(template);
            assertThat(tokens.stream().map(Token::text).collect(Collectors.joining())).isEqualTo(template);
            assertThat(tokens.get(tokens.size() - 1)).as("the rest is text").isEqualTo(new Token(TEXT, template.substring(
                    template.length() - tokens.get(tokens.size() - 1).text().length())));
        }
        String shallow = "#set($x = " + "(".repeat(VtlTokenizer.MAX_CODE_DEPTH - 1) + "$a" + ")".repeat(VtlTokenizer.MAX_CODE_DEPTH) + ")";
        assertThat(VtlTokenizer.tokenize(shallow)).as("a depth within the bound is still highlighted").contains(new Token(REFERENCE, "$a"));
    }

    @Test
    void anyInputJoinsBackToItselfWithoutEmptyTokens() {
        String alphabet = "#$!{}()[]\"'.\\ *\nabset(if)end";
        Random random = new Random(7);
        for (int run = 0; run < 2000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            List<Token> tokens = VtlTokenizer.tokenize(text.toString());
            assertThat(tokens.stream().map(Token::text).collect(Collectors.joining())).isEqualTo(text.toString());
            assertThat(tokens).noneMatch(t -> t.text().isEmpty());
        }
    }

    @Test
    void highlightedHtmlEscapesEverything() {
        assertThat(HtmlDocsWriter.highlight("<b>$x & \"#if\"</b>"))
                .isEqualTo("&lt;b&gt;<span class=\"r\">$x</span> &amp; &quot;<span class=\"d\">#if</span>&quot;&lt;/b&gt;");
    }
}
