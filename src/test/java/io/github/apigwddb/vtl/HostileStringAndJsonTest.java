package io.github.apigwddb.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reviewer reproductions on strings and JSON text (v31, v40, v32, v34, s02b, v16b, s09 in the hostile-template runs):
 * each once hung the build, exhausted its heap or was reported as something else. Each is refused before the work, with
 * a message that names what was too big. The timeout is a safety net only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileStringAndJsonTest {

    private static final String PUT_ITEM = "{\"TableName\":\"Tbl\",\"Item\":{}}";
    /** $h: 'a' x 10M; $n: 'a' x 5M + 'b', which the JDK's search compares with $h at 5M positions, 5M characters each. */
    private static final String HAYSTACK_AND_NEEDLE = "#set($a=\"a\")#set($h=$a.repeat(10000000))#set($n=$a.repeat(5000000).concat(\"b\"))";

    private final ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();

    private RenderResult render(String template, String body) throws TemplateSyntaxException {
        return engine.render(engine.compile("t", template), TemplateInput.ofBody(body));
    }

    private RenderProblem problem(String template) throws TemplateSyntaxException {
        return render(template, "{}").problem();
    }

    @Test
    void indexOfALongNeedleInALongStringIsRefusedByItsCost() throws TemplateSyntaxException {
        String template = HAYSTACK_AND_NEEDLE + "{\"id\": \"$h.indexOf($n)\"}";

        RenderProblem problem = problem(template);

        assertThat(problem.kind()).isEqualTo(RenderProblem.Kind.LIMIT);
        assertThat(problem.message()).isEqualTo("indexOf() searching a string of 10000000 characters for one of 5000001"
                + " could compare more than 1000000000 pairs of characters");
        assertThat(problem.column()).isEqualTo(template.indexOf("indexOf") + 1);
    }

    @Test
    void replaceContainsAndLastIndexOfShareTheBound() throws TemplateSyntaxException {
        assertThat(problem(HAYSTACK_AND_NEEDLE + "$h.replace($n, \"\")").message())
                .startsWith("replace() searching a string of 10000000 characters for one of 5000001");
        assertThat(problem(HAYSTACK_AND_NEEDLE + "#if($h.contains($n))y#end").message()).startsWith("contains() searching");
        assertThat(problem("#set($a=\"a\")#set($h=$a.repeat(100000))#set($b=\"b\")#set($n=$b.concat($a.repeat(50000)))$h.lastIndexOf($n, 99999)")
                .message()).isEqualTo("lastIndexOf() searching a string of 100000 characters for one of 50001"
                + " could compare more than 1000000000 pairs of characters");
    }

    @Test
    void searchesWithinTheBoundStillWork() throws TemplateSyntaxException {
        RenderResult small = render("#set($s=\"a-b-c\")$s.indexOf(\"-\") $s.lastIndexOf(\"-\") $s.contains(\"b-\") $s.replace(\"-\", \"+\")"
                + " $s.replace($s.charAt(1), $s.charAt(0))", "{}");
        assertThat(small.output()).isEqualTo("1 3 true a+b+c aabac");

        // a long text searched for a short needle: 10M x 20 comparisons at worst
        RenderResult longText = render("#set($a=\"a\")#set($h=$a.repeat(10000000))$h.indexOf(\"aaaaaaaaaaaaaaaaaaab\")", "{}");
        assertThat(longText.problem()).isNull();
        assertThat(longText.output()).isEqualTo("-1");
    }

    @Test
    void splitOfALongStringIntoMoreElementsThanAListMayHoldIsRefusedBeforeTheyAreBuilt() throws TemplateSyntaxException {
        RenderProblem problem = problem("#set($a=\"a\")#set($h=$a.repeat(10000000))#set($p=$h.split(\"\"))" + PUT_ITEM);

        assertThat(problem.kind()).isEqualTo(RenderProblem.Kind.LIMIT);
        assertThat(problem.message()).isEqualTo("split() of a string of 10000000 characters would build a list of more than 1000000 elements");
        assertThat(problem("#set($a=\"a,\")#set($h=$a.repeat(1000000))#set($p=$h.split(\",\", -1))" + PUT_ITEM).message())
                .startsWith("split() of a string of 2000000 characters would build a list of more than 1000000 elements");
        assertThat(problem("#set($a=\"a\")#set($h=$a.repeat(2000000))#set($p=$h.toCharArray())" + PUT_ITEM).message())
                .isEqualTo("toCharArray() on a string of 2000000 characters would build a list of more than 1000000 elements");
    }

    /** A long string split into fewer pieces than the bound splits as Java does, trailing empty strings dropped for limit 0. */
    @Test
    void splitOfALongStringIntoFewPiecesIsAsJavaSplits() throws TemplateSyntaxException {
        RenderResult result = render("#set($a=\"a\")#set($h=$a.repeat(2000000).concat(\",b,,\"))"
                + "$h.split(\",\").size() $h.split(\",\")[1] $h.split(\",\", -1).size() $h.split(\",\", 2)[1] $h.split(\"(?=b)\").size()"
                + " $h.split(\"\", 3)[1]", "{}");

        assertThat(result.problem()).isNull();
        assertThat(result.output()).isEqualTo("2 b 4 b,, 2 a");
        assertThat(render("#set($s=\"x,y,,\")#set($p=$s.split(\",\"))$p.size() $p[1] #set($s=\",\")#set($p=$s.split(\",\"))$p.size()", "{}").output())
                .isEqualTo("2 y0"); // #set gobbles the space before it
    }

    @Test
    void parseJsonOfAHugeNumberIsRefusedBeforeJsonSmartReadsIt() throws TemplateSyntaxException {
        RenderProblem problem = problem("#set($a=\"9\")#set($h=$a.repeat(5000000))#set($p=$util.parseJson($h))" + PUT_ITEM);

        assertThat(problem.kind()).isEqualTo(RenderProblem.Kind.LIMIT);
        assertThat(problem.message()).isEqualTo("the argument of $util.parseJson holds 5000000 digits in a row: the check parses JSON"
                + " with at most 1000 digits in a row, in a number or in a string (json-smart, API Gateway's parser, takes time"
                + " growing with the square of the length over a longer number: minutes for millions of digits)");
    }

    @Test
    void aBodyWithAHugeNumberIsRefusedWhereTheTemplateReadsIt() throws TemplateSyntaxException {
        String body = "{\"n\": " + "9".repeat(5_000_000) + "}";

        String template = "{\"TableName\": \"Widgets\", \"X\": $input.json('$')}";

        RenderProblem problem = render(template, body).problem();

        assertThat(problem.kind()).isEqualTo(RenderProblem.Kind.LIMIT);
        assertThat(problem.message()).startsWith("the body read by $input holds 5000000 digits in a row: the check parses JSON"
                + " with at most 1000 digits in a row");
        assertThat(problem.column()).isEqualTo(template.indexOf("json") + 1);
        // a fraction counts as a run of its own
        assertThat(render("$input.json('$.n')", "{\"n\": 1." + "5".repeat(1001) + "}").problem().message())
                .startsWith("the body read by $input holds 1001 digits in a row");
    }

    /**
     * Digits in a string count too, and the message says so (review: it spoke of numbers only): a scan that skipped
     * strings would take json-smart's single-quoted '"' for the start of one and miss the number after it.
     */
    @Test
    void digitsInAStringCountAsTheyWouldInANumber() throws TemplateSyntaxException {
        RenderProblem inString = render("$input.json('$.s')", "{\"s\": \"" + "7".repeat(1001) + "\"}").problem();
        assertThat(inString.kind()).isEqualTo(RenderProblem.Kind.LIMIT);
        assertThat(inString.message()).startsWith("the body read by $input holds 1001 digits in a row: ").contains("in a number or in a string");

        assertThat(render("$input.json('$.b')", "{'a': '\"', 'b': " + "9".repeat(1001) + "}").problem().message())
                .startsWith("the body read by $input holds 1001 digits in a row");
    }

    @Test
    void numbersUpToTheBoundAreStillRead() throws TemplateSyntaxException {
        String thousand = "9".repeat(1000);

        RenderResult result = render("$input.json('$.n') $util.parseJson('[1.5, -20]')", "{\"n\": " + thousand + ", \"s\": \"x\"}");

        assertThat(result.problem()).isNull();
        assertThat(result.output()).isEqualTo(thousand + " [1.5,-20]");
    }

    @Test
    void aRegexRecursingTooDeeplyIsSaidToBeTheRegexNotTheTemplate() throws TemplateSyntaxException {
        RenderProblem problem = problem("#set($a=\"a\")#set($s = $a.repeat(100000).concat(\"!\"))#if($s.matches(\"(a|aa)*\"))y#end");

        assertThat(problem.kind()).isEqualTo(RenderProblem.Kind.LIMIT);
        assertThat(problem.message()).isEqualTo("the regular expression '(a|aa)*' recursed too deeply on a text of 100001 characters"
                + " (java.util.regex goes one call deeper for each repetition of a group) and ran out of stack");
    }

    @Test
    void aRegexRecursingTooDeeplyInAJsonPathFilterIsSaidToBeTheRegex() throws TemplateSyntaxException {
        String body = "[{\"a\": \"" + "a".repeat(100_000) + "\"}]";

        RenderProblem problem = render("#set($b = $input.path(\"$[?(@.a =~ /(a|aa)*c/)]\"))" + PUT_ITEM, body).problem();

        assertThat(problem.kind()).isEqualTo(RenderProblem.Kind.LIMIT);
        assertThat(problem.message()).startsWith("the regular expression '(a|aa)*c' recursed too deeply on a text of 100000 characters");
    }
}
