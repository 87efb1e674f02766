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
            assertThat(rulesRaisedByRequest(failing)).as(rule.id() + " failing example").contains(rule.id());
            assertThat(rulesRaisedByRequest(passing)).as(rule.id() + " passing example").doesNotContain(rule.id());
            runnable = true;
        } else if (wholeDocumentIn(failing) != null && wholeDocumentIn(passing) != null) {
            assertThat(rulesRaisedByDocument(wholeDocumentIn(failing), rule.id() + "-failing.yaml")).as(rule.id() + " failing example").contains(rule);
            assertThat(rulesRaisedByDocument(wholeDocumentIn(passing), rule.id() + "-passing.yaml")).as(rule.id() + " passing example").doesNotContain(rule);
            runnable = true;
        } else {
            runnable = false;
        }
        if (runnable) {
            assertThat(EXCERPTS).as(rule.id() + "'s examples run now: take it out of EXCERPTS").doesNotContainKey(rule);
        } else {
            assertThat(EXCERPTS).as(rule.id() + ": examples neither a whole document nor a rendered request, and not listed in EXCERPTS")
                    .containsKey(rule);
        }
    }

    private List<Rule> rulesRaisedByDocument(String document, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, document);
        return new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("no-examples"), Map.of(), 1), CheckLog.SILENT)
                .findings().stream().map(Finding::rule).toList();
    }

    private List<String> rulesRaisedByRequest(String section) throws IOException, URISyntaxException {
        Matcher m = RENDERED_REQUEST.matcher(section);
        assertThat(m.find()).isTrue();
        TableSchemas tables = new TableSchemaReader().read(List.of(Path.of(getClass().getResource("/dynamodb/tables/conformance-tables.json").toURI())));
        List<RequestViolation> violations = new DynamoDbRequestValidator().validate(m.group(1), new ObjectMapper().readTree(m.group(2)), tables);
        return violations.stream().map(RequestViolation::ruleId).toList();
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
