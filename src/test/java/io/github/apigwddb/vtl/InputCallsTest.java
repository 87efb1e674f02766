package io.github.apigwddb.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code $input} reads a template makes, found in its syntax tree, and where it writes each value. */
class InputCallsTest {

    private final ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();

    private CompiledTemplate compile(String template) throws TemplateSyntaxException {
        return engine.compile("t", template);
    }

    @Test
    void bodyReadsKnowTheMemberAndWhetherTheValueIsQuoted() throws TemplateSyntaxException {
        CompiledTemplate template = compile("{\"TableName\":\"T\",\"Item\":{\"id\":{\"S\":\"$input.path('$.id')\"},"
                + "\"n\":{\"N\": $input.json('$.count')}, \"tag\": {\"S\": \"t-$input.path('$.tag')\"}}}");

        assertThat(template.inputPathCalls()).extracting(InputPathCall::method, InputPathCall::jsonPath, InputPathCall::slot)
                .containsExactly(
                        tuple("path", "$.id", new OutputSlot("S", true)),
                        tuple("json", "$.count", new OutputSlot("N", false)),
                        // after other text inside the string: not the value's start
                        tuple("path", "$.tag", OutputSlot.UNKNOWN));
    }

    @Test
    void wholeParameterMapsAreReadsOfEveryParameterOfTheirLocation() throws TemplateSyntaxException {
        CompiledTemplate template = compile("""
                #set($all = $input.params())
                {"h": "$input.params().get('header')",
                 #foreach($q in $input.params().querystring.keySet())"$q": "$input.params().querystring.get($q)",#end
                 "one": "$input.params().header.get('X-Env')", "id": "$input.params('id')"}""");

        assertThat(template.paramMapReads()).extracting(ParamMapRead::location, ParamMapRead::line)
                .containsExactly(tuple(null, 1), tuple("header", 2), tuple("querystring", 3), tuple("querystring", 3));
        // a read of one parameter by name is none
        assertThat(template.inputParamCalls()).extracting(InputParamCall::name).containsExactly("X-Env", "id");
    }

    @Test
    void aCallInsideAnEscapeHasTheSlotOfTheEscape() throws TemplateSyntaxException {
        CompiledTemplate template = compile("{\"n\": {\"N\": \"$util.escapeJavaScript($input.path('$.n')).replaceAll(\"\\\\'\", \"'\")\"}}");

        assertThat(template.inputPathCalls()).extracting(InputPathCall::slot).containsExactly(new OutputSlot("N", true));
    }

    @Test
    void callsInSetOrConditionsHaveNoSlotButABranchStartsAfterTheTextBeforeTheIf() throws TemplateSyntaxException {
        CompiledTemplate template = compile("""
                #set($n = $input.path('$.a'))
                {"N": "#if($input.path('$.b') != "")$input.path('$.c')#else$input.path('$.d')#end", "x": $input.json('$.e')}""");

        assertThat(template.inputPathCalls()).extracting(InputPathCall::jsonPath, InputPathCall::slot).containsExactly(
                tuple("$.a", OutputSlot.UNKNOWN),
                tuple("$.b", OutputSlot.UNKNOWN),
                tuple("$.c", new OutputSlot("N", true)),
                tuple("$.d", new OutputSlot("N", true)),
                // what the #if wrote is unknown, but the text after it names the member again
                tuple("$.e", new OutputSlot("x", false)));
    }

    @Test
    void parameterReadsInEveryFormWithTheirLocation() throws TemplateSyntaxException {
        CompiledTemplate template = compile("""
                {"a": "$input.params('q')",
                 "b": "$input.params().header.get('X-App-Env')",
                 "c": "$input.params().path.linkId",
                 "d": $input.params().get('querystring').get('limit'),
                 "e": "$input.params().get('stageVariables').get('x')$input.params().header.keySet()"}""");

        List<InputParamCall> calls = template.inputParamCalls();

        assertThat(calls).extracting(InputParamCall::location, InputParamCall::name, InputParamCall::slot).containsExactly(
                tuple(null, "q", new OutputSlot("a", true)),
                tuple("header", "X-App-Env", new OutputSlot("b", true)),
                tuple("path", "linkId", new OutputSlot("c", true)),
                tuple("querystring", "limit", new OutputSlot("d", false)));
        assertThat(calls.get(1).line()).isEqualTo(2);
        assertThat(calls.get(1).column()).isEqualTo(8);
    }

