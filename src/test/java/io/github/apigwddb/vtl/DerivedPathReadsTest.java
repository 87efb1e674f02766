package io.github.apigwddb.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Reads of an {@code $input.path} value through variables and after the call, as the JSONPaths they stand for. */
class DerivedPathReadsTest {

    private final ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();

    private CompiledTemplate compile(String template) throws TemplateSyntaxException {
        return engine.compile("t", template);
    }

    @Test
    void loopVariablesSetVariablesAndStepsAfterTheCallBecomePaths() throws TemplateSyntaxException {
        CompiledTemplate template = compile("""
                #set($item = $input.path('$.Item'))
                #set($reasons = $input.path("$.CancellationReasons"))
                #foreach($r in $reasons)"$r.Code": $r.Item.get('n').N.length()#end
                "$item.name.S", $input.path('$.Item').tags.L[0].S
                #foreach($t in $item.tags.L)$t.S#end""");

        assertThat(template.derivedPathReads()).extracting(DerivedPathRead::reference, DerivedPathRead::jsonPath, DerivedPathRead::origin,
                DerivedPathRead::line).containsExactly(
                        tuple("$r.Code", "$.CancellationReasons[*].Code", "$.CancellationReasons", 3),
                        tuple("$r.Item.get('n').N", "$.CancellationReasons[*].Item['n'].N", "$.CancellationReasons", 3),
                        tuple("$item.name.S", "$.Item.name.S", "$.Item", 4),
                        tuple("$input.path('$.Item').tags.L[0].S", "$.Item.tags.L[0].S", "$.Item", 4),
                        tuple("$item.tags.L", "$.Item.tags.L", "$.Item", 5),
                        tuple("$t.S", "$.Item.tags.L[*].S", "$.Item", 5));
        assertThat(template.derivedPathReads().get(0).column()).isEqualTo("#foreach($r in $reasons)\"".length() + 1);
    }

    @Test
    void whatIsNotSureWithoutRunningIsNotFollowed() throws TemplateSyntaxException {
        CompiledTemplate template = compile("""
                #if($input.path('$.Item') != "")#set($v = $input.path('$.Item'))#else#set($v = $input.path('$.Attributes'))#end$v.name.S
                #set($w = $input.path('$.Items').get($i))$w.name.S
                #set($m = $input.path('$.Item'))#set($m.extra = 1)$m.name.S
                #set($s = $input.json('$.Item'))$s.name
                #set($e = $input.path('$.Items'))$e.empty $e.size() $input.path('$.Item').name.S.blank
                #foreach($x in $input.path('$.Items[*]'))$x.url.S#end""");

        assertThat(template.derivedPathReads()).extracting(DerivedPathRead::jsonPath).containsExactly("$.Item.name.S"); // up to .blank, a Java bean property of the string
    }

    @Test
    void aMacroMayAssignAnything() throws TemplateSyntaxException {
        CompiledTemplate template = compile("#macro(m $x)#end#set($item = $input.path('$.Item'))$item.name.S");

        assertThat(template.derivedPathReads()).isEmpty();
    }
}
