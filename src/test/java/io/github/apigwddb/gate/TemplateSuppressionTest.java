package io.github.apigwddb.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * x-apigw-ignore in a CloudFormation/SAM template: in an inline API, and in the Metadata of a REST method resource, of a
 * WebSocket route or of its integration.
 */
class TemplateSuppressionTest {

    @TempDir
    Path dir;

    private GateOutcome gate(String template) throws Exception {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, template);
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT);
        return new Gate(RuleSettings.defaults(), Baseline.empty(dir), "apigw-baseline.json").apply(result);
    }

    @Test
    void anEntryInAnInlineDefinitionBodyIsHonoured() throws Exception {
        GateOutcome outcome = gate("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionBody:
                        openapi: 3.0.1
                        info: {title: t, version: "1"}
                        paths:
                          /items/{id}:
                            get:
                              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                              responses: {"200": {description: ok}}
                              x-amazon-apigateway-integration:
                                type: aws
                                httpMethod: GET
                                uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem
                                credentials: arn:aws:iam::123456789012:role/r
                                passthroughBehavior: never
                                x-apigw-ignore: [{rules: [AGW006], reason: "tracked in API-7"}]
                                requestTemplates:
                                  application/json: '{"TableName": "Items", "Key": {"id": {"S": "1"}}}'
                                responses: {default: {statusCode: "200"}}
                """);
        assertThat(outcome.suppressed()).extracting(s -> s.finding().rule()).contains(Rule.AGW006);
        assertThat(outcome.reported()).noneMatch(f -> f.rule() == Rule.AGW006);
    }

    @Test
    void anEntryInTheMetadataOfARouteOrOfItsIntegrationCoversEachOfItsOperations() throws Exception {
        GateOutcome outcome = gate("""
                Resources:
                  Chat:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: {Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
                  NickRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Metadata:
                      x-apigw-ignore: [{rules: [SEC001], reason: "nick is checked by the client library"}]
                    Properties:
                      ApiId: !Ref Chat
                      RouteKey: nick
                      Target: !Join [/, [integrations, !Ref NickIntegration]]
                  NickIntegration:
                    Type: AWS::ApiGatewayV2::Integration
                    Metadata:
                      x-apigw-ignore: [{rules: [AGW011, SEC003], reason: "CHAT-123"}]
                    Properties:
                      ApiId: !Ref Chat
                      IntegrationType: AWS
                      IntegrationMethod: POST
                      IntegrationUri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                      CredentialsArn: arn:aws:iam::123456789012:role/r
                      TemplateSelectionExpression: ${request.body.version}
                      RequestTemplates:
                        v1: '{"TableName": "Nicks", "Item": {"id": {"S": "$context.connectionId"}, "nick": {"S": "$input.path(''$.nick'')"}}}'
                        v2: '{"TableName": "Nicks", "Item": {"id": {"S": "$context.connectionId"}, "nick": {"S": "$input.path(''$.n'')"}}}'
                """);
        assertThat(outcome.suppressed()).extracting(s -> s.finding().rule()).contains(Rule.SEC001, Rule.AGW011, Rule.SEC003);
        assertThat(outcome.reported()).noneMatch(f -> f.rule() == Rule.SEC001 || f.rule() == Rule.AGW011 || f.rule() == Rule.SEC003);
    }

    private static String method(String name, String resource, String verb, String metadata) {
        return "  " + name + ":\n"
                + "    Type: AWS::ApiGateway::Method\n"
                + metadata
                + "    Properties:\n"
                + "      RestApiId: !Ref Api\n"
                + "      ResourceId: " + resource + "\n"
                + "      HttpMethod: " + verb + "\n"
                + "      AuthorizationType: NONE\n"
                + "      Integration:\n"
                + "        Type: AWS\n"
                + "        IntegrationHttpMethod: GET\n"
                + "        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem\n"
                + "        Credentials: arn:aws:iam::123456789012:role/r\n"
                + "        PassthroughBehavior: NEVER\n"
                + "        RequestTemplates:\n"
                + "          application/json: '{\"TableName\": \"Orders\", \"Key\": {\"id\": {\"S\": \"1\"}}}'\n"
                + "        IntegrationResponses: [{StatusCode: '200'}]\n"
                + "      MethodResponses: [{StatusCode: '200'}]\n";
    }

    @Test
    void anEntryInTheMetadataOfAMethodResourceCoversThatMethodOnly() throws Exception {
        String ignore = "    Metadata:\n      x-apigw-ignore: [{rules: [AGW006], reason: \"ORD-12\"}]\n";
        GateOutcome outcome = gate("""
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties: {Name: orders}
                  Orders:
                    Type: AWS::ApiGateway::Resource
                    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders}
                  Order:
                    Type: AWS::ApiGateway::Resource
                    Properties: {RestApiId: !Ref Api, ParentId: {Ref: Orders}, PathPart: '{orderId}'}
                """ + method("GetOrder", "!Ref Order", "GET", ignore) + method("ListOrders", "!Ref Orders", "GET", "")
                + method("AnyOrder", "!Ref Order", "ANY", ""));

        assertThat(outcome.suppressed()).extracting(s -> s.finding().rule() + " " + s.finding().operation().method() + " "
                + s.finding().operation().path()).containsExactly("AGW006 GET /orders/{orderId}");
        assertThat(outcome.reported()).filteredOn(f -> f.rule() == Rule.AGW006).extracting(f -> f.operation().method() + " "
                + f.operation().path()).containsExactlyInAnyOrder("GET /orders", "ANY /orders/{orderId}");
    }

    @Test
    void anEntryOfAMethodWhosePathIsNotTextIsReportedAsNotRead() throws Exception {
        String ignore = "    Metadata:\n      x-apigw-ignore: [{rules: [AGW006], reason: \"ORD-12\"}]\n";
        GateOutcome outcome = gate("""
                Parameters:
                  Part: {Type: String, Default: orders}
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties: {Name: orders}
                  Orders:
                    Type: AWS::ApiGateway::Resource
                    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: !Ref Part}
                """ + method("ListOrders", "!Ref Orders", "GET", ignore));

        assertThat(outcome.reported()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SPEC005);
            assertThat(f.message()).contains("path is not written as text").contains("baseline");
            assertThat(f.position().line()).isEqualTo(13); // the x-apigw-ignore member
        });
        assertThat(outcome.suppressed()).isEmpty();
    }
}
