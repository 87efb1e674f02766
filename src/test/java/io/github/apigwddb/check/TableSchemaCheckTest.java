package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.dynamodb.schema.TableSchemaReader;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apigw.tables through the engine: the rendered request against the table definitions, and unreadable definition files. */
class TableSchemaCheckTest {

    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: t, version: "1"}
            paths:
              /widgets:
                post:
                  operationId: createWidget
                  responses: {"200": {description: ok}}
                  x-apigw-examples:
                    - name: plain
                      body: {"id": 7}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem
                    credentials: arn:aws:iam::123456789012:role/r
                    passthroughBehavior: never
                    requestTemplates:
                      application/json: |
                        {
                          "TableName": "$stageVariables.table",
                          "Item": {
                            "id": {"N": "$input.path('$.id')"}
                          }
                        }
                    responses:
                      default: {statusCode: "200"}
            """;

    private static final String TABLES = """
            TableName: Widgets
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;

    @TempDir
    Path dir;

    private List<Finding> check(String tables, String stageTable) throws IOException {
        Path spec = Files.writeString(dir.resolve("api.yaml"), SPEC);
        Path table = Files.writeString(dir.resolve("tables.yaml"), tables);
        CheckRequest request = new CheckRequest(List.of(spec), dir.resolve("examples"), Map.of("table", stageTable), 1,
                new TableSchemaReader().read(List.of(table)));
        return new CheckEngine().run(request, CheckLog.SILENT).findings();
    }

    @Test
    void reportsAKeyOfTheWrongTypeAtTheTemplateLineThatRendersIt() throws IOException {
        List<Finding> ddb013 = check(TABLES, "Widgets").stream().filter(f -> f.rule() == Rule.DDB013).toList();
        assertThat(ddb013).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("PutItem request at Item.id: One or more parameter values were invalid:"
                    + " Type mismatch for key id expected: S actual: N");
            assertThat(f.position().file().getFileName().toString()).isEqualTo("api.yaml");
            assertThat(f.position().line()).isEqualTo(22); // the "id" line of the template
            assertThat(f.example()).isEqualTo("plain");
        });
    }

    @Test
    void reportsATableNameThatNoDefinitionHasAfterStageVariablesAreApplied() throws IOException {
        assertThat(check(TABLES, "Gadgets")).filteredOn(f -> f.rule() == Rule.DDB013).extracting(Finding::message)
                .singleElement().asString().contains("TableName: Requested resource not found: Table: Gadgets not found");
    }

    @Test
    void anUnreadableTableFileIsAFindingWithItsPosition() throws IOException {
        List<Finding> findings = check("TableName: [unclosed\n", "Widgets");
        assertThat(findings).filteredOn(f -> f.rule() == Rule.SPEC001).singleElement().satisfies(f -> {
            assertThat(f.position().file().getFileName().toString()).isEqualTo("tables.yaml");
            assertThat(f.message()).startsWith("The table definition file is not valid YAML");
        });
        assertThat(findings).noneMatch(f -> f.rule() == Rule.DDB013);
    }
}
