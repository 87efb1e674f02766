package io.github.apigwddb.check;

import io.github.apigwddb.examples.ExampleCollector;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.LoadResult;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.SpecKind;
import io.github.apigwddb.spec.SpecLoader;
import io.github.apigwddb.spec.SpecProblem;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * The check, end to end and one way: files → spec tree and source map → DynamoDB integrations → static
 * rules → for each example the {@link ExampleCheck}s in order (render the request, validate it for the
 * action, render the response, compare with expectations) → findings in report order. Knows nothing of
 * Maven. One engine per run: it holds the compiled templates of that run.
 */
public final class CheckEngine {

    private final SpecLoader loader = new SpecLoader();
    private final IntegrationChecker checker;

    public CheckEngine() {
        ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();
        TemplateRunner runner = new TemplateRunner(engine);
        this.checker = new IntegrationChecker(List.of(
                new RequestRenderCheck(runner),
                new DynamoDbRequestCheck(),
                new InjectionCheck(engine),
                new ResponseRenderCheck(runner),
                new ExpectationCheck()));
    }

    public CheckResult run(CheckRequest request, CheckLog log) {
        ExampleCollector collector = new ExampleCollector(request.examplesDirectory());
        List<Finding> findings = new ArrayList<>();
        List<CheckResult.CheckedCase> cases = new ArrayList<>();
        int specs = 0;
        int integrations = 0;
        int examples = 0;
        ForkJoinPool pool = request.threads() > 1 ? new ForkJoinPool(request.threads()) : null;
        try {
            for (Path file : request.specFiles()) {
                LoadResult loaded = loader.load(file);
                for (SpecProblem problem : loaded.problems()) {
                    findings.add(new Finding(problem.rule(), problem.rule().defaultSeverity(), problem.message(),
                            Locator.position(file, problem.position()), null, null));
                }
                LoadedSpec spec = loaded.spec();
                if (spec == null) {
                    if (loaded.skippedBecause() != null) {
                        log.debug(file + " is " + loaded.skippedBecause() + ": not checked");
                    }
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
                            Locator.position(file, TextPosition.START), null, null));
                    continue;
                }
                specs++;
                List<Integration> dynamo = dynamoDbIntegrations(spec, log);
                log.info("Checking " + file.getFileName() + " (" + spec.kind().label() + "): " + dynamo.size() + " DynamoDB integration"
                        + (dynamo.size() == 1 ? "" : "s"));
                integrations += dynamo.size();
                Locator locator = new Locator(spec);
                for (IntegrationChecker.Outcome outcome : checkAll(locator, dynamo, collector, request, pool)) {
                    findings.addAll(outcome.findings());
                    cases.addAll(outcome.cases());
                    examples += outcome.examplesRendered();
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

    private static List<Integration> dynamoDbIntegrations(LoadedSpec spec, CheckLog log) {
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
        return dynamo;
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

    /** Checks integrations, in parallel when a pool is given; results keep the input order, so output is deterministic. */
    private List<IntegrationChecker.Outcome> checkAll(Locator locator, List<Integration> integrations, ExampleCollector collector,
            CheckRequest request, ForkJoinPool pool) {
        if (pool == null) {
            return integrations.stream().map(i -> checker.check(locator, i, collector, request)).toList();
        }
        List<Future<IntegrationChecker.Outcome>> futures = new ArrayList<>();
        for (Integration integration : integrations) {
            futures.add(pool.submit(() -> checker.check(locator, integration, collector, request)));
        }
        List<IntegrationChecker.Outcome> outcomes = new ArrayList<>();
        for (Future<IntegrationChecker.Outcome> future : futures) {
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
}
