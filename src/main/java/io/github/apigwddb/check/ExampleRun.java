package io.github.apigwddb.check;

import io.github.apigwddb.dynamodb.schema.TableSchemas;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.ParsedDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One example going through one integration: what was rendered at each step, and the findings so far.
 * Filled in order by the {@link ExampleCheck}s; each reads what the earlier ones left.
 */
public final class ExampleRun {

    final Locator locator;
    final Integration integration;
    final Example example;
    final Map<String, String> stageVariables;
    /** The table definitions requests are checked against (DDB013); none by default. */
    TableSchemas tables = TableSchemas.NONE;
    final List<Finding> findings = new ArrayList<>();
    /** Findings of this example that an earlier example reported already, so not added to {@link #findings}. */
    private final List<Finding> saidBefore = new ArrayList<>();
    /** Keys of findings already reported for this integration by an earlier example (shared by its runs). */
    final Set<String> reportedOnce;
    /** Values of other tools' {@code ${name}} placeholders ({@code apigw.parameters}). */
    Map<String, String> templateValues = Map.of();
    /** The query parameters and headers that some example of the integration sends (this one or another). */
    Set<String> parametersSent = Set.of();
    /**
     * A second pass over an example whose request DynamoDB's rules reject: the request is taken as if DynamoDB accepted
     * it, so that the response templates meet a success too, and their problems come with the request's, not after it
     * is fixed.
     */
    boolean asIfAccepted;

    /** API Gateway's own answer when it answers the example before calling DynamoDB (a body its validator rejects), else null. */
    GatewayAnswer gatewayAnswer;
    /** The request template API Gateway selects for the example's Content-Type, or null (passthrough/415). */
    MappingTemplate requestTemplate;
    /** The rendered request text; null when rendering failed or nothing was rendered. */
    String renderedRequest;
    /** The rendered request parsed as JSON; null when it is not JSON. */
    ParsedDocument requestJson;
    /** What DynamoDB answers a request it rejects (not JSON, or against its rules); null when it would accept it. */
    DynamoDbAnswers.Answer rejection;
    /** The DynamoDB status and body fed to the integration responses. */
    Integer dynamoDbStatus;
    String dynamoDbBody;
    /** What the success answer was (the example's own, or made up). */
    String dynamoDbAnswerName;
    /** The integration response selected for it, and the template rendered (null: passed through). */
    IntegrationResponse selectedResponse;
    MappingTemplate responseTemplate;
    /** The status API Gateway returns to the client, and the rendered client response. */
    Integer clientStatus;
    String clientResponse;

    /**
     * An answer API Gateway gives without calling DynamoDB.
     *
     * @param body the client's response body, null when a customised gateway response makes it
     * @param why why it answers so, in words, for the findings
     */
    record GatewayAnswer(int status, String body, String why) {
    }

    ExampleRun(Locator locator, Integration integration, Example example, Map<String, String> stageVariables) {
        this(locator, integration, example, stageVariables, new HashSet<>());
    }

    ExampleRun(Locator locator, Integration integration, Example example, Map<String, String> stageVariables, Set<String> reportedOnce) {
        this.locator = locator;
        this.integration = integration;
        this.example = example;
        this.stageVariables = stageVariables;
        this.reportedOnce = reportedOnce;
    }

    /** A run of the same integration with another example (a variant of this one), sharing nothing but the setting. */
    ExampleRun variant(Example other) {
        return new ExampleRun(locator, integration, other, stageVariables, new HashSet<>());
    }

    /**
     * Adds a finding unless an earlier example of the integration reported the same rule at the same place
     * with the same message: problems of the template itself, not of the example, are reported once.
     */
    void once(Finding finding) {
        once(finding.rule() + "|" + finding.position() + "|" + finding.message(), finding);
    }

    /** Adds the finding unless one with the same key was reported for this integration. */
    void once(String key, Finding finding) {
        if (reportedOnce.add(key)) {
            findings.add(finding);
        } else {
            saidBefore.add(finding);
        }
    }

    /** What this example has, with what an earlier example of the integration already reported ({@link #once}). */
    List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(saidBefore);
        return all;
    }

    public OperationRef operation() {
        return integration.operation().ref();
    }

    /** The DynamoDB action of the integration, or null when the uri names none. */
    public String action() {
        return integration.action().orElse(null);
    }

    void inTemplate(Rule rule, String message, MappingTemplate template, int line, int column) {
        findings.add(locator.inTemplate(rule, message, template, line, column, operation(), example.name()));
    }

    void atExample(Rule rule, String message, String member) {
        findings.add(locator.atExample(rule, message, example, member, operation()));
    }
}
