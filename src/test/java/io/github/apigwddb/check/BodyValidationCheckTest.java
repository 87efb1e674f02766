package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXM005 and EXM001 for an example whose body API Gateway's body validator rejects, through the whole check. */
class BodyValidationCheckTest {

    @TempDir
    Path dir;

    /** Swagger 2, as the user trial's createOrder: %s is the validator line, %s the examples. */
    private static final String SWAGGER = """
            swagger: "2.0"
            info: {title: orders, version: "1"}
            x-amazon-apigateway-request-validators:
              body: {validateRequestBody: true, validateRequestParameters: false}
            paths:
              /orders:
                post:
                  operationId: createOrder
                  consumes: [application/json]
                  parameters:
                    - {in: body, name: NewOrder, required: true, schema: {$ref: "#/definitions/NewOrder"}}
                  %s
                  %s
                  responses: {"201": {description: ok}, "400": {description: bad}, "500": {description: failed}}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem
                    credentials: arn:aws:iam::123456789012:role/orders-api
                    passthroughBehavior: never
                    requestTemplates:
                      application/json: |
                        {"TableName": "Orders", "Item": {"customerId": {"S": "$util.escapeJavaScript($input.path('$.customerId')).replaceAll("\\\\'","'")"}, "total": {"N": "$input.path('$.total')"}}}
                    responses:
                      default: {statusCode: "201", responseTemplates: {application/json: '{"ok": true}'}}
                      "4\\\\d{2}": {statusCode: "400", responseTemplates: {application/json: '{"message": "bad request"}'}}
                      "5\\\\d{2}": {statusCode: "500", responseTemplates: {application/json: '{"message": "failed"}'}}
            definitions:
              NewOrder:
                type: object
                required: [customerId, total, items]
                properties:
                  customerId: {type: string, pattern: "^[A-Za-z0-9-]{1,64}$"}
                  total: {type: number, minimum: 0}
                  items: {type: array, minItems: 1, items: {type: string}}
            """;

    private static final String VALIDATED = "x-amazon-apigateway-request-validator: body";

