package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.examples.ExampleSource;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.validation.BodyModel;
import io.github.apigwddb.validation.RequestValidators;
import java.util.List;

/**
 * API Gateway's body validator: with a request validator that validates the body, a body that breaks the operation's
 * model is answered 400 "Invalid request body" before any template runs (integration facts §8.1). Such an example is not
 * rendered, as for the 415 of {@link RequestRenderCheck}: a DynamoDB request it never causes would give false findings.
 * It is EXM005 unless its {@code expect} says what it expects; {@link ExpectationCheck} then judges that against the
 * 400. A made-up example is not validated: its values are stand-ins that may not match a pattern (EXM005's page).
 */
final class BodyValidationCheck implements ExampleCheck {

    /** API Gateway's default BAD_REQUEST_BODY answer: {@code {"message":$context.error.messageString}}. */
    static final String INVALID_BODY = "{\"message\":\"Invalid request body\"}";
    private static final String GATEWAY_RESPONSES = "x-amazon-apigateway-gateway-responses";
    /** The violations a finding names; the rest are counted. */
    private static final int NAMED = 3;

    private final DocumentParser json = new DocumentParser();

    @Override
    public void check(ExampleRun run) {
        Example example = run.example;
        if (example.source() == ExampleSource.SYNTHESISED || example.body() == null
                || IntegrationExtractor.isWebSocketRoute(run.integration.operation())) {
            return;
        }
        JsonNode root = run.locator.spec().root();
        BodyModel model = RequestValidators.validatedBody(root, run.integration.operation(), RequestRenderCheck.contentTypeOf(example));
        JsonNode body = model == null ? null : json.treeOrNull(example.body());
        if (body == null) {
            return; // no model, or a body that is no JSON: EXM005 of its own where the template reads it
        }
        List<String> violations = model.violations(body);
        if (violations.isEmpty()) {
            return;
        }
        JsonNode badBody = root.path(GATEWAY_RESPONSES).path("BAD_REQUEST_BODY");
        int status = badBody.path("statusCode").asInt(400);
        // a customised answer's text is made by API Gateway's own substitution, which is not rendered here
        boolean customised = badBody.has("responseTemplates") || root.path(GATEWAY_RESPONSES).path("DEFAULT_4XX").has("responseTemplates");
        String why = "its body breaks the operation's request model (" + named(violations) + ")";
        run.gatewayAnswer = new ExampleRun.GatewayAnswer(status, customised ? null : INVALID_BODY, why);
        run.clientStatus = status;
        run.clientResponse = run.gatewayAnswer.body();
        if (!expectsAnything(example)) {
            String answer = customised ? " (with the API's BAD_REQUEST_BODY gateway response)" : " \"Invalid request body\"";
            run.atExample(Rule.EXM005, "API Gateway answers " + status + answer + " to this example before calling"
                    + " DynamoDB: " + why + "; give it a body the model allows, or set expect.status " + status + " if it shows a"
                    + " request clients must not send", "body");
        }
    }

    private static String named(List<String> violations) {
        String named = String.join("; ", violations.subList(0, Math.min(NAMED, violations.size())));
        return violations.size() > NAMED ? named + "; and " + (violations.size() - NAMED) + " more" : named;
    }

    /** Whether the example says what it expects of the answer: {@link ExpectationCheck} judges that instead. */
    private static boolean expectsAnything(Example example) {
        Example.Expectation expect = example.expect();
        return expect != null && (expect.status() != null || expect.request() != null || expect.requestText() != null
                || expect.response() != null || expect.responseText() != null);
    }
}
