package io.github.apigwddb.check;

import io.github.apigwddb.examples.Example;
import io.github.apigwddb.examples.ExampleCollector;
import io.github.apigwddb.examples.ExampleProblem;
import io.github.apigwddb.examples.ExampleSet;
import io.github.apigwddb.examples.TemplateReads;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.lint.IntegrationLinter;
import io.github.apigwddb.lint.LintIssue;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.vtl.CompiledTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks one DynamoDB integration: the static rules, then every example through the {@link ExampleCheck}s. Stateless. */
final class IntegrationChecker {

    record Outcome(List<Finding> findings, List<CheckResult.CheckedCase> cases, int examplesRendered) {
    }

    private final IntegrationLinter linter = new IntegrationLinter();
    private final TemplateRunner runner;
    private final List<ExampleCheck> checks;
    /** Whether it checks the routes of WebSocket APIs: their own static rules, and examples as messages of the route. */
    private final boolean webSocket;

    IntegrationChecker(TemplateRunner runner, List<ExampleCheck> checks) {
        this(runner, checks, false);
    }

    IntegrationChecker(TemplateRunner runner, List<ExampleCheck> checks, boolean webSocket) {
        this.runner = runner;
        this.checks = List.copyOf(checks);
        this.webSocket = webSocket;
    }

    Outcome check(Locator locator, Integration integration, ExampleCollector collector, CheckRequest request) {
        OperationRef op = integration.operation().ref();
        String action = integration.action().orElse(null);
        List<Finding> findings = new ArrayList<>();
        List<CheckResult.CheckedCase> cases = new ArrayList<>();

        ExampleSet examples = examples(locator, integration, collector, request);
        List<Finding> staticFindings = staticFindings(locator, integration, examples);

        int rendered = 0;
        Set<String> reportedOnce = new HashSet<>();
        List<CheckResult.CheckedCase> runs = new ArrayList<>();
        boolean eachRefused = !examples.examples().isEmpty();
        Set<String> parametersSent = parametersSent(examples);
        List<ExampleRun> exampleRuns = new ArrayList<>();
        for (Example example : examples.examples()) {
            ExampleRun run = run(locator, integration, example, request, reportedOnce, parametersSent);
            if (run.requestTemplate != null) {
                rendered++;
            }
            eachRefused &= run.gatewayAnswer != null;
            exampleRuns.add(run);
        }
        responsesOfARejectedRequest(exampleRuns, request, parametersSent);
        for (ExampleRun run : exampleRuns) {
            findings.addAll(run.findings);
            runs.add(checkedCase(locator, integration, run.example, run));
        }
        Example madeUp = eachRefused && !webSocket && RequestRenderCheck.templateFor(integration, Example.DEFAULT_CONTENT_TYPE) != null
                ? collector.madeUp(locator.spec(), integration.operation(), requestTemplateReads(locator, integration, request)) : null;
        if (madeUp != null) {
            // every example shows a request the validator refuses: without one more, the templates would go unchecked
            staticFindings.add(locator.at(Rule.EXM002, "No example reaches DynamoDB: the request validator refuses each of this"
                    + " operation's examples (see EXM005, EXM001), so its templates are rendered with one made up from the schemas as"
                    + " well; add an example whose body the request model allows", integration.operation().pointer(), op, null));
            ExampleRun run = run(locator, integration, madeUp, request, reportedOnce, parametersSent);
            rendered += run.requestTemplate != null ? 1 : 0;
            findings.addAll(run.findings);
            runs.add(checkedCase(locator, integration, madeUp, run));
        }
        Map<String, Set<Integer>> errorStatuses = ResponseRenderCheck.errorStatuses(reportedOnce);
        judgeMap010ByRenders(staticFindings, errorStatuses);
        overriddenToSuccess(errorStatuses, staticFindings).ifPresent(answers -> staticFindings.add(locator.at(Rule.MAP010,
                "DynamoDB errors have integration responses of their own, but the one that takes " + answers + " answers with a"
                        + " success status (its statusCode, or its template's responseOverride.status), so clients get the error as a"
                        + " success; answer it with a status of its class (4xx for a client's mistake, 5xx for DynamoDB's)",
                integration.member("responses"), op, null)));
        findings.addAll(0, staticFindings);
        cases.add(new CheckResult.CheckedCase(locator.spec().file(), op, action, null, null, null, null, null, null, null, staticFindings,
                integration, null));
        cases.addAll(runs);
        return new Outcome(findings, cases, rendered);
    }