    private CheckResult run(String spec) throws IOException {
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, spec);
        return new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT);
    }

    private static String examples(String... examples) {
        return "x-apigw-examples:\n" + String.join("", List.of(examples).stream().map(e -> "                    - " + e + "\n").toList());
    }

    private static List<Finding> of(CheckResult result, Rule rule) {
        return result.findings().stream().filter(f -> f.rule() == rule).toList();
    }

    private static CheckResult.CheckedCase caseOf(CheckResult result, String example) {
        return result.cases().stream().filter(c -> example.equals(c.example())).findFirst().orElseThrow();
    }

    @Test
    void anExampleThatExpectsNothingAndBreaksTheModelIsExm005AndIsNotRendered() throws IOException {
        CheckResult result = run(SWAGGER.formatted(VALIDATED, examples(
                "{name: negative-total, body: {customerId: \"c 1 \\\"x\", total: -5, items: []}}")));

        assertThat(of(result, Rule.EXM005)).singleElement().satisfies(f -> {
            assertThat(f.example()).isEqualTo("negative-total");
            assertThat(f.message()).isEqualTo("API Gateway answers 400 \"Invalid request body\" to this example before calling DynamoDB:"
                    + " its body breaks the operation's request model ($.customerId: does not match the regex pattern"
                    + " ^[A-Za-z0-9-]{1,64}$; $.total: must have a minimum value of 0); give it a body the model allows, or set"
                    + " expect.status 400 if it shows a request clients must not send");
        });
        // the DynamoDB request is never sent: nothing rendered, no finding of its (SEC001 for the quote, say)
        assertThat(result.findings()).filteredOn(f -> "negative-total".equals(f.example())).extracting(Finding::rule)
                .containsOnly(Rule.EXM005);
        CheckResult.CheckedCase answered = caseOf(result, "negative-total");
        assertThat(answered.renderedRequest()).isNull();
        assertThat(answered.clientStatus()).isEqualTo(400);
        assertThat(answered.clientResponse()).isEqualTo("{\"message\":\"Invalid request body\"}");
    }

    @Test
    void anExampleThatExpectsSuccessFailsItsExpectationOnceWithTheViolations() throws IOException {
        CheckResult result = run(SWAGGER.formatted(VALIDATED, examples(
                "{name: missing-items, body: {customerId: c-1, total: 1}, expect: {status: 201}}")));

        assertThat(of(result, Rule.EXM005)).isEmpty();
        assertThat(of(result, Rule.EXM001)).singleElement().extracting(Finding::message).isEqualTo("expect.status is 201 but API"
                + " Gateway answers 400 \"Invalid request body\" before calling DynamoDB: its body breaks the operation's request"
                + " model ($: required property 'items' not found)");
    }

    @Test
    void anExampleThatExpectsTheRejectionIsJudgedAgainstIt() throws IOException {
        CheckResult meant = run(SWAGGER.formatted(VALIDATED, examples(
                "{name: no-items, body: {customerId: c-1, total: 1}, expect: {status: 400, response: {message: Invalid request body}}}")));
        // the templates are still checked, with an example made up (user trial's builder: with only refused examples, the
        // PutItem request went unchecked), and that is said
        assertThat(meant.findings()).extracting(Finding::rule).containsExactly(Rule.EXM002);
        assertThat(meant.findings().get(0).message()).startsWith("No example reaches DynamoDB: the request validator refuses each");
        assertThat(caseOf(meant, "synthesised").renderedRequest()).contains("\"TableName\": \"Orders\"");

        CheckResult wrongText = run(SWAGGER.formatted(VALIDATED, examples(
                "{name: no-items, body: {customerId: c-1, total: 1}, expect: {status: 400, response: {message: bad request}}}")));
        assertThat(of(wrongText, Rule.EXM001)).singleElement().extracting(Finding::message).asString()
                .startsWith("The client response differs from expect.response: ").contains("Invalid request body");

        CheckResult request = run(SWAGGER.formatted(VALIDATED, examples(
                "{name: no-items, body: {customerId: c-1, total: 1}, expect: {status: 400, request: {TableName: Orders}}}")));
        assertThat(of(request, Rule.EXM001)).singleElement().extracting(Finding::message).asString()
                .startsWith("expect.request cannot hold: no request reaches DynamoDB");
    }

    @Test
    void aBodyTheModelAllowsOrNoBodyValidatorRendersAsBefore() throws IOException {
        CheckResult valid = run(SWAGGER.formatted(VALIDATED, examples(
                "{name: ok, body: {customerId: c-1, total: 0, items: []}, expect: {status: 201}}")));
        assertThat(valid.findings()).isEmpty();
        assertThat(caseOf(valid, "ok").renderedRequest()).contains("\"Orders\"");

        CheckResult unvalidated = run(SWAGGER.formatted("", examples(
                "{name: negative-total, body: {customerId: c-1, total: -5}, expect: {status: 201}}")));
        assertThat(of(unvalidated, Rule.EXM005)).isEmpty();
        assertThat(of(unvalidated, Rule.EXM001)).isEmpty();
        assertThat(caseOf(unvalidated, "negative-total").renderedRequest()).contains("\"-5\"");
    }

    @Test
    void aMadeUpExampleIsNotJudgedByTheModelItsStandInsMayBreak() throws IOException {
        // the made-up customerId "example-customerId" matches the pattern; a made-up value need not, and is no user's mistake
        String strict = SWAGGER.replace("^[A-Za-z0-9-]{1,64}$", "^C[0-9]+$");
        CheckResult result = run(strict.formatted(VALIDATED, ""));

        assertThat(of(result, Rule.EXM005)).isEmpty();
        assertThat(result.cases()).filteredOn(c -> c.example() != null).singleElement()
                .satisfies(c -> assertThat(c.renderedRequest()).contains("example-customerId"));
    }

    @Test
    void anOpenApi3RequestBodyIsValidatedToo() throws IOException {
        String openapi = """
                openapi: 3.0.1
                info: {title: orders, version: "1"}
                x-amazon-apigateway-request-validator: body
                x-amazon-apigateway-request-validators:
                  body: {validateRequestBody: true}
                paths:
                  /orders:
                    post:
                      x-apigw-examples:
                        - {name: text-total, body: {total: "five"}}
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: "#/components/schemas/Order"}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/orders-api
                        requestTemplates:
                          application/json: '{"TableName": "Orders", "Item": {"total": {"N": "$input.path(''$.total'')"}}}'
                        responses:
                          default: {statusCode: "200"}
                components:
                  schemas:
                    Order:
                      type: object
                      properties:
                        total: {type: number}
                """;
        assertThat(of(run(openapi), Rule.EXM005)).singleElement().extracting(Finding::message).asString()
                .contains("($.total: string found, number expected)");
    }
}
