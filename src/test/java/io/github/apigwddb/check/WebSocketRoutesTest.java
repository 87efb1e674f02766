package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes of a WebSocket API in a CloudFormation template: their DynamoDB integrations' request side, through the whole check. */
class WebSocketRoutesTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Chat:
                Type: AWS::ApiGatewayV2::Api
                Properties: {Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: apigateway.amazonaws.com}, Action: sts:AssumeRole}]}
                  Policies:
                    - PolicyName: ddb
                      PolicyDocument: {Statement: [{Effect: Allow, Action: ["dynamodb:PutItem", "dynamodb:DeleteItem"], Resource: "*"}]}
            """;

    private static String route(String name, String routeKey, String integration) {
        return """
                  %s:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: !Ref Chat
                      RouteKey: %s
                      OperationName: %s
                      Target: !Join ["/", [integrations, !Ref %s]]
                """.formatted(name, routeKey, name, integration);
    }

    private static String integration(String name, String method, String action, String selection, String templates) {
        return """
                  %s:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref Chat
                      IntegrationType: AWS
                      IntegrationMethod: %s
                      IntegrationUri: !Sub "arn:aws:apigateway:${AWS::Region}:dynamodb:action/%s"
                      CredentialsArn: !GetAtt Role.Arn
                %s      RequestTemplates:
                %s
                """.formatted(name, method, action, selection == null ? "" : "      TemplateSelectionExpression: " + selection + "\n", templates);
    }

    private List<Finding> check(String template) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, template);
        return new CheckEngine().run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT).findings();
    }

    private static List<Finding> of(List<Finding> findings, Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }

    @Test
    void aConnectRouteIsRenderedWithTheConnectionsContextAndChecked() throws IOException {
        String connect = "        $default: '{\"TableName\": \"Sessions\", \"Item\": {\"id\": {\"S\": \"$context.connectionId\"},"
                + " \"at\": {\"N\": \"$context.connectedAt\"}, \"route\": {\"S\": \"$context.routeKey\"}, \"path\": {\"S\": \"$context.resourcePath\"}}}'";
        List<Finding> findings = check(HEAD + route("ConnectRoute", "$connect", "ConnectIntegration")
                + integration("ConnectIntegration", "GET", "PutItem", "\\$default", connect));

        // the WebSocket context is known; a REST one is not; the method is still POST's
        assertThat(of(findings, Rule.VTL003)).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("$context.resourcePath is not a $context variable API Gateway documents for WebSocket");
            assertThat(f.operation().display()).isEqualTo("ROUTE $connect [ConnectRoute]");
        });
        assertThat(of(findings, Rule.AGW006)).singleElement().satisfies(f -> assertThat(f.message()).startsWith("Integration IntegrationMethod is 'GET'"));
        assertThat(findings).noneMatch(f -> f.rule().id().startsWith("DDB") || f.rule().id().startsWith("MAP") || f.rule() == Rule.AGW013);
        assertThat(of(findings, Rule.CFN008)).isEmpty();
    }

    @Test
    void aMessageRouteIsProbedThroughItsBodyAndRejectedRequestsAreReported() throws IOException {
        String send = "        $default: '{\"TableName\": \"Messages\", \"Item\": {\"id\": {\"S\": \"$context.messageId\"},"
                + " \"text\": {\"S\": \"$input.path(''$.text'')\"}}}'";
        String delete = "        $default: '{\"Key\": {\"id\": {\"S\": \"$context.connectionId\"}}}'";
        List<Finding> findings = check(HEAD + route("SendRoute", "send", "SendIntegration") + route("DisconnectRoute", "$disconnect", "Gone")
                + integration("SendIntegration", "POST", "PutItem", "\\$default", send)
                + integration("Gone", "POST", "DeleteItem", null, delete));

        // the message's text reaches the item unescaped
        assertThat(of(findings, Rule.SEC001)).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Client input 'body $.text' can break the DynamoDB request");
            assertThat(f.operation().display()).isEqualTo("ROUTE send [SendRoute]");
        });
        // no TemplateSelectionExpression: the $default template; it lacks TableName
        assertThat(of(findings, Rule.DDB001)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("tableName");
            assertThat(f.operation().display()).isEqualTo("ROUTE $disconnect [DisconnectRoute]");
        });
        assertThat(of(findings, Rule.VTL003)).isEmpty();
    }

    @Test
    void renderingARouteWithInputOfTheCommandLineKeepsTheConnectionsContext() throws IOException {
        String connect = "        $default: '{\"TableName\": \"Sessions\", \"Item\": {\"id\": {\"S\": \"$context.connectionId\"},"
                + " \"user\": {\"S\": \"$input.params(''user'')\"}}}'";
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, HEAD + route("ConnectRoute", "$connect", "ConnectIntegration")
                + integration("ConnectIntegration", "POST", "PutItem", "\\$default", connect));
        RenderedExample rendered = new CheckEngine().render(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1),
                new RenderRequest("ROUTE $connect", null, new RenderRequest.AdHocInput(null, null, Map.of(), Map.of("user", "bob"), Map.of(),
                        null, null)), CheckLog.SILENT);

        assertThat(rendered.renderedRequest()).contains("\"id\": {\"S\": \"AbCdEfGhIjKlMnO=\"}").contains("\"user\": {\"S\": \"bob\"}");
        // a route has no Content-Type and, one-way, sends nothing back: no REST wording, no "API Gateway answers 500"
        List<String> lines = io.github.apigwddb.report.RenderFormat.plain().lines(rendered);
        assertThat(lines).contains("== Request template (the one the route's messages get) ==")
                .anySatisfy(l -> assertThat(l).contains("none: a one-way route"))
                .noneSatisfy(l -> assertThat(l).contains("API Gateway answers 500"));
    }

    @Test
    void restOnlyContextNamesRenderEmptyOnARoute() throws IOException {
        String connect = "        $default: '{\"TableName\": \"Sessions\", \"Item\": {\"id\": {\"S\": \"$context.connectionId\"},"
                + " \"path\": {\"S\": \"$context.resourcePath\"}, \"method\": {\"S\": \"$context.httpMethod\"}}}'";
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, HEAD + route("ConnectRoute", "$connect", "ConnectIntegration")
                + integration("ConnectIntegration", "POST", "PutItem", "\\$default", connect));
        RenderedExample rendered = new CheckEngine().render(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1),
                new RenderRequest("ROUTE $connect", null, null), CheckLog.SILENT);

        // as VTL003 says: a WebSocket template has no resourcePath or httpMethod
        assertThat(rendered.renderedRequest()).contains("\"path\": {\"S\": \"\"}").contains("\"method\": {\"S\": \"\"}");
    }

    @Test
    void parametersReadOnAMessageRouteAreAlwaysEmpty() throws IOException {
        String send = "        $default: '{\"TableName\": \"Messages\", \"Item\": {\"id\": {\"S\": \"$context.messageId\"},"
                + " \"user\": {\"S\": \"$util.escapeJavaScript($input.params(''user''))\"}}}'";
        List<Finding> findings = check(HEAD + route("SendRoute", "send", "SendIntegration")
                + integration("SendIntegration", "POST", "PutItem", "\\$default", send));

        assertThat(of(findings, Rule.VTL003)).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("$input.params reads the query string and headers of the request, which a WebSocket message does not have"));
    }

    @Test
    void parametersReadInABranchThatRunsOnlyOnConnectAreNotReported() throws IOException {
        // one integration serves $connect and the messages: the template reads the upgrade request's parameters only there
        String shared = "        $default: '{\"TableName\": \"Messages\", \"Item\": {\"id\": {\"S\": \"$context.connectionId\"},"
                + " #if($context.eventType == \"CONNECT\")\"user\": {\"S\": \"$util.escapeJavaScript($input.params(''user''))\"},"
                + "#end \"at\": {\"N\": \"$context.requestTimeEpoch\"}}}'";
        String routes = HEAD + route("ConnectRoute", "$connect", "SharedIntegration") + route("SendRoute", "send", "SharedIntegration");
        assertThat(of(check(routes + integration("SharedIntegration", "POST", "PutItem", "\\$default", shared)), Rule.VTL003)).isEmpty();
        assertThat(of(check(routes + integration("SharedIntegration", "POST", "PutItem", "\\$default",
                shared.replace("#if($context.eventType == \"CONNECT\")", "#if($context.routeKey == ''$connect'' && true)"))), Rule.VTL003))
                .isEmpty();

        // a branch that runs on messages: the #else of the test, a test of another event, or of anything else
        for (String condition : new String[] {"#if($context.eventType != \"CONNECT\")", "#if($context.eventType == \"MESSAGE\")",
                "#if($input.path(''$.x'') == \"y\")"}) {
            assertThat(of(check(routes + integration("SharedIntegration", "POST", "PutItem", "\\$default",
                    shared.replace("#if($context.eventType == \"CONNECT\")", condition))), Rule.VTL003)).as(condition).singleElement()
                    .satisfies(f -> assertThat(f.message()).startsWith("$input.params reads the query string"));
        }
        String inElse = shared.replace("\"user\": {\"S\": \"$util.escapeJavaScript($input.params(''user''))\"},#end",
                "\"user\": {\"S\": \"c\"},#else\"all\": {\"S\": \"$util.escapeJavaScript($input.params().get(''header''))\"},#end");
        assertThat(inElse).contains("#else");
        assertThat(of(check(routes + integration("SharedIntegration", "POST", "PutItem", "\\$default", inElse)), Rule.VTL003))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("$input.params reads the query string"));
    }

    @Test
    void theUpgradeRequestsParametersOfConnectAreProbed() throws IOException {
        // AWS's own samples store $input.params() of $connect: the query string and headers of the upgrade request
        String connect = "        $default: '{\"TableName\": \"Sessions\", \"Item\": {\"id\": {\"S\": \"$context.connectionId\"},"
                + " \"user\": {\"S\": \"$input.params(''user'')\"}}}'";
        List<Finding> findings = check(HEAD + route("ConnectRoute", "$connect", "ConnectIntegration")
                + integration("ConnectIntegration", "POST", "PutItem", "\\$default", connect));

        assertThat(of(findings, Rule.SEC001)).singleElement().satisfies(f -> assertThat(f.message()).startsWith("Client input 'querystring user'"));
        assertThat(of(findings, Rule.VTL003)).isEmpty();
        assertThat(of(findings, Rule.EXM003)).isEmpty(); // a route declares no parameters
    }

    @Test
    void aTemplateWritingEveryHeaderIsProbedOnConnectOnly() throws IOException {
        String headers = "        $default: '{\"TableName\": \"Sessions\", \"Item\": {\"id\": {\"S\": \"$context.connectionId\"},"
                + " \"headers\": {\"S\": \"$input.params().get(''header'')\"}}}'";
        List<Finding> findings = check(HEAD + route("ConnectRoute", "$connect", "ConnectIntegration") + route("SendRoute", "send", "SendIntegration")
                + integration("ConnectIntegration", "POST", "PutItem", "\\$default", headers)
                + integration("SendIntegration", "POST", "PutItem", "\\$default", headers));

        // the upgrade request's headers are the client's; a message has none
        assertThat(of(findings, Rule.SEC001)).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Any header a client sends");
            assertThat(f.operation().display()).isEqualTo("ROUTE $connect [ConnectRoute]");
        });
    }

    @Test
    void aSidecarNamedAfterTheRouteServesEachOfItsTemplates() throws IOException {
        String templates = "        v1: '{\"TableName\": \"Table\", \"Item\": {\"id\": {\"S\": \"$input.path(''$.id'')\"}}}'\n"
                + "        v2: '{\"TableName\": \"Table\", \"Item\": {\"id\": {\"S\": \"$input.path(''$.id'')\"}}}'";
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, HEAD + route("PutRoute", "put", "PutIntegration").replace("      OperationName: PutRoute\n", "")
                + integration("PutIntegration", "POST", "PutItem", "${request.body.version}", templates));
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("ROUTE_put.yaml"), "- name: from-the-route\n  body: {id: item-1}\n");

        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(file), examples, Map.of(), 1), CheckLog.SILENT);

        assertThat(result.cases()).filteredOn(c -> c.example() != null).extracting(c -> c.operation().display() + " " + c.example())
                .containsExactlyInAnyOrder("ROUTE put template v1 from-the-route", "ROUTE put template v2 from-the-route");
    }

    /**
     * A message selects one template of its route: its example is rendered with that one only (left by the last trial:
     * an expectation written for v1 failed as EXM001 on v2); a template none of the examples selects gets one made up,
     * whose member selects it.
     */
    @Test
    void anExampleIsRenderedWithTheTemplateItsMessageSelects() throws IOException {
        String item = "'{\"TableName\": \"Table\", \"Item\": {\"id\": {\"S\": \"$input.path(''$.id'')\"}, \"v\": {\"S\": \"%s\"}}}'";
        String templates = "        v1: " + item.formatted("one") + "\n        v2: " + item.formatted("two") + "\n        v3: " + item.formatted("three")
                + "\n        $default: " + item.formatted("default");
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, HEAD + route("PutRoute", "put", "PutIntegration")
                + integration("PutIntegration", "POST", "PutItem", "${request.body.version}", templates));
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("PutRoute.yaml"), "- name: first\n  body: {version: v1, id: a}\n"
                + "  expect: {request: {TableName: Table, Item: {id: {S: a}, v: {S: one}}}}\n"
                + "- name: second\n  body: {version: v2, id: b}\n- name: unversioned\n  body: {id: c}\n"
                + "- name: future\n  body: {version: v9, id: d}\n");

        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(file), examples, Map.of(), 1), CheckLog.SILENT);

        assertThat(result.cases()).filteredOn(c -> c.example() != null).extracting(c -> c.operation().display() + " " + c.example())
                .containsExactlyInAnyOrder("ROUTE put template v1 [PutRoute] first", "ROUTE put template v2 [PutRoute] second",
                        "ROUTE put template $default [PutRoute] unversioned", "ROUTE put template $default [PutRoute] future",
                        "ROUTE put template v3 [PutRoute] synthesised");
        assertThat(of(result.findings(), Rule.EXM001)).isEmpty();
        assertThat(result.cases()).filteredOn(c -> "synthesised".equals(c.example())).singleElement()
                .satisfies(c -> assertThat(c.renderedRequest()).contains("\"three\""));
    }

    /**
     * A template selection on the member routes are selected by sees the route key, which every message reaching the
     * route has: an example that leaves the member out is rendered with the route key's template, not $default (review).
     */
    @Test
    void aSelectionOnTheRoutesOwnMemberSelectsTheRouteKeysTemplate() throws IOException {
        String item = "'{\"TableName\": \"Table\", \"Item\": {\"id\": {\"S\": \"$input.path(''$.id'')\"}, \"v\": {\"S\": \"%s\"}}}'";
        String templates = "        put: " + item.formatted("put") + "\n        $default: " + item.formatted("default");
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, HEAD + route("PutRoute", "put", "PutIntegration")
                + integration("PutIntegration", "POST", "PutItem", "${request.body.action}", templates));
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("PutRoute.yaml"), "- name: no-action\n  body: {id: a}\n"
                + "- name: with-action\n  body: {action: put, id: b}\n");

        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(file), examples, Map.of(), 1), CheckLog.SILENT);

        assertThat(result.cases()).filteredOn(c -> c.example() != null && !"synthesised".equals(c.example()))
                .extracting(c -> c.operation().display() + " " + c.example())
                .containsExactlyInAnyOrder("ROUTE put template put [PutRoute] no-action", "ROUTE put template put [PutRoute] with-action");
    }

    /**
     * A user's example of a route is not given an authorizer's values the API may not have: without any, the key from
     * $context.authorizer.principalId is empty, which DynamoDB refuses (review: the made-up value hid the DDB009).
     */
    @Test
    void aUsersExampleOfARouteGetsNoAuthorizerValues() throws IOException {
        String keyed = "        $default: '{\"TableName\": \"Table\", \"Key\": {\"user\": {\"S\": \"$context.authorizer.principalId\"}}}'";
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, HEAD + route("DeleteRoute", "delete", "DeleteIntegration")
                + integration("DeleteIntegration", "POST", "DeleteItem", "\\$default", keyed));
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("DeleteRoute.yaml"), "- name: mine\n  body: {action: delete}\n");

        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(file), examples, Map.of(), 1), CheckLog.SILENT);

        assertThat(of(result.findings(), Rule.DDB009)).singleElement().satisfies(f -> assertThat(f.example()).isEqualTo("mine"));
    }

    @Test
    void aSelectionOnTheBodyChecksEveryTemplate() throws IOException {
        String templates = "        v1: '{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.path(''$.id''))"
                + ".replaceAll(\"\\\\''\",\"''\")\"}}}'\n"
                + "        v2: '{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"$input.params(''id'')\"}}, \"Bad\": 1}'";
        List<Finding> findings = check(HEAD + route("PutRoute", "put", "PutIntegration")
                + integration("PutIntegration", "POST", "PutItem", "${request.body.version}", templates));

        assertThat(of(findings, Rule.DDB002)).singleElement().satisfies(f -> assertThat(f.operation().display()).isEqualTo("ROUTE put template v2 [PutRoute]"));
    }

    @Test
    void aRouteWithoutATemplateForItsMessagesPassesThemThroughAndCfnNotesAreReportedInItsIntegration() throws IOException {
        String other = "        v2: '{\"TableName\": \"${Missing}\"}'";
        List<Finding> findings = check(HEAD.replace("Resources:", "Parameters:\n  Missing: {Type: String}\nResources:")
                + route("PutRoute", "put", "PutIntegration") + route("PutAgain", "put", "PutIntegration")
                + integration("PutIntegration", "POST", "PutItem", "v1", other.replace("'{", "!Sub '{")));

        // a static selection of v1, no v1 and no $default: the message goes to DynamoDB as it is (WHEN_NO_MATCH when unset)
        assertThat(of(findings, Rule.AGW011)).hasSize(2).allSatisfy(f -> assertThat(f.message()).startsWith("Every message"
                + " (TemplateSelectionExpression v1 selects a key no template has, and there is no $default template) gets no request template,"
                + " so API Gateway sends it to DynamoDB untransformed (PassthroughBehavior WHEN_NO_MATCH, the default)").doesNotContain("Content-Type"));
        assertThat(of(findings, Rule.SEC003)).hasSize(2).allSatisfy(f -> assertThat(f.message())
                .startsWith("API Gateway forwards every message (TemplateSelectionExpression v1").doesNotContain("text/plain"));
        assertThat(of(findings, Rule.EXM005)).isEmpty();
        // the same route key twice: both routes are checked
        assertThat(findings).extracting(f -> f.operation() == null ? "" : f.operation().display())
                .contains("ROUTE put [PutRoute]", "ROUTE put PutAgain [PutAgain]");
    }

    @Test
    void messagesABodyBasedSelectionGivesNoTemplatePassUnlessRefusedAndARouteRefusingEveryMessageIsAgw012() throws IOException {
        String templates = "        v1: '{\"TableName\": \"Table\", \"Item\": {\"id\": {\"S\": \"$context.connectionId\"}}}'";
        List<Finding> findings = check(HEAD + route("PutRoute", "put", "PutIntegration")
                + integration("PutIntegration", "POST", "PutItem", "${request.body.version}", templates));
        // version v2 has no template, and there is no $default: such a message is the DynamoDB request
        assertThat(of(findings, Rule.AGW011)).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("A message whose ${request.body.version} is none of v1 (there is no $default template)"
                    + " gets no request template");
            assertThat(f.position().line()).isEqualTo(lineOf(findings, "TemplateSelectionExpression"));
        });
        assertThat(of(findings, Rule.SEC003)).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("API Gateway forwards a message whose ${request.body.version} is none of v1"));

        // refused: NEVER is what such a route wants, unless no message gets a template at all
        String never = integration("PutIntegration", "POST", "PutItem", "${request.body.version}", templates)
                .replace("      IntegrationType: AWS\n", "      IntegrationType: AWS\n      PassthroughBehavior: NEVER\n");
        List<Finding> refused = check(HEAD + route("PutRoute", "put", "PutIntegration") + never);
        assertThat(refused).noneMatch(f -> f.rule() == Rule.AGW011 || f.rule() == Rule.SEC003 || f.rule() == Rule.AGW012);
        List<Finding> refusedAll = check(HEAD + route("PutRoute", "put", "PutIntegration") + never.replace("${request.body.version}", "v2"));
        assertThat(of(refusedAll, Rule.AGW012)).singleElement().satisfies(f -> {
            assertThat(f.message()).endsWith("gets no request template, and PassthroughBehavior NEVER refuses it: the route never calls"
                    + " DynamoDB; add a $default request template");
            assertThat(f.position().line()).isEqualTo(lineOf(refusedAll, "PassthroughBehavior: NEVER"));
        });
        assertThat(refusedAll).noneMatch(f -> f.rule() == Rule.AGW011 || f.rule() == Rule.SEC003 || f.rule() == Rule.EXM005);

        // a value CloudFormation refuses is said to be one, not taken for a behavior
        List<Finding> invalid = check(HEAD + route("PutRoute", "put", "PutIntegration") + never.replace("${request.body.version}", "v2")
                .replace("PassthroughBehavior: NEVER", "PassthroughBehavior: ALWAYS"));
        assertThat(of(invalid, Rule.AGW010)).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("PassthroughBehavior 'ALWAYS' is not one of WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER"));
        assertThat(invalid).noneMatch(f -> f.rule() == Rule.AGW012 || f.rule() == Rule.AGW011);
        // also when every message gets a template, and quoted as written
        List<Finding> matched = check(HEAD + route("PutRoute", "put", "PutIntegration") + never.replace("v1:", "$default:")
                .replace("PassthroughBehavior: NEVER", "PassthroughBehavior: when_no_mathc"));
        assertThat(of(matched, Rule.AGW010)).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("PassthroughBehavior 'when_no_mathc' is not one of"));
    }

    @Test
    void whatSelectsTheRouteAndTheRoutesModelAreNoClientFreedom() throws IOException {
        // the API routes by $request.body.action: a message reaches 'post' only with action "post"; the route's model
        // makes n an integer, or API Gateway answers "Bad request body"
        String templates = "        $default: '{\"TableName\": \"T\", \"Item\": {\"kind\": {\"S\": \"$input.path(''$.action'')\"},"
                + " \"n\": {\"N\": \"$input.path(''$.n'')\"}, \"text\": {\"S\": \"$input.path(''$.text'')\"}}}'";
        String model = """
                  Counted:
                    Type: AWS::ApiGatewayV2::Model
                    Properties:
                      ApiId: !Ref Chat
                      Name: Counted
                      ContentType: application/json
                      Schema: {type: object, required: [n], properties: {n: {type: integer}}}
                """;
        String route = route("PostRoute", "post", "PostIntegration").replace("      OperationName: PostRoute\n",
                "      OperationName: PostRoute\n      ModelSelectionExpression: \\$default\n      RequestModels: {$default: Counted}\n");
        List<Finding> findings = check(HEAD + model + route + integration("PostIntegration", "POST", "PutItem", "\\$default", templates));

        assertThat(of(findings, Rule.SEC001)).extracting(Finding::message)
                .singleElement().satisfies(m -> assertThat(m).startsWith("Client input 'body $.text'"));
        assertThat(of(findings, Rule.EXM005)).isEmpty();

        // the model chosen by the member the API routes by: the route key's, as AWS's tutorials write it
        String byAction = route("PostRoute", "post", "PostIntegration").replace("      OperationName: PostRoute\n",
                "      OperationName: PostRoute\n      ModelSelectionExpression: $request.body.action\n      RequestModels: {post: Counted}\n");
        List<Finding> selected = check(HEAD + model + byAction + integration("PostIntegration", "POST", "PutItem", "\\$default", templates));
        assertThat(of(selected, Rule.SEC001)).extracting(Finding::message)
                .singleElement().satisfies(m -> assertThat(m).startsWith("Client input 'body $.text'"));
        // the braced form, with a second model that the route key does not name
        String braced = byAction.replace("$request.body.action", "${request.body.action}").replace("{post: Counted}", "{post: Counted, other: Other}");
        List<Finding> bracedFindings = check(HEAD + model + model.replace("Counted", "Other") + braced
                + integration("PostIntegration", "POST", "PutItem", "\\$default", templates));
        assertThat(of(bracedFindings, Rule.SEC001)).extracting(Finding::message)
                .singleElement().satisfies(m -> assertThat(m).startsWith("Client input 'body $.text'"));
    }

    @Test
    void routesOfAnApiOfAnotherStackAndAProtocolChosenByAConditionAreChecked() throws IOException {
        String put = "        $default: '{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"$context.connectionId\"}}, \"Bad\": 1}'";
        String chosen = HEAD.replace("Properties: {Name: chat, ProtocolType: WEBSOCKET,",
                "Properties: {Name: chat, ProtocolType: !If [Prod, WEBSOCKET, WEBSOCKET],").replace("Resources:",
                "Conditions:\n  Prod: !Equals [a, a]\nResources:");
        List<Finding> local = check(chosen + route("ConnectRoute", "$connect", "ConnectIntegration")
                + integration("ConnectIntegration", "POST", "PutItem", "\\$default", put));
        assertThat(of(local, Rule.DDB002)).hasSize(1);
        assertThat(of(local, Rule.CFN008)).isEmpty();

        String imported = route("ConnectRoute", "$connect", "ConnectIntegration").replace("ApiId: !Ref Chat", "ApiId: !ImportValue chat-api-id");
        List<Finding> other = check(HEAD + imported + integration("ConnectIntegration", "POST", "PutItem", "\\$default", put));
        assertThat(of(other, Rule.DDB002)).singleElement().satisfies(f -> assertThat(f.operation().display()).isEqualTo("ROUTE $connect [ConnectRoute]"));
    }

    @Test
    void theIntegrationResponsesOfATwoWayRouteAreRenderedAndThoseOfAOneWayRouteAreNot() throws IOException {
        String get = "        $default: '{\"TableName\": \"Messages\", \"Key\": {\"id\": {\"S\": \"$context.connectionId\"}}}'";
        String responses = """
                  Answer:
                    Type: AWS::ApiGatewayV2::IntegrationResponse
                    Properties:
                      ApiId: !Ref Chat
                      IntegrationId: !Ref %1$s
                      IntegrationResponseKey: $default
                      TemplateSelectionExpression: \\$default
                      ResponseTemplates:
                        $default: '{"text": "$input.path(''$.Item.text.S'')", "at": "$input.path(''$.Items[0].at.N'')"}'
                  Refused:
                    Type: AWS::ApiGatewayV2::IntegrationResponse
                    Properties:
                      ApiId: !Ref Chat
                      IntegrationId: !Ref %1$s
                      IntegrationResponseKey: /4\\d\\d/
                      ResponseTemplates:
                        $default: '{"error": $input.path(''$.message'')}'
                  Missing:
                    Type: AWS::ApiGatewayV2::IntegrationResponse
                    Properties:
                      ApiId: !Ref Chat
                      IntegrationId: !Ref %1$s
                      IntegrationResponseKey: /404/
                """;
        String withExpression = route("ReadRoute", "read", "ReadIntegration").replace("      OperationName: ReadRoute\n",
                "      OperationName: ReadRoute\n      RouteResponseSelectionExpression: $default\n");
        String routeResponse = """
                  ReadRouteResponse:
                    Type: AWS::ApiGatewayV2::RouteResponse
                    Properties: {ApiId: !Ref Chat, RouteId: !Ref ReadRoute, RouteResponseKey: $default}
                """;
        List<Finding> findings = check(HEAD.replace("dynamodb:PutItem", "dynamodb:GetItem") + withExpression + routeResponse
                + integration("ReadIntegration", "POST", "GetItem", "\\$default", get) + responses.formatted("ReadIntegration"));

        // the success answer's text may hold a quote: the JSON the client gets breaks
        assertThat(of(findings, Rule.RSP005)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("attribute 'text'").contains("the response the route sends the client is not valid JSON");
            assertThat(f.operation().display()).isEqualTo("ROUTE read [ReadRoute]");
            assertThat(f.position().line()).isEqualTo(lineOf(findings, "$default: '{\"text\""));
        });
        // GetItem answers no Items; a 400's message is written outside a string
        assertThat(of(findings, Rule.RSP001)).singleElement().satisfies(f -> assertThat(f.message()).startsWith("$input.path('$.Items[0].at.N')"));
        assertThat(of(findings, Rule.RSP003)).isNotEmpty().allSatisfy(f -> assertThat(f.message())
                .contains("When DynamoDB answers 400").contains("The response the route sends the client is not valid JSON"));

        // DynamoDB answers no 404
        assertThat(of(findings, Rule.MAP009)).singleElement().satisfies(f -> assertThat(f.message()).startsWith("IntegrationResponseKey '/404/' matches none"));

        // the same route one-way: API Gateway sends the client nothing, whatever the integration responses say
        List<Finding> oneWay = check(HEAD.replace("dynamodb:PutItem", "dynamodb:GetItem") + route("ReadRoute", "read", "ReadIntegration")
                + integration("ReadIntegration", "POST", "GetItem", "\\$default", get) + responses.formatted("ReadIntegration"));
        assertThat(oneWay).noneMatch(f -> f.rule().id().startsWith("RSP") || f.rule().id().startsWith("MAP"));
        // a RouteResponseSelectionExpression without a RouteResponse is one-way too
        List<Finding> noRouteResponse = check(HEAD.replace("dynamodb:PutItem", "dynamodb:GetItem") + withExpression
                + integration("ReadIntegration", "POST", "GetItem", "\\$default", get) + responses.formatted("ReadIntegration"));
        assertThat(noRouteResponse).noneMatch(f -> f.rule().id().startsWith("RSP") || f.rule().id().startsWith("MAP"));
    }

    private int lineOf(List<Finding> findings, String text) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("template.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the template; findings: " + findings);
    }
}
