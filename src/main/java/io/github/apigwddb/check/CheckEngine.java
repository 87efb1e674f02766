package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.DynamoDbActions;
import io.github.apigwddb.dynamodb.DynamoDbRequestValidator;
import io.github.apigwddb.dynamodb.RequestViolation;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.examples.ExampleCollector;
import io.github.apigwddb.examples.ExampleProblem;
import io.github.apigwddb.examples.ExampleSet;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.lint.IntegrationLinter;
import io.github.apigwddb.lint.LintIssue;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.SourcePosition;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.LoadResult;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.SpecKind;
import io.github.apigwddb.spec.SpecLoader;
import io.github.apigwddb.spec.SpecProblem;
import io.github.apigwddb.spec.StringContentLocator;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.RenderProblem;
import io.github.apigwddb.vtl.RenderResult;
import io.github.apigwddb.vtl.TemplateInput;
import io.github.apigwddb.vtl.TemplateSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The check, end to end and one way: files → spec tree and source map → DynamoDB integrations → static
 * rules → for each example: render the request template → parse the JSON → validate it for the action →
 * check expectations → findings in report order. Knows nothing of Maven. One engine per run: it holds the
 * compiled templates of that run.
 */
public final class CheckEngine {

    private final SpecLoader loader = new SpecLoader();
    private final IntegrationLinter linter = new IntegrationLinter();
    private final DynamoDbRequestValidator validator = new DynamoDbRequestValidator();
    private final DocumentParser jsonParser = new DocumentParser();
    private final ApiGatewayTemplateEngine templates = new ApiGatewayTemplateEngine();
    /** Distinct template texts are compiled once per run, however many operations share them. */
    private final Map<String, Object> compiled = new ConcurrentHashMap<>();

