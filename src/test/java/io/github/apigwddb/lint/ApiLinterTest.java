package io.github.apigwddb.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.SpecFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiLinterTest {

    /** One DynamoDB integration with an application/json request template; the root's extensions go before paths. */
    private static final String PATHS = """
            paths:
              /items:
                post:
                  responses: {'200': {description: ok}}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                    credentials: arn:aws:iam::123456789012:role/api-ddb
                    requestTemplates:
                      application/json: '{"TableName": "T", "Item": {"id": {"S": "1"}}}'
                    responses: {default: {statusCode: "200"}}
            """;

    @Test
    void anApiWithoutRootExtensionsHasNoFindings() throws Exception {
        assertThat(lint("")).isEmpty();
    }

    @Test
    void theDefaultValidatorMustBeDefinedAndValidatorsHaveOnlyTheirTwoBooleans() throws Exception {
        List<LintIssue> issues = lint("""
                x-amazon-apigateway-request-validator: basic
                x-amazon-apigateway-request-validators:
                  all: {validateRequestBody: true, validateRequestParameters: "yes"}
                  text: {validateRequestBody: "true", validateRequestParameters: "false"}
                  body: {validateBody: true}
                  params: true
                """);
        assertThat(issues).extracting(LintIssue::rule).containsOnly(Rule.MAP013);
        assertThat(issues).extracting(LintIssue::message).containsExactly(
                "Request validator 'all': validateRequestParameters is \"yes\", not true or false",
                "Request validator 'body' has an unknown setting 'validateBody': only validateRequestBody and"
                        + " validateRequestParameters turn validation on",
                "Request validator 'params' is not an object of validateRequestBody and validateRequestParameters",
                "The API's default request validator 'basic' is not defined in x-amazon-apigateway-request-validators"
                        + " (defined: all, text, body, params): API Gateway refuses the definition or imports it without this validation");
        assertThat(issues).extracting(LintIssue::pointer).containsExactly(
                "/x-amazon-apigateway-request-validators/all/validateRequestParameters",
                "/x-amazon-apigateway-request-validators/body/validateBody",
                "/x-amazon-apigateway-request-validators/params",
                "/x-amazon-apigateway-request-validator");
        assertThat(lint("x-amazon-apigateway-request-validator: all\n"
                + "x-amazon-apigateway-request-validators: {all: {validateRequestBody: true, validateRequestParameters: true}}\n")).isEmpty();
    }

    @Test
    void gatewayResponsesHaveKnownTypesStatusesAndParameters() throws Exception {
        List<LintIssue> issues = lint("""
                x-amazon-apigateway-gateway-responses:
                  DEFAULT_4XX:
                    statusCode: 400
                    responseParameters:
                      gatewayresponse.header.Access-Control-Allow-Origin: "'*'"
                      method.response.header.X-Error: "'1'"
                  BAD_REQUEST: {statusCode: "400"}
                  INTEGRATION_FAILURE: {statusCode: "5xx"}
                """);
        assertThat(issues).extracting(LintIssue::rule).containsOnly(Rule.MAP015);
        assertThat(issues).extracting(LintIssue::message).containsExactly(
                "Gateway response DEFAULT_4XX: response parameter 'method.response.header.X-Error' is not"
                        + " gatewayresponse.header|path|querystring.<name>; gateway responses write gatewayresponse.header.<name>, not method.response",
                "'BAD_REQUEST' is not one of API Gateway's gateway response types: it customises no response, and a value"
                        + " outside the API's enum may be refused on import; did you mean BAD_REQUEST_PARAMETERS or BAD_REQUEST_BODY?",
                "Gateway response INTEGRATION_FAILURE: statusCode \"5xx\" is not a status from 100 to 599");
        assertThat(issues.get(2).pointer()).isEqualTo("/x-amazon-apigateway-gateway-responses/INTEGRATION_FAILURE/statusCode");
    }

    @Test
    void binaryMediaTypesCoveringTheJsonOfDynamoDbTemplatesAreMap016() throws Exception {
        List<LintIssue> issues = lint("x-amazon-apigateway-binary-media-types: [image/png, '*/*', application/*, application/JSON, text/*]\n");
        assertThat(issues).extracting(LintIssue::rule).containsOnly(Rule.MAP016);
        assertThat(issues).extracting(LintIssue::pointer).containsExactly("/x-amazon-apigateway-binary-media-types/1",
                "/x-amazon-apigateway-binary-media-types/2", "/x-amazon-apigateway-binary-media-types/3");
        assertThat(issues.get(0).message()).startsWith("Binary media type '*/*' covers application/json, the Content-Type of DynamoDB"
                + " request templates: API Gateway treats such request bodies as binary");
        // converting binary bodies to text does not help: the template then gets base64
        assertThat(lint("x-amazon-apigateway-binary-media-types: ['*/*']\n", PATHS.replace("    type: aws",
                "    contentHandling: CONVERT_TO_TEXT\n        type: aws"))).extracting(LintIssue::rule).containsExactly(Rule.MAP016);
        assertThat(lint("x-amazon-apigateway-binary-media-types: [image/png, application/octet-stream]\n")).isEmpty();
        assertThat(lint("x-amazon-apigateway-binary-media-types: '*/*'\n")).extracting(LintIssue::pointer)
                .containsExactly("/x-amazon-apigateway-binary-media-types");
    }

    @Test
    void coversMatchesWildcardsAndIgnoresParameters() {
        assertThat(BinaryMediaTypes.covers("*/*", "application/json")).isTrue();
        assertThat(BinaryMediaTypes.covers("application/*", "application/json; charset=utf-8")).isTrue();
        assertThat(BinaryMediaTypes.covers("application/json", "application/json;charset=UTF-8")).isTrue();
        assertThat(BinaryMediaTypes.covers("application/octet-stream", "application/json")).isFalse();
        assertThat(BinaryMediaTypes.covers("*", "application/json")).isFalse();
    }

    private static List<LintIssue> lint(String rootExtensions) throws Exception {
        return lint(rootExtensions, PATHS);
    }

    private static List<LintIssue> lint(String rootExtensions, String paths) throws Exception {
        JsonNode root = new DocumentParser().parse("openapi: 3.0.1\n" + rootExtensions + paths, SpecFormat.YAML).root();
        List<Integration> integrations = IntegrationExtractor.operations(root).stream().map(IntegrationExtractor::integrationOf).toList();
        return new ApiLinter().lint(root, integrations);
    }
}