    private static CheckResult.CheckedCase checkedCase(Locator locator, Integration integration, Example example, ExampleRun run) {
        return new CheckResult.CheckedCase(locator.spec().file(), integration.operation().ref(), integration.action().orElse(null),
                example.name(), run.renderedRequest, run.dynamoDbStatus, run.dynamoDbBody, run.dynamoDbAnswerName, run.clientStatus,
                run.clientResponse, List.copyOf(run.findings), integration, example);
    }

    /**
     * MAP010 is judged on the selection patterns; a template that takes DynamoDB's errors may give them their status
     * itself ({@code responseOverride.status}). When the renders show every error answer reaching the client with a status
     * of its own class (a 400 with a 4xx, a 500 with a 5xx), the errors are mapped and MAP010 goes; otherwise it names the
     * statuses the renders gave, which may not be the response's 200 (a 404 meant for a missing item).
     */
    private static void judgeMap010ByRenders(List<Finding> staticFindings, Map<String, Set<Integer>> errorStatuses) {
        if (errorStatuses.isEmpty()) {
            return;
        }
        boolean mapped = errorStatuses.entrySet().stream().allMatch(answer -> answer.getValue().stream()
                .allMatch(status -> sameClass(status, answer.getKey())));
        // an error status of the other class (a 500 answered with the 404 meant for a missing item) is named
        List<String> otherClass = errorStatuses.entrySet().stream()
                .filter(answer -> answer.getValue().stream().anyMatch(status -> status >= 400 && !sameClass(status, answer.getKey())))
                .map(answer -> answer.getKey() + " with " + String.join(" or ", answer.getValue().stream().map(String::valueOf).toList()))
                .toList();
        // "clients get them with status 200" stands while some error does reach the client with a success status
        boolean noneAsSuccess = errorStatuses.values().stream().allMatch(statuses -> statuses.stream().allMatch(status -> status >= 400));
        staticFindings.replaceAll(finding -> finding.rule() != Rule.MAP010 || mapped || otherClass.isEmpty() ? finding
                : new Finding(finding.rule(), finding.severity(), renderedStatuses(finding.message(), otherClass, noneAsSuccess),
                        finding.position(), finding.operation(), finding.example()));
        if (mapped) {
            staticFindings.removeIf(finding -> finding.rule() == Rule.MAP010);
        }
    }

