package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.TemplateInput;
import io.github.apigwddb.vtl.TemplateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        // the columns point at the reads of the id and the name, in the one-line JSON string that holds the template
        String specLine = Files.readAllLines(spec).get(15);
        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC001).extracting(f -> f.position().column())
                .containsExactly(specLine.indexOf("$input.path('$.id')") + 1, specLine.indexOf("$input.path('$.name')") + 1);
        // no passthroughBehavior: a text/plain body goes to DynamoDB untransformed
        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC003).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("text/plain").contains("passthroughBehavior to never"));
    }

    @Test
    void aValueWrittenThroughAVariableIsLocatedAtItsReference() throws Exception {
        Path spec = dir.resolve("vars.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items:
                    post:
                      operationId: putItem
                      x-apigw-examples: [{name: create, body: {id: "42", name: w1, tags: [a, b]}}]
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            #set($body = $input.path('$'))
                            {"TableName": "Items", "Item": {"id": {"S": "$util.escapeJavaScript($body.id).replaceAll("\\'","'")"}, "name": {"S": "$body.name"},
                             "tags": {"SS": [#foreach($tag in $body.tags)"$tag"#if($foreach.hasNext),#end#end]}}}
                        responses: {default: {statusCode: "200"}}
                """);
        List<String> lines = Files.readAllLines(spec);

        List<Finding> findings = sec(spec);

        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC001).extracting(f -> f.message().substring(0, f.message().indexOf("' can")),
                f -> f.position().line() + ":" + f.position().column()).containsExactly(
                        tuple("Client input 'body $.name", "18:" + (lines.get(17).indexOf("$body.name") + 1)),
                        tuple("Client input 'body $.tags[0]", "19:" + (lines.get(18).indexOf("\"$tag\"") + 2)));
    }

    @Test
    void aTemplateThatWritesEveryHeaderIsProbedWithAHeaderOfAnyName() throws Exception {
        Path spec = dir.resolve("headers.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /audit:
                    post:
                      operationId: audit
                      x-apigw-examples: [{name: plain, body: {}}]
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            {"TableName": "Audit", "Item": {"id": {"S": "$context.requestId"},
                              "headers": {"S": "$input.params().get('header')"},
                              "query": {"S": "$util.escapeJavaScript($input.params().querystring).replaceAll("\\'","'")"}}}
                        responses: {default: {statusCode: "200"}}
                """);
        List<String> lines = Files.readAllLines(spec);

        List<Finding> findings = sec(spec);

        // every header reaches the item unescaped; the query string is escaped
        assertThat(findings).filteredOn(f -> f.rule() == Rule.SEC001).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Any header a client sends (tried as 'X-Any-Header': the template writes every header)"
                    + " can break the DynamoDB request");
            assertThat(f.position().line()).isEqualTo(18);
            assertThat(f.position().column()).isEqualTo(lines.get(17).indexOf("$input.params().get('header')") + 1);
        });
    }

    @Test
    void aGetThatPassesBodiesThroughSaysItTakesARegionalOrPrivateEndpoint() throws Exception {
        Path post = seedSpec("post", "$input.path('$.id')", "$input.path('$.name')", "");
        Path get = dir.resolve("get.json");
        Files.writeString(get, Files.readString(post).replace("\"post\": {", "\"get\": {"));

        assertThat(sec(get)).filteredOn(f -> f.rule() == Rule.SEC003).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("set passthroughBehavior to never (on a GET, the attack needs a regional"
                        + " or private endpoint: the CloudFront in front of an edge-optimized one refuses a GET that has a body)"));
        assertThat(sec(post)).filteredOn(f -> f.rule() == Rule.SEC003).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("set passthroughBehavior to never"));
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
    void aReplaceAllWhosePatternMissesTheBackslashIsNamed() throws Exception {
        // .replaceAll("\'","'") in the template: Velocity keeps the backslash, and the regex \' matches an apostrophe alone
        String wrong = "$util.escapeJavaScript($input.path('$.name')).replaceAll(\\\"\\\\'\\\",\\\"'\\\")";
        Path spec = seedSpec("wrong", "$util.escapeJavaScript($input.path('$.id')).replaceAll(\\\"\\\\\\\\'\\\",\\\"'\\\")", wrong,
                "\"passthroughBehavior\": \"never\",");
        assertThat(Files.readString(spec)).contains("replaceAll(\\\"\\\\'\\\"");

        assertThat(sec(spec)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SEC002);
            assertThat(f.message()).startsWith("Client input 'body $.name'").contains("the replaceAll on this line does not undo it");
        });
    }

    @Test
    void escapeJavaScriptAloneOnANumberSaysTheFixOnlyChangesTheError() throws Exception {
        Path spec = dir.resolve("number.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items:
                    get:
                      operationId: since
                      parameters: [{name: since, in: query, required: true, schema: {type: string}}]
                      x-apigw-examples: [{name: plain, querystring: {since: "1700000000"}}]
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/Query
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            {"TableName": "Events", "KeyConditionExpression": "pk = :p AND ts > :t",
                             "ExpressionAttributeValues": {":p": {"S": "all"}, ":t": {"N": "$util.escapeJavaScript($input.params('since'))"}}}
                        responses: {default: {statusCode: "200"}}
                """);

        assertThat(sec(spec)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SEC002);
            assertThat(f.message()).contains(".replaceAll(").endsWith("(this value is a number, N: with the fix an apostrophe gets a"
                    + " ValidationException instead, so also test it in the template,"
                    + " #if($input.params('since').matches('^-?[0-9]+([.][0-9]+)?$')))");
        });
    }

    /** A Scan whose Limit the template writes only when the query parameter passes {@code pattern}. */
    private Path checkedLimit(String pattern) throws Exception {
        Path spec = dir.resolve("limit.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items:
                    get:
                      operationId: list
                      parameters: [{name: limit, in: query, schema: {type: string}}]
                      x-apigw-examples: [{name: page, querystring: {limit: "10"}}]
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/Scan
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            #set($limit = $input.params('limit'))
                            {"TableName": "Items"
                            #if($limit.matches('%s'))
                            , "Limit": $limit
                            #end
                            }
                        responses: {default: {statusCode: "200"}}
                """.formatted(pattern));
        return spec;
    }

    @Test
    void aNumberThatPassesTheTemplatesLooseCheckIsNamed() throws Exception {
        assertThat(sec(checkedLimit("^[0-9]{1,4}$"))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SEC001);
            assertThat(f.position().line()).isEqualTo(21); // the line that writes $limit
            assertThat(f.message()).startsWith("Client input 'querystring limit' can break the DynamoDB request: '007' (a number with a"
                    + " leading zero) passes the template's check and makes the request invalid JSON (")
                    .contains("the check lets this number through").contains(".matches('^[1-9][0-9]{0,3}$')");
        });
        assertThat(sec(checkedLimit("^(0|[1-9][0-9]{0,3})$"))).singleElement().satisfies(f -> assertThat(f.message())
                .contains("'0' passes the template's check and makes DynamoDB reject the request (")
                .contains("Member must have value greater than or equal to 1"));
        assertThat(sec(checkedLimit("^[1-9][0-9]{0,3}$"))).isEmpty();
    }

    @Test
    void theNumberNoteSaysHowToTestEachKindOfInput() {
        assertThat(InjectionCheck.numberNote("querystring since")).contains("#if($input.params('since').matches('^-?[0-9]+([.][0-9]+)?$'))");
        assertThat(InjectionCheck.numberNote("$context.authorizer.age"))
                .contains("#if(\"$context.authorizer.age\".matches('^-?[0-9]+([.][0-9]+)?$'))");
        assertThat(InjectionCheck.numberNote("body $.qty")).contains("validate the body's member with a model (type: number)");
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

    /** A Query with an escaped application/json template and a text/plain one; one line per template line. */
    private Path twoTemplates(String example, String plainTemplate) throws Exception {
        String escaped = "$util.escapeJavaScript($input.params('id')).replaceAll(\\\"\\\\\\\\'\\\",\\\"'\\\")";
        String spec = """
                {
                  "swagger": "2.0",
                  "info": {"title": "DynamoDB API", "version": "1.0"},
                  "paths": {
                    "/items/{id}": {
                      "get": {
                        "operationId": "queryItems",
                        "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}],
                        "x-apigw-examples": [%s],
                        "x-amazon-apigateway-integration": {
                          "uri": "arn:aws:apigateway:us-east-1:dynamodb:action/Query",
                          "httpMethod": "POST",
                          "type": "aws",
                          "credentials": "arn:aws:iam::123456789012:role/apigateway-dynamodb-role",
                          "passthroughBehavior": "never",
                          "requestTemplates": {
                            "application/json": "{\\"TableName\\": \\"T\\", \\"KeyConditionExpression\\": \\"id = :v\\", \\"ExpressionAttributeValues\\": {\\":v\\": {\\"S\\": \\"%s\\"}}}",
                            "text/plain": "%s"
                          },
                          "responses": {"default": {"statusCode": "200"}}
                        },
                        "responses": {"200": {"description": "Success"}}
                      }
                    }
                  }
                }
                """.formatted(example, escaped, plainTemplate);
        Path file = dir.resolve("two-templates.json");
        Files.writeString(file, spec);
        return file;
    }

    /** The text/plain template: the body's name and the path id unescaped, the id on the template's second line. */
    private static final String PLAIN = "{\\\"TableName\\\": \\\"T\\\", \\\"KeyConditionExpression\\\": \\\"id = :v\\\",\\n"
            + "\\\"ExpressionAttributeValues\\\": {\\\":v\\\": {\\\"S\\\": \\\"$input.params('id')\\\"},\\n"
            + "\\\":n\\\": {\\\"S\\\": \\\"$input.path('$.name')\\\"}}}";

    @Test
    void aTemplateTheExampleDoesNotSelectIsProbedThroughItsParameters() throws Exception {
        Path spec = twoTemplates("{\"name\": \"json\", \"path\": {\"id\": \"42\"}, \"body\": {\"name\": \"w1\"}}", PLAIN);

        List<Finding> findings = sec(spec);

        assertThat(findings).filteredOn(f -> f.message().contains("'path id'")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SEC001);
            assertThat(f.example()).isEqualTo("json");
            assertThat(f.message()).startsWith("Client input 'path id' in the text/plain request template (a client selects it with"
                    + " Content-Type text/plain) can break the DynamoDB request: '\",\"TableName\":\"Other'");
            // the template's second line, in the spec's line of the text/plain template
            assertThat(f.position().line()).isEqualTo(Files.readAllLines(spec).indexOf(Files.readAllLines(spec).stream()
                    .filter(l -> l.contains("\"text/plain\"")).findFirst().orElseThrow()) + 1);
            // at the read of the id on that line
            String specLine = Files.readAllLines(spec).get(f.position().line() - 1);
            assertThat(f.position().column()).isEqualTo(specLine.indexOf("$input.params('id')") + 1);
        });
        // a client sends the JSON body with Content-Type text/plain as well: the template reads its name unescaped
        assertThat(findings).filteredOn(f -> f.message().contains("body $.name")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("Client input 'body $.name' in the text/plain request template (a client selects it with Content-Type text/plain)"));
        assertThat(findings).hasSize(2);
    }

    /** The whole body written into a string: SEC001 stands at $input.body (FP hunt: it stood at the line's first column). */
    @Test
    void theWholeBodyWrittenIntoAStringIsReportedWhereItIsRead() throws Exception {
        Path spec = dir.resolve("whole-body.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: guestbook, version: "1"}
                paths:
                  /:
                    post:
                      x-apigw-examples: [{name: hello, contentType: text/plain, body: hello}]
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          text/plain: |
                            {"TableName": "Guestbook", "Item": {
                                "m": {"S": "$input.body"}}}
                        responses: {default: {statusCode: "200"}}
                """);
        String specLine = Files.readAllLines(spec).stream().filter(l -> l.contains("$input.body")).findFirst().orElseThrow();

        assertThat(sec(spec)).filteredOn(f -> f.message().startsWith("Client input 'body' can break")).singleElement()
                .satisfies(f -> assertThat(f.position().column()).isEqualTo(specLine.indexOf("$input.body") + 1));
    }

    @Test
    void aTemplateOfAnotherContentTypeThatPassesTheBodyThroughIsSec003() throws Exception {
        Path spec = twoTemplates("{\"name\": \"json\", \"path\": {\"id\": \"42\"}, \"body\": {\"TableName\": \"T\", \"Key\":"
                + " {\"id\": {\"S\": \"42\"}}}}", "$input.body");

        assertThat(sec(spec)).filteredOn(f -> f.rule() == Rule.SEC003).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("The client's body becomes the DynamoDB request"));
        // a body of a binary media type reaches no template as the client's text
        Files.writeString(spec, Files.readString(spec).replaceFirst("\"swagger\": \"2.0\",",
                "\"swagger\": \"2.0\", \"x-amazon-apigateway-binary-media-types\": [\"text/*\"],"));
        assertThat(sec(spec)).noneMatch(f -> f.rule() == Rule.SEC003);
    }

    @Test
    void aTemplateTheExampleDoesNotSelectIsReportedOnlyWhenItRendersJson() throws Exception {
        // the body cannot be read as JSON: the application/json template fails on it, so nothing is learned about it
        String jsonReader = "{\\\"TableName\\\": \\\"T\\\", \\\"x\\\": \\\"$input.path('$.name')\\\","
                + " \\\"y\\\": \\\"$input.params('id')\\\"}";
        Path spec = twoTemplates("{\"name\": \"plain\", \"contentType\": \"text/plain\", \"path\": {\"id\": \"42\"}, \"body\": \"{oops\"}",
                "{\\\"TableName\\\": \\\"T\\\"}");
        Files.writeString(spec, Files.readString(spec).replaceFirst("\"application/json\": \"[^\\n]*\",", "\"application/json\": \"" 
                + java.util.regex.Matcher.quoteReplacement(jsonReader) + "\","));

        assertThat(sec(spec)).isEmpty();

        // with a body it can read, the same template is probed and its unescaped id found
        Files.writeString(spec, Files.readString(spec).replace("\"body\": \"{oops\"", "\"body\": \"{}\""));
        assertThat(sec(spec)).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("Client input 'path id' in the application/json request template"));
    }

    @Test
    void eachInputIsReportedOncePerTemplateHoweverManyExamples() throws Exception {
        Path spec = seedSpec("seed", "$input.path('$.id')", "$input.path('$.name')", "\"passthroughBehavior\": \"never\",");
        Files.writeString(spec, Files.readString(spec).replace("[{\"name\": \"create\", \"body\": {\"id\": \"42\", \"name\": \"w1\"}}]",
                "[{\"name\": \"a\", \"body\": {\"id\": \"1\", \"name\": \"x\"}}, {\"name\": \"b\", \"body\": {\"id\": \"2\", \"name\": \"y\"}}]"));

        List<Finding> findings = sec(spec);

        assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.example()).isEqualTo("a"));
    }

    /**
     * escapeJavaScript alone in a PartiQL statement: the replaceAll SEC002 asks for would leave the apostrophe to end the
     * statement's string, so it is SEC001 with the ? and Parameters advice (review).
     */
    @Test
    void anApostropheInAStatementIsSec001WithTheParametersAdvice() {
        io.github.apigwddb.security.Injection injection = new io.github.apigwddb.security.Injection(
                io.github.apigwddb.security.Injection.Kind.INVALID_JSON, "querystring id", io.github.apigwddb.security.HostileValue.APOSTROPHE,
                "makes the request invalid JSON", List.of(io.github.apigwddb.security.HostileValue.APOSTROPHE), true, 1, "x", 1, false, true);
        assertThat(InjectionCheck.ruleFor(injection)).isEqualTo(Rule.SEC001);
        assertThat(InjectionCheck.message(Rule.SEC001, injection, null, false)).contains("write a ? marker in its place and pass the"
                + " value in Parameters");
    }

    @Test
    void theFixOfAValueOutsideAStringDependsOnWhereTheValueComesFrom() {
        java.util.function.Function<String, String> fixFor = input -> InjectionCheck.message(Rule.SEC001,
                new io.github.apigwddb.security.Injection(io.github.apigwddb.security.Injection.Kind.INVALID_JSON, input,
                        io.github.apigwddb.security.HostileValue.QUOTE, "makes the request invalid JSON", List.of(), false, 3, "x", 1, false, false),
                null, false);
        // API Gateway's validator checks parameters for presence only, so a schema cannot be the fix there
        assertThat(fixFor.apply("querystring limit")).contains("checks only that a parameter is present")
                .contains("#if($input.params('limit').matches('^[1-9][0-9]{0,3}$'))").doesNotContain("model");
        assertThat(fixFor.apply("body $.qty")).contains("a model whose schema gives this member its type");
        assertThat(fixFor.apply("$context.authorizer.claims.email")).doesNotContain("validat").contains("put it in a JSON string");
    }

    @Test
    void theSameMemberOfEveryElementOfABodyListIsOneFinding() throws Exception {
        String spec = """
                {
                  "swagger": "2.0",
                  "info": {"title": "DynamoDB API", "version": "1.0"},
                  "paths": {
                    "/items": {
                      "post": {
                        "operationId": "putItems",
                        "x-apigw-examples": [{"name": "two", "body": {"items": [{"id": "1"}, {"id": "2"}]}}],
                        "x-amazon-apigateway-integration": {
                          "uri": "arn:aws:apigateway:us-east-1:dynamodb:action/BatchWriteItem",
                          "httpMethod": "POST",
                          "type": "aws",
                          "credentials": "arn:aws:iam::123456789012:role/apigateway-dynamodb-role",
                          "passthroughBehavior": "never",
                          "requestTemplates": {
                            "application/json": "{\\"RequestItems\\": {\\"T\\": [\\n#foreach($i in $input.path('$.items'))\\n{\\"PutRequest\\": {\\"Item\\": {\\"id\\": {\\"S\\": \\"$i.id\\"}}}}#if($foreach.hasNext),#end\\n#end\\n]}}"
                          },
                          "responses": {"default": {"statusCode": "200"}}
                        },
                        "responses": {"200": {"description": "Success"}}
                      }
                    }
                  }
                }
                """;
        Path file = dir.resolve("list.json");
        Files.writeString(file, spec);

        assertThat(sec(file)).filteredOn(f -> f.rule() == Rule.SEC001).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Client input 'body $.items[0].id' can break"));
    }

    /** A Query that takes its ExclusiveStartKey from a Base64 pagination token, as written, or decoded into escaped members. */
    private Path paginated(String name, String startKey) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                openapi: 3.0.1
                info: {title: orders, version: "1"}
                paths:
                  /orders:
                    get:
                      operationId: listOrders
                      parameters: [{name: next, in: query, schema: {type: string}}]
                      x-apigw-examples:
                        # the Base64 of {"customerId":{"S":"c-1"},"orderId":{"S":"o-1"}}
                        - {name: next-page, querystring: {next: "eyJjdXN0b21lcklkIjp7IlMiOiJjLTEifSwib3JkZXJJZCI6eyJTIjoiby0xIn19"}}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/Query
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            #set($next = $input.params('next'))
                            {
                              "TableName": "Orders",
                              "KeyConditionExpression": "customerId = :c",
                              "ExpressionAttributeValues": {":c": {"S": "c-1"}},
                              #if($next != "")
                              "ExclusiveStartKey": %s,
                              #end
                              "Limit": 10
                            }
                        responses: {default: {statusCode: "200"}}
                """.formatted(startKey));
        return file;
    }

    @Test
    void aTokenDecodedFromBase64AndWrittenAsItIsIsProbedEncoded() throws Exception {
        List<Finding> raw = sec(paginated("raw", "$util.base64Decode($next)"));

        // the client encodes '","TableName":"Other' (or any JSON) and the template pastes it into the request
        assertThat(raw).filteredOn(f -> f.rule() == Rule.SEC001).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Client input 'querystring next' can break the DynamoDB request:")
                    .contains("(sent Base64-encoded)").contains("read the decoded JSON with $util.parseJson");
            assertThat(f.position().line()).isEqualTo(26); // the line that writes it
        });

        // two tokens: one read as JSON ($util.parseJson fails on a marker), the other written raw; each is looked for alone
        Path both = paginated("both", "$util.base64Decode($next)");
        Files.writeString(both, Files.readString(both).replace("#set($next = $input.params('next'))",
                "#set($next = $input.params('next'))#set($f = $util.parseJson($util.base64Decode($input.params('filter'))))")
                .replace("querystring: {next: ", "querystring: {filter: \"e30=\", next: ")
                .replace("parameters: [{name: next, in: query, schema: {type: string}}]",
                        "parameters: [{name: next, in: query, schema: {type: string}}, {name: filter, in: query, schema: {type: string}}]"));
        assertThat(sec(both)).filteredOn(f -> f.rule() == Rule.SEC001).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("Client input 'querystring next'").contains("(sent Base64-encoded)"));

        // decoded, then each member written escaped into its place: nothing the client encodes leaves its string
        String members = "#set($key = $util.parseJson($util.base64Decode($next))){\"customerId\": {\"S\": \"$util.escapeJavaScript("
                + "$key.customerId.S).replaceAll(\"\\\\'\",\"'\")\"}, \"orderId\": {\"S\": \"$util.escapeJavaScript($key.orderId.S)"
                + ".replaceAll(\"\\\\'\",\"'\")\"}}";
        assertThat(sec(paginated("members", members))).filteredOn(f -> f.rule() == Rule.SEC001).isEmpty();
    }

    /**
     * A first page has no token, and a made-up example none either; the token is probed all the same, on its own render
     * (FP hunt on published definitions: the injection through a page token was found only with an example giving one).
     */
    @Test
    void aTokenTheExampleLeavesOutIsProbedToo() throws Exception {
        Path firstPage = paginated("first-page", "$util.base64Decode($next)");
        Files.writeString(firstPage, Files.readString(firstPage).replaceAll("(?m)^ *(x-apigw-examples:|# the Base64 .*|- \\{name: next-page.*)\n", ""));
        assertThat(Files.readString(firstPage)).doesNotContain("x-apigw-examples", "next-page");

        assertThat(sec(firstPage)).filteredOn(f -> f.rule() == Rule.SEC001).singleElement().satisfies(f ->
                assertThat(f.message()).startsWith("Client input 'querystring next' can break the DynamoDB request:")
                        .contains("(sent Base64-encoded)"));
    }

    /**
     * An operation whose first-page example has no token and whose next-page example has one: the finding names the
     * example that sends the token, as before the token probe, so that a baseline written then still matches it
     * (re-trial: a baselined finding came back under the first example's name).
     */
    @Test
    void aTokenAnotherExampleSendsIsFoundWithThatExample() throws Exception {
        Path twoPages = paginated("two-pages", "$util.base64Decode($next)");
        Files.writeString(twoPages, Files.readString(twoPages).replace("- {name: next-page,", "- {name: first-page}\n        - {name: next-page,"));
        assertThat(Files.readString(twoPages)).contains("first-page");

        assertThat(sec(twoPages)).filteredOn(f -> f.rule() == Rule.SEC001).singleElement()
                .satisfies(f -> assertThat(f.example()).isEqualTo("next-page"));
    }

    /**
     * A form's field that the template splits out, URL-decodes and writes unescaped is found, named by the field; one
     * escaped is not; and a template writing the whole body says so for the body alone (re-trial: no SEC001 for a form).
     */
    @Test
    void aFormsFieldWrittenUnescapedIsFoundByItsName() throws Exception {
        String spec = """
                openapi: 3.0.1
                info: {title: news, version: "1"}
                paths:
                  /subscribe:
                    post:
                      x-apigw-examples:
                        - {name: ann, contentType: application/x-www-form-urlencoded, body: "email=ann%%40example.com&list=weekly"}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/x-www-form-urlencoded: |
                            #set($email = "")
                            #set($list = "")
                            #foreach($pair in $input.body.split('&'))
                              #set($kv = $pair.split('='))
                              #if($kv[0] == 'email')#set($email = $util.urlDecode($kv[1]))#end
                              #if($kv[0] == 'list')#set($list = $util.urlDecode($kv[1]))#end
                            #end
                            {"TableName": "Subscribers", "Item": {"email": {"S": "%s"}, "list": {"S": "$util.escapeJavaScript($list).replaceAll("\\\\'","'")"}}}
                        responses: {default: {statusCode: "200"}}
                """;
        Path fields = dir.resolve("form.yaml");
        Files.writeString(fields, spec.formatted("$email"));
        assertThat(sec(fields)).filteredOn(f -> f.rule() == Rule.SEC001).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Client input 'body field email' can break the DynamoDB request"));

        Path escaped = dir.resolve("escaped.yaml");
        Files.writeString(escaped, spec.formatted("$util.escapeJavaScript($email).replaceAll(\"\\\\'\",\"'\")"));
        assertThat(sec(escaped)).filteredOn(f -> f.rule() == Rule.SEC001).isEmpty();

        // the whole body written as it is: the body's finding, not one per field besides
        Path whole = dir.resolve("whole.yaml");
        // (after the email: a field's value breaks the request first where it is written first)
        Files.writeString(whole, spec.formatted("$email").replace(", \"list\": {", ",\n" + " ".repeat(12)
                + "\"raw\": {\"S\": \"$input.body\"},\n" + " ".repeat(12) + "\"list\": {"));
        assertThat(sec(whole)).filteredOn(f -> f.rule() == Rule.SEC001).extracting(f -> f.message().substring(0, f.message().indexOf(" can")))
                .containsExactlyInAnyOrder("Client input 'body'", "Client input 'body field email'");
    }

    @Test
    void pageTokensAreAddedOnlyWhereTheTemplateBase64DecodesAParameterTheInputLacks() throws Exception {
        ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();
        CompiledTemplate decoding = engine.compile("t", "#set($t = $input.params('t'))$util.base64Decode($t) $util.urlDecode($input.params('u'))"
                + " $util.base64Decode($input.params().header.get('X-Token'))");
        TemplateInput empty = TemplateInput.ofBody(null);

        TemplateInput added = InjectionCheck.withPageTokens(decoding, empty, Set.of(), Set.of());
        assertThat(added.querystring()).containsExactly(Map.entry("t", "e30="));
        assertThat(added.headers()).containsExactly(Map.entry("X-Token", "e30="));
        // $input.params('t') finds a header the operation declares (crash hunt: 'querystring t' besides 'header t')
        assertThat(InjectionCheck.withPageTokens(decoding, empty, Set.of("t"), Set.of()).headers()).containsKey("t").containsKey("X-Token");
        TemplateInput given = new TemplateInput(null, Map.of(), Map.of("t", "abc"), Map.of("X-Token", "x"), Map.of(), Map.of());
        assertThat(InjectionCheck.withPageTokens(decoding, given, Set.of(), Set.of())).isSameAs(given);
        // another example of the operation sends it: probed with that one
        assertThat(InjectionCheck.withPageTokens(decoding, empty, Set.of(), Set.of("querystring t")).querystring()).isEmpty();
        // a header of that name is another input; a header's name is compared whatever its case
        assertThat(InjectionCheck.withPageTokens(decoding, empty, Set.of(), Set.of("header t")).querystring()).containsKey("t");
        assertThat(InjectionCheck.withPageTokens(decoding, empty, Set.of(), Set.of("header x-token")).headers()).isEmpty();
    }

    @Test
    void aDynamicUpdateOverBodyKeysIsSec004UnlessAValidatedModelAllowsNoOtherKey() throws Exception {
        String spec = """
                openapi: 3.0.1
                info: {title: notes, version: "1"}
                %s
                paths:
                  /notes/{id}:
                    patch:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              additionalProperties: false
                              properties: {note: {type: string}, color: {type: string, enum: [red, blue]}}
                      x-apigw-examples:
                        - {name: both, path: {id: n-1}, body: {note: "n", color: red}}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/UpdateItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            #set($b = $input.path('$'))
                            {"TableName": "Notes", "Key": {"id": {"S": "$util.escapeJavaScript($input.params('id')).replaceAll("\\\\'","'")"}},
                             "UpdateExpression": "SET #foreach($k in $b.keySet())#f$foreach.count = :v$foreach.count#if($foreach.hasNext), #end#end",
                             "ExpressionAttributeNames": {#foreach($k in $b.keySet())"#f$foreach.count": "$k"#if($foreach.hasNext), #end#end},
                             "ExpressionAttributeValues": {#foreach($k in $b.keySet())":v$foreach.count": {"S": "$util.escapeJavaScript($b.get($k)).replaceAll("\\\\'","'")"}#if($foreach.hasNext), #end#end}}
                        responses: {default: {statusCode: "200"}}
                """;
        Path unvalidated = dir.resolve("patch.yaml");
        Files.writeString(unvalidated, spec.formatted(""));
        assertThat(sec(unvalidated)).filteredOn(f -> f.rule() == Rule.SEC004).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("attribute name /ExpressionAttributeNames/#f3"));

        // API Gateway answers 400 to a body with another key before the template runs
        Path validated = dir.resolve("validated.yaml");
        Files.writeString(validated, spec.formatted("x-amazon-apigateway-request-validators: {body: {validateRequestBody: true}}\n"
                + "x-amazon-apigateway-request-validator: body"));
        assertThat(sec(validated)).noneMatch(f -> f.rule() == Rule.SEC004);
    }

    @Test
    void anInputOnATemplateLineWhoseOutputJoinsThePreviousLinesIsPlacedOnItsOwnLine() throws Exception {
        Path spec = dir.resolve("joined.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: orders, version: "1"}
                paths:
                  /orders:
                    get:
                      parameters: [{name: next, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: string}}]
                      x-apigw-examples:
                        - {name: page, querystring: {limit: "10", next: "eyJjdXN0b21lcklkIjp7IlMiOiJjLTEifX0="}}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/Query
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            #set($limit = $input.params('limit'))
                            #set($next = $input.params('next'))
                            {
                              "TableName": "Orders",
                              "KeyConditionExpression": "customerId = :c",
                              "ExpressionAttributeValues": {":c": {"S": "c-1"}},
                              #if($limit != "")"Limit": $limit,#end
                              #if($next != "")"ExclusiveStartKey": $util.base64Decode($next),#end
                              "ScanIndexForward": true
                            }
                        responses: {default: {statusCode: "200"}}
                """);
        List<String> lines = Files.readAllLines(spec);
        List<Finding> found = sec(spec);

        // "#end" takes the line break with it: both inputs land on one output line, each is placed where it is written
        assertThat(found).filteredOn(f -> f.message().startsWith("Client input 'querystring next'")).singleElement().satisfies(f -> {
            assertThat(lines.get(f.position().line() - 1)).contains("\"ExclusiveStartKey\"");
            assertThat(f.position().column()).isEqualTo(lines.get(f.position().line() - 1).indexOf("$next)") + 1);
        });
        assertThat(found).filteredOn(f -> f.message().startsWith("Client input 'querystring limit'")).singleElement().satisfies(f -> {
            assertThat(lines.get(f.position().line() - 1)).contains("\"Limit\"");
            assertThat(f.position().column()).isEqualTo(lines.get(f.position().line() - 1).indexOf("$limit,") + 1);
        });
    }

    @Test
    void aClaimWrittenInBracketsIsNamedAndFoundAsTheTemplateWritesIt() throws Exception {
        Path spec = dir.resolve("claims.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: notes, version: "1"}
                paths:
                  /notes:
                    post:
                      security: [{users: []}]
                      x-apigw-examples:
                        - name: one
                          context: {authorizer: {claims: {sub: "3f1c", "custom:displayName": "Ann"}}}
                      responses: {"200": {description: ok}}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/r
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: '{"TableName": "Notes", "Item": {"id": {"S": "$context.requestId"}, "by": {"S": "$context.authorizer.claims[''custom:displayName'']"}}}'
                        responses: {default: {statusCode: "200"}}
                components:
                  securitySchemes:
                    users: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: cognito_user_pools}}
                """);
        assertThat(sec(spec)).filteredOn(f -> f.rule() == Rule.SEC001).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Client input '$context.authorizer.claims['custom:displayName']' can break the DynamoDB request");
            String line = Files.readAllLines(spec).get(f.position().line() - 1);
            assertThat(f.position().column()).isEqualTo(line.indexOf("$context.authorizer.claims[") + 1);
        });
    }

    /**
     * The reviewer's p01-probe-amplify: the examples send p1=safe and render in time, but the template loops past any
     * deadline on every other value of p1, so each probe render with a client's value in p1 runs out of time.
     */
    @Test
    void aTemplateThatRunsOutOfTimeOnClientInputIsReportedOnceAndProbedNoFurther() throws Exception {
        String template = "#set($p = $input.params('p1'))\\n#if($p != \\\"safe\\\" && $p != \\\"\\\")"
                + "#foreach($i in [1..1000])#foreach($j in [1..1000])#foreach($k in [1..1000])#end#end#end#end\\n"
                + "{\\\"TableName\\\": \\\"Widgets\\\", \\\"Key\\\": {\\\"id\\\": {\\\"S\\\": \\\"$util.escapeJavaScript($p)"
                + ".replaceAll(\\\"\\\\\\\\'\\\",\\\"'\\\")\\\"}}}";
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            examples.append(i == 0 ? "" : ", ").append("{\"name\": \"e").append(i).append("\", \"path\": {\"id\": \"w\"},"
                    + " \"querystring\": {\"p1\": \"safe\"}}");
        }
        String spec = """
                {
                  "openapi": "3.0.1",
                  "info": {"title": "t", "version": "1"},
                  "paths": {
                    "/widgets/{id}": {
                      "post": {
                        "operationId": "getWidget",
                        "responses": {"200": {"description": "ok"}},
                        "x-amazon-apigateway-integration": {
                          "type": "aws",
                          "httpMethod": "POST",
                          "uri": "arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem",
                          "credentials": "arn:aws:iam::123456789012:role/r",
                          "passthroughBehavior": "never",
                          "requestTemplates": {
                            "application/json": "%s"
                          },
                          "responses": {"default": {"statusCode": "200"}}
                        },
                        "x-apigw-examples": [%s]
                      }
                    }
                  }
                }
                """.formatted(template, examples);
        Path file = dir.resolve("loops.json");
        Files.writeString(file, spec);
        // renders stop after 200 ms, so that the probe's run out of time quickly
        ApiGatewayTemplateEngine quick = new ApiGatewayTemplateEngine(new TemplateLimits(1000, 300 * 1024, 10 * 1024 * 1024,
                Duration.ofMillis(200), 20));

        CheckResult result = new CheckEngine(quick).run(new CheckRequest(List.of(file), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT);

        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.VTL007).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.example()).isEqualTo("e0");
            assertThat(f.position().line()).isEqualTo(16); // the template is the one JSON string on this line
            assertThat(f.message()).startsWith("Client input 'querystring p1' can make the template run out of time: with 'zq2x' (a value"
                    + " of the probe's own), rendering took longer than 200 ms").contains("5xx").contains("other inputs went unprobed");
        });
        assertThat(result.findings()).noneMatch(f -> f.rule().name().startsWith("SEC"));
        // the render with every marker and p1's alone, for the first example; none for the other 19
        assertThat(quick.probeTimeouts()).isEqualTo(2);
    }
}
