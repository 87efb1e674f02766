package io.github.apigwddb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.dynamodb.DynamoDbRequestValidator;
import io.github.apigwddb.dynamodb.RequestViolation;
import io.github.apigwddb.dynamodb.schema.TableSchemaReader;
import io.github.apigwddb.dynamodb.schema.TableSchemas;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule page's failing example raises its rule and its passing example does not, so the pages cannot drift
 * from what the plugin does. A page shows either a whole document (an OpenAPI/Swagger definition or a
 * CloudFormation/SAM template), run through the check, or a rendered DynamoDB request ("Action `X`, rendered
 * request:"), run through the request validator with the conformance tables. Pages whose examples are excerpts
 * are listed in {@link #EXCERPTS}, shortened ones in {@link #ABBREVIATED}, with the reason; a page that is neither
 * runnable nor listed fails, and so does a listed page whose examples have become runnable.
 *
 * <p>Readers copy the passing example, so it must be clean: it raises no error or warning of any rule, not only none
 * of its page's own. {@link #NOT_ABOUT_EXAMPLES} names the one rule every short example raises, and
 * {@link #ALLOWED_IN_PASSING} the other rules a page's passing example may raise, each with the reason the page
 * gives; an allowance that is no longer needed fails too, so the list stays short. Some excerpt pages are also run,
 * placed in a whole document of {@link #EXCERPT_DOCUMENTS}, to hold their passing example to the same standard.
 */
class RuleDocsExamplesTest {

    private static final Path PAGES = Path.of("docs/rules");

    /** Pages whose examples show only the part of a document that matters, and why they are not run. */
    private static final Map<Rule, String> EXCERPTS = Map.ofEntries(
            Map.entry(Rule.SPEC004, "the paths and components of a definition, without the integration"),
            Map.entry(Rule.SPEC005, "an operation's x-apigw-ignore entry"),
            Map.entry(Rule.VTL007, "a request template (VTL)"),
            Map.entry(Rule.VTL009, "the operation's optional parameter and the template using it"),
            Map.entry(Rule.VTL010, "a request template (VTL)"),
            Map.entry(Rule.VTL011, "a request template (VTL)"),
            Map.entry(Rule.DDB000, "no request raises it: every DDB000 is a bug of the plugin; the page shows a finding"),
            Map.entry(Rule.RSP001, "an integration and its response template"),
            Map.entry(Rule.RSP003, "an integration response and its template"),
            Map.entry(Rule.SEC001, "a request template and the hostile value that breaks it"),
            Map.entry(Rule.SEC002, "a request template escaped without replaceAll"),
            Map.entry(Rule.SEC003, "a request template or passthrough setting"),
            Map.entry(Rule.SEC004, "a request template iterating over the body's keys"),
            Map.entry(Rule.EXM001, "an operation's x-apigw-examples with expect"),
            Map.entry(Rule.EXM002, "an operation without examples"),
            Map.entry(Rule.EXM003, "a path item and its example"),
            Map.entry(Rule.EXM004, "a sidecar examples file"),
            Map.entry(Rule.EXM005, "an operation's x-apigw-examples"),
            Map.entry(Rule.EXM006, "an operation's x-apigw-examples"),
            Map.entry(Rule.EXM007, "the names of a definition's operation and of an examples file"),
            Map.entry(Rule.EXM008, "a path item and its example"),
            Map.entry(Rule.CFN001, "a DefinitionBody with AWS::Include and the pom.xml mapping"),
            Map.entry(Rule.CFN002, "a line of a file pulled in by AWS::Include"),
            Map.entry(Rule.CFN003, "a line of a file named by DefinitionUri"),
            Map.entry(Rule.CFN004, "a request template wrapped in Fn::Sub"),
            Map.entry(Rule.CFN005, "a template's Parameters and the pom.xml value"),
            Map.entry(Rule.CFN007, "a value with a YAML tag"),
            Map.entry(Rule.CFN008, "an HTTP API resource"));

    /** Pages whose examples have the runnable shape but are shortened with "…": their fixtures are elsewhere. */
    private static final Map<Rule, String> ABBREVIATED = Map.of(
            Rule.DDX011, "101 operands do not fit a page; its fixtures are in ddx011-limits.json");

    /**
     * A rule every page's document raises and that says nothing about the example: the check runs without an examples
     * directory, and the pages keep their operations short, without x-apigw-examples. The check still renders each
     * operation with an example made up from the schemas and the template, so the other rules see the template.
     */
    private static final Map<Rule, String> NOT_ABOUT_EXAMPLES = Map.of(
            Rule.EXM002, "an operation without examples: the pages do not give x-apigw-examples");

    /**
     * Rules other than its own that a page's passing example may raise at error or warning, with the reason the page
     * explains. Empty: every passing example is clean. Add an entry only where the example cannot avoid the finding.
     */
    private static final Map<Rule, Map<Rule, String>> ALLOWED_IN_PASSING = Map.of();

    /**
     * Excerpt pages whose passing example is run inside a whole document: each line of the example's first fence
     * replaces the line {@code %EXCERPT%}, indented as that line is. A request template (a {@code vtl} fence) goes
     * under a media type; an integration's {@code requestTemplates} (a {@code yaml} fence) under the integration.
     * VTL007's loop gets an example with items: the one the check makes up has an empty list, which no batch accepts.
     */
    private static final Map<Rule, String> EXCERPT_DOCUMENTS = Map.of(
            Rule.VTL007, """
                    openapi: 3.0.1
                    info: {title: items, version: "1"}
                    paths:
                      /items:
                        post:
                          operationId: putItems
                          responses:
                            "200": {description: ok}
                            "400": {description: bad request}
                            "500": {description: failed}
                          x-apigw-examples:
                            - name: two
                              body: {items: [{id: "a"}, {id: "b"}]}
                          x-amazon-apigateway-integration:
                            type: aws
                            httpMethod: POST
                            uri: arn:aws:apigateway:us-east-1:dynamodb:action/BatchWriteItem
                            credentials: arn:aws:iam::123456789012:role/apigw-items
                            passthroughBehavior: never
                            requestTemplates:
                              application/json: |
                                {"RequestItems": {"Items": [
                                %EXCERPT%
                                ]}}
                            responses:
                              default: {statusCode: "200", responseTemplates: {application/json: '{"ok": true}'}}
                              "4\\\\d{2}": {statusCode: "400"}
                              "5\\\\d{2}": {statusCode: "500"}
                    """,
            Rule.VTL009, """
                    openapi: 3.0.1
                    info: {title: widgets, version: "1"}
                    paths:
                      /widgets:
                        get:
                          operationId: listWidgets
                          parameters:
                            - {name: owner, in: query, required: true, schema: {type: string}}
                            - {name: pageSize, in: query, required: false, schema: {type: integer}}
                          responses:
                            "200": {description: ok}
                            "400": {description: bad request}
                            "500": {description: failed}
                          x-amazon-apigateway-integration:
                            type: aws
                            httpMethod: POST
                            uri: arn:aws:apigateway:us-east-1:dynamodb:action/Query
                            credentials: arn:aws:iam::123456789012:role/apigw-widgets
                            passthroughBehavior: never
                            %EXCERPT%
                            responses:
                              default: {statusCode: "200", responseTemplates: {application/json: '{"count": $input.json(''$.Count'')}'}}
                              "4\\\\d{2}": {statusCode: "400"}
                              "5\\\\d{2}": {statusCode: "500"}
                    """,
            Rule.VTL010, """
                    openapi: 3.0.1
                    info: {title: items, version: "1"}
                    paths:
                      /items:
                        get:
                          operationId: scanItems
                          parameters:
                            - {name: limit, in: query, schema: {type: string}}
                          responses:
                            "200": {description: ok}
                            "400": {description: bad request}
                            "500": {description: failed}
                          x-amazon-apigateway-integration:
                            type: aws
                            httpMethod: POST
                            uri: arn:aws:apigateway:us-east-1:dynamodb:action/Scan
                            credentials: arn:aws:iam::123456789012:role/apigw-items
                            passthroughBehavior: never
                            requestTemplates:
                              application/json: |
                                %EXCERPT%
                            responses:
                              default: {statusCode: "200", responseTemplates: {application/json: '{"count": $input.json(''$.Count'')}'}}
                              "4\\\\d{2}": {statusCode: "400"}
                              "5\\\\d{2}": {statusCode: "500"}
                    """);

    private static final Pattern FIRST_FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern RENDERED_REQUEST = Pattern.compile("Action `(\\w+)`, rendered request:\\s*```json\\n(.*?)\\n```", Pattern.DOTALL);

    @TempDir
    Path dir;

    static Stream<Rule> rules() {
        return Arrays.stream(Rule.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failingExampleRaisesTheRuleAndPassingExampleDoesNot(Rule rule) throws IOException, URISyntaxException {
        String page = Files.readString(PAGES.resolve(rule.id() + ".md"));
        if (ABBREVIATED.containsKey(rule)) {
            assertThat(page).as(rule.id() + " is still abbreviated").contains("…");
            return;
        }
        String failing = section(page, "## Failing example");
        String passing = section(page, "## Passing example");
        boolean runnable;
        if (RENDERED_REQUEST.matcher(failing).find() && RENDERED_REQUEST.matcher(passing).find()) {
            assertThat(rulesRaisedByRequest(failing)).as(rule.id() + " failing example").contains(rule);
            List<Rule> raised = rulesRaisedByRequest(passing);
            assertThat(raised).as(rule.id() + " passing example").doesNotContain(rule);
            assertClean(rule, raised.stream().filter(r -> r.defaultSeverity().atLeast(Severity.WARNING)).toList());
            runnable = true;
        } else if (wholeDocumentIn(failing) != null && wholeDocumentIn(passing) != null) {
            assertThat(rulesRaisedByDocument(wholeDocumentIn(failing), rule.id() + "-failing.yaml")).as(rule.id() + " failing example").contains(rule);
            List<Finding> findings = findingsOfDocument(wholeDocumentIn(passing), rule.id() + "-passing.yaml");
            assertThat(findings).extracting(Finding::rule).as(rule.id() + " passing example").doesNotContain(rule);
            assertClean(rule, errorsAndWarnings(findings));
            runnable = true;
        } else {
            runnable = false;
        }
        if (EXCERPT_DOCUMENTS.containsKey(rule)) {
            assertThat(EXCERPTS).as(rule.id() + " is run in a document, so it must be an excerpt").containsKey(rule);
            List<Finding> findings = findingsOfDocument(inDocument(rule, passing), rule.id() + "-passing-excerpt.yaml");
            assertThat(findings).extracting(Finding::rule).as(rule.id() + " passing excerpt in a document").doesNotContain(rule);
            assertClean(rule, errorsAndWarnings(findings));
        }
        if (runnable) {
            assertThat(EXCERPTS).as(rule.id() + "'s examples run now: take it out of EXCERPTS").doesNotContainKey(rule);
        } else {
            assertThat(EXCERPTS).as(rule.id() + ": examples neither a whole document nor a rendered request, and not listed in EXCERPTS")
                    .containsKey(rule);
        }
    }

    /**
     * The passing example raises, at error or warning, nothing but what {@link #NOT_ABOUT_EXAMPLES} and the page's
     * entry of {@link #ALLOWED_IN_PASSING} allow; and each allowance is still needed.
     */
    private static void assertClean(Rule page, List<Rule> raised) {
        Map<Rule, String> allowed = ALLOWED_IN_PASSING.getOrDefault(page, Map.of());
        assertThat(raised.stream().filter(r -> !NOT_ABOUT_EXAMPLES.containsKey(r) && !allowed.containsKey(r)).distinct())
                .as(page.id() + "'s passing example raises errors or warnings of other rules: make it clean,"
                        + " or list them in ALLOWED_IN_PASSING with the reason the page gives")
                .isEmpty();
        assertThat(allowed.keySet()).as(page.id() + ": allowances in ALLOWED_IN_PASSING its passing example no longer needs")
                .allMatch(raised::contains);
    }

    private static List<Rule> errorsAndWarnings(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity().atLeast(Severity.WARNING)).map(Finding::rule).toList();
    }

    private List<Rule> rulesRaisedByDocument(String document, String name) throws IOException {
        return findingsOfDocument(document, name).stream().map(Finding::rule).toList();
    }

    private List<Finding> findingsOfDocument(String document, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, document);
        return new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("no-examples"), Map.of(), 1), CheckLog.SILENT)
                .findings();
    }

    /** The section's first fence put in the page's document of {@link #EXCERPT_DOCUMENTS}, at its line {@code %EXCERPT%}. */
    private static String inDocument(Rule rule, String section) {
        Matcher fence = FIRST_FENCE.matcher(section);
        assertThat(fence.find()).as(rule.id() + " passing example has no fenced block").isTrue();
        Matcher at = Pattern.compile("(?m)^( *)%EXCERPT%$").matcher(EXCERPT_DOCUMENTS.get(rule));
        assertThat(at.find()).isTrue();
        String indented = fence.group(2).lines().map(line -> line.isEmpty() ? line : at.group(1) + line)
                .collect(Collectors.joining("\n"));
        return EXCERPT_DOCUMENTS.get(rule).substring(0, at.start()) + indented + EXCERPT_DOCUMENTS.get(rule).substring(at.end());
    }

    private List<Rule> rulesRaisedByRequest(String section) throws IOException, URISyntaxException {
        Matcher m = RENDERED_REQUEST.matcher(section);
        assertThat(m.find()).isTrue();
        TableSchemas tables = new TableSchemaReader().read(List.of(Path.of(getClass().getResource("/dynamodb/tables/conformance-tables.json").toURI())));
        List<RequestViolation> violations = new DynamoDbRequestValidator().validate(m.group(1), new ObjectMapper().readTree(m.group(2)), tables);
        return violations.stream().map(v -> Rule.valueOf(v.ruleId())).toList();
    }

    private static String section(String text, String heading) {
        int at = text.indexOf("\n" + heading + "\n");
        return at < 0 ? "" : text.substring(at + heading.length() + 2).split("\n## ", 2)[0];
    }

    /** The section's first fenced block when it is a whole YAML document: an OpenAPI/Swagger definition or a template. */
    private static String wholeDocumentIn(String section) {
        Matcher fence = FIRST_FENCE.matcher(section);
        if (!fence.find() || !fence.group(1).equals("yaml")) {
            return null;
        }
        String yaml = fence.group(2);
        boolean definition = (yaml.startsWith("openapi:") || yaml.startsWith("swagger:")) && yaml.contains("\npaths:");
        boolean template = yaml.startsWith("AWSTemplateFormatVersion:") && yaml.contains("\nResources:");
        return definition || template ? yaml : null;
    }
}
