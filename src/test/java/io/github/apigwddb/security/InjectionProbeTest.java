package io.github.apigwddb.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.validation.BodyModel;
import io.github.apigwddb.validation.RequestValidators;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.TemplateInput;
import io.github.apigwddb.vtl.TemplateLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InjectionProbeTest {

    /** The seed's PutItem template: client values straight inside JSON strings. */
    static final String SEED = "{\n  \"TableName\": \"YourTable\",\n  \"Item\": {\n    \"id\": {\"S\": \"$input.path('$.id')\"},\n"
            + "    \"name\": {\"S\": \"$input.path('$.name')\"}\n  }\n}";
    static final String ESCAPED = "{\n  \"TableName\": \"YourTable\",\n  \"Item\": {\n"
            + "    \"id\": {\"S\": \"$util.escapeJavaScript($input.path('$.id'))\"},\n"
            + "    \"name\": {\"S\": \"$util.escapeJavaScript($input.path('$.name'))\"}\n  }\n}";
    static final String FULLY_ESCAPED = "{\n  \"TableName\": \"YourTable\",\n  \"Item\": {\n"
            + "    \"id\": {\"S\": \"$util.escapeJavaScript($input.path('$.id')).replaceAll(\"\\\\'\",\"'\")\"},\n"
            + "    \"name\": {\"S\": \"$util.escapeJavaScript($input.path('$.name')).replaceAll(\"\\\\'\",\"'\")\"}\n  }\n}";
    static final String BODY = "{\"id\": \"42\", \"name\": \"w1\"}";

    private final ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();
    private final InjectionProbe probe = new InjectionProbe(engine);

    private List<Injection> probe(String template, TemplateInput input, String action) throws Exception {
        CompiledTemplate compiled = engine.compile("t", template);
        return probe.probe(compiled, input, action);
    }

    @Test
    void seedTemplateIsInjectableThroughIdAndName() throws Exception {
        List<Injection> found = probe(SEED, TemplateInput.ofBody(BODY), "PutItem");

        assertThat(found).extracting(Injection::input).containsExactly("body $.id", "body $.name");
        Injection name = found.get(1);
        assertThat(name.kind()).isEqualTo(Injection.Kind.STRUCTURE_CHANGED);
        assertThat(name.value()).isEqualTo(HostileValue.ADD_MEMBER);
        assertThat(name.effect()).contains("member /Item/name/TableName appears");
        assertThat(name.insideString()).isTrue();
        assertThat(name.onlyApostrophe()).isFalse();
        assertThat(name.outputLine()).isEqualTo(5);
        assertThat(name.outputLineText()).contains("\"name\": {\"S\": \"zq");
    }

    @Test
    void theExampleRenderGivenByTheCallerIsTheOneUsed() throws Exception {
        CompiledTemplate compiled = engine.compile("t", SEED);
        TemplateInput input = TemplateInput.ofBody(BODY);
        String exampleOutput = engine.render(compiled, input).output();

        assertThat(probe.probe(compiled, input, exampleOutput, "PutItem")).isEqualTo(probe.probe(compiled, input, "PutItem"));
        // an example render that is no JSON means there is nothing to compare with, whatever the template does
        assertThat(probe.probe(compiled, input, "not json", "PutItem")).isEmpty();
    }

    @Test
    void escapeJavaScriptAloneIsBrokenOnlyByTheApostrophe() throws Exception {
        List<Injection> found = probe(ESCAPED, TemplateInput.ofBody(BODY), "PutItem");

        assertThat(found).extracting(Injection::input).containsExactly("body $.id", "body $.name");
        assertThat(found).allSatisfy(injection -> {
            assertThat(injection.kind()).isEqualTo(Injection.Kind.INVALID_JSON);
            assertThat(injection.value()).isEqualTo(HostileValue.APOSTROPHE);
            assertThat(injection.breakingValues()).containsExactly(HostileValue.APOSTROPHE);
            assertThat(injection.onlyApostrophe()).isTrue();
        });
    }

    @Test
    void fullyEscapedTemplateIsClean() throws Exception {
        assertThat(probe(FULLY_ESCAPED, TemplateInput.ofBody(BODY), "PutItem")).isEmpty();
    }

    /**
     * A value JSON-escaped into a PartiQL string still ends that string with an apostrophe and rewrites the query
     * (advanced DynamoDB trial: not reported, and SEC001 on the raw value advised exactly that escape).
     */
    @Test
    void aValueWrittenIntoAPartiQlStatementRewritesItWhateverItsJsonEscape() throws Exception {
        String escaped = "$util.escapeJavaScript($input.params('account')).replaceAll(\"\\\\'\",\"'\")";
        String template = "{\"Statement\": \"SELECT * FROM \\\"Orders\\\" WHERE pk = 'ACCT#" + escaped + "'\"}";
        TemplateInput input = new TemplateInput(null, Map.of("account", "a-1"), null, null, null, null);

        assertThat(probe(template, input, "ExecuteStatement")).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Injection.Kind.STATEMENT_CHANGED);
            assertThat(i.breakingValues()).containsExactly(HostileValue.APOSTROPHE);
            assertThat(i.effect()).startsWith("changes the words of the PartiQL statement at /Statement:");
            assertThat(i.inStatement()).isTrue();
        });
        // unescaped, the JSON breaks first; the finding still knows the value is in a statement, for its advice
        assertThat(probe(template.replace(escaped, "$input.params('account')"), input, "ExecuteStatement")).singleElement()
                .satisfies(i -> assertThat(i.inStatement()).isTrue());
        // as a parameter, nothing the client sends reaches the statement's words
        String parameter = "{\"Statement\": \"SELECT * FROM \\\"Orders\\\" WHERE pk = ?\", \"Parameters\": [{\"S\": \"ACCT#" + escaped
                + "\"}]}";
        assertThat(probe(parameter, input, "ExecuteStatement")).isEmpty();
    }

    /**
     * The review's cases: a parameterised IN list that a loop over the client's list makes longer is safe; a value in a
     * statement is known to be there on every probe path (here the marker render is no JSON, an unquoted Limit); a
     * string sent for a body number written into a statement rewrites it.
     */
    @Test
    void partiQlStatementsAreJudgedByWhereTheClientsTextLands() throws Exception {
        String escape = ".replaceAll(\"\\\\'\",\"'\")";
        String inList = "{\"Statement\": \"SELECT * FROM Orders WHERE pk IN [#foreach($id in $input.params('ids').split(','))?"
                + "#if($foreach.hasNext), #end#end]\", \"Parameters\": [#foreach($id in $input.params('ids').split(','))"
                + "{\"S\": \"$util.escapeJavaScript($id)" + escape + "\"}#if($foreach.hasNext), #end#end]}";
        assertThat(probe(inList, new TemplateInput(null, null, Map.of("ids", "a,b"), null, null, null), "ExecuteStatement")).isEmpty();

        String markersBreak = "{\"Statement\": \"SELECT * FROM Orders WHERE pk = '$util.escapeJavaScript($input.params('id'))" + escape
                + "'\", \"Limit\": $input.params('limit')}";
        assertThat(probe(markersBreak, new TemplateInput(null, null, Map.of("id", "abc", "limit", "10"), null, null, null),
                "ExecuteStatement")).filteredOn(i -> i.input().equals("querystring id")).singleElement().satisfies(i -> {
                    assertThat(i.kind()).isEqualTo(Injection.Kind.STATEMENT_CHANGED);
                    assertThat(i.inStatement()).isTrue();
                });

        String bodyNumber = "{\"Statement\": \"SELECT * FROM Orders WHERE pk = 'A' AND total > $util.escapeJavaScript($input.path('$.min'))"
                + escape + "\"}";
        assertThat(probe(bodyNumber, TemplateInput.ofBody("{\"min\": 5}"), "ExecuteStatement")).singleElement()
                .satisfies(i -> assertThat(i.effect()).startsWith("changes the words of the PartiQL statement at /Statement:")
                        .doesNotContain("zq"));
    }

    /**
     * A range whose bounds a client may send the wrong way round is rejected by DynamoDB whatever the template does: no
     * injection when both bounds are escaped (advanced DynamoDB trial: SEC001 told the user to add the escape it had).
     */
    @Test
    void boundsInTheWrongOrderAreNoInjection() throws Exception {
        String bound = "{\"S\": \"ORDER#$util.escapeJavaScript($input.params('%s')).replaceAll(\"\\\\'\",\"'\")\"}";
        String template = "{\"TableName\": \"Orders\", \"KeyConditionExpression\": \"pk = :pk AND sk BETWEEN :from AND :to\","
                + " \"ExpressionAttributeValues\": {\":pk\": {\"S\": \"A\"}, \":from\": " + bound.formatted("from") + ", \":to\": "
                + bound.formatted("to") + "}}";
        TemplateInput range = new TemplateInput(null, null, Map.of("from", "2024-01", "to", "2024-12"), null, null, null);
        assertThat(probe(template, range, "Query")).isEmpty();

        // unescaped, the same bound is still found
        assertThat(probe(template.replace(bound.formatted("to"), "{\"S\": \"ORDER#$input.params('to')\"}"), range, "Query"))
                .extracting(Injection::input).containsExactly("querystring to");
    }

    @Test
    void inputsThatNeverReachTheOutputAreNotReported() throws Exception {
        String template = "#if($input.path('$.name') == 'w1')#set($t = 'A')#else#set($t = 'B')#end"
                + "{\"TableName\": \"$t\", \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.path('$.id')).replaceAll(\"\\\\'\",\"'\")\"}}}";
        assertThat(probe(template, TemplateInput.ofBody(BODY), "GetItem")).isEmpty();
    }

    @Test
    void pathQueryHeaderAndAuthorizerValuesAreProbedByName() throws Exception {
        String template = "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"$input.params('id')\"}},"
                + " \"ProjectionExpression\": \"$input.params('fields')\","
                + " \"ExpressionAttributeNames\": {\"#t\": \"$input.params('X-Tenant')\"},"
                + " \"ReturnConsumedCapacity\": \"$context.authorizer.claims.email\", \"ConsistentRead\": \"$context.authorizer.claims.sub\"}";
        TemplateInput input = new TemplateInput(null, Map.of("id", "42"), Map.of("fields", "id"), Map.of("X-Tenant", "t1"), Map.of(),
                Map.of("authorizer", Map.of("claims", Map.of("email", "NONE", "sub", "3f1c-uuid"))));

        List<Injection> found = probe(template, input, "GetItem");

        // a user picks the email address; the pool makes sub itself (a UUID), so no client can put a quote there
        assertThat(found).extracting(Injection::input)
                .containsExactly("path id", "querystring fields", "header X-Tenant", "$context.authorizer.claims.email");
        assertThat(found).allSatisfy(i -> assertThat(i.kind()).isEqualTo(Injection.Kind.STRUCTURE_CHANGED));
    }

    @Test
    void anEscapedValueInAnExpressionIsStillRejectedByDynamoDb() throws Exception {
        String template = "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"1\"}},"
                + " \"ProjectionExpression\": \"$util.escapeJavaScript($input.params('fields')).replaceAll(\"\\\\'\",\"'\")\"}";
        TemplateInput input = new TemplateInput(null, null, Map.of("fields", "id"), null, null, null);

        List<Injection> found = probe(template, input, "GetItem");

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Injection.Kind.REJECTED);
            assertThat(i.effect()).contains("DDX001");
        });
    }

    @Test
    void aNumberOutsideAStringBreaksForAnyText() throws Exception {
        String template = "{\"TableName\": \"T\", \"Limit\": $input.params('limit')}";
        TemplateInput input = new TemplateInput(null, null, Map.of("limit", "10"), null, null, null);

        List<Injection> found = probe(template, input, "Scan");

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.input()).isEqualTo("querystring limit");
            assertThat(i.insideString()).isFalse();
            assertThat(i.kind()).isIn(Injection.Kind.INVALID_JSON, Injection.Kind.STRUCTURE_CHANGED);
        });
    }

    @Test
    void anInputWrittenOnlyForTheValueAnotherInputHasInTheExampleIsProbed() throws Exception {
        // with every input a marker, 'mode' is no "page" and 'from' never shows: it is probed with 'mode' as the example has it
        String template = """
                #set($mode = $input.params('mode'))
                {"TableName": "Orders", "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": {"S": "x"}}
                #if($mode == "page"), "ExclusiveStartKey": {"pk": {"S": "x"}, "sk": {"S": "$input.params('from')"}}#end
                }""";
        TemplateInput page = new TemplateInput(null, null, Map.of("mode", "page", "from", "o-1"), null, null, null);

        assertThat(probe(template, page, "Query")).singleElement().satisfies(i -> {
            assertThat(i.input()).isEqualTo("querystring from");
            assertThat(i.kind()).isEqualTo(Injection.Kind.STRUCTURE_CHANGED);
            assertThat(i.outputLine()).isEqualTo(2); // the #set line writes nothing
            assertThat(i.outputLineText()).contains("\"sk\": {\"S\": \"zq");
        });
        // escaped, it is clean; and an example that does not page does not write it at all
        assertThat(probe(template.replace("$input.params('from')", "$util.escapeJavaScript($input.params('from')).replaceAll(\"\\\\'\",\"'\")"),
                page, "Query")).isEmpty();
        assertThat(probe(template, new TemplateInput(null, null, Map.of("mode", "all", "from", "o-1"), null, null, null), "Query")).isEmpty();
    }

    @Test
    void aStringInputIsSeenInsideItsStringWhenAnotherInputOutsideOneBreaksTheMarkerRender() throws Exception {
        // the marker of 'limit' makes the all-markers render invalid JSON; 'owner' is still written inside "S": "..."
        String template = "{\"TableName\": \"T\", \"KeyConditionExpression\": \"pk = :pk\", \"Limit\": $input.params('limit'),\n"
                + "\"ExpressionAttributeValues\": {\":pk\": {\"S\": \"$input.params('owner')\"}}}";
        TemplateInput input = new TemplateInput(null, null, Map.of("limit", "10", "owner", "o1"), null, null, null);

        List<Injection> found = probe(template, input, "Query");

        assertThat(found).extracting(Injection::input).containsExactlyInAnyOrder("querystring limit", "querystring owner");
        assertThat(found).filteredOn(i -> i.input().equals("querystring owner")).singleElement().satisfies(i -> {
            assertThat(i.insideString()).isTrue();
            assertThat(i.outputLine()).isEqualTo(2);
        });
        assertThat(found).filteredOn(i -> i.input().equals("querystring limit")).singleElement()
                .satisfies(i -> assertThat(i.insideString()).isFalse());
    }

    @Test
    void rawBodyAsTheRequestLetsTheClientChooseMembers() throws Exception {
        List<Injection> found = probe("$input.json('$')", TemplateInput.ofBody("{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"1\"}}}"),
                "GetItem");

        assertThat(found).filteredOn(i -> i.kind() == Injection.Kind.CLIENT_REQUEST_MEMBERS)
                .singleElement().satisfies(i -> assertThat(i.input()).isEqualTo("body keys of $"));
        assertThat(found).noneMatch(i -> i.kind() == Injection.Kind.STRUCTURE_CHANGED || i.kind() == Injection.Kind.INVALID_JSON);
    }

    @Test
    void foreachOverBodyKeysLetsTheClientChooseAttributeNames() throws Exception {
        String template = "#set($item = $input.path('$.item'))"
                + "{\"TableName\": \"T\", \"Item\": {#foreach($k in $item.keySet())\"$k\": {\"S\": \"$util.escapeJavaScript($item.get($k)).replaceAll(\"\\\\'\",\"'\")\"}#if($foreach.hasNext),#end#end}}";

        List<Injection> found = probe(template, TemplateInput.ofBody("{\"item\": {\"id\": \"1\"}}"), "PutItem");

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Injection.Kind.CLIENT_ATTRIBUTE_NAMES);
            assertThat(i.input()).isEqualTo("body keys of $.item");
            assertThat(i.effect()).contains("/Item/zqk");
        });
    }

    @Test
    void aDynamicUpdateOverBodyKeysLetsTheClientNameTheAttributesItSets() throws Exception {
        // each body key becomes an ExpressionAttributeNames value: a client adding "role" sets the item's role
        String template = "#set($b = $input.path('$'))"
                + "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"1\"}}, \"UpdateExpression\": \"SET #foreach($k in $b.keySet())#f$foreach.count = :v$foreach.count#if($foreach.hasNext), #end#end\","
                + " \"ExpressionAttributeNames\": {#foreach($k in $b.keySet())\"#f$foreach.count\": \"$util.escapeJavaScript($k)\"#if($foreach.hasNext), #end#end},"
                + " \"ExpressionAttributeValues\": {#foreach($k in $b.keySet())\":v$foreach.count\": {\"S\": \"$util.escapeJavaScript($b.get($k)).replaceAll(\"\\\\'\",\"'\")\"}#if($foreach.hasNext), #end#end}}";

        List<Injection> found = probe(template, TemplateInput.ofBody("{\"note\": \"n\"}"), "UpdateItem");

        assertThat(found).filteredOn(i -> i.kind() == Injection.Kind.CLIENT_ATTRIBUTE_NAMES).singleElement().satisfies(i -> {
            assertThat(i.input()).isEqualTo("body keys of $");
            assertThat(i.effect()).contains("attribute name /ExpressionAttributeNames/#f").contains("any attribute it names");
        });
    }

    @Test
    void theUserAgentIsProbedAsTheHeaderItIsWhetherTheExampleGivesOneOrNot() throws Exception {
        String template = "{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"1\"}, \"agent\": {\"S\": \"$context.identity.userAgent\"},"
                + " \"ip\": {\"S\": \"$context.identity.sourceIp\"}}}";
        TemplateInput given = new TemplateInput(null, null, null, null, null,
                Map.of("identity", Map.of("userAgent", "curl/8.0", "sourceIp", "203.0.113.9")));

        for (TemplateInput input : List.of(TemplateInput.ofBody(null), given)) {
            assertThat(probe(template, input, "PutItem")).singleElement().satisfies(i -> {
                assertThat(i.input()).isEqualTo("$context.identity.userAgent");
                assertThat(i.kind()).isEqualTo(Injection.Kind.STRUCTURE_CHANGED);
                // a header value carries no line break or control character
                assertThat(i.breakingValues()).doesNotContain(HostileValue.NEWLINE, HostileValue.CONTROL);
            });
        }
    }

    @Test
    void theUserAgentReadInsideAnInterpolatedStringIsProbed() throws Exception {
        String template = "#set($ua = \"$context.identity.userAgent\"){\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"$ua\"}}}";

        assertThat(probe(template, TemplateInput.ofBody(null), "GetItem")).singleElement()
                .satisfies(i -> assertThat(i.input()).isEqualTo("$context.identity.userAgent"));
    }

    @Test
    void theExamplesUserAgentIsWhatTheOtherInputsAreProbedWith() throws Exception {
        // the output is JSON only with the example's agent, so the hostile renders keep it as it is
        String template = "#if($context.identity.userAgent == 'curl')#set($q = '\"')#else#set($q = '')#end"
                + "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": ${q}$input.params('id')${q}}}}";
        TemplateInput input = new TemplateInput(null, Map.of("id", "1"), null, null, null, Map.of("identity", Map.of("userAgent", "curl")));

        assertThat(probe(template, input, "GetItem")).singleElement().satisfies(i -> {
            assertThat(i.input()).isEqualTo("path id");
            assertThat(i.kind()).as("quoted, as with the example's agent").isEqualTo(Injection.Kind.STRUCTURE_CHANGED);
        });
    }

    @Test
    void headersAreNotProbedWithLineBreaks() throws Exception {
        // a raw newline or control character would break this, but HTTP headers cannot carry them
        String template = "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.params('X-Id')).replaceAll(\"\\\\'\",\"'\")\"}}}";
        TemplateInput input = new TemplateInput(null, null, null, Map.of("X-Id", "1"), null, null);
        assertThat(probe(template, input, "GetItem")).isEmpty();
    }

    @Test
    void aBodyValueTheValidatedModelForbidsIsNotTried() throws Exception {
        // id: only "42" passes validation; name: any single character does
        BodyModel model = validatedModel("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\", \"enum\": [\"42\"]},"
                + " \"name\": {\"type\": \"string\", \"maxLength\": 1}}}");

        List<Injection> found = probe.probe(engine.compile("t", SEED), TemplateInput.ofBody(BODY), null, "PutItem",
                BodyInputs.validatedAgainst(model));

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.input()).isEqualTo("body $.name");
            assertThat(i.breakingValues()).containsExactly(HostileValue.QUOTE, HostileValue.BACKSLASH, HostileValue.NEWLINE,
                    HostileValue.CONTROL);
        });
    }

    @Test
    void aNumberOfTheBodyWrittenWithoutQuotesIsProbedWithTheStringsAClientMaySendInstead() throws Exception {
        String template = "{\"TableName\": \"T\", \"Limit\": $input.path('$.limit'), \"TotalSegments\": $input.json('$.segments'),"
                + " \"FilterExpression\": \"#if($input.path('$.min') > 0)price > :min#{else}price > :zero#end\","
                + " \"ExpressionAttributeValues\": {\":min\": {\"N\": \"1\"}, \":zero\": {\"N\": \"0\"}}}";
        TemplateInput input = TemplateInput.ofBody("{\"limit\": 10, \"segments\": 4, \"min\": 3}");

        List<Injection> found = probe(template, input, "Scan");

        // $input.json quotes a string (it only arrives as one), and a condition on a number's value is no injection
        assertThat(found).extracting(Injection::input).containsExactly("body $.limit");
        assertThat(found.get(0).insideString()).isFalse();
        assertThat(found.get(0).kind()).isEqualTo(Injection.Kind.INVALID_JSON);
        // a validated body whose schema wants an integer there lets no string through
        BodyModel model = validatedModel("{\"type\": \"object\", \"properties\": {\"limit\": {\"type\": \"integer\"}}}");
        assertThat(probe.probe(engine.compile("t", template), input, null, "Scan", BodyInputs.validatedAgainst(model))).isEmpty();
        // and written inside quotes, with the escaping a string needs, a number's place is as safe as a string's
        assertThat(probe("{\"TableName\": \"T\", \"Item\": {\"n\": {\"N\": \"$util.escapeJavaScript($input.path('$.limit'))"
                + ".replaceAll(\"\\\\'\",\"'\")\"}}}", input, "PutItem")).isEmpty();
    }

    @Test
    void aBooleanOfTheBodyWrittenWithoutQuotesIsProbedWithStrings() throws Exception {
        String raw = "{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"1\"}, \"active\": {\"BOOL\": $input.path('$.active')}}}";
        TemplateInput input = TemplateInput.ofBody("{\"active\": true}");

        List<Injection> found = probe(raw, input, "PutItem");

        assertThat(found).extracting(Injection::input).containsExactly("body $.active");
        assertThat(found.get(0).kind()).isEqualTo(Injection.Kind.INVALID_JSON);
        assertThat(found.get(0).outputLineText()).contains("\"BOOL\": zq");
        // a boolean the template branches on, or that $input.json writes (a string arrives quoted), is no injection
        assertThat(probe("{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"1\"}, \"active\": {\"BOOL\": "
                + "#if($input.path('$.active') == true)true#{else}false#end}}}", input, "PutItem")).isEmpty();
        assertThat(probe(raw.replace("$input.path", "$input.json"), input, "PutItem")).isEmpty();
        // nor is one a validator's schema keeps a boolean
        BodyModel model = validatedModel("{\"type\": \"object\", \"properties\": {\"active\": {\"type\": \"boolean\"}}}");
        assertThat(probe.probe(engine.compile("t", raw), input, null, "PutItem", BodyInputs.validatedAgainst(model))).isEmpty();
    }

    @Test
    void theOtherInputsAreProbedInTheBranchTheExamplesBooleanTakes() throws Exception {
        // a marker in the boolean's place would take each condition the other way and hide the unescaped name
        String name = ", \"name\": {\"S\": \"$input.path('$.name')\"}";
        String head = "{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"1\"}";
        assertThat(probe(head + "#if($input.path('$.active'))#{else}" + name + "#end}}",
                TemplateInput.ofBody("{\"active\": false, \"name\": \"w\"}"), "PutItem"))
                .extracting(Injection::input).containsExactly("body $.name");
        assertThat(probe(head + "#if($input.path('$.active') == true)" + name + "#end}}",
                TemplateInput.ofBody("{\"active\": true, \"name\": \"w\"}"), "PutItem"))
                .extracting(Injection::input).containsExactly("body $.name");
        // and a branch no valid request takes (the schema keeps the value a boolean) is not probed
        String escaped = ", \"note\": {\"S\": \"$util.escapeJavaScript($input.path('$.note')).replaceAll(\"\\\\'\",\"'\")\"}";
        String guarded = head + "#set($a = $input.path('$.active'))#if($a == true)" + escaped + "#elseif($a == false)" + escaped
                + "#{else}" + name.replace("name", "note") + "#end}}";
        BodyModel model = validatedModel("{\"type\": \"object\", \"required\": [\"active\", \"note\"], \"properties\":"
                + " {\"active\": {\"type\": \"boolean\"}, \"note\": {\"type\": \"string\"}}}");
        assertThat(probe.probe(engine.compile("t", guarded), TemplateInput.ofBody("{\"active\": true, \"note\": \"n\"}"), null, "PutItem",
                BodyInputs.validatedAgainst(model))).isEmpty();
    }

    @Test
    void aBooleanTheTemplateCannotTakeAsANumberLeavesTheNumbersProbed() throws Exception {
        String template = "#if($input.path('$.active') != true && $input.path('$.active') != false)$util.parseJson('{')#end"
                + "{\"TableName\": \"T\", \"Limit\": $input.path('$.limit')}";
        List<Injection> found = probe(template, TemplateInput.ofBody("{\"active\": true, \"limit\": 5}"), "Scan");
        assertThat(found).extracting(Injection::input).containsExactly("body $.limit");
    }

    @Test
    void aListTheClientSplitsIntoOneElementPerItemIsNoInjection() throws Exception {
        String keys = "{\"RequestItems\": {\"Books\": {\"Keys\": [#foreach($id in $input.params('isbn').split(\",\"))"
                + "{\"isbn\": {\"S\": \"ESCAPED\"}}#if($foreach.hasNext),#end#end]}}}";
        TemplateInput input = new TemplateInput(null, Map.of("isbn", "1,2"), null, null, null, null);
        String escaped = keys.replace("ESCAPED", "$util.escapeJavaScript($id).replaceAll(\"\\\\'\",\"'\")");

        // a comma in the value makes one key more: what the template is for, each key escaped
        assertThat(probe(escaped, input, "BatchGetItem")).isEmpty();
        // without the escape, a quote still breaks the request
        assertThat(probe(keys.replace("ESCAPED", "$id"), input, "BatchGetItem")).extracting(Injection::input).containsExactly("path isbn");
    }

    @Test
    void aNumberTheTemplateClampsIsStillProbedWithStrings() throws Exception {
        // the marker number is clamped and never reaches the request; a string compares as no number and is written raw
        String template = "#set($l = $input.path('$.limit'))#if($l > 100)#set($l = 100)#end{\"TableName\": \"T\", \"Limit\": $l}";
        List<Injection> found = probe(template, TemplateInput.ofBody("{\"limit\": 10}"), "Scan");
        assertThat(found).extracting(Injection::input).containsExactly("body $.limit");
        assertThat(found.get(0).kind()).isEqualTo(Injection.Kind.INVALID_JSON);
        // a number used in a condition only is no input of the request
        assertThat(probe("#if($input.path('$.limit') > 100)#set($t = 'Big')#{else}#set($t = 'Small')#end{\"TableName\": \"$t\"}",
                TemplateInput.ofBody("{\"limit\": 10}"), "Scan")).isEmpty();
    }

    @Test
    void aNumberMarkerATemplateCannotTakeLeavesTheOtherInputsProbedAsBefore() throws Exception {
        // the template fails for a large number: the marker number breaks it, the example's own does not, so the numbers
        // keep their values throughout and the other inputs are probed alone, the escaped one without a finding
        String template = "#if($input.path('$.n') > 1000)$util.parseJson('{')#end"
                + "{\"TableName\": \"T\", \"Limit\": $input.json('$.n'), \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript("
                + "$input.path('$.id')).replaceAll(\"\\\\'\",\"'\")\"}}, \"ProjectionExpression\": \"$input.params('fields')\"}";
        TemplateInput input = new TemplateInput("{\"n\": 7, \"id\": \"42\"}", null, Map.of("fields", "id"), null, null, null);
        assertThat(engine.render(engine.compile("t", template), input).ok()).isTrue();
        assertThat(engine.render(engine.compile("t", template), TemplateInput.ofBody("{\"n\": 867500019, \"id\": \"42\"}")).ok()).isFalse();

        List<Injection> found = probe(template, input, "GetItem");

        assertThat(found).extracting(Injection::input).containsExactly("querystring fields");
    }

    /** The model a body validator on a one-operation OpenAPI 3 definition enforces for application/json. */
    private static BodyModel validatedModel(String schema) throws Exception {
        JsonNode root = new ObjectMapper().readTree("{\"openapi\": \"3.0.1\", \"x-amazon-apigateway-request-validator\": \"body\","
                + " \"x-amazon-apigateway-request-validators\": {\"body\": {\"validateRequestBody\": true}},"
                + " \"paths\": {\"/items\": {\"post\": {\"requestBody\": {\"content\": {\"application/json\": {\"schema\": " + schema + "}}}}}}}");
        return RequestValidators.validatedBody(root, IntegrationExtractor.operations(root).get(0), "application/json");
    }

    @Test
    void renderingTheValuesTogetherFirstFindsWhatRenderingThemOneByOneFinds() throws Exception {
        InjectionProbe oneByOne = new InjectionProbe(engine, false);
        String bodyId = "$input.path('$.id')";
        List<String> escapes = List.of(bodyId, // none
                "$util.escapeJavaScript(" + bodyId + ")", // all but the apostrophe
                "$util.escapeJavaScript(" + bodyId + ").replaceAll(\"\\\\'\",\"'\")", // all
                bodyId + ".replaceAll('\"', '\\\\\"')", // the quote, not the backslash
                bodyId + ".replaceAll('\\\\', '\\\\\\\\').replaceAll('\"', '\\\\\"')", // quote and backslash, not control characters
                "$util.urlEncode(" + bodyId + ")");
        for (String escaped : escapes) {
            for (String template : List.of(
                    "{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"" + escaped + "\"}}}",
                    "{\"TableName\": \"T\", \"Item\": {\"id\": {\"N\": \"" + escaped + "\"}}}",
                    "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"1\"}}, \"ProjectionExpression\": \"" + escaped + "\"}")) {
                CompiledTemplate compiled = engine.compile("t", template);
                TemplateInput input = TemplateInput.ofBody(BODY);
                String action = template.contains("\"Item\"") ? "PutItem" : "GetItem";
                assertThat(probe.probe(compiled, input, action)).as(template).isEqualTo(oneByOne.probe(compiled, input, action));
            }
        }
        // templates that look at the value: all values together are turned away or cut, one alone gets through
        String key = "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"$id\"}}}";
        for (String template : List.of(
                "#set($id = $input.params('id'))#if($id.contains('\"'))#set($id = 'invalid')#end" + key,
                "#set($id = $input.params('id'))#if($id.length() > 36)#set($id = '')#end" + key,
                "#set($id = $input.params('id'))#if($id.length() > 36)#set($id = $id.substring(0, 36))#end" + key,
                // escapes only a value with a quote: all values together are escaped, a backslash alone is not
                "#set($id = $input.params('id'))#if($id.contains('\"'))#set($id = $util.escapeJavaScript($id).replaceAll(\"\\\\'\",\"'\"))#end" + key,
                "#if($input.params('id').matches('[A-Za-z0-9]*') || $input.params('id').length() < 3)#set($id = $input.params('id'))"
                        + "#else#set($id = $util.escapeJavaScript($input.params('id')).replaceAll(\"\\\\'\",\"'\"))#end" + key,
                // a loop's count compared with the value
                "#foreach($i in [1..1])#if($foreach.count.equals($input.params('id').length()))#set($id = $input.params('id'))"
                        + "#else#set($id = $util.escapeJavaScript($input.params('id')).replaceAll(\"\\\\'\",\"'\"))#end#end" + key,
                // a call that fails for a short value, its result written only on another path
                "#set($shard = $input.params('id').substring(0, 2)){\"TableName\": \"T\", \"Key\": {\"id\": {\"S\":"
                        + " \"$util.escapeJavaScript($input.params('id')).replaceAll(\"\\\\'\",\"'\")\"}}#if($input.params('by') == 'y'), \"IndexName\": \"$shard\"#end}",
                "#set($opts = $util.parseJson($input.params('id'))){\"TableName\": \"T\", \"Key\": {\"id\": {\"S\":"
                        + " \"$util.escapeJavaScript($input.params('id')).replaceAll(\"\\\\'\",\"'\")\"}}}")) {
            CompiledTemplate compiled = engine.compile("t", template);
            TemplateInput input = new TemplateInput(null, Map.of("id", "42"), null, null, null, null);
            List<Injection> expected = oneByOne.probe(compiled, input, "GetItem");
            assertThat(expected).as(template).isNotEmpty();
            assertThat(probe.probe(compiled, input, "GetItem")).as(template).isEqualTo(expected);
        }
        // a condition that spells the body member's path unlike the probe does ($.user-id is $['user-id'])
        for (String read : List.of("$.user-id", "$[\"user-id\"]", "user-id")) {
            String template = "#if($input.path('" + read + "').contains('\"'))#set($id = $util.escapeJavaScript($input.path('$.user-id'))"
                    + ".replaceAll(\"\\\\'\",\"'\"))#else#set($id = $input.path('$.user-id'))#end" + key;
            CompiledTemplate compiled = engine.compile("t", template);
            TemplateInput input = TemplateInput.ofBody("{\"user-id\": \"42\"}");
            List<Injection> expected = oneByOne.probe(compiled, input, "GetItem");
            assertThat(expected).as(template).isNotEmpty();
            assertThat(probe.probe(compiled, input, "GetItem")).as(template).isEqualTo(expected);
        }
        for (String template : List.of(SEED, ESCAPED, FULLY_ESCAPED)) {
            BodyModel model = validatedModel("{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\", \"maxLength\": 3}}}");
            CompiledTemplate compiled = engine.compile("t", template);
            assertThat(probe.probe(compiled, TemplateInput.ofBody(BODY), null, "PutItem", BodyInputs.validatedAgainst(model)))
                    .isEqualTo(oneByOne.probe(compiled, TemplateInput.ofBody(BODY), null, "PutItem", BodyInputs.validatedAgainst(model)));
        }
    }

    /** A Scan whose Limit is written only when the query parameter passes {@code gate}, and as written by {@code limit}. */
    private List<Injection> scanWithLimit(String gate, String limit) throws Exception {
        String template = "#set($limit = $input.params('limit'))\n{\"TableName\": \"T\"#if($limit.matches('" + gate + "')),\n  \"Limit\": "
                + limit + "#end}";
        return probe(template, new TemplateInput(null, null, Map.of("limit", "10"), null, null, null), "Scan");
    }

    @Test
    void aNumberWithALeadingZeroPassesALooseCheckAndBreaksTheJson() throws Exception {
        List<Injection> found = scanWithLimit("^[0-9]{1,4}$", "$limit");

        assertThat(found).singleElement().satisfies(limit -> {
            assertThat(limit.input()).isEqualTo("querystring limit");
            assertThat(limit.kind()).isEqualTo(Injection.Kind.INVALID_JSON);
            assertThat(limit.value()).isEqualTo(HostileValue.LEADING_ZERO);
            assertThat(limit.value()).hasToString("'007' (a number with a leading zero)");
            assertThat(limit.effect()).startsWith("passes the template's check and makes the request invalid JSON");
            // 0 passes the check too, and DynamoDB refuses it as a Limit
            assertThat(limit.breakingValues()).containsExactly(HostileValue.LEADING_ZERO, HostileValue.ZERO);
            assertThat(limit.insideString()).isFalse();
            assertThat(limit.outputLine()).isEqualTo(2);
            assertThat(limit.outputLineText()).isEqualTo("  \"Limit\": 2}");
            assertThat(limit.outputColumn()).isEqualTo(12);
        });
    }

    /** A check that wants two digits or more fails "2" as it fails the marker: "22" finds the way (crash hunt). */
    @Test
    void aCheckThatWantsTwoDigitsIsTriedWithTwo() throws Exception {
        assertThat(scanWithLimit("^[0-9]{2,4}$", "$limit")).singleElement().satisfies(limit -> {
            assertThat(limit.value()).isEqualTo(HostileValue.LEADING_ZERO);
            assertThat(limit.outputLineText()).isEqualTo("  \"Limit\": 22}");
        });
    }

    @Test
    void zeroPassesACheckThatAllowsItAndDynamoDbRefusesItAsALimit() throws Exception {
        List<Injection> found = scanWithLimit("^(0|[1-9][0-9]{0,3})$", "$limit");

        assertThat(found).singleElement().satisfies(limit -> {
            assertThat(limit.kind()).isEqualTo(Injection.Kind.REJECTED);
            assertThat(limit.value()).isEqualTo(HostileValue.ZERO);
            assertThat(limit.effect()).startsWith("passes the template's check and makes DynamoDB reject the request (")
                    .contains("Limit").contains("greater than or equal to 1");
            assertThat(limit.breakingValues()).containsExactly(HostileValue.ZERO);
        });
    }

    @Test
    void unboundedChecksLetThroughNegativeAndHugeNumbers() throws Exception {
        assertThat(scanWithLimit("^-?[0-9]+$", "$limit")).singleElement().satisfies(limit -> assertThat(limit.breakingValues())
                .containsExactly(HostileValue.LEADING_ZERO, HostileValue.ZERO, HostileValue.NEGATIVE, HostileValue.HUGE));
        // a Number of a key takes 38 digits: only the 40-digit number is too much there
        String template = "#set($id = $input.params('id'))\n#if(!$id.matches('^[0-9]+$'))#set($id = '1')#end\n"
                + "{\"TableName\": \"T\", \"Key\": {\"id\": {\"N\": \"$id\"}}}";
        assertThat(probe(template, new TemplateInput(null, Map.of("id", "42"), null, null, null, null), "GetItem")).singleElement()
                .satisfies(id -> {
                    assertThat(id.kind()).isEqualTo(Injection.Kind.REJECTED);
                    assertThat(id.value()).isEqualTo(HostileValue.HUGE);
                    assertThat(id.effect()).contains("38 significant digits");
                    assertThat(id.insideString()).isTrue();
                });
    }

    @Test
    void aTightCheckOrAQuotedValueIsClean() throws Exception {
        assertThat(scanWithLimit("^[1-9][0-9]{0,3}$", "$limit")).isEmpty();
        // a Limit in quotes is refused whatever its digits (DDB001 says so): no number makes it worse
        assertThat(scanWithLimit("^[0-9]+$", "\"$limit\"")).isEmpty();
        // a check that numbers fail as well, and a number that steers the template without being written
        assertThat(scanWithLimit("^(asc|desc)$", "$limit")).isEmpty();
        assertThat(scanWithLimit("^[0-9]+$", "25")).isEmpty();
        // a body string behind a model that allows only counts
        String template = "#set($limit = $input.path('$.limit'))\n{\"TableName\": \"T\"#if($limit.matches('^[0-9]+$')), \"Limit\": $limit#end}";
        BodyModel model = validatedModel("{\"type\": \"object\", \"properties\": {\"limit\": {\"type\": \"string\", \"pattern\": \"^[1-9][0-9]{0,2}$\"}}}");
        CompiledTemplate compiled = engine.compile("t", template);
        TemplateInput body = TemplateInput.ofBody("{\"limit\": \"10\"}");
        assertThat(probe.probe(compiled, body, null, "Scan", BodyInputs.validatedAgainst(model))).isEmpty();
        assertThat(probe.probe(compiled, body, "Scan")).singleElement()
                .satisfies(limit -> assertThat(limit.value()).isEqualTo(HostileValue.LEADING_ZERO));
    }

    @Test
    void aCheckedInputIsFoundWhenAnotherInputSteersTheTemplateToo() throws Exception {
        // the header's own condition: the limit is tried with the other inputs as in the example
        String template = "#set($limit = $input.params('limit'))\n{\"TableName\": \"T\""
                + "#if($input.params('X-Consistent') == 'yes'), \"ConsistentRead\": true#end"
                + "#if($limit.matches('^[0-9]+$')),\n  \"Limit\": $limit#end}";
        TemplateInput input = new TemplateInput(null, null, Map.of("limit", "10"), Map.of("X-Consistent", "yes"), null, null);

        assertThat(probe(template, input, "Scan")).singleElement().satisfies(limit -> {
            assertThat(limit.input()).isEqualTo("querystring limit");
            assertThat(limit.value()).isEqualTo(HostileValue.LEADING_ZERO);
            assertThat(limit.breakingValues()).containsExactly(HostileValue.LEADING_ZERO, HostileValue.ZERO, HostileValue.HUGE);
        });
    }

    @Test
    void anInputWhoseMarkerReachesTheRequestIsProbedWithStringsOnly() throws Exception {
        List<Injection> found = scanWithLimit(".*", "$limit");

        assertThat(found).singleElement().satisfies(limit -> {
            assertThat(limit.effect()).doesNotContain("passes the template's check");
            assertThat(limit.breakingValues()).doesNotContainAnyElementsOf(HostileValue.NUMBERS);
        });
    }

    @Test
    void noInputsNoRenders() throws Exception {
        assertThat(probe("{\"TableName\": \"T\"}", TemplateInput.ofBody(null), "Scan")).isEmpty();
        // the User-Agent is an input of a template that may read it only
        TemplateInput agent = new TemplateInput(null, null, null, null, null, Map.of("identity", Map.of("userAgent", "curl")));
        assertThat(new InputSlots(agent, BodyInputs.UNVALIDATED, false).slots()).isEmpty();
        assertThat(new InputSlots(agent, BodyInputs.UNVALIDATED, true).slots()).extracting(slot -> slot.label)
                .containsExactly("$context.identity.userAgent");
    }

    /** Loops far past any deadline when {@code p1} is not the example's "safe" (reviewer's p01-probe-amplify). */
    static final String LOOPS_UNLESS_SAFE = "#set($p = $input.params('p1'))\n"
            + "#if($p != \"safe\" && $p != \"\")#foreach($i in [1..1000])#foreach($j in [1..1000])#foreach($k in [1..1000])#end#end#end#end\n"
            + "{\"TableName\": \"Widgets\", \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($p).replaceAll(\"\\\\'\",\"'\")\"}}}";
    static final TemplateInput SAFE = new TemplateInput(null, Map.of("id", "w"), Map.of("p1", "safe"), null, null, null);

    /** An engine whose renders stop after 200 ms, so that a template which runs out of time does so quickly. */
    static ApiGatewayTemplateEngine quickEngine() {
        return new ApiGatewayTemplateEngine(new TemplateLimits(1000, 300 * 1024, 10 * 1024 * 1024, Duration.ofMillis(200), 20));
    }

    @Test
    void aTemplateThatRunsOutOfTimeOnAClientValueIsProbedOnceAndTheInputNamed() throws Exception {
        ApiGatewayTemplateEngine quick = quickEngine();
        InjectionProbe quickProbe = new InjectionProbe(quick);
        CompiledTemplate compiled = quick.compile("t", LOOPS_UNLESS_SAFE);
        ProbeBudget budget = new ProbeBudget(quick.limits());

        List<Injection> found = quickProbe.probe(compiled, SAFE, null, "GetItem", BodyInputs.UNVALIDATED, budget);

        assertThat(found).singleElement().satisfies(timeout -> {
            assertThat(timeout.kind()).isEqualTo(Injection.Kind.TIMES_OUT);
            assertThat(timeout.input()).isEqualTo("querystring p1");
            assertThat(timeout.effect()).startsWith("rendering took longer than 200 ms");
            assertThat(timeout.outputLine()).isEqualTo(2); // the loops' line
        });
        // the render with every marker, then p1's marker alone (path id's alone renders in time)
        assertThat(quick.probeTimeouts()).isEqualTo(2);
        assertThat(budget.stopped(compiled)).isTrue();

        // the other examples of the integration: not probed again, and nothing more runs out of time
        for (int example = 0; example < 150; example++) {
            assertThat(quickProbe.probe(compiled, SAFE, null, "GetItem", BodyInputs.UNVALIDATED, budget)).isEmpty();
        }
        assertThat(quick.probeTimeouts()).isEqualTo(2);
    }

    @Test
    void aTemplateThatRunsOutOfTimeOnAHostileValueIsPutDownToThatValue() throws Exception {
        ApiGatewayTemplateEngine quick = quickEngine();
        // the marker renders in time: only a quote sets the loops off
        String template = LOOPS_UNLESS_SAFE.replace("$p != \"safe\" && $p != \"\"", "$p.contains('\"')");
        CompiledTemplate compiled = quick.compile("t", template);

        List<Injection> found = new InjectionProbe(quick).probe(compiled, SAFE, null, "GetItem", BodyInputs.UNVALIDATED,
                new ProbeBudget(quick.limits()));

        assertThat(found).singleElement().satisfies(timeout -> {
            assertThat(timeout.kind()).isEqualTo(Injection.Kind.TIMES_OUT);
            assertThat(timeout.input()).isEqualTo("querystring p1");
            assertThat(timeout.value()).isEqualTo(HostileValue.ADD_MEMBER);
        });
        assertThat(quick.probeTimeouts()).isEqualTo(1);
    }

    @Test
    void aSpentBudgetRendersNothing() throws Exception {
        CompiledTemplate compiled = engine.compile("t", SEED);

        assertThat(probe.probe(compiled, TemplateInput.ofBody(BODY), null, "PutItem", BodyInputs.UNVALIDATED, new ProbeBudget(Duration.ZERO)))
                .isEmpty();
    }
}
