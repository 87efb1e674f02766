package io.github.apigwddb.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A passthrough is one cause seen from two sides, AGW011's setting and SEC003's client: one finding where both stand,
 * the more severe as configured (FP hunt on published definitions: two warnings per operation for one fix).
 */
class RestatedFindingsTest {

    @TempDir
    Path dir;

    private CheckResult check() throws Exception {
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items:
                    post:
                      operationId: putItem
                      responses: {"200": {description: ok}, "400": {description: bad}, "500": {description: failed}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        requestTemplates:
                          application/json: '{"TableName": "Items", "Item": {"id": {"S": "1"}}}'
                        responses:
                          default: {statusCode: "200"}
                          "4\\\\d{2}": {statusCode: "400"}
                          "5\\\\d{2}": {statusCode: "500"}
                """);
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT);
        // the check says both: the report's configuration decides which one stands
        assertThat(result.findings()).extracting(Finding::rule).contains(Rule.AGW011, Rule.SEC003);
        return result;
    }

    private List<Rule> reported(String rules) throws Exception {
        RuleSettings settings = RuleSettings.parse("rules", Map.of(), rules.isEmpty() ? Map.of() : Map.of(rules.split("=")[0], rules.split("=")[1]));
        return new Gate(settings, Baseline.empty(dir), "apigw-baseline.json").apply(check()).reported().stream()
                .map(Finding::rule).filter(r -> r == Rule.AGW011 || r == Rule.SEC003).toList();
    }

    @Test
    void theMoreSevereAsConfiguredStandsAndTheSecurityRuleWhenEqual() throws Exception {
        assertThat(reported("")).containsExactly(Rule.SEC003);
        assertThat(reported("AGW011=error")).containsExactly(Rule.AGW011);
        assertThat(reported("SEC003=off")).containsExactly(Rule.AGW011);
        assertThat(reported("SEC003=info")).containsExactly(Rule.AGW011);
        assertThat(Rule.SEC003.defaultSeverity()).isEqualTo(Severity.WARNING).isEqualTo(Rule.AGW011.defaultSeverity());
    }
}
