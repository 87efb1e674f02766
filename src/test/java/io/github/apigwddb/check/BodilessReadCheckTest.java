package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VTL017 through the whole check: a GET's template reading a body no client sends (user trial). */
class BodilessReadCheckTest {

    @TempDir
    Path dir;

    private static String spec(String method, String more) {
        return spec(method, more, "$util.escapeJavaScript($input.path('$.id')).replaceAll(\"\\\\'\", \"'\")");
    }

    private static String spec(String method, String more, String key) {
        return """
                openapi: 3.0.1
                info: {title: items, version: '1'}
                paths:
                  /items/{id}:
                    %s:
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                %s      responses: {'200': {description: ok}, '400': {description: bad}, '500': {description: error}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem
                        credentials: arn:aws:iam::123456789012:role/items
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            {"TableName": "Items",
                             "Key": {"id": {"S": "%s"}}}
                        responses:
                          default: {statusCode: '200', responseTemplates: {application/json: '{}'}}
                          '4\\d{2}': {statusCode: '400', responseTemplates: {application/json: '{"message": "bad"}'}}
                          '5\\d{2}': {statusCode: '500', responseTemplates: {application/json: '{"message": "error"}'}}
                """.formatted(method, more, key);
    }

    private List<Finding> check(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("api.yaml"), text);
        return new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT).findings();
    }

    @Test
    void aGetsTemplateReadingTheBodyIsVtl017() throws Exception {
        List<Finding> findings = check(spec("get", ""));

        assertThat(findings).filteredOn(f -> f.rule() == Rule.VTL017).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("The template reads the request body ($input.path('$.id')), but a GET request carries none"
                    + " and the operation declares none, so it is empty for every client that follows the definition; did you mean"
                    + " $input.params('id')?");
            assertThat(f.position().line()).isEqualTo(18);
            assertThat(f.position().column()).isEqualTo(58); // at $input.path
        });
        // the made-up example sends the body the template reads: no false DDB009 for the key it fills
        assertThat(findings).extracting(Finding::rule).doesNotContain(Rule.DDB009);
    }

    /** API Gateway passes a body a client sends with a GET anyway: the probe checks what it reaches (review). */
    @Test
    void aBodyAGetsTemplateWritesUnescapedIsStillProbed() throws Exception {
        List<Finding> findings = check(spec("get", "", "$input.path('$.id')"));

        assertThat(findings).extracting(Finding::rule).contains(Rule.VTL017, Rule.SEC001);
    }

    @Test
    void aBodyTheOperationDeclaresOrAPostsBodyIsNoVtl017() throws Exception {
        assertThat(check(spec("get", "      requestBody: {content: {application/json: {schema: {type: object}}}}\n")))
                .extracting(Finding::rule).doesNotContain(Rule.VTL017, Rule.DDB009);
        assertThat(check(spec("post", ""))).extracting(Finding::rule).doesNotContain(Rule.VTL017, Rule.DDB009);
    }
}
