package io.github.apigwddb.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The documentation of the example project: content, structure, self-containment and determinism. */
class DocsGeneratorTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static CheckResult result;

    @TempDir
    Path output;

    @BeforeAll
    static void check() {
        CheckRequest request = new CheckRequest(List.of(EXAMPLES.resolve("src/main/apigateway/widgets-api.yaml").toAbsolutePath()),
                EXAMPLES.resolve("src/test/apigateway/examples").toAbsolutePath(), Map.of("table", "Widgets"), 1);
        result = new CheckEngine().run(request, CheckLog.SILENT);
    }

    private String html() throws Exception {
        List<Path> written = new DocsGenerator(EXAMPLES.toAbsolutePath()).write(result, output);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("index.html", "widgets-api.md");
        return Files.readString(output.resolve("index.html"));
    }

    /** A WebSocket route's operations show what the route does with messages that get no template, on each of them. */
    @Test
    void aWebSocketRouteShowsItsOwnPassthroughOnEachOperation(@TempDir Path project) throws Exception {
        Path template = project.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  Chat:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: {Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
                  NickRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties: {ApiId: !Ref Chat, RouteKey: nick, Target: !Join [/, [integrations, !Ref Nick]]}
                  Nick:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref Chat
                      IntegrationType: AWS
                      IntegrationMethod: POST
                      IntegrationUri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                      CredentialsArn: arn:aws:iam::123456789012:role/r
                      TemplateSelectionExpression: ${request.body.version}
                      RequestTemplates:
                        v1: '{"TableName": "Nicks", "Item": {"id": {"S": "$context.connectionId"}}}'
                        v2: '{"TableName": "Nicks", "Item": {"id": {"S": "$context.connectionId"}}}'
                """);
        CheckResult checked = new CheckEngine().run(new CheckRequest(List.of(template), null, Map.of(), 1), CheckLog.SILENT);

        ApiDocs docs = new DocsGenerator(project).model(checked);
        assertThat(docs.specs().get(0).operations()).hasSize(2).allSatisfy(op -> assertThat(op.passthrough())
                .isEqualTo("WHEN_NO_MATCH (default): a message whose ${request.body.version} is none of v1, v2 (there is no $default"
                        + " template) goes to DynamoDB as it is"));
        // each shows its template under the key it is written with (user trial: "application/json" for $default)
        assertThat(docs.specs().get(0).operations()).extracting(op -> op.requestTemplates().get(0).contentType()).containsExactly("v1", "v2");
    }

    /**
     * Findings of the file outside its DynamoDB integrations are shown and counted, so that the page says what check says
     * (user trial: a duplicate key and an operation of another kind were left out, and the counts differed).
     */
    @Test
    void findingsOfTheFileOutsideItsIntegrationsAreShownAndCounted(@TempDir Path project) throws Exception {
        Path spec = project.resolve("api.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: items, version: "1"}
                info: {title: items, version: "2"}
                paths:
                  /items:
                    get:
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/Scan
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates: {application/json: '{"TableName": "Items"}'}
                        responses: {default: {statusCode: "200"}}
                """);
        // and a definition without any DynamoDB integration, with a finding of its own (review: left out of the counts)
        Path other = project.resolve("other.yaml");
        Files.writeString(other, "openapi: 3.0.1\ninfo: {title: other, version: '1'}\ninfo: {title: other, version: '2'}\npaths: {}\n");
        CheckResult checked = new CheckEngine().run(new CheckRequest(List.of(spec, other), null, Map.of(), 1), CheckLog.SILENT);
        assertThat(checked.findings()).filteredOn(f -> f.rule().id().equals("SPEC002")).hasSize(2);

        ApiDocs docs = new DocsGenerator(project).model(checked);
        assertThat(docs.specs().get(0).fileFindings()).extracting(f -> f.rule().id()).contains("SPEC002")
                .allMatch(id -> checked.cases().stream().noneMatch(c -> c.findings().stream().anyMatch(f -> f.rule().id().equals(id))));
        long errors = checked.findings().stream().filter(f -> f.severity().id().equals("error")).count();
        long warnings = checked.findings().stream().filter(f -> f.severity().id().equals("warning")).count();
        assertThat(HtmlDocsWriter.summary(docs)).contains(errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s"));
        assertThat(docs.specs()).extracting(ApiDocs.Spec::name).containsExactly("api", "other");
        new DocsGenerator(project).write(checked, output);
        assertThat(Files.readString(output.resolve("index.html"))).contains("<h3>Other findings in this file</h3>");
        assertThat(Files.readString(output.resolve("api.md"))).contains("## Other findings in this file");
    }

    @Test
    void aLoneSurrogateInATemplateIsWrittenAsAReplacementCharacter(@TempDir Path project) throws Exception {
        Path spec = Files.writeString(project.resolve("api.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n"
                + "  /items:\n    post:\n      operationId: op\n      responses: {'200': {description: ok}}\n"
                + "      x-amazon-apigateway-integration:\n        type: aws\n        httpMethod: POST\n"
                + "        uri: arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem\n"
                + "        requestTemplates:\n          application/json: |\n"
                + "            {\"TableName\":\"Tbl\",\"Item\":{\"id\":{\"S\":\"\\ud800\"}}}\n");
        CheckResult surrogate = new CheckEngine().run(new CheckRequest(List.of(spec), null, Map.of(), 1), CheckLog.SILENT);

        List<Path> written = new DocsGenerator(project).write(surrogate, output);

        assertThat(written).hasSize(2);
        for (Path file : written) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).contains("TableName");
        }
        assertThat(Files.readString(written.get(0), StandardCharsets.UTF_8)).as("the rendered request holds the surrogate").contains("\uFFFD");
        assertThat(DocsGenerator.utf8("a\ud800b\uD83D\uDE00")).isEqualTo("a\uFFFDb\uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheSamePageForTheSameInput() throws Exception {
        String first = html();
        String markdown = Files.readString(output.resolve("widgets-api.md"));
        ApiDocs again = new DocsGenerator(EXAMPLES.toAbsolutePath()).model(result);
        assertThat(HtmlDocsWriter.page(again)).isEqualTo(first);
        assertThat(MarkdownDocsWriter.document(again.specs().get(0))).isEqualTo(markdown);
    }

    @Test
    void theOverviewListsEveryOperationWithItsActionTableAndRole() throws Exception {
        Document page = parse(html());
        NodeList rows = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//table[@class='overview']/tbody/tr", page, XPathConstants.NODESET);
        assertThat(rows.getLength()).isEqualTo(5);
        String overview = rows.item(0).getTextContent();
        assertThat(overview).contains("POST", "/widgets", "createWidget", "PutItem", "Widgets", "widgets-api-dynamodb", "never");
        String all = page.getDocumentElement().getTextContent();
        assertThat(all).contains("getWidget", "renameWidget", "deleteWidget", "listWidgetsByOwner", "GetItem", "UpdateItem", "DeleteItem", "Query");
    }

    @Test
    void everyExampleShowsItsFlow() throws Exception {
        String html = html();
        assertThat(html).contains("POST /widgets\nContent-Type: application/json");
        assertThat(html).contains("GET /widgets/by-owner/ada?limit=10");
        // the rendered PutItem request, indented, AttributeValues on one line, the escaped apostrophe turned back
        assertThat(html).contains("  &quot;Item&quot;: {\n    &quot;id&quot;: {&quot;S&quot;: &quot;w-2&quot;},\n"
                + "    &quot;name&quot;: {&quot;S&quot;: &quot;O&#39;Brien&#39;s gear&quot;},");
        assertThat(html).contains("ConditionalCheckFailedException");
        assertThat(html).contains("&quot;error&quot;: &quot;not found&quot;");
        // what DynamoDB's answer is: made up, the example's own, or its refusal
        assertThat(html).contains("(made up from the request)");
        assertThat(Files.readString(output.resolve("widgets-api.md"))).contains("(made up from the request)");
        for (CheckResult.CheckedCase checked : result.cases()) {
            if (checked.example() != null) {
                assertThat(html).contains("<code>" + checked.example() + "</code>");
            }
        }
    }

    @Test
    void isWellFormedAndLoadsNothing() throws Exception {
        String html = html();
        parse(html);
        assertThat(html).doesNotContain("@import", "url(", "<script", "<link", "<img", "src=");
        assertThat(html.replace("href=\"https://github.com/apigwddb/apigw-dynamodb-maven-plugin/blob/main/docs/rules/", ""))
                .doesNotContain("href=\"http");
    }

    @Test
    void showsNoJavaToString() throws Exception {
        String html = html();
        String markdown = Files.readString(output.resolve("widgets-api.md"));
        for (String text : List.of(html, markdown)) {
            assertThat(text).doesNotContain("io.github.apigwddb.", "Optional[", "Optional.empty", "=null", "Finding[", "OperationRef[");
            assertThat(text).doesNotContainPattern("@[0-9a-f]{6,}");
        }
    }

    @Test
    void highlightsTemplatesAndDrawsEachFlow() throws Exception {
        String html = html();
        assertThat(html).contains("<span class=\"d\">#set</span>(<span class=\"r\">$body</span> = <span class=\"r\">$input.path</span>(<span class=\"s\">&#39;$&#39;</span>))");
        assertThat(html.split("<svg ", -1)).hasSize(6);
        String markdown = Files.readString(output.resolve("widgets-api.md"));
        assertThat(markdown.split("```mermaid", -1)).hasSize(6);
        assertThat(markdown).contains("| POST | [`/widgets`](#op-createwidget) | createWidget | `PutItem` | `Widgets` |");
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
