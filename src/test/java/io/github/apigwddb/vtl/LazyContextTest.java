package io.github.apigwddb.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** $context is built only when a template reads it; every way of reaching it must see the same variable. */
class LazyContextTest {

    private static final ApiGatewayTemplateEngine ENGINE = new ApiGatewayTemplateEngine();
    private static final TemplateInput INPUT = new TemplateInput("{}", Map.of("id", "7"), null, null, null,
            Map.of("authorizer", Map.of("principalId", "u1")));

    private static RenderResult render(String template) throws TemplateSyntaxException {
        return ENGINE.render(ENGINE.compile("t", template), INPUT);
    }

    @Test
    void aTemplateThatNeverReadsContextHasNoOverrides() throws Exception {
        RenderResult result = render("{\"id\": \"$input.params('id')\"}");

        assertThat(result.output()).isEqualTo("{\"id\": \"7\"}");
        assertThat(result.overrides()).isEqualTo(Overrides.none());
    }

    @Test
    void readsDefaultsAndExampleValues() throws Exception {
        assertThat(render("$context.requestId $context.authorizer.principalId $context.identity.sourceIp").output())
                .isEqualTo("11111111-2222-4333-8444-555555555555 u1 192.0.2.1");
    }

    @Test
    void keepsOverridesSetThroughContext() throws Exception {
        RenderResult result = render("#set($context.responseOverride.status = 404)#set($context.requestOverride.header.X = 'y')ok");

        assertThat(result.overrides().responseStatus()).isEqualTo(404);
        assertThat(result.overrides().requestHeaders()).containsExactly(Map.entry("X", "y"));
    }

    @Test
    void aContextReplacedBeforeItIsReadStaysReplaced() throws Exception {
        RenderResult result = render("#set($context = 'mine')$context");

        assertThat(result.output()).isEqualTo("mine");
        assertThat(result.overrides()).isEqualTo(Overrides.none());
    }

    @Test
    void isReachableFromMacrosAndLoops() throws Exception {
        assertThat(render("#macro(stage)$context.stage#end#stage()#foreach($i in [1])-$context.httpMethod#end").output())
                .isEqualTo("test-POST");
    }

    @Test
    void aDuplicateOverrideIsStillReported() throws Exception {
        RenderResult result = render("#set($context.responseOverride.status = 400)#set($context.responseOverride.status = 401)");

        assertThat(result.ok()).isFalse();
        assertThat(result.problem().kind()).isEqualTo(RenderProblem.Kind.OVERRIDE);
    }
}
