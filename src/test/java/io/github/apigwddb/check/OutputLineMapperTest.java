package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which template line wrote a line of output: what findings in the rendered request point at. */
class OutputLineMapperTest {

    private static final String TEMPLATE = """
            #set($body = $input.path('$'))
            {"TableName": "Orders", "Item": {"lines": {"L": [
            #foreach($line in $body.lines){"M": {"qty": {"n": "$line.qty"}}}#if($foreach.hasNext),#end
            #end]}},
            #if($body.note != ""){"note": "$body.note"}#else{"none": true}#end
            }""";

    @Test
    void theLiteralTextALineWritesAfterItsLeadingDirectivesCounts() {
        OutputLineMapper mapper = new OutputLineMapper(TEMPLATE);

        // each pass of the loop writes an element on a line of its own: the loop's line, not the one above sharing '{"'
        assertThat(mapper.templateLineFor(2, "{\"M\": {\"qty\": {\"n\": \"1\"}}},")).isEqualTo(3);
        assertThat(mapper.templateLineFor(3, "{\"M\": {\"qty\": {\"n\": \"2\"}}}]}},")).isEqualTo(3);
        assertThat(mapper.templateLineFor(1, "{\"TableName\": \"Orders\", \"Item\": {\"lines\": {\"L\": [")).isEqualTo(2);
        assertThat(mapper.templateLineFor(4, "{\"note\": \"hi\"}")).isEqualTo(5);
        // a lone closing brace is its own line's
        assertThat(mapper.templateLineFor(5, "}")).isEqualTo(6);
    }

    @Test
    void textOfALaterLineJoinedToTheOutputLineIsThatLinesByItsColumn() {
        OutputLineMapper mapper = new OutputLineMapper("""
                {
                  #if($limit != "")"Limit": $limit,#end
                  #set($x = 1)
                  #if($next != "")"ExclusiveStartKey": $next,#end
                  "ScanIndexForward": true
                }""");
        String joined = "  \"Limit\": 10,  \"ExclusiveStartKey\": {\"id\": {\"S\": \"a\"}},  \"ScanIndexForward\": true";

        assertThat(mapper.templateLineFor(2, joined, joined.indexOf("10") + 1)).isEqualTo(2);
        // past a line of directives only, which writes nothing
        assertThat(mapper.templateLineFor(2, joined, joined.indexOf("{\"id\"") + 1)).isEqualTo(4);
        assertThat(mapper.templateLineFor(2, joined, joined.indexOf("true") + 1)).isEqualTo(5);
        // a line of its own stays its line, whatever the column
        assertThat(mapper.templateLineFor(3, "  \"ScanIndexForward\": true", 24)).isEqualTo(5);
        // a JSON error past the end of a line ending in a member's colon is that line's
        assertThat(mapper.templateLineForError("{\n  \"Limit\": 10,  \"ExclusiveStartKey\": \n}",
                new io.github.apigwddb.spec.TextPosition(3, 1, 0))).isEqualTo(4);
    }

    /**
     * An expression's {@code #name} placeholder is literal text, so the line it is on is told from another that starts
     * alike (advanced DynamoDB trial: DDX002 in the second ConditionExpression pointed at the first).
     */
    @Test
    void anExpressionPlaceholderIsLiteralTextNotADirective() {
        OutputLineMapper mapper = new OutputLineMapper("""
                {"TransactItems": [
                  {"Put": {"TableName": "Orders",
                    "ConditionExpression": "attribute_not_exists(pk)"}},
                  {"Update": {"TableName": "Stock",
                    "ConditionExpression": "#available >= :qty AND #available > :min"}}
                ]}""");

        // output line 3 is nearer the first: only the text after the placeholder tells them apart
        assertThat(mapper.templateLineFor(3, "\"ConditionExpression\": \"#available >= :qty AND #available > :min\"}}")).isEqualTo(5);
    }

    @Test
    void directivesAreSkippedWithBalancedParentheses() {
        assertThat(OutputLineMapper.afterLeadingDirectives("#if($a.equals(\"x\")){\"a\": 1}")).isEqualTo("{\"a\": 1}");
        assertThat(OutputLineMapper.afterLeadingDirectives("#end#{else}text")).isEqualTo("text");
        assertThat(OutputLineMapper.afterLeadingDirectives("#foreach($x in $list")).isEqualTo("#foreach($x in $list");
        assertThat(OutputLineMapper.afterLeadingDirectives("$util.escapeJavaScript($a)")).isEqualTo("$util.escapeJavaScript($a)");
    }

    @Test
    void aJsonErrorAtTheStartOfALineAfterAMembersColonBelongsToThatMember() {
        String output = "{\"a\": 1,\n  \"older\": \n\n}";
        assertThat(OutputText.blamedLine(output, 4, 1)).isEqualTo(2);
        // inside the line, or after a line that ends otherwise, the error's own line
        assertThat(OutputText.blamedLine("{\"a\": 1,\n  \"b\": x}", 2, 8)).isEqualTo(2);
        assertThat(OutputText.blamedLine("{\"a\": 1,\n}", 2, 1)).isEqualTo(2);
    }
}
