package io.github.apigwddb.check;

import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.ContextRead;

/**
 * VTL013: a template reads {@code $context.authorizer} on an operation no authorizer runs for. Only a Lambda or Cognito
 * user pool authorizer fills it (IAM authorization fills {@code $context.identity}); without one every such value renders
 * empty, and the request is made for nobody in particular (a Query on an empty user id, a preflight OPTIONS copied from
 * the GET). Once per template, at its first read. A WebSocket route is not judged: its messages carry what the
 * {@code $connect} authorizer gave.
 */
final class AuthorizerReadCheck implements ExampleCheck {

    private final TemplateRunner runner;

    AuthorizerReadCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        ApiOperation operation = run.integration.operation();
        if (IntegrationExtractor.isWebSocketRoute(operation) || operation.mayHaveAuthorizer(run.locator.spec().root())
                || !run.reportedOnce.add("VTL013 checked")) {
            return;
        }
        for (MappingTemplate template : run.integration.templates()) {
            TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
            CompiledTemplate compiled = runner.compiled(template, deployed);
            ContextRead read = compiled == null ? null : compiled.contextReads().stream()
                    .filter(r -> r.path().equals("authorizer") || r.path().startsWith("authorizer.")).findFirst().orElse(null);
            if (read != null) {
                int[] at = deployed.written(template.text(), read.line(), read.column());
                run.findings.add(run.locator.inTemplate(Rule.VTL013, "The template reads $context." + read.path() + ", but no authorizer"
                        + " runs for " + operation.ref().method() + " " + operation.ref().path() + " (it names no Lambda or Cognito authorizer in"
                        + " its security): the value renders empty; add the authorizer to the operation, or read no authorizer values",
                        template, at[0], at[1], run.operation(), null));
            }
        }
    }
}
