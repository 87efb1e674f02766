package io.github.apigwddb.vtl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import io.github.apigwddb.vtl.TemplateInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Short literal regexes run without the deadline view; anything that could backtrack keeps it. */
class ShortLiteralRegexTest {

    @ParameterizedTest
    @ValueSource(strings = {"\\'", "\\\"", "\\\\", "abc", "a-b", "", " ", "\\.", "x\\/y"})
    void literals(String regex) {
        assertThat(SandboxUberspector.isShortLiteral(regex)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+", "(a)", "a|b", "[ab]", "a{2}", ".", "^a", "a$", "a?", "a*", "\\d", "\\Q", "\\1", "\\",
        "é", "aaaaaaaaaaaaaaaaa"})
    void notLiterals(String regex) {
        assertThat(SandboxUberspector.isShortLiteral(regex)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\'", "(a+)+b", "o", "\\\\.", ""})
    void rendersAsJavaDoes(String regex) throws Exception {
        ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();
        String text = "it's o'clock. a\\b (aaa)";
        String template = "#set($r = $input.params('r'))$input.params('t').replaceAll($r, '-')|$input.params('t').matches($r)"
                + "|$input.params('t').split($r).size()";
        var input = new TemplateInput(null, java.util.Map.of("r", regex, "t", text), null, null, null, null);

        assertThat(engine.render(engine.compile("t", template), input).output())
                .isEqualTo(text.replaceAll(regex, "-") + "|" + text.matches(regex) + "|" + text.split(regex).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\'", "\\\"", "\\\\", "o", "a-b", "\\.", "x\\/y", "' ", "oo"})
    void aLiteralRegexReplacesAsTheRegexDoes(String regex) throws Exception {
        ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();
        String text = "it's o'clock. a\\b \"x/y\" a-b ooo";
        for (String replacement : new String[] {"-", "", "'", "\\\\'", "$0"}) {
            var input = new TemplateInput(null, java.util.Map.of("r", regex, "t", text, "w", replacement), null, null, null, null);
            String template = "$input.params('t').replaceAll($input.params('r'), $input.params('w'))";
            assertThat(engine.render(engine.compile("t", template), input).output())
                    .as("%s -> %s", regex, replacement).isEqualTo(text.replaceAll(regex, replacement));
        }
    }
}
