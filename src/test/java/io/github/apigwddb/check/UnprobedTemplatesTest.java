package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe whose integration's time is spent says so in the log instead of leaving its SEC findings out silently (review). */
class UnprobedTemplatesTest {

    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: items, version: '1'}
            paths:
              /items:
                post:
                  operationId: putItem
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  x-apigw-examples:
                    - {name: one, body: {name: ann}}
                    - {name: two, body: {name: bob}}
                  responses: {'200': {description: ok}, '400': {description: bad}, '500': {description: error}}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem
                    credentials: arn:aws:iam::123456789012:role/items
                    passthroughBehavior: never
                    requestTemplates:
                      application/json: '{"TableName": "Items", "Item": {"id": {"S": "$context.requestId"}, "name": {"S": "$input.path(''$.name'')"}}}'
                    responses:
                      default: {statusCode: '200', responseTemplates: {application/json: '{}'}}
                      '4\\d{2}': {statusCode: '400', responseTemplates: {application/json: '{"message": "bad"}'}}
                      '5\\d{2}': {statusCode: '500', responseTemplates: {application/json: '{"message": "error"}'}}
            """;

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private List<Finding> check(CheckEngine engine) throws Exception {
        Path file = Files.writeString(dir.resolve("api.yaml"), SPEC);
        return engine.run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1), log).findings();
    }

    @Test
    void aSpentProbeBudgetIsOneWarningNamingTheTemplate() throws Exception {
        List<Finding> findings = check(new CheckEngine(new ApiGatewayTemplateEngine(), Duration.ZERO));

        assertThat(findings).extracting(Finding::rule).doesNotContain(Rule.SEC001);
        assertThat(log.warnings).singleElement().asString()
                .startsWith("The injection probe did not probe every example of POST /items [putItem] (/paths/~1items/post/")
                .contains("requestTemplates/application~1json", "took the 0.0 s it may spend on one, so SEC findings there may be missing");
    }

    @Test
    void withTimeLeftTheProbeFindsTheUnescapedReadAndWarnsOfNothing() throws Exception {
        List<Finding> findings = check(new CheckEngine());

        assertThat(findings).extracting(Finding::rule).contains(Rule.SEC001);
        assertThat(log.warnings).isEmpty();
    }
}