    public CheckResult run(CheckRequest request, CheckLog log) {
        ExampleCollector collector = new ExampleCollector(request.examplesDirectory());
        List<Finding> findings = new ArrayList<>();
        List<CheckResult.CheckedCase> cases = new ArrayList<>();
        int specs = 0;
        int integrations = 0;
        int examples = 0;
        ForkJoinPool pool = request.threads() > 1 ? new ForkJoinPool(request.threads()) : null;
        try {
            for (var file : request.specFiles()) {
                LoadResult loaded = loader.load(file);
                for (SpecProblem problem : loaded.problems()) {
                    findings.add(new Finding(problem.rule(), problem.rule().defaultSeverity(), problem.message(),
                            position(file, problem.position()), null, null));
                }
                LoadedSpec spec = loaded.spec();
                if (spec == null) {
                    continue;
                }
                if (spec.kind() == SpecKind.NOT_AN_API) {
                    log.debug(file + " is " + SpecKind.NOT_AN_API.label() + " (no openapi, swagger or Resources at its root): not checked");
                    continue;
                }
                if (spec.kind() == SpecKind.CLOUDFORMATION) {
                    findings.add(new Finding(Rule.SPEC003, Rule.SPEC003.defaultSeverity(),
                            "This is a CloudFormation/SAM template; the integrations inside it are not checked yet."
                                    + " Keep the OpenAPI definition in its own file (AWS::Include) to have it checked",
                            position(file, TextPosition.START), null, null));
                    continue;
                }
                specs++;
                List<Integration> dynamo = new ArrayList<>();
                for (ApiOperation operation : IntegrationExtractor.operations(spec.root())) {
                    Integration integration = IntegrationExtractor.integrationOf(operation);
                    if (integration == null) {
                        log.debug(operation.ref().display() + ": no x-amazon-apigateway-integration");
                    } else if (integration.isDynamoDb() || mentionsDynamoDb(integration)) {
                        dynamo.add(integration);
                    } else {
                        log.debug(operation.ref().display() + ": " + describe(integration) + " integration, not checked");
                    }
                }
                log.info("Checking " + file.getFileName() + " (" + spec.kind().label() + "): " + dynamo.size() + " DynamoDB integration"
                        + (dynamo.size() == 1 ? "" : "s"));
                integrations += dynamo.size();
                List<Outcome> outcomes = checkAll(spec, dynamo, collector, request, pool);
                for (Outcome outcome : outcomes) {
                    findings.addAll(outcome.findings());
                    cases.addAll(outcome.cases());
                    examples += outcome.examples();
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        findings.sort(Finding.REPORT_ORDER);
        return new CheckResult(List.copyOf(findings), specs, integrations, examples, List.copyOf(cases));
    }

    /** An integration whose uri says dynamodb but not in the shape we parse: still ours, AGW003 will say why. */
    private static boolean mentionsDynamoDb(Integration integration) {
        return integration.uri() != null && integration.uri().text().contains(":dynamodb");
    }

    private static String describe(Integration integration) {
        if (integration.type() == null) {
            return "untyped";
        }
        String uri = integration.uri() == null ? "" : integration.uri().text();
        return uri.contains(":lambda:") ? "Lambda" : integration.type().text().toLowerCase(Locale.ROOT);
    }

    private record Outcome(List<Finding> findings, List<CheckResult.CheckedCase> cases, int examples) {
    }

    /** Checks integrations, in parallel when a pool is given; results keep the input order. */
    private List<Outcome> checkAll(LoadedSpec spec, List<Integration> integrations, ExampleCollector collector,
            CheckRequest request, ForkJoinPool pool) {
        if (pool == null) {
            return integrations.stream().map(i -> checkIntegration(spec, i, collector, request)).collect(Collectors.toList());
        }
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Integration integration : integrations) {
            futures.add(pool.submit(() -> checkIntegration(spec, integration, collector, request)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            try {
                outcomes.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The check was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Checking an integration failed: " + e.getCause(), e.getCause());
            }
        }
        return outcomes;
    }

    private Outcome checkIntegration(LoadedSpec spec, Integration integration, ExampleCollector collector, CheckRequest request) {
        OperationRef op = integration.operation().ref();
        String file = spec.file().toString();
        List<Finding> findings = new ArrayList<>();
        List<CheckResult.CheckedCase> cases = new ArrayList<>();

        List<Finding> staticFindings = new ArrayList<>();
        for (LintIssue issue : linter.lint(integration, spec.root())) {
            staticFindings.add(finding(issue.rule(), issue.message(), spec, issue.pointer(), op, null));
        }
        ExampleSet exampleSet = collector.collect(spec, integration.operation());
        for (ExampleProblem problem : exampleSet.problems()) {
            staticFindings.add(new Finding(problem.rule(), problem.rule().defaultSeverity(), problem.message(),
                    position(problem.file(), problem.position()), op, problem.example()));
        }
        findings.addAll(staticFindings);
        cases.add(new CheckResult.CheckedCase(file, op.display(), null, staticFindings));

        String action = integration.action().orElse(null);
        int rendered = 0;
        for (Example example : exampleSet.examples()) {
            List<Finding> exampleFindings = new ArrayList<>();
            MappingTemplate template = selectRequestTemplate(integration, example);
            if (template != null) {
                rendered++;
                renderAndValidate(spec, integration, action, template, example, request, exampleFindings);
            }
            findings.addAll(exampleFindings);
            cases.add(new CheckResult.CheckedCase(file, op.display(), example.name(), exampleFindings));
        }
        return new Outcome(findings, cases, rendered);
    }

    /**
     * The template API Gateway picks: the one keyed by the request's Content-Type (no Content-Type means
     * application/json). When none matches, API Gateway passes the body through or answers 415
     * (AGW011 covers that), so there is nothing to render.
     */
    private static MappingTemplate selectRequestTemplate(Integration integration, Example example) {
        String contentType = example.contentType() == null ? Example.DEFAULT_CONTENT_TYPE : example.contentType();
        String bare = contentType.split(";", 2)[0].trim();
        for (MappingTemplate template : integration.requestTemplates()) {
            if (template.contentType().equalsIgnoreCase(bare)) {
                return template;
            }
        }
        return null;
    }

    private void renderAndValidate(LoadedSpec spec, Integration integration, String action, MappingTemplate template,
            Example example, CheckRequest request, List<Finding> out) {
        OperationRef op = integration.operation().ref();
        Object compiledOrError = compiled.computeIfAbsent(template.text(), text -> {
            try {
                return templates.compile(template.pointer(), text);
            } catch (TemplateSyntaxException e) {
                return e;
            }
        });
        if (compiledOrError instanceof TemplateSyntaxException e) {
            out.add(inTemplate(Rule.VTL001, "Template does not parse: " + e.getMessage(), spec, template, e.line(), e.column(), op, example.name()));
            return;
        }
        Map<String, String> stageVariables = new LinkedHashMap<>(request.stageVariables());
        stageVariables.putAll(example.stageVariables());
        TemplateInput input = new TemplateInput(example.body(), example.path(), example.querystring(), example.headers(),
                stageVariables, example.context());
        RenderResult result = templates.render((CompiledTemplate) compiledOrError, input);
        if (!result.ok()) {
            reportRenderProblem(spec, template, result.problem(), op, example, out);
            return;
        }
        String output = result.output();
        checkExpectedRequestText(spec, example, output, op, out);
        if (output.isBlank()) {
            out.add(inTemplate(Rule.VTL002, "The rendered request is empty; DynamoDB answers SerializationException", spec, template, 1, 1, op, example.name()));
            return;
        }
        ParsedDocument json;
        try {
            json = jsonParser.parse(output, SpecFormat.JSON);
        } catch (DocumentSyntaxException e) {
            OutputLineMapper lines = new OutputLineMapper(template.text());
            String outputLine = lineOf(output, e.position().line());
            int templateLine = lines.templateLineFor(e.position().line(), outputLine);
            out.add(inTemplate(Rule.VTL002, "The rendered request is not valid JSON (DynamoDB answers SerializationException): "
                    + e.getMessage() + " at output line " + e.position().line() + ", column " + e.position().column()
                    + ": " + excerpt(outputLine, e.position().column()), spec, template, templateLine, 1, op, example.name()));
            return;
        }
        if (example.expect() != null && example.expect().request() != null) {
            List<String> differences = JsonDiff.differences(example.expect().request(), json.root());
            if (!differences.isEmpty()) {
                out.add(expectationFinding(spec, example, "The rendered request differs from expect.request: " + String.join("; ", differences), op));
            }
        }
        if (action != null && DynamoDbActions.isKnown(action)) {
            OutputLineMapper lines = new OutputLineMapper(template.text());
            for (RequestViolation violation : validator.validate(action, json.root())) {
                Rule rule = Rule.byId(violation.ruleId()).orElse(Rule.DDB000);
                TextPosition where = json.sourceMap().locate(violation.jsonPointer());
                int templateLine = lines.templateLineFor(where.line(), lineOf(output, where.line()));
                // A missing member's message already names it; for others, say where in the request it is.
                String member = violation.path().isEmpty() || rule == Rule.DDB001 ? "" : " at " + violation.path();
                out.add(inTemplate(rule, action + " request" + member + ": " + violation.message(), spec, template, templateLine, 1, op, example.name()));
            }
        }
        checkResponse(spec, integration, example, op, out);
    }

    private static void checkExpectedRequestText(LoadedSpec spec, Example example, String output, OperationRef op, List<Finding> out) {
        if (example.expect() != null && example.expect().requestText() != null && !example.expect().requestText().equals(output)) {
            out.add(expectationFinding(spec, example, "The rendered request differs from expect.requestText: expected "
                    + quote(example.expect().requestText()) + ", got " + quote(output), op));
        }
    }

    /** Renders the integration response API Gateway would select, when the example states what it expects of it. */
    private void checkResponse(LoadedSpec spec, Integration integration, Example example, OperationRef op, List<Finding> out) {
        Example.Expectation expect = example.expect();
        if (expect == null || (expect.status() == null && expect.response() == null && expect.responseText() == null)) {
            return;
        }
        Example.DynamoDbResponse answer = example.dynamodbResponse() == null ? new Example.DynamoDbResponse(200, "{}") : example.dynamodbResponse();
        IntegrationResponse selected = IntegrationLinter.selectFor(String.valueOf(answer.status()), integration.responses());
        if (selected == null) {
            out.add(expectationFinding(spec, example, "No integration response matches DynamoDB status " + answer.status(), op));
            return;
        }
        MappingTemplate template = selected.templates().stream().filter(t -> Example.DEFAULT_CONTENT_TYPE.equalsIgnoreCase(t.contentType()))
                .findFirst().orElse(selected.templates().isEmpty() ? null : selected.templates().get(0));
        String body = answer.body();
        Integer status = selected.statusCode() == null ? null : Integer.valueOf(selected.statusCode().trim());
        if (template != null) {
            Object compiledOrError = compiled.computeIfAbsent(template.text(), text -> {
                try {
                    return templates.compile(template.pointer(), text);
                } catch (TemplateSyntaxException e) {
                    return e;
                }
            });
            if (compiledOrError instanceof TemplateSyntaxException e) {
                out.add(inTemplate(Rule.VTL001, "Template does not parse: " + e.getMessage(), spec, template, e.line(), e.column(), op, example.name()));
                return;
            }
            RenderResult result = templates.render((CompiledTemplate) compiledOrError, new TemplateInput(answer.body(), example.path(),
                    example.querystring(), example.headers(), example.stageVariables(), example.context()));
            if (!result.ok()) {
                reportRenderProblem(spec, template, result.problem(), op, example, out);
                return;
            }
            body = result.output();
            if (result.overrides() != null && result.overrides().responseStatus() != null) {
                status = result.overrides().responseStatus();
            }
        }
        if (expect.status() != null && !expect.status().equals(status)) {
            out.add(expectationFinding(spec, example, "expect.status is " + expect.status() + " but the integration response selected for DynamoDB status "
                    + answer.status() + " ('" + selected.selectionPattern() + "') returns " + status, op));
        }
        if (expect.responseText() != null && !expect.responseText().equals(body)) {
            out.add(expectationFinding(spec, example, "The client response differs from expect.responseText: expected "
                    + quote(expect.responseText()) + ", got " + quote(body), op));
        }
        if (expect.response() != null) {
            try {
                JsonNode actual = jsonParser.parse(body, SpecFormat.JSON).root();
                List<String> differences = JsonDiff.differences(expect.response(), actual);
                if (!differences.isEmpty()) {
                    out.add(expectationFinding(spec, example, "The client response differs from expect.response: " + String.join("; ", differences), op));
                }
            } catch (DocumentSyntaxException e) {
                out.add(expectationFinding(spec, example, "expect.response is JSON but the client response is not: " + quote(body), op));
            }
        }
    }

    private static void reportRenderProblem(LoadedSpec spec, MappingTemplate template, RenderProblem problem, OperationRef op,
            Example example, List<Finding> out) {
        Rule rule = switch (problem.kind()) {
            case LIMIT -> Rule.VTL007;
            case SANDBOX -> Rule.VTL011;
            case BAD_BODY -> Rule.EXM005;
            default -> Rule.VTL010;
        };
        int line = Math.max(1, problem.line());
        int column = Math.max(1, problem.column());
        if (rule == Rule.EXM005) {
            out.add(new Finding(rule, rule.defaultSeverity(), "API Gateway would answer 400 before calling DynamoDB: " + problem.message(),
                    exampleLocation(spec, example), op, example.name()));
            return;
        }
        out.add(inTemplate(rule, problem.message(), spec, template, line, column, op, example.name()));
    }

    private static Finding expectationFinding(LoadedSpec spec, Example example, String message, OperationRef op) {
        return new Finding(Rule.EXM001, Rule.EXM001.defaultSeverity(), message, exampleLocation(spec, example), op, example.name());
    }

    /** Where the example is written: in the spec we know every position; in a sidecar file, its start. */
    private static SourcePosition exampleLocation(LoadedSpec spec, Example example) {
        if (example.file() != null && example.file().equals(spec.file())) {
            String pointer = example.expect() != null ? example.expect().pointer() : example.pointer();
            return position(spec.file(), spec.locate(pointer));
        }
        return position(example.file() == null ? spec.file() : example.file(), TextPosition.START);
    }

    private static Finding finding(Rule rule, String message, LoadedSpec spec, String pointer, OperationRef op, String example) {
        return new Finding(rule, rule.defaultSeverity(), message, position(spec.file(), spec.locate(pointer)), op, example);
    }

    /** A finding at a line/column inside a template, mapped to the file. */
    private static Finding inTemplate(Rule rule, String message, LoadedSpec spec, MappingTemplate template, int line, int column,
            OperationRef op, String example) {
        TextPosition start = spec.sourceMap().valueStart(template.pointer());
        TextPosition where = start == null ? spec.locate(template.pointer())
                : StringContentLocator.locate(spec.document(), start, line, column);
        return new Finding(rule, rule.defaultSeverity(), message, position(spec.file(), where), op, example);
    }

    private static SourcePosition position(java.nio.file.Path file, TextPosition position) {
        return new SourcePosition(file, position.line(), position.column());
    }

    private static String lineOf(String text, int line) {
        String[] lines = text.split("\r?\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    /** The output line around the error, with a marker, short enough for a console line. */
    private static String excerpt(String line, int column) {
        int from = Math.max(0, column - 40);
        int to = Math.min(line.length(), column + 20);
        String before = line.substring(from, Math.min(Math.max(from, column - 1), to));
        String after = line.substring(Math.min(Math.max(from, column - 1), to), to);
        return (from > 0 ? "..." : "") + before.strip() + " >>>" + after + (to < line.length() ? "..." : "");
    }

    private static String quote(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return "'" + shown.replace("\n", "\\n") + "'";
    }
}