    @Test
    void aNameInsideAStringValueIsNoMember() {
        assertThat(OutputSlot.after("{\"S\": \"")).isEqualTo(new OutputSlot("S", true));
        assertThat(OutputSlot.after("\"x\": \"text \\\"N\": \"")).isEqualTo(OutputSlot.UNKNOWN);
        assertThat(OutputSlot.after("{\"a\\\"b\" :\n ")).isEqualTo(new OutputSlot("a\\\"b", false));
        // after a directive the known text starts at the name: a member too (#end then "Limit": on its own line)
        assertThat(OutputSlot.after("\n  \"Limit\": ")).isEqualTo(new OutputSlot("Limit", false));
        assertThat(OutputSlot.after("[")).isEqualTo(OutputSlot.UNKNOWN);
        assertThat(OutputSlot.after("")).isEqualTo(OutputSlot.UNKNOWN);
    }

    @Test
    void contextReadsKnowTheLiteralPathAndWhereTheyAre() throws TemplateSyntaxException {
        CompiledTemplate template = compile("{\"a\": \"$context.identity.userAgent\",\n"
                + "#set($c = $context.authorizer.claims.get('email'))\"b\": \"${context.requestId}\", \"c\": \"$util.escapeJavaScript($context.authorizer.claims['sub'])\",\n"
                + "\"d\": \"$context.get($name)\"}");

        assertThat(template.contextReads()).extracting(ContextRead::path, ContextRead::line, ContextRead::column)
                .containsExactly(
                        tuple("identity.userAgent", 1, 8),
                        tuple("authorizer.claims.email", 2, 11),
                        tuple("requestId", 2, 57),
                        tuple("authorizer.claims.sub", 2, 109), // an index with a literal is a step too
                        tuple("", 3, 7));
        assertThat(template.contextReads().get(0).mayRead("identity.userAgent")).isTrue();
        assertThat(template.contextReads().get(3).mayRead("authorizer.claims.sub")).isTrue();
        assertThat(template.contextReads().get(4).mayRead("identity.userAgent")).isTrue();
        assertThat(template.contextReads().get(2).mayRead("identity.userAgent")).isFalse();
    }

    @Test
    void aReadInsideADecodingCallIsMarkedDecoded() throws TemplateSyntaxException {
        CompiledTemplate template = compile("{\"a\": \"$util.escapeJavaScript($util.urlDecode($input.params('q')))\","
                + " \"b\": \"$util.urlDecode($util.escapeJavaScript($input.path('$.b')))\", \"c\": \"$input.params('c')\"}");

        assertThat(template.inputParamCalls()).extracting(InputParamCall::name, InputParamCall::decoded)
                .containsExactly(tuple("q", true), tuple("c", false));
        assertThat(template.inputPathCalls()).extracting(InputPathCall::decoded).containsExactly(true);
    }

    @Test
    void branchReadsAreWhatConditionsComputedLoopsAndMacrosMayLookAt() throws TemplateSyntaxException {
        String json = "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"$input.params('id')\"}}}";
        assertThat(compile(json).branchReads()).isEqualTo(BranchReads.NONE);
        assertThat(compile("{\"ProjectionExpression\": \"#n\", \"ExpressionAttributeNames\": {\"#n\": \"name\"}}").branchReads())
                .as("#n is no directive: Velocity writes it out").isEqualTo(BranchReads.NONE);
        assertThat(compile("#set($b = $input.path('$'))[#foreach($t in $b.tags)\"$t\"#if($foreach.hasNext),#end#end]").branchReads())
                .as("a plain list, and a condition on the loop only").isEqualTo(BranchReads.NONE);
        assertThat(compile("[#foreach($t in $input.path('$.tags'))\"$t\"#end]#foreach($i in [1..3])$i#end").branchReads())
                .isEqualTo(BranchReads.NONE);

        BranchReads limit = compile("#if($input.params('limit') != \"\" && $util.escapeJavaScript($input.path('$.a.b')) == 'x'"
                + " && $context.identity.userAgent)1#end" + json).branchReads();
        assertThat(limit).isEqualTo(new BranchReads(false, Set.of("limit"), Set.of("$['a']['b']"), Set.of("identity.userAgent")));
        assertThat(limit.mayReadParameter("id")).isFalse();
        assertThat(limit.mayReadBody("$.a")).isTrue();
        assertThat(limit.mayReadBody("$.c")).isFalse();
        assertThat(limit.mayReadContext("identity.userAgent")).isTrue();

        assertThat(compile("#foreach($c in $input.params('id').split(''))$c#end").branchReads())
                .as("a loop over a list computed from the value").isEqualTo(new BranchReads(false, Set.of("id"), Set.of(), Set.of()));
        assertThat(compile("#set($s = $input.params('id').substring(0, 2))$util.escapeJavaScript($input.params('q'))").branchReads())
                .as("a call that fails for a short value").isEqualTo(new BranchReads(false, Set.of("id"), Set.of(), Set.of()));
        assertThat(compile("#set($o = $util.parseJson($input.path('$.raw')))").branchReads())
                .isEqualTo(new BranchReads(false, Set.of(), Set.of("$['raw']"), Set.of()));
        assertThat(compile("#set($v = $input.params('id'))$v.charAt(3)").branchReads().anything()).isTrue();
        for (String steeredByAnything : List.of(
                "#set($id = $input.params('id'))#if($id.contains('\"'))x#end",
                "#if(true)a#elseif($input.body == 'b')b#end",
                "#if(\"$foreach\" == 'x')a#end",
                "#macro(m $v)$v#end#m($input.params('id'))")) {
            assertThat(compile(steeredByAnything + json).branchReads().anything()).as(steeredByAnything).isTrue();
        }
    }

