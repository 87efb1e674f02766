package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code $connect} authorizer gave. Also a read the operation's authorizer never fills: claims behind a Lambda authorizer,
 * anything but claims behind a Cognito user pool one.
 */
final class AuthorizerReadCheck implements ExampleCheck {

    private final TemplateRunner runner;

    AuthorizerReadCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        ApiOperation operation = run.integration.operation();
        if (IntegrationExtractor.isWebSocketRoute(operation) || !run.reportedOnce.add("VTL013 checked")) {
            return;
        }
        JsonNode root = run.locator.spec().root();
        boolean none = !operation.mayHaveAuthorizer(root);
        ApiOperation.AuthorizerKind kind = operation.soleAuthorizerKind(root);
        boolean lambdaOnly = kind == ApiOperation.AuthorizerKind.LAMBDA;
        boolean cognitoOnly = kind == ApiOperation.AuthorizerKind.COGNITO;
        if (!none && !lambdaOnly && !cognitoOnly) {
            return;
        }
        for (MappingTemplate template : run.integration.templates()) {
            TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
            CompiledTemplate compiled = runner.compiled(template, deployed);
            ContextRead read = compiled == null ? null : compiled.contextReads().stream().filter(r -> none ? isAuthorizer(r.path())
                    : lambdaOnly ? r.path().startsWith("authorizer.claims") : isAuthorizer(r.path()) && !r.path().startsWith("authorizer.claims")
                            && !r.path().equals("authorizer")).findFirst().orElse(null);
            if (read == null) {
                continue;
            }
            int[] at = deployed.written(template.text(), read.line(), read.column());
            String where = operation.ref().method() + " " + operation.ref().path();
            String message = none ? "The template reads $context." + read.path() + ", but no authorizer runs for " + where + " (it names no"
                    + " Lambda or Cognito authorizer in its security): the value renders empty; add the authorizer to the operation, or read"
                    + " no authorizer values"
                    : lambdaOnly ? "The template reads $context." + read.path() + ", but the authorizer of " + where + " is a Lambda authorizer,"
                            + " which gives $context.authorizer.principalId and the context it returns, not claims (a Cognito user pool"
                            + " authorizer gives those): the value renders empty; read what the Lambda returns"
                    : "The template reads $context." + read.path() + ", but the authorizer of " + where + " is a Cognito user pool"
                            + " authorizer, which gives the token's claims ($context.authorizer.claims.sub, ...) and nothing else: the value"
                            + " renders empty; read a claim";
            run.findings.add(run.locator.inTemplate(Rule.VTL013, message, template, at[0], at[1], run.operation(), null));
        }
    }

    private static boolean isAuthorizer(String path) {
        return path.equals("authorizer") || path.startsWith("authorizer.");
    }
}
