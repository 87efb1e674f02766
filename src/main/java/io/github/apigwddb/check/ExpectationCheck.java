package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.SpecFormat;
import java.util.List;

/** Compares what was rendered with the example's {@code expect}: each difference is EXM001 with a readable diff. */
final class ExpectationCheck implements ExampleCheck {

    private final DocumentParser json = new DocumentParser();

    @Override
    public void check(ExampleRun run) {
        Example.Expectation expect = run.example.expect();
        if (expect == null) {
            return;
        }
        if (run.gatewayAnswer != null) {
            judgeGatewayAnswer(run, expect, run.gatewayAnswer);
            return;
        }
        if (run.renderedRequest == null) {
            if (expect.request() != null || expect.requestText() != null) {
                fail(run, "expect.request cannot be checked: no request was rendered (see the other findings of this example)");
            }
            return;
        }
        if (expect.requestText() != null && !expect.requestText().equals(run.renderedRequest)) {
            fail(run, "The rendered request differs from expect.requestText: expected " + OutputText.quote(expect.requestText())
                    + ", got " + OutputText.quote(run.renderedRequest));
        }
        if (expect.request() != null) {
            if (run.requestJson == null) {
                fail(run, "expect.request is JSON but the rendered request is not: " + OutputText.quote(run.renderedRequest));
            } else {
                diff(run, "The rendered request differs from expect.request: ", expect.request(), run.requestJson.root());
            }
        }
        if (run.rejection != null && run.example.dynamodbResponse() == null && (expect.status() == null || expect.status() / 100 == 2)) {
            // an example meant to succeed whose request DynamoDB would refuse: that finding is the cause, and a status or
            // response made of the refusal would only repeat it (message-to-fix trial: three EXM001 before the cause)
            return;
        }
        if (expect.status() != null && !expect.status().equals(run.clientStatus)) {
            fail(run, "expect.status is " + expect.status() + " but for DynamoDB status " + run.dynamoDbStatus
                    + " API Gateway returns " + (run.clientStatus == null ? "no status" : run.clientStatus));
        }
        if (expect.responseText() != null && !expect.responseText().equals(run.clientResponse)) {
            fail(run, "The client response differs from expect.responseText: expected " + OutputText.quote(expect.responseText())
                    + ", got " + (run.clientResponse == null ? "nothing" : OutputText.quote(run.clientResponse)));
        }
        if (expect.response() != null) {
            if (run.clientResponse == null) {
                fail(run, "expect.response cannot be checked: no client response was rendered");
                return;
            }
            try {
                diff(run, "The client response differs from expect.response: ", expect.response(), json.parse(run.clientResponse, SpecFormat.JSON).root());
            } catch (DocumentSyntaxException e) {
                fail(run, "expect.response is JSON but the client response is not: " + OutputText.quote(run.clientResponse));
            }
        }
    }

    /**
     * An example API Gateway answers itself (BodyValidationCheck): no request reaches DynamoDB, and the client gets the
     * gateway's answer. Each failure says why, as EXM005 does for an example that expects nothing.
     */
    private void judgeGatewayAnswer(ExampleRun run, Example.Expectation expect, ExampleRun.GatewayAnswer answer) {
        String answered = "API Gateway answers " + answer.status() + (answer.body() == null ? " (with the API's BAD_REQUEST_BODY gateway response)"
                : " \"Invalid request body\"") + " before calling DynamoDB: " + answer.why();
        if (expect.request() != null || expect.requestText() != null) {
            fail(run, "expect.request cannot hold: no request reaches DynamoDB, as " + answered);
        }
        if (expect.status() != null && expect.status() != answer.status()) {
            fail(run, "expect.status is " + expect.status() + " but " + answered);
        }
        if (answer.body() == null) {
            return; // a customised gateway response: its text is not known here
        }
        if (expect.responseText() != null && !expect.responseText().equals(answer.body())) {
            fail(run, "The client response differs from expect.responseText: expected " + OutputText.quote(expect.responseText())
                    + ", got " + OutputText.quote(answer.body()) + ", as " + answered);
        }
        if (expect.response() != null) {
            List<String> differences = JsonDiff.differences(expect.response(), json.treeOrNull(answer.body()));
            if (!differences.isEmpty()) {
                fail(run, "The client response differs from expect.response: " + String.join("; ", differences) + ", as " + answered);
            }
        }
    }

    private static void diff(ExampleRun run, String prefix, JsonNode expected, JsonNode actual) {
        List<String> differences = JsonDiff.differences(expected, actual);
        if (!differences.isEmpty()) {
            fail(run, prefix + String.join("; ", differences));
        }
    }

    private static void fail(ExampleRun run, String message) {
        run.atExample(Rule.EXM001, message, "expect");
    }
}
