package io.github.apigwddb.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.SpecFormat;
import java.util.List;
import java.util.Objects;
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
        // the binary entry's parameters count as little as the request's (rule docs audit: "application/json; charset=utf-8" was missed)
        assertThat(BinaryMediaTypes.covers("application/json; charset=utf-8", "application/json")).isTrue();
        assertThat(BinaryMediaTypes.covers("*/*; q=1", "application/json")).isTrue();
        assertThat(BinaryMediaTypes.covers("application/octet-stream", "application/json")).isFalse();
        assertThat(BinaryMediaTypes.covers("*", "application/json")).isFalse();
    }

    @Test
    void anIntegrationOnThePathItemIsAgw019NamingTheMethodsWithoutOne() throws Exception {
        // the trial's slip: the delete operation's integration indented one level too far left
        List<LintIssue> issues = lint("", PATHS + """
                  /items/{id}:
                    get:
                      responses: {'200': {description: ok}}
                      x-amazon-apigateway-integration: {type: mock}
                    delete:
                      operationId: deleteItem
                      responses: {'200': {description: ok}}
                    patch:
                      responses: {'200': {description: ok}}
                    x-amazon-apigateway-integration:
                      type: aws
                      uri: arn:aws:apigateway:us-east-1:dynamodb:action/DeleteItem
                """);
        assertThat(issues).extracting(LintIssue::rule).containsExactly(Rule.AGW019, Rule.AGW020, Rule.AGW020);
        assertThat(issues.get(0).pointer()).isEqualTo("/paths/~1items~1{id}/x-amazon-apigateway-integration");
        assertThat(issues.get(0).message()).isEqualTo("x-amazon-apigateway-integration is written on the path item /items/{id}, where"
                + " API Gateway does not read it (it reads it on operations only, x-amazon-apigateway-any-method among them), so its"
                + " methods are imported without it; move it under delete: or patch:, the path item's methods without one (one copy each)");
        // each method left without is reported where it is, with its operation, so its x-apigw-ignore applies
        assertThat(issues.subList(1, 3)).extracting(LintIssue::pointer).containsExactly("/paths/~1items~1{id}/delete", "/paths/~1items~1{id}/patch");
        assertThat(issues.get(1).operation().display()).isEqualTo("DELETE /items/{id} [deleteItem]");
        assertThat(issues.get(1).message()).contains("fails with \"No integration defined for method\"",
                "the x-amazon-apigateway-integration written on its path item (AGW019) probably belongs here");
    }

    @Test
    void validatorAndAuthOnThePathItemAreAgw019AndTheAdviceFitsThePathItem() throws Exception {
        List<LintIssue> issues = lint("x-amazon-apigateway-request-validators: {all: {validateRequestBody: true}}\n", PATHS
                .replace("  /items:\n", "  /items:\n    x-amazon-apigateway-request-validator: all\n    x-amazon-apigateway-auth: {type: AWS_IAM}\n")
                + "  /empty:\n    x-amazon-apigateway-auth: {type: AWS_IAM}\n"
                + "  /own:\n    x-amazon-apigateway-any-method:\n      x-amazon-apigateway-auth: {type: NONE}\n"
                + "      x-amazon-apigateway-integration: {type: mock}\n    x-amazon-apigateway-auth: {type: AWS_IAM}\n");
        assertThat(issues).extracting(LintIssue::rule).containsOnly(Rule.AGW019);
        assertThat(issues).extracting(LintIssue::message).satisfiesExactly(
                m -> assertThat(m).startsWith("x-amazon-apigateway-request-validator is written on the path item /items,")
                        .endsWith("move it under post:, the path item's method without one (or to the root, for every method of the API)"),
                m -> assertThat(m).startsWith("x-amazon-apigateway-auth is written on the path item /items,")
                        .endsWith("move it under post:, the path item's method without one"),
                m -> assertThat(m).endsWith("the path item has no method: write it under one (get:, post:, ...)"),
                m -> assertThat(m).endsWith("each of its methods (x-amazon-apigateway-any-method:) has its own: remove this one, or move it"
                        + " where it was meant"));
    }

    @Test
    void aMethodWithoutIntegrationIsAgw020WhereTheDefinitionHasIntegrations() throws Exception {
        String withoutOne = PATHS + "  /other:\n    get:\n      responses: {'200': {description: ok}}\n"
                + "    x-amazon-apigateway-any-method:\n      x-amazon-apigateway-integration: {type: mock}\n"
                + "  /nulled:\n    put:\n      x-amazon-apigateway-integration: null\n";
        List<LintIssue> issues = lint("", withoutOne);
        assertThat(issues).extracting(LintIssue::rule).containsExactly(Rule.AGW020, Rule.AGW020);
        assertThat(issues).extracting(LintIssue::pointer).containsExactly("/paths/~1other/get", "/paths/~1nulled/put");
        // ANY covers the methods the path item does not name; a GET written out is a method of its own
        assertThat(issues.get(0).message()).contains("the path item's x-amazon-apigateway-any-method does not cover a method the path"
                + " item names itself");
        // a definition without any integration is no API Gateway import (it is not linted at all, but would not be reported)
        assertThat(lint("", "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n")).isEmpty();
        // HTTP APIs may have routes without integration
        assertThat(lint("x-amazon-apigateway-cors: {allowOrigins: ['*']}\n", withoutOne)).isEmpty();
        assertThat(lint("", withoutOne.replace("{type: mock}", "{type: aws_proxy, payloadFormatVersion: '2.0'}"))).isEmpty();
        // an HTTP API's setting on a REST integration of type aws is a slip (AGW016), not a sign
        assertThat(lint("", withoutOne.replace("{type: mock}", "{type: aws, payloadFormatVersion: '2.0'}")))
                .extracting(LintIssue::rule).containsExactly(Rule.AGW020, Rule.AGW020);
        // a method SAM completes at deployment (marked by the template reader) is not reported
        assertThat(lint("", withoutOne.replace("    get:\n", "    get:\n      x-apigw-integration-added-by: SAM\n")))
                .extracting(LintIssue::pointer).containsExactly("/paths/~1nulled/put");
    }

    private static List<LintIssue> lint(String rootExtensions) throws Exception {
        return lint(rootExtensions, PATHS);
    }

    private static List<LintIssue> lint(String rootExtensions, String paths) throws Exception {
        JsonNode root = new DocumentParser().parse("openapi: 3.0.1\n" + rootExtensions + paths, SpecFormat.YAML).root();
        List<Integration> integrations = IntegrationExtractor.operations(root).stream().map(IntegrationExtractor::integrationOf)
                .filter(Objects::nonNull).toList();
        return new ApiLinter().lint(root, integrations);
    }
}
