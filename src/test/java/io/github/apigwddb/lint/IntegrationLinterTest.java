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

class IntegrationLinterTest {

    private static final String GOOD = """
            type: aws
            httpMethod: POST
            uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
            credentials: arn:aws:iam::123456789012:role/api-ddb
            passthroughBehavior: never
            requestTemplates:
              application/json: '{"TableName": "T", "Item": {"id": {"S": "1"}}}'
            responses:
              default: {statusCode: "200"}
              "4\\\\d{2}": {statusCode: "400"}
              "5\\\\d{2}": {statusCode: "500"}
            """;

    @Test
    void aCorrectIntegrationHasNoFindings() throws Exception {
        assertThat(lint(GOOD)).isEmpty();
    }

    @Test
    void getInsteadOfPostIsAgw006() throws Exception {
        List<LintIssue> issues = lint(GOOD.replace("httpMethod: POST", "httpMethod: GET"));
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.AGW006);
            assertThat(i.pointer()).endsWith("/x-amazon-apigateway-integration/httpMethod");
            assertThat(i.message()).contains("'GET'").contains("POST");
        });
    }

    @Test
    void missingCredentialsIsAgw007() throws Exception {
        assertThat(rules(GOOD.replace("credentials: arn:aws:iam::123456789012:role/api-ddb\n", ""))).containsExactly(Rule.AGW007);
    }

    @Test
    void credentialsMustBeARoleArn() throws Exception {
        assertThat(rules(GOOD.replace("role/api-ddb", "policy/api-ddb"))).containsExactly(Rule.AGW008);
        assertThat(rules(GOOD.replace("arn:aws:iam::123456789012:role/api-ddb", "'${AWS::Region}'"))).isEmpty();
        assertThat(rules(GOOD.replace("arn:aws:iam::123456789012:role/api-ddb", "{Fn::GetAtt: [Role, Arn]}"))).isEmpty();
    }

    @Test
    void callerCredentialsNeedIamAuth() throws Exception {
        assertThat(rules(GOOD.replace("arn:aws:iam::123456789012:role/api-ddb", "'arn:aws:iam::*:user/*'"))).containsExactly(Rule.AGW009);
    }

    @Test
    void typeMustBeAws() throws Exception {
        assertThat(rules(GOOD.replace("type: aws", "type: aws_proxy"))).containsExactly(Rule.AGW002);
        assertThat(rules(GOOD.replace("type: aws", "type: lambda"))).containsExactly(Rule.AGW001);
        assertThat(rules(GOOD.replace("type: aws\n", ""))).containsExactly(Rule.AGW001);
    }

    @Test
    void aCapitalisedServiceIsAgw003SayingHowToWriteIt() throws Exception {
        assertThat(lint(GOOD.replace(":dynamodb:", ":DynamoDB:"))).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.AGW003);
            assertThat(i.message()).isEqualTo("Integration uri 'arn:aws:apigateway:us-east-1:DynamoDB:action/PutItem':"
                    + " service 'DynamoDB' must be written 'dynamodb'");
        });
    }

    @Test
    void uriShapeActionAndRegion() throws Exception {
        assertThat(rules(GOOD.replace("action/PutItem", "path/PutItem"))).containsExactly(Rule.AGW003);
        assertThat(lint(GOOD.replace("action/PutItem", "action/PutItems"))).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.AGW004);
            assertThat(i.message()).contains("did you mean 'PutItem'?").endsWith("? Every call would fail with UnknownOperationException");
        });
        assertThat(lint(GOOD.replace("action/PutItem", "action/NoSuchAction"))).singleElement().extracting(LintIssue::message)
                .isEqualTo("'NoSuchAction' is not a DynamoDB action: every call would fail with UnknownOperationException");
        assertThat(rules(GOOD.replace("us-east-1", "us-east1"))).containsExactly(Rule.AGW005);
        assertThat(rules(GOOD.replace("us-east-1", "${AWS::Region}"))).isEmpty();
    }

    @Test
    void regionsAreThoseWithBothServicesInAnyPartition() throws Exception {
        assertThat(IntegrationLinter.regionProblem("eu-central-2")).isNull();
        assertThat(IntegrationLinter.regionProblem("cn-northwest-1")).isNull();
        assertThat(IntegrationLinter.regionProblem("us-gov-west-1")).isNull();
        assertThat(IntegrationLinter.regionProblem("eusc-de-east-1")).isNull();
        assertThat(IntegrationLinter.regionProblem("us-east1"))
                .isEqualTo("'us-east1' in integration uri is not an AWS region name (such as us-east-1); did you mean 'us-east-1'?");
        assertThat(IntegrationLinter.regionProblem("eu-west-4")).isEqualTo("'eu-west-4' in integration uri is not a region"
                + " where both API Gateway and DynamoDB have an endpoint (as of 2026); did you mean 'eu-west-1'? If AWS has opened it"
                + " since, add an x-apigw-ignore entry for AGW005 until the plugin knows it");
        // aws-iso-f has DynamoDB but no API Gateway endpoint: no region of it is known, and none is suggested
        assertThat(IntegrationLinter.regionProblem("us-isof-south-1")).isEqualTo("'us-isof-south-1' in integration uri is not a"
                + " region where both API Gateway and DynamoDB have an endpoint (as of 2026). If AWS has opened it since, add an"
                + " x-apigw-ignore entry for AGW005 until the plugin knows it");
        // the region is not held against the partition: ${AWS::Region} is checked as us-east-1 in every partition
        assertThat(rules(GOOD.replace("arn:aws:apigateway:us-east-1", "arn:aws-cn:apigateway:us-east-1"))).isEmpty();
    }

    @Test
    void passthroughBehaviour() throws Exception {
        assertThat(rules(GOOD.replace("passthroughBehavior: never\n", ""))).containsExactly(Rule.AGW011);
        assertThat(rules(GOOD.replace("never", "WHEN_NO_MATCH"))).containsExactly(Rule.AGW011);
        assertThat(rules(GOOD.replace("never", "when_no_templates"))).isEmpty();
        assertThat(rules(GOOD.replace("never", "sometimes"))).containsExactly(Rule.AGW010);
    }

    @Test
    void requestTemplatesMustIncludeJsonWhereRequestsComeWithoutAContentType() throws Exception {
        String formOnly = GOOD.replace("application/json: '{", "application/x-www-form-urlencoded: '{");
        String get = "openapi: 3.0.1\npaths:\n  /items:\n    get:\n";
        assertThat(lintSpec(get, formOnly)).extracting(LintIssue::rule).containsExactly(Rule.AGW012);
        assertThat(lintSpec(get.replace("get:", "x-amazon-apigateway-any-method:"), formOnly)).extracting(LintIssue::rule)
                .containsExactly(Rule.AGW012);
        // a form post always says what it sends: the form template is selected
        assertThat(rules(formOnly)).isEmpty();
        assertThat(lintSpec(get.replace("get:", "put:"), formOnly)).isEmpty();
        // no template at all is AGW012 whatever the method
        String none = GOOD.replace("requestTemplates:\n  application/json: '{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"1\"}}}'\n", "");
        assertThat(none).doesNotContain("requestTemplates");
        assertThat(rules(none)).contains(Rule.AGW012);
        // a key that looks meant for application/json is named (re-trial: "application/json " with a trailing space)
        assertThat(lintSpec(get, GOOD.replace("application/json: '{", "'application/json ': '{"))).singleElement()
                .satisfies(i -> assertThat(i.message()).endsWith("the template under 'application/json ' looks meant for it: remove the"
                        + " space around its Content-Type"));
        assertThat(lintSpec(get, GOOD.replace("application/json: '{", "application/jsno: '{"))).singleElement()
                .satisfies(i -> assertThat(i.message()).endsWith("the template under 'application/jsno' looks meant for it: is the"
                        + " Content-Type misspelt?"));
        assertThat(lintSpec(get, GOOD.replace("application/json: '{", "application/xml: '{"))).singleElement()
                .satisfies(i -> assertThat(i.message()).endsWith("use application/json"));
        assertThat(lintSpec(get, GOOD.replace("application/json: '{", "application/jose: '{"))).singleElement()
                .satisfies(i -> assertThat(i.message()).endsWith("use application/json"));
    }

    @Test
    void noResponsesIsMap006() throws Exception {
        String none = GOOD.substring(0, GOOD.indexOf("responses:"));
        assertThat(rules(none)).containsExactly(Rule.MAP006);
    }

    @Test
    void withoutDefaultPatternsMatchingEveryDynamoDbStatusAreEnough() throws Exception {
        assertThat(lint(withResponses("\"200\"", "\"4\\\\d{2}\"", "\"5\\\\d{2}\""))).isEmpty();
        assertThat(lint(withResponses("\"200\"", "\"400\"", "\"5\\\\d{2}\""))).isEmpty();
        assertThat(lint(withResponses("\"2\\\\d{2}\"", "\"4\\\\d{2}\"", "\"5\\\\d{2}\""))).isEmpty();
    }

    @Test
    void withoutDefaultMap006NamesTheStatusesNoPatternMatches() throws Exception {
        assertThat(lint(withResponses("\"200\""))).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.MAP006);
            assertThat(i.pointer()).endsWith("/x-amazon-apigateway-integration/responses");
            assertThat(i.message()).contains("statuses 400 (client errors and throttling), 500 (InternalServerError) and 503 (ServiceUnavailable) match no pattern");
        });
        assertThat(lint(withResponses("\"400\"", "\"5\\\\d{2}\""))).singleElement().extracting(LintIssue::message).asString()
                .contains("status 200 (success) matches no pattern");
        // DynamoDB's 500 and 503 without a response end in API Gateway's 500: a server error either way
        assertThat(lint(withResponses("\"200\"", "\"400\""))).isEmpty();
        assertThat(lint(withResponses("\"200\"", "\"4\\\\d{2}\"", "\"500\""))).isEmpty();
    }

    @Test
    void aTemplateWrittenAsARefIsAgw018() throws Exception {
        List<LintIssue> issues = lint(GOOD.replace("application/json: '{\"TableName\": \"T\", \"Item\": {\"id\": {\"S\": \"1\"}}}'",
                "application/json: {$ref: 'templates.yaml#/put'}"));
        assertThat(issues).extracting(LintIssue::rule).contains(Rule.AGW018);
        assertThat(issues).filteredOn(i -> i.rule() == Rule.AGW018).singleElement().satisfies(i -> {
            assertThat(i.message()).startsWith("The 'application/json' template is a $ref to templates.yaml#/put: API Gateway takes a"
                    + " mapping template as text");
            assertThat(i.pointer()).endsWith("/x-amazon-apigateway-integration/requestTemplates/application~1json/$ref");
        });
    }

    @Test
    void anIntegrationResponseWithoutStatusCodeIsMap007() throws Exception {
        List<LintIssue> issues = lint(GOOD.replace("\"5\\\\d{2}\": {statusCode: \"500\"}", "\"5\\\\d{2}\": {responseTemplates: {application/json: '{}'}}"));
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.MAP007);
            assertThat(i.message()).startsWith("Integration response '5\\d{2}' has no statusCode: API Gateway requires one");
            assertThat(i.pointer()).endsWith("/responses/5\\d{2}");
        });
    }

    @Test
    void aPatternThatIsNoRegexMatchesNothingAndIsMap008() throws Exception {
        List<LintIssue> issues = lint(withResponses("\"200\"", "\"4\\\\d{2\"", "\"5\\\\d{2}\""));
        assertThat(issues).extracting(LintIssue::rule).containsExactly(Rule.MAP006, Rule.MAP008);
        assertThat(issues.get(0).message()).contains("status 400 (client errors and throttling) matches no pattern");
        assertThat(issues.get(1).message()).startsWith("Selection pattern '4\\d{2' is not a Java regular expression (")
                .endsWith("API Gateway never selects this response");
        assertThat(issues.get(1).pointer()).isEqualTo("/paths/~1items/post/x-amazon-apigateway-integration/responses/4\\d{2");
    }

    @Test
    void aPatternMatchingNoDynamoDbStatusIsMap009WithWhatItMistook() throws Exception {
        List<LintIssue> named = lint(GOOD.replace("  \"4\\\\d{2}\": {statusCode: \"400\"}\n",
                "  \"4\\\\d{2}\": {statusCode: \"400\"}\n  \".*ConditionalCheckFailed.*\": {statusCode: \"400\"}\n"));
        assertThat(named).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.MAP009);
            assertThat(i.message()).contains("'.*ConditionalCheckFailed.*' matches none of the statuses DynamoDB answers with (200, 400, 500, 503)")
                    .contains("matches the HTTP status, not the error's name");
        });
        List<LintIssue> notFound = lint(GOOD.replace("  \"4\\\\d{2}\": {statusCode: \"400\"}\n",
                "  \"4\\\\d{2}\": {statusCode: \"400\"}\n  \"404\": {statusCode: \"400\"}\n"));
        assertThat(notFound).singleElement().extracting(LintIssue::message).asString()
                .contains("'404' matches none").contains("a missing item with 200 and no Item");
        // escapes are no words, and a pattern matching some status is fine however wide
        assertThat(lint(withResponses("\"2\\\\d{2}\"", "\"4\\\\d{2}\"", "\"5\\\\d\\\\d\""))).isEmpty();
        assertThat(lint(withResponses("\"2\\\\d{2}\"", "\"4\\\\d{2}\"", "\"5\\\\d{2}\"", "\"409\""))).singleElement()
                .extracting(LintIssue::rule).isEqualTo(Rule.MAP009);
    }

    @Test
    void templateKeysAreMediaTypesWithoutCaseDuplicatesAgw013() throws Exception {
        String keys = GOOD.replace("requestTemplates:\n", "requestTemplates:\n  json: '{}'\n  Application/JSON: '{}'\n"
                + "  text/plain; charset=utf-8: '{}'\n");
        List<LintIssue> issues = lint(keys);
        assertThat(issues).extracting(LintIssue::rule).containsOnly(Rule.AGW013);
        assertThat(issues).extracting(LintIssue::message).containsExactly(
                "Request template key 'json' is not a media type (type/subtype, such as application/json): API Gateway selects a"
                        + " request template by the request's Content-Type, which this key is not",
                "'application/json' and 'Application/JSON' in requestTemplates are one media type (media types compare without"
                        + " case): which template API Gateway takes is not documented; keep one");
        assertThat(issues.get(1).pointer()).endsWith("/requestTemplates/application~1json");
        assertThat(lint(GOOD.replace("default: {statusCode: \"200\"}",
                "default: {statusCode: \"200\", responseTemplates: {application/json: '{}', APPLICATION/json: '{}'}}")))
                .singleElement().extracting(LintIssue::message).asString().contains("in responseTemplates of integration response 'default'");
    }

    @Test
    void timeoutOutsideFiftyTo29000MillisIsAgw014() throws Exception {
        assertThat(lint(GOOD + "timeoutInMillis: 29000\n")).isEmpty();
        assertThat(lint(GOOD + "timeoutInMillis: 50\n")).isEmpty();
        assertThat(lint(GOOD + "timeoutInMillis: \"5000\"\n")).isEmpty();
        assertThat(lint(GOOD + "timeoutInMillis: 49\n")).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.AGW014);
            assertThat(i.message()).isEqualTo("timeoutInMillis 49 is below API Gateway's minimum of 50 ms: \"Timeout should be between 50 ms and 29000 ms\"");
            assertThat(i.pointer()).endsWith("/x-amazon-apigateway-integration/timeoutInMillis");
        });
        assertThat(lint(GOOD + "timeoutInMillis: 30000\n")).singleElement().extracting(LintIssue::message).asString()
                .contains("above API Gateway's limit of 29000 ms").contains("Regional or private API");
        assertThat(lint(GOOD + "timeoutInMillis: 2.5\n")).singleElement().extracting(LintIssue::message)
                .isEqualTo("timeoutInMillis 2.5 is not a whole number of milliseconds from 50 to 29000");
        assertThat(lint(GOOD + "timeoutInMillis: 29s\n")).extracting(LintIssue::rule).containsExactly(Rule.AGW014);
        // CloudFormation fills these in
        assertThat(lint(GOOD + "timeoutInMillis: {Ref: Timeout}\n")).isEmpty();
        assertThat(lint(GOOD + "timeoutInMillis: ${Timeout}\n")).isEmpty();
    }

    @Test
    void settingsOfHttpApisAndPrivateHttpIntegrationsAreAgw016() throws Exception {
        List<LintIssue> issues = lint(GOOD + "payloadFormatVersion: \"2.0\"\nconnectionType: VPC_LINK\nconnectionId: abc123\n"
                + "tlsConfig: {insecureSkipVerification: true}\n");
        assertThat(issues).extracting(LintIssue::rule).containsOnly(Rule.AGW016);
        assertThat(issues).extracting(LintIssue::pointer).extracting(p -> p.substring(p.lastIndexOf('/') + 1))
                .containsExactly("payloadFormatVersion", "connectionType", "tlsConfig");
        assertThat(issues.get(1).message()).startsWith("connectionType VPC_LINK is for private HTTP integrations");
        assertThat(lint(GOOD + "connectionId: abc123\n")).singleElement().extracting(LintIssue::message).asString()
                .startsWith("connectionId names a VPC link");
        assertThat(lint(GOOD + "connectionType: INTERNET\n")).isEmpty();
        assertThat(lint(GOOD + "integrationSubtype: DynamoDB-PutItem\n")).singleElement().extracting(LintIssue::message).asString()
                .startsWith("integrationSubtype belongs to HTTP APIs");
    }

    @Test
    void contentHandlingOfTheIntegrationAndItsResponsesIsAgw015WhenNotTheTwoNames() throws Exception {
        assertThat(lint(GOOD + "contentHandling: CONVERT_TO_TEXT\n")).isEmpty();
        assertThat(lint(GOOD + "contentHandling: convert_to_text\n")).isEmpty();
        assertThat(lint(GOOD + "contentHandling: CONVERT_TO_JSON\n")).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.AGW015);
            assertThat(i.message()).startsWith("The integration's contentHandling \"CONVERT_TO_JSON\" is not CONVERT_TO_BINARY or CONVERT_TO_TEXT");
        });
        List<LintIssue> response = lint(GOOD.replace("default: {statusCode: \"200\"}", "default: {statusCode: \"200\", contentHandling: PASSTHROUGH}"));
        assertThat(response).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.AGW015);
            assertThat(i.message()).startsWith("Integration response 'default' contentHandling \"PASSTHROUGH\"");
            assertThat(i.pointer()).endsWith("/responses/default/contentHandling");
        });
    }

    @Test
    void onlyADefaultLeavesDynamoDbErrorsUnmapped() throws Exception {
        String onlyDefault = GOOD.replace("  \"4\\\\d{2}\": {statusCode: \"400\"}\n  \"5\\\\d{2}\": {statusCode: \"500\"}\n", "");
        assertThat(lint(onlyDefault)).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.MAP010);
            assertThat(i.message()).contains("4xx").contains("5xx").contains("status 200");
        });
    }

    @Test
    void theUnmappedClientErrorsNamedAreTheActionsOwn() {
        assertThat(IntegrationLinter.clientErrors("PutItem")).isEqualTo("ValidationException, ConditionalCheckFailedException, throttling");
        assertThat(IntegrationLinter.clientErrors("Query")).isEqualTo("ValidationException, throttling");
        assertThat(IntegrationLinter.clientErrors("TransactWriteItems")).isEqualTo("ValidationException, TransactionCanceledException, throttling");
    }

    @Test
    void readActionsWithoutResponseTemplatesLeakDynamoDbJson() throws Exception {
        assertThat(rules(GOOD.replace("action/PutItem", "action/GetItem"))).containsExactly(Rule.MAP012);
    }

    @Test
    void integrationStatusNeedsAMethodResponse() throws Exception {
        assertThat(rules(GOOD.replace("default: {statusCode: \"200\"}", "default: {statusCode: \"201\"}"))).containsExactly(Rule.MAP007);
    }

    @Test
    void misspeltIntegrationKeysAreAgw017WithTheKeyTheyMeant() throws Exception {
        List<LintIssue> issues = lint(GOOD.replace("requestTemplates:", "requestTemplate:"));
        assertThat(issues).filteredOn(i -> i.rule() == Rule.AGW017).singleElement().satisfies(i -> {
            assertThat(i.pointer()).endsWith("/x-amazon-apigateway-integration/requestTemplate");
            assertThat(i.message()).contains("'requestTemplate'").contains("did you mean 'requestTemplates'?");
        });
        assertThat(lint(GOOD.replace("passthroughBehavior: never", "passThroughBehavior: never")))
                .filteredOn(i -> i.rule() == Rule.AGW017).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("did you mean 'passthroughBehavior'?"));
        assertThat(lint(GOOD + "cacheTtl: 300\n")).filteredOn(i -> i.rule() == Rule.AGW017).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("'cacheTtl'").doesNotContain("did you mean"));
        // YAML's merge key is expanded as it is read (SPEC007 says where deployment may not): its members are known ones
        assertThat(lint(GOOD.replace("passthroughBehavior: never", "passthroughBehavior: never\n<<: {timeoutInMillis: 1000}")))
                .noneMatch(i -> i.rule() == Rule.AGW017);
    }

    @Test
    void misspeltResponseKeysAreAgw017() throws Exception {
        List<LintIssue> issues = lint(GOOD.replace("\"4\\\\d{2}\": {statusCode: \"400\"}", "\"4\\\\d{2}\": {statuscode: \"400\"}"));
        assertThat(issues).filteredOn(i -> i.rule() == Rule.AGW017).singleElement().satisfies(i -> {
            assertThat(i.pointer()).endsWith("/responses/4\\d{2}/statuscode");
            assertThat(i.message()).contains("'statuscode'").contains("integration response '4\\d{2}'").contains("did you mean 'statusCode'?");
        });
        assertThat(lint(GOOD.replace("default: {statusCode: \"200\"}", "default: {statusCode: \"200\", selectionPattern: \"2\\\\d{2}\"}")))
                .filteredOn(i -> i.rule() == Rule.AGW017).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("the response's key is its selection pattern"));
    }

    /** The corpus case: a 400 response with its template directly under it, so API Gateway never uses the template. */
    @Test
    void aTemplateDirectlyUnderAResponseBelongsUnderResponseTemplates() throws Exception {
        String misplaced = GOOD.replace("\"4\\\\d{2}\": {statusCode: \"400\"}",
                "\"4\\\\d{2}\": {statusCode: \"400\", application/json: '{\"error\": \"bad\"}'}");
        assertThat(lint(misplaced)).filteredOn(i -> i.rule() == Rule.AGW017).singleElement().satisfies(i -> {
            assertThat(i.pointer()).endsWith("/responses/4\\d{2}/application~1json");
            assertThat(i.message()).contains("'application/json'").contains("belongs under responseTemplates");
        });
        String underIntegration = GOOD + "text/plain: '{}'\n";
        assertThat(lint(underIntegration)).filteredOn(i -> i.rule() == Rule.AGW017).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("belongs under requestTemplates"));
    }

    @Test
    void everyDocumentedKeyExtensionsAndCloudFormationFunctionsAreNoAgw017() throws Exception {
        String all = GOOD.replace("default: {statusCode: \"200\"}",
                        "default: {statusCode: \"200\", responseTemplates: {}, responseParameters: {}, contentHandling: CONVERT_TO_TEXT}")
                + """
                requestParameters: {}
                cacheNamespace: items
                cacheKeyParameters: []
                contentHandling: CONVERT_TO_TEXT
                timeoutInMillis: 29000
                connectionType: INTERNET
                connectionId: none
                tlsConfig: {}
                integrationSubtype: none
                payloadFormatVersion: "1.0"
                responseTransferMode: BUFFERED
                integrationTarget: none
                x-apigw-ignore: [{rules: [AGW011], reason: test}]
                Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://bucket/more.yaml}}
                """;
        assertThat(lint(all)).extracting(LintIssue::rule).doesNotContain(Rule.AGW017);
    }

    /** GOOD with responses under the given pattern keys, each mapped to the status it names (else to 500). */
    private static String withResponses(String... patterns) {
        StringBuilder responses = new StringBuilder("responses:\n");
        for (String pattern : patterns) {
            String status = pattern.startsWith("\"2") ? "200" : pattern.startsWith("\"4") ? "400" : "500";
            responses.append("  ").append(pattern).append(": {statusCode: \"").append(status).append("\"}\n");
        }
        return GOOD.substring(0, GOOD.indexOf("responses:")) + responses;
    }

    @Test
    void requestParametersMapFromWhatTheOperationDeclares() throws Exception {
        String mapped = GOOD.replace("passthroughBehavior: never", "passthroughBehavior: never\nrequestParameters:\n"
                + "  integration.request.header.X-Tenant: method.request.header.X-Tenant\n"
                + "  integration.request.querystring.v: \"'1'\"\n"
                + "  integration.request.header.X-Stage: stageVariables.name");
        assertThat(lint(mapped)).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.MAP001);
            assertThat(i.message()).contains("the operation does not declare as a header parameter")
                    .contains("Invalid mapping expression parameter specified: method.request.header.X-Tenant");
            assertThat(i.pointer()).endsWith("/requestParameters/integration.request.header.X-Tenant");
        });
        String declared = "openapi: 3.0.1\npaths:\n  /items:\n    post:\n      parameters: [{name: x-tenant, in: header}]\n";
        assertThat(lintSpec(declared, mapped)).isEmpty();
        assertThat(lint(GOOD.replace("passthroughBehavior: never", "passthroughBehavior: never\nrequestParameters:\n"
                + "  method.request.header.X: \"'1'\"\n  integration.request.header.Y: header.Y")))
                .extracting(LintIssue::message).satisfiesExactly(
                        m -> assertThat(m).contains("is not of the form integration.request."),
                        m -> assertThat(m).contains("which is no mapping expression"));
    }

    @Test
    void responseParametersMapOntoHeadersTheMethodResponseDeclares() throws Exception {
        String cors = GOOD.replace("default: {statusCode: \"200\"}",
                "default: {statusCode: \"200\", responseParameters: {method.response.header.Access-Control-Allow-Origin: \"'*'\"}}");
        List<LintIssue> undeclared = lint(cors);
        assertThat(undeclared).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.MAP011);
            assertThat(i.message()).contains("the 200 response of the operation does not declare")
                    .contains("Invalid mapping expression parameter specified: method.response.header.Access-Control-Allow-Origin");
            assertThat(i.pointer()).endsWith("/responses/default/responseParameters/method.response.header.Access-Control-Allow-Origin");
        });
        // declared, in another case, directly or through a $ref
        assertThat(lint(cors, "{description: ok, headers: {access-control-allow-origin: {schema: {type: string}}}}")).isEmpty();
        assertThat(lint(cors, "{$ref: '#/components/responses/Ok'}",
                "components:\n  responses:\n    Ok: {description: ok, headers: {Access-Control-Allow-Origin: {schema: {type: string}}}}\n"))
                .isEmpty();
        assertThat(lint(GOOD.replace("default: {statusCode: \"200\"}",
                "default: {statusCode: \"200\", responseParameters: {integration.response.header.X: \"'1'\"}}")))
                .singleElement().satisfies(i -> assertThat(i.message()).contains("is not of the form method.response.header.<name>"));
    }

    /** YAML's quotes around '*' leave the value unquoted, which API Gateway refuses (re-trial). */
    @Test
    void responseParameterValuesAreMappingExpressionsOrQuotedValues() throws Exception {
        String declared = "{description: ok, headers: {Access-Control-Allow-Origin: {schema: {type: string}}}}";
        String star = GOOD.replace("default: {statusCode: \"200\"}",
                "default: {statusCode: \"200\", responseParameters: {method.response.header.Access-Control-Allow-Origin: '*'}}");
        assertThat(lint(star, declared)).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.MAP011);
            assertThat(i.message()).isEqualTo("Response parameter 'method.response.header.Access-Control-Allow-Origin' is mapped from"
                    + " '*', which is no mapping expression: API Gateway refuses the definition (\"Invalid mapping expression specified\");"
                    + " a fixed value goes in single quotes, '*' (in YAML written \"'*'\": the outer quotes are YAML's own), else map"
                    + " from integration.response.header.<name>, integration.response.body, stageVariables.<name> or context.<name>");
        });
        for (String good : List.of("\"'*'\"", "integration.response.header.X-Id", "integration.response.body.id",
                "integration.response.multivalueheader.A", "stageVariables.origin", "context.requestId")) {
            assertThat(lint(star.replace("'*'", good), declared)).as(good).isEmpty();
        }
    }

    @Test
    void cacheKeysAreMethodRequestParametersTheOperationDeclaresOnce() throws Exception {
        String head = "openapi: 3.0.1\npaths:\n  /items/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true}]\n";
        String keys = GOOD + "cacheKeyParameters: [method.request.path.id, method.request.querystring.v, integration.request.path.id,"
                + " method.request.path.id]\n";
        List<LintIssue> issues = lintSpec(head, keys);
        assertThat(issues).extracting(LintIssue::rule).containsOnly(Rule.MAP005);
        assertThat(issues).extracting(LintIssue::message).containsExactly(
                "Cache key parameter 'method.request.querystring.v' is not a parameter the operation declares as a query parameter:"
                        + " API Gateway wants cache keys among the method's request parameters; declare it in the operation's parameters",
                "Cache key parameter 'integration.request.path.id' is not of the form method.request.{path|querystring|header}.<name>",
                "Cache key parameter 'method.request.path.id' is listed twice: remove the repeat (CloudFormation wants the entries unique)");
        assertThat(issues.get(0).pointer()).isEqualTo("/paths/~1items~1{id}/get/x-amazon-apigateway-integration/cacheKeyParameters/1");
        assertThat(lintSpec(head, GOOD + "cacheKeyParameters: [method.request.path.id]\n")).isEmpty();
    }

    @Test
    void anOperationsRequestValidatorMustBeDefinedAtTheRoot() throws Exception {
        String operation = "openapi: 3.0.1\npaths:\n  /items:\n    post:\n      x-amazon-apigateway-request-validator: bodyOnly\n";
        assertThat(lintSpec(operation, GOOD)).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(Rule.MAP013);
            assertThat(i.message()).isEqualTo("The operation's request validator 'bodyOnly' is not defined in"
                    + " x-amazon-apigateway-request-validators (the API defines none): API Gateway refuses the definition or"
                    + " imports it without this validation");
            assertThat(i.pointer()).isEqualTo("/paths/~1items/post/x-amazon-apigateway-request-validator");
        });
        String validators = "x-amazon-apigateway-request-validators:\n  body-only: {validateRequestBody: true}\n  all: {}\n";
        assertThat(lintSpec(validators + operation, GOOD)).singleElement().extracting(LintIssue::message).asString()
                .contains("'bodyOnly' is not defined").contains("did you mean 'body-only'?");
        assertThat(lintSpec(validators + operation.replace("bodyOnly", "body-only"), GOOD)).isEmpty();
    }

    private List<Rule> rules(String integration) throws Exception {
        return lint(integration).stream().map(LintIssue::rule).toList();
    }

    private List<LintIssue> lint(String integration) throws Exception {
        return lint(integration, "{description: ok}", "");
    }

    private List<LintIssue> lint(String integration, String ok) throws Exception {
        return lint(integration, ok, "");
    }

    /** The integration in an operation that starts with {@code head} (up to its responses). */
    private List<LintIssue> lintSpec(String head, String integration) throws Exception {
        String spec = head + "      responses:\n        '200': {description: ok}\n"
                + "        '400': {description: bad}\n        '500': {description: failed}\n"
                + "      x-amazon-apigateway-integration:\n" + integration.indent(8);
        JsonNode root = new DocumentParser().parse(spec, SpecFormat.YAML).root();
        return new IntegrationLinter().lint(IntegrationExtractor.integrationOf(IntegrationExtractor.operations(root).get(0)), root);
    }

    /** @param ok the operation's 200 response; @param more what follows paths at the root */
    private List<LintIssue> lint(String integration, String ok, String more) throws Exception {
        String spec = "openapi: 3.0.1\npaths:\n  /items:\n    post:\n      responses:\n        '200': " + ok + "\n"
                + "        '400': {description: bad}\n        '500': {description: failed}\n"
                + "      x-amazon-apigateway-integration:\n" + integration.indent(8) + more;
        JsonNode root = new DocumentParser().parse(spec, SpecFormat.YAML).root();
        Integration found = IntegrationExtractor.integrationOf(IntegrationExtractor.operations(root).get(0));
        return new IntegrationLinter().lint(found, root);
    }
}
