package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SEC rules through the whole engine: the seed's PutItem example and its escaped variants. */
class InjectionCheckTest {

    @TempDir
    Path dir;

    /** The seed's Swagger 2 example (one line per template line, so positions are easy to assert), with an example body. */
    private Path seedSpec(String name, String idExpression, String nameExpression, String passthrough) throws Exception {
        String template = "{\\n  \\\"TableName\\\": \\\"YourTable\\\",\\n  \\\"Item\\\": {\\n"
                + "    \\\"id\\\": {\\\"S\\\": \\\"" + idExpression + "\\\"},\\n"
                + "    \\\"name\\\": {\\\"S\\\": \\\"" + nameExpression + "\\\"}\\n  }\\n}";
        String spec = """
                {
                  "swagger": "2.0",
                  "info": {"title": "DynamoDB API", "version": "1.0"},
                  "paths": {
                    "/items": {
                      "post": {
                        "operationId": "putItem",
                        "x-apigw-examples": [{"name": "create", "body": {"id": "42", "name": "w1"}}],
                        "x-amazon-apigateway-integration": {
                          "uri": "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem",
                          "httpMethod": "POST",
                          "type": "aws",
                          "credentials": "arn:aws:iam::123456789012:role/apigateway-dynamodb-role",
                          %s
                          "requestTemplates": {
                            "application/json": "%s"
                          },
                          "responses": {"default": {"statusCode": "200"}}
                        },
                        "responses": {"200": {"description": "Success"}}
                      }
                    }
                  }
                }
                """.formatted(passthrough, template);
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, spec);
        return file;
    }

    private List<Finding> sec(Path spec) {
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT);
        return result.findings().stream().filter(f -> f.rule().name().startsWith("SEC")).toList();
    }

    @Test
    void theSeedIsInjectableThroughIdAndName() throws Exception {
        Path spec = seedSpec("seed", "$input.path('$.id')", "$input.path('$.name')", "");

        List<Finding> findings = sec(spec);

        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC001).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.example()).isEqualTo("create");
            assertThat(f.position().line()).isEqualTo(16);
            assertThat(f.message()).contains("'\",\"TableName\":\"Other'").contains("$util.escapeJavaScript(...).replaceAll(\"\\\\'\",\"'\")");
        });
        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC001).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("Client input 'body $.id' can break the DynamoDB request:")
                        .contains("member /Item/id/TableName appears"))
                .anySatisfy(m -> assertThat(m).startsWith("Client input 'body $.name' can break the DynamoDB request:"));
        // the columns point at the template lines that hold the id and the name
        List<Integer> columns = findings.stream().filter(f -> f.rule() == Rule.SEC001).map(f -> f.position().column()).toList();
        assertThat(columns.get(0)).isLessThan(columns.get(1));
        // no passthroughBehavior: a text/plain body goes to DynamoDB untransformed
        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC003).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("text/plain").contains("passthroughBehavior to never"));
    }

    @Test
    void escapeJavaScriptAloneIsReportedOnlyForTheApostrophe() throws Exception {
        Path spec = seedSpec("escaped", "$util.escapeJavaScript($input.path('$.id'))", "$util.escapeJavaScript($input.path('$.name'))",
                "\"passthroughBehavior\": \"never\",");

        List<Finding> findings = sec(spec);

        assertThat(findings).hasSize(2).allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SEC002);
            assertThat(f.message()).contains("an apostrophe (')").contains("invalid JSON").contains(".replaceAll(");
        });
    }

    @Test
    void aFullyEscapedTemplateIsClean() throws Exception {
        String id = "$util.escapeJavaScript($input.path('$.id')).replaceAll(\\\"\\\\\\\\'\\\",\\\"'\\\")";
        String name = "$util.escapeJavaScript($input.path('$.name')).replaceAll(\\\"\\\\\\\\'\\\",\\\"'\\\")";
        Path spec = seedSpec("escaped", id, name, "\"passthroughBehavior\": \"never\",");

        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT);

        assertThat(result.findings()).noneMatch(f -> f.rule().name().startsWith("SEC"));
        assertThat(result.findings()).noneMatch(f -> f.rule() == Rule.VTL001 || f.rule() == Rule.VTL002);
        assertThat(result.examplesRendered()).isEqualTo(1);
    }

    @Test
    void aValidatedBodyIsProbedOnlyWithTheValuesItsModelAllows() throws Exception {
        Path spec = seedSpec("validated", "$input.path('$.id')", "$input.path('$.name')", "\"passthroughBehavior\": \"never\",");
        Files.writeString(spec, Files.readString(spec)
                .replace("\"swagger\": \"2.0\",", "\"swagger\": \"2.0\", \"x-amazon-apigateway-request-validators\":"
                        + " {\"all\": {\"validateRequestBody\": true, \"validateRequestParameters\": true},"
                        + " \"params\": {\"validateRequestBody\": false, \"validateRequestParameters\": true}},")
                .replace("\"operationId\": \"putItem\",", "\"operationId\": \"putItem\", \"x-amazon-apigateway-request-validator\": \"%s\","
                        + " \"parameters\": [{\"in\": \"body\", \"name\": \"item\", \"schema\": {\"type\": \"object\", \"properties\": {"
                        + "\"id\": {\"type\": \"string\", \"pattern\": \"^[0-9]+$\"}, \"name\": {\"type\": \"string\", \"maxLength\": 50}}}}],"));
        String withValidator = Files.readString(spec);

        Files.writeString(spec, withValidator.formatted("all"));
        // the pattern keeps every hostile value out of id; name's maxLength lets a quote through
        assertThat(sec(spec)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SEC001);
            assertThat(f.message()).startsWith("Client input 'body $.name'");
        });

        Files.writeString(spec, withValidator.formatted("params"));
        // parameter validation checks presence only: the body is not validated
        assertThat(sec(spec)).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("Client input 'body $.id'"))
                .anySatisfy(m -> assertThat(m).startsWith("Client input 'body $.name'"));
    }

    @Test
    void eachInputIsReportedOncePerTemplateHoweverManyExamples() throws Exception {
        Path spec = seedSpec("seed", "$input.path('$.id')", "$input.path('$.name')", "\"passthroughBehavior\": \"never\",");
        Files.writeString(spec, Files.readString(spec).replace("[{\"name\": \"create\", \"body\": {\"id\": \"42\", \"name\": \"w1\"}}]",
                "[{\"name\": \"a\", \"body\": {\"id\": \"1\", \"name\": \"x\"}}, {\"name\": \"b\", \"body\": {\"id\": \"2\", \"name\": \"y\"}}]"));

        List<Finding> findings = sec(spec);

        assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.example()).isEqualTo("a"));
    }
}
