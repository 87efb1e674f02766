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

/** VTL013: $context.authorizer read where no authorizer runs. */
class AuthorizerReadCheckTest {

    @TempDir
    Path dir;

    private static final String OPERATION = """
                %s:
                  %s
                  responses: {"200": {description: ok}}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:dynamodb:action/Query
                    credentials: arn:aws:iam::123456789012:role/notes
                    passthroughBehavior: never
                    requestTemplates:
                      application/json: '{"TableName": "Notes", "KeyConditionExpression": "userId = :u", "ExpressionAttributeValues": {":u": {"S": "$context.authorizer.claims.sub"}}}'
                    responses:
                      default: {statusCode: "200"}
            """;

    private List<Finding> vtl013(String rootSecurity, String getSecurity, String optionsSecurity) throws Exception {
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, "openapi: 3.0.1\ninfo: {title: notes, version: '1'}\n" + rootSecurity + "paths:\n  /notes:\n"
                + OPERATION.formatted("get", getSecurity) + OPERATION.formatted("options", optionsSecurity)
                + "components:\n  securitySchemes:\n    users:\n      type: apiKey\n      name: Authorization\n      in: header\n"
                + "      x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: [arn:aws:cognito-idp:us-east-1:1:userpool/p]}\n"
                + "    key: {type: apiKey, name: x-api-key, in: header}\n"
                + "    lambda:\n      type: apiKey\n      name: Authorization\n      in: header\n"
                + "      x-amazon-apigateway-authorizer: {type: token, authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/f}\n");
        return new CheckEngine().run(new CheckRequest(List.of(spec), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT).findings()
                .stream().filter(f -> f.rule() == Rule.VTL013).toList();
    }

    @Test
    void aPreflightCopiedFromTheGetReadsClaimsNoAuthorizerGives() throws Exception {
        // the GET has the Cognito authorizer; the OPTIONS copied from it has none
        assertThat(vtl013("", "security: [{users: []}]", "security: []")).singleElement().satisfies(f -> {
            assertThat(f.operation().method()).isEqualTo("OPTIONS");
            assertThat(f.message()).startsWith("The template reads $context.authorizer.claims.sub, but no authorizer runs for OPTIONS /notes");
        });
        // the API's security applies where the operation has none; an API key is no authorizer; an unknown scheme may be one
        assertThat(vtl013("security: [{users: []}]\n", "description: api security", "description: api security")).isEmpty();
        assertThat(vtl013("", "security: [{key: []}]", "security: [{elsewhere: []}]")).singleElement()
                .satisfies(f -> assertThat(f.operation().method()).isEqualTo("GET"));
    }

    /** Claims behind a Lambda authorizer render empty: it returns a principalId and plain context values (re-trial). */
    @Test
    void claimsBehindALambdaAuthorizerAndAPrincipalBehindCognitoAreNeverFilled() throws Exception {
        assertThat(vtl013("", "security: [{lambda: []}]", "security: [{users: []}]")).singleElement().satisfies(f -> {
            assertThat(f.operation().method()).isEqualTo("GET");
            assertThat(f.message()).startsWith("The template reads $context.authorizer.claims.sub, but the authorizer of GET /notes is a"
                    + " Lambda authorizer");
        });
        String principal = OPERATION.replace("$context.authorizer.claims.sub", "$context.authorizer.principalId");
        Path spec = dir.resolve("principal.yaml");
        Files.writeString(spec, "openapi: 3.0.1\ninfo: {title: notes, version: '1'}\npaths:\n  /notes:\n"
                + principal.formatted("get", "security: [{users: []}]") + principal.formatted("put", "security: [{lambda: []}]")
                + "components:\n  securitySchemes:\n    users:\n      type: apiKey\n      name: Authorization\n      in: header\n"
                + "      x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: [arn:aws:cognito-idp:us-east-1:1:userpool/p]}\n"
                + "    lambda:\n      type: apiKey\n      name: Authorization\n      in: header\n"
                + "      x-amazon-apigateway-authorizer: {type: request, authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/f}\n");
        List<Finding> findings = new CheckEngine().run(new CheckRequest(List.of(spec), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT)
                .findings();
        assertThat(findings).filteredOn(f -> f.rule() == Rule.VTL013).singleElement().satisfies(f -> {
            assertThat(f.operation().method()).isEqualTo("GET");
            assertThat(f.message()).contains("is a Cognito user pool authorizer, which gives the token's claims");
        });
    }
}
