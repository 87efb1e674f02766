package io.github.apigwddb.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownReferencesTest {

    private final ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();

    private List<UnknownReference> unknown(String template) throws TemplateSyntaxException {
        return engine.compile("t", template).unknownReferences();
    }

    @Test
    void parameterMappingSyntaxInATemplateIsAnUndefinedVariable() throws Exception {
        assertThat(unknown("{\n  \"Key\": {\"Email\": {\"S\": \"$method.request.path.email\"}}\n}")).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo("$method.request.path.email");
            assertThat(r.variable()).isTrue();
            assertThat(r.problem()).contains("no #set or #foreach of this template defines it").contains("empty text")
                    .contains("$input.params('email')");
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.column()).isEqualTo(27);
        });
    }

    @Test
    void functionsApiGatewayLacksAreNamedWithTheNearestOneItHas() throws Exception {
        assertThat(unknown("#set($x = 1)$util.toJson($x) $util.escapeJavascript($x)")).extracting(UnknownReference::reference)
                .containsExactly("$util.toJson", "$util.escapeJavascript");
        assertThat(unknown("$util.escapeJavascript('a')").get(0).problem()).endsWith("Did you mean $util.escapeJavaScript?")
                .contains("AppSync");
        assertThat(unknown("$input.pathh('$.a') $input.param('id')")).extracting(UnknownReference::reference)
                .containsExactly("$input.pathh", "$input.param");
    }

    @Test
    void contextVariablesAreCaseSensitiveAtEveryDocumentedLevel() throws Exception {
        List<UnknownReference> found = unknown("""
                $context.requestID $context.identity.sourceIP
                #set($context.responseOverride.statusCode = 404)
                """);
        assertThat(found).extracting(UnknownReference::reference)
                .containsExactly("$context.requestID", "$context.identity.sourceIP", "$context.responseOverride.statusCode");
        assertThat(found).extracting(UnknownReference::problem).allSatisfy(p -> assertThat(p).contains("Did you mean"));
        assertThat(found.get(2).problem()).endsWith("Did you mean $context.responseOverride.status?");
        assertThat(found).noneMatch(UnknownReference::variable);
    }

    @Test
    void whatTheTemplateDefinesOrApiGatewayGivesIsKnown() throws Exception {
        assertThat(unknown("""
                #set($body = $input.path('$'))
                #foreach($item in $body.items)"$item.id"#if($foreach.hasNext),#end#end
                #if($body.x == $null)$context.authorizer.claims.email $context.authorizer.tenant_id#end
                #set($context.requestOverride.header.X-Trace = $context.requestId)
                #set($context.responseOverride.status = 201)
                $stageVariables.table $input.params().header.get('Host') $input.body $input.json('$')
                $context.identity.sourceIp $context.keySet() \\$notAVariable $util.escapeJavaScript($body.name)
                $later
                #set($later = 1)
                """)).isEmpty();
    }

    @Test
    void aMacroMayDefineAnythingSoOnlyMembersAreJudged() throws Exception {
        assertThat(unknown("#macro(m $a)$a#end#m(1) $fromMacro $util.toJson(1)")).extracting(UnknownReference::reference)
                .containsExactly("$util.toJson");
    }

    @Test
    void aReferenceAfterTwoBackslashesIsOneAndIsPointedAtItsDollar() throws Exception {
        assertThat(unknown("ab\\\\$typo")).singleElement().satisfies(r -> assertThat(r.column()).isEqualTo(5));
    }

    @Test
    void aNameIsReportedOnceAtItsFirstPlaceWithTabsCountedAsCharacters() throws Exception {
        assertThat(unknown("\t$tableName\n$tableName")).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.column()).isEqualTo(2);
        });
    }
}
