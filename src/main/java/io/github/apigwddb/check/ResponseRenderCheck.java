package io.github.apigwddb.check;

import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.lint.IntegrationLinter;
import io.github.apigwddb.vtl.RenderResult;

/**
 * Feeds DynamoDB's answer to the integration responses: selects the one API Gateway would (by status code),
 * renders its template, and records the status and body the client gets.
 */
final class ResponseRenderCheck implements ExampleCheck {

    /** What DynamoDB answers when the example does not say: success with an empty object. */
    static final Example.DynamoDbResponse DEFAULT_ANSWER = new Example.DynamoDbResponse(200, "{}");

    private final TemplateRunner runner;

    ResponseRenderCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        if (run.renderedRequest == null) {
            return;
        }
        Example.DynamoDbResponse answer = run.example.dynamodbResponse() == null ? DEFAULT_ANSWER : run.example.dynamodbResponse();
        run.dynamoDbStatus = answer.status();
        run.dynamoDbBody = answer.body();
        IntegrationResponse selected = IntegrationLinter.selectFor(String.valueOf(answer.status()), run.integration.responses());
        if (selected == null) {
            return; // MAP006 says there is no default response
        }
        run.clientStatus = parseStatus(selected.statusCode());
        MappingTemplate template = responseTemplate(selected, run.example);
        if (template == null) {
            run.clientResponse = answer.body(); // no template: the payload passes through unmapped
            return;
        }
        RenderResult result = runner.render(run, template, answer.body());
        if (result == null) {
            return;
        }
        run.clientResponse = result.output();
        if (result.overrides() != null && result.overrides().responseStatus() != null) {
            run.clientStatus = result.overrides().responseStatus();
        }
    }

    /**
     * By the request's Accept header, else application/json, else the first template (API Gateway's order,
     * integration-facts §3).
     */
    private static MappingTemplate responseTemplate(IntegrationResponse response, Example example) {
        String accept = example.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Accept"))
                .map(e -> e.getValue().split(",")[0].trim()).findFirst().orElse(Example.DEFAULT_CONTENT_TYPE);
        for (String wanted : new String[] {accept, Example.DEFAULT_CONTENT_TYPE}) {
            for (MappingTemplate template : response.templates()) {
                if (template.contentType().equalsIgnoreCase(wanted)) {
                    return template;
                }
            }
        }
        return response.templates().isEmpty() ? null : response.templates().get(0);
    }

    private static Integer parseStatus(String statusCode) {
        try {
            return statusCode == null ? null : Integer.valueOf(statusCode.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
