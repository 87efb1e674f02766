package io.github.apigwddb.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.RenderResult;
import io.github.apigwddb.vtl.TemplateInput;
import io.github.apigwddb.vtl.TemplateSyntaxException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the template engine wrapper and the probe over generated templates and client values, with
 * fixed tries and seeds: untrusted templates never crash the wrapper, and the escaping the SEC rules
 * recommend really round-trips every string.
 */
class TemplateEngineProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    // no DEL (U+007F): json-smart, which reads bodies for $input.path as on AWS, drops it after an escaped character
    private static final List<String> VALUE_CHARACTERS = List.of("a", "Z", "0", " ", "\"", "'", "\\", "/", "\n", "\r", "\t", "\u0001",
            "\u001f", "é", "\u2028", "\uD83D\uDE00", "$", "#", "{", "}", "\\'", "\\u0041");
    private static final String FULLY_ESCAPED = "{\"TableName\": \"T\", \"Item\": {\"v\": {\"S\": "
            + "\"$util.escapeJavaScript($input.path('$.v')).replaceAll(\"\\\\'\",\"'\")\"}}}";

    private final ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();
    private final InjectionProbe probe = new InjectionProbe(engine);

    @Provide
    Arbitrary<String> clientValues() {
        return Arbitraries.of(VALUE_CHARACTERS).list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    @Property(tries = 300, seed = "20240611")
    void escapeJavaScriptWithReplaceAllRoundTripsEveryString(@ForAll("clientValues") String value) throws Exception {
        CompiledTemplate template = engine.compile("escaped", FULLY_ESCAPED);
        String body = JSON.writeValueAsString(Map.of("v", value));

        RenderResult result = engine.render(template, TemplateInput.ofBody(body));

        assertThat(result.ok()).as("%s", result.problem()).isTrue();
        assertThat(JSON.readTree(result.output()).at("/Item/v/S").textValue()).isEqualTo(value);
    }

    @Property(tries = 100, seed = "20240611")
    void theProbeFindsNothingInTheFullyEscapedTemplateWhateverTheExample(@ForAll("clientValues") String value) throws Exception {
        CompiledTemplate template = engine.compile("escaped", FULLY_ESCAPED);
        String body = JSON.writeValueAsString(Map.of("v", value.isEmpty() ? "x" : value));
        assertThat(probe.probe(template, TemplateInput.ofBody(body), "PutItem")).isEmpty();
    }

    @Provide
    Arbitrary<String> templates() {
        Arbitrary<String> fragment = Arbitraries.of("{", "}", "\"", "'", "(", ")", "[", "]", " ", "\n", ",", ":", "x", "1",
                "$input.path('$.v')", "$input.json('$')", "$input.params('id')", "$input.body", "$util.escapeJavaScript(",
                "$util.parseJson(", "$util.urlDecode(", "$context.requestId", "$context.authorizer.claims.sub", "$stageVariables.t",
                "#set($a = ", "#if(", "#else", "#elseif(", "#end", "#foreach($i in ", "$foreach.hasNext", "#break", "#stop",
                "$a", "$!a", "${a}", "$a.get(", ".size()", ".getClass()", ".class.forName(", "#macro(m)", "#m()", "#include(",
                "#parse(", "#evaluate(", "#define($d)", "##", "#*", "*#", "\\", "$", "#", "\"\"\"", "1..1000");
        return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 400, seed = "20240611")
    void anyTemplateCompilesOrIsASyntaxErrorAndRendersOrIsAProblem(@ForAll("templates") String text,
            @ForAll("clientValues") String value) throws Exception {
        TemplateInput input = new TemplateInput(JSON.writeValueAsString(Map.of("v", value)), Map.of("id", value), Map.of("q", value),
                Map.of("H", "h"), Map.of("t", "Table"), Map.of("authorizer", Map.of("claims", Map.of("sub", value))));
        CompiledTemplate template;
        try {
            template = engine.compile("generated", text);
        } catch (TemplateSyntaxException e) {
            assertThat(e.line()).isNotNegative();
            assertThat(e.column()).isNotNegative();
            return;
        }
        RenderResult first = engine.render(template, input);
        RenderResult second = engine.render(template, input);
        assertThat(first.ok() ? first.output() : String.valueOf(first.problem().kind()))
                .isEqualTo(second.ok() ? second.output() : String.valueOf(second.problem().kind()));
        if (!first.ok()) {
            assertThat(first.problem().message()).isNotBlank();
        }
        // the probe never throws either, whatever the template does
        assertThat(probe.probe(template, input, "PutItem")).isNotNull();
    }
}
