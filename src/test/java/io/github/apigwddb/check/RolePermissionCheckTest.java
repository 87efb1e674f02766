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

/** DDB014: what a request needs the role of its template to allow. */
class RolePermissionCheckTest {

    @TempDir
    Path dir;

    private static final String TEMPLATE = """
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: apigateway.amazonaws.com}, Action: sts:AssumeRole}]}
                  Policies:
                    - PolicyName: ddb
                      PolicyDocument: {Statement: [{Effect: Allow, Action: [%s], Resource: !GetAtt Orders.Arn}]}
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  DefinitionBody:
                    openapi: 3.0.1
                    info: {title: t, version: "1"}
                    paths:
                      /orders/{id}/confirm:
                        post:
                          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                          responses: {"200": {description: ok}}
                          x-amazon-apigateway-integration:
                            type: aws
                            httpMethod: POST
                            uri: !Sub "arn:aws:apigateway:${AWS::Region}:dynamodb:action/TransactWriteItems"
                            credentials: !GetAtt Role.Arn
                            passthroughBehavior: never
                            requestTemplates:
                              application/json: |
                                #set($id = $util.escapeJavaScript($input.params('id')).replaceAll("\\\\'", "'"))
                                {"TransactItems": [
                                  {"ConditionCheck": {"TableName": "orders", "Key": {"id": {"S": "$id"}}, "ConditionExpression": "attribute_exists(id)"}},
                                  {"Put": {"TableName": "orders", "Item": {"id": {"S": "$id-log"}}}},
                                  {"Update": {"TableName": "orders", "Key": {"id": {"S": "$id"}}, "UpdateExpression": "SET confirmed = :t",
                                    "ExpressionAttributeValues": {":t": {"BOOL": true}}}}
                                ]}
                            responses:
                              default: {statusCode: "200"}
            """;

    private List<String> ddb014(String actions) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, TEMPLATE.formatted(actions));
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(template), null, Map.of(), 1), CheckLog.SILENT);
        return result.findings().stream().filter(f -> f.rule() == Rule.DDB014).map(Finding::message).toList();
    }

    @Test
    void aTransactionNeedsTheItemActionOfEachOperationNotTransactWriteItems() throws Exception {
        // AWS's own example policy for transactions: the item actions, and ConditionCheckItem
        assertThat(ddb014("dynamodb:ConditionCheckItem, dynamodb:PutItem, dynamodb:UpdateItem")).isEmpty();

        assertThat(ddb014("dynamodb:PutItem, dynamodb:ConditionCheckItem")).singleElement().asString()
                .contains("does not allow dynamodb:UpdateItem on arn:aws:dynamodb:us-east-1:123456789012:table/orders (TransactItems[2].Update)");

        // dynamodb:TransactWriteItems is no permission of its own
        assertThat(ddb014("dynamodb:TransactWriteItems")).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("dynamodb:ConditionCheckItem").contains("(TransactItems[0].ConditionCheck)"))
                .anySatisfy(m -> assertThat(m).contains("dynamodb:PutItem").contains("(TransactItems[1].Put)"));
    }

    @Test
    void theRenderGoalJudgesTheRoleAsCheckDoes() throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, TEMPLATE.formatted("dynamodb:PutItem, dynamodb:ConditionCheckItem"));
        RenderedExample rendered = new CheckEngine().render(new CheckRequest(List.of(template), null, Map.of(), 1),
                new RenderRequest("POST /orders/{id}/confirm", null, null), CheckLog.SILENT);
        assertThat(rendered.findings()).filteredOn(f -> f.rule() == Rule.DDB014).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("dynamodb:UpdateItem"));
    }

    @Test
    void aMissingPermissionIsReportedInThePolicyThatGrantsActionsOnThatTable() throws Exception {
        // the role's inline policy is about another table; a policy of its own grants actions on orders
        String template = TEMPLATE.formatted("dynamodb:GetItem").replace("Resource: !GetAtt Orders.Arn}]}",
                "Resource: 'arn:aws:dynamodb:*:*:table/audit'}]}\n"
                + "  OrdersPolicy:\n"
                + "    Type: AWS::IAM::Policy\n"
                + "    Properties:\n"
                + "      PolicyName: orders\n"
                + "      Roles: [!Ref Role]\n"
                + "      PolicyDocument: {Statement: [{Effect: Allow, Action: [dynamodb:PutItem, dynamodb:ConditionCheckItem],"
                + " Resource: !GetAtt Orders.Arn}]}");
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, template);
        List<Finding> ddb014 = new CheckEngine().run(new CheckRequest(List.of(file), null, Map.of(), 1), CheckLog.SILENT).findings()
                .stream().filter(f -> f.rule() == Rule.DDB014).toList();

        assertThat(ddb014).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("does not allow dynamodb:UpdateItem on arn:aws:dynamodb:us-east-1:123456789012:table/orders");
            assertThat(Files.readAllLines(file).get(f.position().line() - 1)).contains("OrdersPolicy:");
        });
    }
}
