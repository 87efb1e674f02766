package io.github.apigwddb.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A render that fails inside a method call names that call's position, also when the method was called before. */
class MethodCallPositionTest {

    private final ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();
    private final String body = "{\"a\": \"q\", \"big\": \"" + "x".repeat(100_000) + "\"}";

    @Test
    void theSecondCallSiteOfAMethodIsNamedWhenItFails() throws TemplateSyntaxException {
        String template = "#set($r = \"" + "y".repeat(200) + "\")\n"
                + "{\"a\": \"$input.path('$.a').replaceAll('q', 'z')\",\n"
                + "\n"
                + " \"b\": \"$input.path('$.big').replaceAll('q', $r)\"}";

        RenderProblem problem = engine.render(engine.compile("t", template), TemplateInput.ofBody(body)).problem();

        assertThat(problem.kind()).isEqualTo(RenderProblem.Kind.LIMIT);
        assertThat(problem.message()).contains("replaceAll()");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(29);
    }

    @Test
    void theFirstCallSiteIsNamedWhenItIsTheOneThatFails() throws TemplateSyntaxException {
        String template = "#set($r = \"" + "y".repeat(200) + "\")\n"
                + "{\"b\": \"$input.path('$.big').replaceAll('q', $r)\",\n"
                + " \"a\": \"$input.path('$.a').replaceAll('q', 'z')\"}";

        RenderProblem problem = engine.render(engine.compile("t", template), TemplateInput.ofBody(body)).problem();

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(29);
    }

    @Test
    void aRenderAfterAFailedOneStartsFromItsOwnCallSites() throws TemplateSyntaxException {
        String template = "{\"a\": \"$input.path('$.a').replaceAll('q', 'z')\"}";
        CompiledTemplate compiled = engine.compile("t", template);

        assertThat(engine.render(compiled, TemplateInput.ofBody("{\"a\": \"q\"}")).output()).isEqualTo("{\"a\": \"z\"}");
        assertThat(engine.render(compiled, TemplateInput.ofBody("{\"a\": \"qq\"}")).output()).isEqualTo("{\"a\": \"zz\"}");
    }

    @Test
    void theOutputLimitIsReportedWhereTheOutputGrewPastItNotAtAnEarlierCallOfTheSameMethod() throws TemplateSyntaxException {
        ApiGatewayTemplateEngine small = new ApiGatewayTemplateEngine(
                new TemplateLimits(1000, 300 * 1024, 20, java.time.Duration.ofSeconds(2), 20));
        String template = "#set($s = \"0123456789\")\n$s.trim()\n$s.trim()\n";

        RenderProblem problem = small.render(small.compile("t", template), TemplateInput.ofBody("{}")).problem();

        assertThat(problem.kind()).isEqualTo(RenderProblem.Kind.LIMIT);
        assertThat(problem.line()).as("the second trim() pushes the output past 20 characters").isEqualTo(3);
    }
}