    @Test
    void columnsCountCharactersWhereTheParserMovesTabsToTheNextMultipleOfEight() throws TemplateSyntaxException {
        CompiledTemplate template = compile("{\n\t\t\"a\": \"$input.params('a')\",\n12345678\t\"b\": \"$input.path('$.b')\","
                + " \"c\": \"$context.identity.userAgent\"}");

        assertThat(template.inputParamCalls()).extracting(InputParamCall::line, InputParamCall::column).containsExactly(tuple(2, 9));
        assertThat(template.inputPathCalls()).extracting(InputPathCall::line, InputPathCall::column).containsExactly(tuple(3, 16));
        assertThat(template.contextReads()).extracting(ContextRead::column).containsExactly(43);
    }

    @Test
    void stageVariablesReadByLiteralNameInEverySpelling() throws TemplateSyntaxException {
        CompiledTemplate template = compile("{\"a\": \"$stageVariables.table\", \"b\": \"${stageVariables.prefix}\",\n"
                + " \"c\": \"$stageVariables['region']\", \"d\": \"$stageVariables.get('env')\", \"e\": \"$stageVariables.get($k)\"}");

        assertThat(template.stageVariableReads()).extracting(StageVariableRead::name, StageVariableRead::line)
                .containsExactly(tuple("table", 1), tuple("prefix", 1), tuple("region", 2), tuple("env", 2));
        assertThat(template.stageVariableReads().get(0).column()).isEqualTo(8);
    }

    @Test
    void aStageVariableAConditionTestsSteersNoClientValue() throws TemplateSyntaxException {
        CompiledTemplate template = compile("#if($stageVariables.prefix)$stageVariables.prefix-#end{\"a\": \"$input.path('$.a')\"}");

        assertThat(template.branchReads().anything()).isFalse();
        assertThat(template.stageVariableReads()).extracting(StageVariableRead::name).contains("prefix");
    }

    @Test
    void attributesReadThroughVariablesAreTheItemsOwnOfEveryType() throws TemplateSyntaxException {
        CompiledTemplate template = compile("#set($item = $input.path('$.Item'))$item.name.S $item.price.N $item.deleted.BOOL"
                + " $item.address.M.city.S $foreach.index.N #foreach($e in $item.entrySet())$e.value.S#end $root.Item.title.S");

        assertThat(template.attributeReads()).extracting(TypedAttributeRead::name, TypedAttributeRead::type)
                .containsExactly(tuple("name", "S"), tuple("price", "N"), tuple("deleted", "BOOL"), tuple("address", "M"), tuple("title", "S"));
    }

    /** $input.json, $input.body and a parameter are text: a loop over them never runs (message-to-fix trial v32). */
    @Test
    void loopsOverTextAreFoundAndLoopsOverListsAreNot() throws TemplateSyntaxException {
        CompiledTemplate template = compile("""
                #foreach($a in $input.json('$.ids'))$a#end
                #foreach($b in $input.body)$b#end
                #foreach($c in $input.params('ids'))$c#end
                #foreach($d in $input.path('$.ids'))$d#end
                #foreach($e in $input.params('ids').split(','))$e#end""");

        assertThat(template.textLoops()).extracting(TextLoop::list, TextLoop::line, TextLoop::column).containsExactly(
                tuple("$input.json('$.ids')", 1, 16), tuple("$input.body", 2, 16), tuple("$input.params('ids')", 3, 16));
    }
}