    /**
     * The DynamoDB errors a template answers with a success status though the selection patterns map errors (no static
     * MAP010), as {@code 400 ValidationException with 200}; none when MAP010 is said already or every error gets an error
     * status. A failed condition answered with 200 is left alone: an idempotent create may mean it ("already exists").
     */
    private static java.util.Optional<String> overriddenToSuccess(Map<String, Set<Integer>> errorStatuses, List<Finding> staticFindings) {
        if (staticFindings.stream().anyMatch(finding -> finding.rule() == Rule.MAP010)) {
            return java.util.Optional.empty();
        }
        List<String> answers = errorStatuses.entrySet().stream().filter(answer -> !answer.getKey().contains("ConditionalCheckFailed"))
                .filter(answer -> answer.getValue().stream().anyMatch(status -> status < 400))
                .map(answer -> answer.getKey() + " (status " + String.join(" or ", answer.getValue().stream().map(String::valueOf).toList()) + ")")
                .toList();
        return answers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join(" and ", answers));
    }

    /** The linter's words on the status clients get, replaced by what the renders gave (the template's own status). */
    private static String renderedStatuses(String message, List<String> rendered, boolean replaceSaid) {
        String said = ", so clients get them with ";
        int from = replaceSaid ? message.indexOf(said) : -1;
        int to = from < 0 ? -1 : message.indexOf(';', from);
        String instead = ", and the integration response that takes them answers " + String.join(", ", rendered)
                + " (an error's status is of its class, and 404 says the item does not exist)";
        return to < 0 ? message + " (" + instead.substring(2) + ")" : message.substring(0, from) + instead + message.substring(to);
    }

    /**
     * Whether a client status maps a DynamoDB error named by its status ({@code 400 ValidationException}): one of its class,
     * and not 404, which tells the client the item does not exist (a missing item's branch taking every error), but for a
     * failed condition, which an update or delete of a missing item meets.
     */
    private static boolean sameClass(int status, String answer) {
        return status / 100 == Integer.parseInt(answer.substring(0, 3)) / 100 && (status != 404 || answer.contains("ConditionalCheckFailed"));
    }

    /**
     * The integration's examples; for a WebSocket route, as messages of that route. One made up for a route gives what
     * the route's requests have: the query string and headers of the upgrade request on {@code $connect} (the templates
     * of AWS's own samples store them), a body on message routes, neither on {@code $disconnect}.
     */
    ExampleSet examples(Locator locator, Integration integration, ExampleCollector collector, CheckRequest request) {
        TemplateReads reads = requestTemplateReads(locator, integration, request);
        if (!webSocket) {
            return collector.collect(locator.spec(), integration.operation(), reads);
        }
        String routeKey = IntegrationExtractor.routeKey(integration.operation());
        TemplateReads routeReads = switch (routeKey) {
            case "$connect" -> new TemplateReads(List.of(), reads.parameters(), Set.of(), reads.contextPaths());
            case "$disconnect" -> new TemplateReads(List.of(), List.of(), Set.of(), reads.contextPaths());
            default -> new TemplateReads(reads.bodyPaths(), List.of(), reads.iteratedPaths(), reads.contextPaths());
        };
        ExampleSet examples = collector.collect(locator.spec(), integration.operation(), routeReads,
                e -> !WebSocketMessages.selectsAnotherTemplate(integration.operation(), e));
        return new ExampleSet(examples.examples().stream().map(e -> WebSocketMessages.asMessageOf(integration.operation(), e)).toList(),
                examples.problems());
    }

    /**
     * When no example's request reached a success (DynamoDB's rules reject each, and none gives DynamoDB's answer), the
     * first rejected one is run again as if DynamoDB accepted it, and what that says of the items' attributes in the
     * response templates (RSP005, RSP006, MAP012) is added to its findings: else they would come only once the request is
     * fixed (user trial). Not whether the success renders as JSON (RSP003): an answer made up from a wrong request can
     * lack what the right one gives (no Attributes for a misspelt ReturnValues, re-trial).
     */
    private void responsesOfARejectedRequest(List<ExampleRun> runs, CheckRequest request, Set<String> parametersSent) {
        if (runs.stream().anyMatch(run -> run.dynamoDbStatus != null && run.dynamoDbStatus == 200)) {
            return;
        }
        ExampleRun rejected = runs.stream().filter(run -> run.rejection != null && run.requestJson != null
                && run.example.dynamodbResponse() == null).findFirst().orElse(null);
        if (rejected == null) {
            return;
        }
        ExampleRun accepted = run(rejected.locator, rejected.integration, rejected.example, request, rejected.reportedOnce, parametersSent,
                true);
        List<Finding> said = rejected.allFindings();
        for (Finding finding : accepted.findings) {
            if (AS_IF_ACCEPTED_RULES.contains(finding.rule()) && !said.contains(finding)) {
                rejected.findings.add(finding);
            }
        }
    }

    /** What the pass as if DynamoDB accepted a rejected request reports: what items' attributes do to the responses. */
    private static final Set<Rule> AS_IF_ACCEPTED_RULES = Set.of(Rule.RSP005, Rule.RSP006, Rule.MAP012);

    /** The query parameters ({@link #query}) and headers ({@link #header}) that some example sends. */
    static Set<String> parametersSent(ExampleSet examples) {
        Set<String> names = new HashSet<>();
        for (Example example : examples.examples()) {
            example.querystring().keySet().forEach(name -> names.add(query(name)));
            example.headers().keySet().forEach(name -> names.add(header(name)));
        }
        return names;
    }

    static String query(String name) {
        return "querystring " + name;
    }

    /** Header names are compared whatever their case, as HTTP compares them. */
    static String header(String name) {
        return "header " + name.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What the request template of a JSON request reads, so that an example made up for the operation gives those
     * inputs values; nothing when JSON requests pass through or the template does not compile.
     */
    TemplateReads requestTemplateReads(Locator locator, Integration integration, CheckRequest request) {
        MappingTemplate template = RequestRenderCheck.templateFor(integration, Example.DEFAULT_CONTENT_TYPE);
        CompiledTemplate compiled = template == null ? null
                : runner.compiledAsDeployed(template, locator.fromTemplate(), request.templateParameters().values());
        return compiled == null ? TemplateReads.NONE : TemplateReads.of(compiled);
    }

    /**
     * Puts one example through every check; {@code reportedOnce} is shared by the examples of one integration.
     *
     * @param parametersSent the query parameters and headers that some example of the integration sends
     */
    ExampleRun run(Locator locator, Integration integration, Example example, CheckRequest request, Set<String> reportedOnce,
            Set<String> parametersSent) {
        return run(locator, integration, example, request, reportedOnce, parametersSent, false);
    }

    /** @param asIfAccepted see {@link ExampleRun#asIfAccepted} */
    private ExampleRun run(Locator locator, Integration integration, Example example, CheckRequest request, Set<String> reportedOnce,
            Set<String> parametersSent, boolean asIfAccepted) {
        Map<String, String> stageVariables = new LinkedHashMap<>(request.stageVariables());
        stageVariables.putAll(example.stageVariables());
        ExampleRun run = new ExampleRun(locator, integration, example, stageVariables, reportedOnce);
        run.parametersSent = parametersSent;
        run.asIfAccepted = asIfAccepted;
        run.tables = request.tables();
        run.templateValues = request.templateParameters().values();
        for (ExampleCheck check : checks) {
            try {
                check.check(run);
            } catch (RuntimeException | StackOverflowError e) {
                // a bug in one check costs its own findings, not the whole build's, as in the request validator
                run.once(locator.at(Rule.DDB000, "Internal error in check " + check.getClass().getSimpleName() + " (please report it): " + e,
                        integration.pointer(), run.operation(), example.name()));
            }
        }
        return run;
    }

    /**
     * The findings of static rules, located; a finding that judges a value wholly a stand-in is left out (its text is made
     * up, and CFN005 says so).
     *
     * @param op the operation, or null for the API's own rules
     */
    static void addLintFindings(Locator locator, List<LintIssue> issues, OperationRef op, List<Finding> out) {
        for (LintIssue issue : issues) {
            if (!(issue.judgesValue() && locator.isStandIn(issue.pointer()))) {
                out.add(locator.at(issue.rule(), issue.message(), issue.pointer(), issue.operation() != null ? issue.operation() : op, null));
            }
        }
    }

    /** The static rules' findings and the example problems of an integration. */
    List<Finding> staticFindings(Locator locator, Integration integration, ExampleSet examples) {
        OperationRef op = integration.operation().ref();
        List<Finding> staticFindings = new ArrayList<>();
        addLintFindings(locator, webSocket ? linter.lintWebSocket(integration, locator.spec().root())
                : linter.lint(integration, locator.spec().root()), op, staticFindings);
        for (ExampleProblem problem : examples.problems()) {
            staticFindings.add(new Finding(problem.rule(), problem.rule().defaultSeverity(), problem.message(),
                    Locator.position(problem.file(), problem.position()), op, problem.example()));
        }
        return staticFindings;
    }
}
