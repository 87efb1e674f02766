package io.github.apigwddb.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationReaderTest {

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException, URISyntaxException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(Path.of(getClass().getResource("/cloudformation/" + name).toURI()), target);
        return target;
    }

    private CheckResult check(Path template, TemplateParameters parameters) {
        return new CheckEngine().run(new CheckRequest(List.of(template), dir.resolve("examples"), Map.of(), 1, parameters), CheckLog.SILENT);
    }

    private static List<String> lines(CheckResult result, Rule rule) {
        return result.findings().stream().filter(f -> f.rule() == rule)
                .map(f -> f.position().file().getFileName() + ":" + f.position().line() + ":" + f.position().column() + " " + f.message())
                .toList();
    }

    @Test
    void inlineDefinitionBodyIsCheckedWithIntrinsicsResolved() throws Exception {
        Path template = copy("sam-inline.yaml");
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(result.integrationsChecked()).isEqualTo(1);
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest())
                .contains("\"TableName\": \"items-dev\"").contains("\"S\": \"42\""));
        // ${requester} names nothing of the template: CFN004 inside the template string, at its line
        assertThat(lines(result, Rule.CFN004)).singleElement().asString().startsWith("sam-inline.yaml:59:81 '${requester}' in an Fn::Sub string");
        // the role allows GetItem only: PutItem is DDB014 at the policy
        assertThat(lines(result, Rule.DDB014)).containsExactly("sam-inline.yaml:27:11 Role ApiRole (the credentials of this integration)"
                + " does not allow dynamodb:PutItem on arn:aws:dynamodb:us-east-1:123456789012:table/items-dev: every call fails with"
                + " AccessDeniedException");
        assertThat(result.findings()).noneMatch(f -> f.rule().id().startsWith("AGW"));
    }

    @Test
    void aMethodSamCompletesIsNoAgw020ButOneLeftWithoutIs() throws Exception {
        Path template = dir.resolve("events.yaml");
        String sam = Files.readString(Path.of(getClass().getResource("/cloudformation/sam-inline.yaml").toURI()));
        String withMethods = sam.replace("          /items:\n", """
                          /items/{id}:
                            get: {operationId: getItem, responses: {'200': {description: ok}}}
                            delete: {operationId: deleteItem, responses: {'200': {description: ok}}}
                            options: {responses: {'200': {description: ok}}}
                          /items:
                """);
        Files.writeString(template, withMethods);
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.AGW020)).extracting(l -> l.substring(0, l.indexOf(' ')))
                .containsExactly("events.yaml:42:13", "events.yaml:43:13", "events.yaml:44:13");
        // a function's Api event on this API gets its method an integration from SAM; an event without RestApiId is on the
        // implicit API, not this one; Cors adds a preflight only to paths without an OPTIONS, so the one written stays without
        // (the Cors line moves the lines one down)
        Files.writeString(template, withMethods.replace("      StageName: prod\n", "      StageName: prod\n      Cors: \"'*'\"\n") + """
                  Reader:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a
                      Runtime: java17
                      Events:
                        Get: {Type: Api, Properties: {Path: '/items/{id}', Method: get, RestApiId: !Ref Api}}
                        Elsewhere: {Type: Api, Properties: {Path: '/items/{id}', Method: delete}}
                """);
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.AGW020)).extracting(l -> l.substring(0, l.indexOf(' ')))
                .containsExactly("events.yaml:44:13", "events.yaml:45:13");
    }

    @Test
    void theApisBinaryMediaTypesPropertyJoinsItsInlineBodyForTheApiRules() throws Exception {
        Path template = dir.resolve("binary.yaml");
        String sam = Files.readString(Path.of(getClass().getResource("/cloudformation/sam-inline.yaml").toURI()));
        Files.writeString(template, sam.replace("      StageName: prod\n", "      StageName: prod\n      BinaryMediaTypes: ['image~1png', '*~1*']\n"));

        assertThat(lines(check(template, TemplateParameters.NONE), Rule.MAP016)).singleElement().asString()
                .startsWith("binary.yaml:37:40 Binary media type '*/*' covers application/json");
        // SAM replaces the body's own list with the resource's
        Files.writeString(template, sam.replace("      StageName: prod\n", "      StageName: prod\n      BinaryMediaTypes: [image~1png]\n")
                .replace("        openapi: 3.0.1\n", "        openapi: 3.0.1\n        x-amazon-apigateway-binary-media-types: ['*/*']\n"));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.MAP016)).isEmpty();
    }

    @Test
    void aValueThatIsWhollyAParameterWithoutValueIsNotJudgedButAValueGivenIs() throws Exception {
        Path template = dir.resolve("t.yaml");
        String text = """
                Parameters:
                  Timeout: {Type: Number}
                  Handling: {Type: String}
                Resources:
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      HttpMethod: GET
                      ResourceId: !GetAtt Api.RootResourceId
                      RestApiId: !Ref Api
                      MethodResponses: [{StatusCode: '200'}, {StatusCode: '400'}, {StatusCode: '500'}]
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem
                        PassthroughBehavior: NEVER
                        TimeoutInMillis: !Ref Timeout
                        ContentHandling: {Ref: Handling}
                        RequestTemplates:
                          application/json: '{"TableName": "Items", "Key": {"id": {"S": "1"}}}'
                        IntegrationResponses:
                          - StatusCode: '200'
                          - {StatusCode: '400', SelectionPattern: '4\\d{2}'}
                          - {StatusCode: '500', SelectionPattern: '5\\d{2}'}
                  Api: {Type: AWS::ApiGateway::RestApi}
                """;
        Files.writeString(template, text);

        CheckResult unknown = check(template, TemplateParameters.NONE);
        assertThat(lines(unknown, Rule.CFN005)).hasSize(2);
        assertThat(unknown.findings()).extracting(f -> f.rule()).doesNotContain(Rule.AGW014, Rule.AGW015);

        CheckResult given = check(template, new TemplateParameters(Map.of("Timeout", "60000", "Handling", "PASSTHROUGH"), Map.of()));
        assertThat(lines(given, Rule.AGW014)).singleElement().asString().startsWith("t.yaml:18:");
        assertThat(lines(given, Rule.AGW015)).singleElement().asString().startsWith("t.yaml:19:");
    }

    @Test
    void parameterValuesWinOverDefaults() throws Exception {
        Path template = copy("sam-inline.yaml");
        CheckResult result = check(template, new TemplateParameters(Map.of("Stage", "prod", "AWS::Region", "eu-west-1"), Map.of()));
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).contains("\"TableName\": \"items-prod\""));
        assertThat(lines(result, Rule.DDB014)).singleElement().asString().contains("arn:aws:dynamodb:eu-west-1:123456789012:table/items-prod");
    }

    @Test
    void includesS3LocationsHttpApisAndUnknownTags() throws Exception {
        Path template = copy("include.yaml");
        copy("short-forms.yaml");
        Path mapped = copy("intrinsics.yaml");
        CheckResult result = check(template, new TemplateParameters(Map.of(), Map.of("s3://my-bucket/apis/intrinsics.yaml", mapped)));
        assertThat(result.integrationsChecked()).isEqualTo(2);
        assertThat(lines(result, Rule.CFN002)).containsExactly("short-forms.yaml:11:9 '!Sub' in a file pulled in by AWS::Include:"
                + " CloudFormation does not take YAML short forms there (\"We do not currently support using shorthand notations for YAML"
                + " snippets\"); write 'Fn::Sub:'");
        assertThat(lines(result, Rule.CFN003)).singleElement().asString().startsWith("intrinsics.yaml:12:9 CloudFormation intrinsic 'Fn::GetAtt'");
        assertThat(lines(result, Rule.CFN001)).singleElement().asString().startsWith("include.yaml:31:7 Unmapped reads its API from"
                + " s3://my-bucket/missing.yaml, which is not mapped");
        assertThat(lines(result, Rule.CFN008)).singleElement().asString().startsWith("include.yaml:23:3 AWS::ApiGatewayV2::Api Ws is an HTTP API");
        assertThat(lines(result, Rule.CFN007)).singleElement().asString().startsWith("include.yaml:35:14 Unknown YAML tag '!Frobnicate'");
        // the read-only managed policy allows Scan: no DDB014
        assertThat(lines(result, Rule.DDB014)).isEmpty();
        // every file the template named, also the one that is not there, so that an up-to-date check watches them
        assertThat(result.filesRead()).containsExactlyInAnyOrder(dir.resolve("short-forms.yaml"), mapped, dir.resolve("missing.yaml"));
    }

    /**
     * An include's Location that is a local path (which 'aws cloudformation package' uploads) is read where it is, not by
     * its file name next to the template (user trial: the API went unchecked, CFN001 only a warning).
     */
    @Test
    void anIncludeOfALocalPathIsReadThere() throws Exception {
        Path api = dir.resolve("api/shapes.yaml");
        Files.createDirectories(api.getParent());
        Files.copy(copy("short-forms.yaml"), api);
        Path template = dir.resolve("stack/template.yaml");
        Files.createDirectories(template.getParent());
        Files.writeString(template, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionBody:
                        Fn::Transform: {Name: AWS::Include, Parameters: {Location: ../api/shapes.yaml}}
                """);

        CheckResult result = check(template, TemplateParameters.NONE);

        assertThat(lines(result, Rule.CFN001)).isEmpty();
        assertThat(lines(result, Rule.CFN002)).singleElement().asString().startsWith("shapes.yaml:11:9 '!Sub'");
        assertThat(result.filesRead()).contains(api);
    }

    /** A DefinitionUri file's path items in other files are read as an OpenAPI file's are (crash hunt: the API went unchecked). */
    @Test
    void aDefinitionFileTakesPathItemsFromOtherFiles() throws Exception {
        Path api = dir.resolve("api/api.yaml");
        Files.createDirectories(api.getParent());
        Files.writeString(api, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items/{id}: {$ref: 'items.yaml'}
                """);
        Files.writeString(dir.resolve("api/items.yaml"), """
                get:
                  operationId: getItem
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {"200": {description: ok}}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: GET
                    uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem
                    credentials: arn:aws:iam::123456789012:role/r
                    requestTemplates: {application/json: '{"TableName": "T", "Key": {"id": {"S": "$input.params(''id'')"}}}'}
                    responses: {default: {statusCode: "200"}}
                """);
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod, DefinitionUri: api/api.yaml}
                """);

        CheckResult result = check(template, TemplateParameters.NONE);

        assertThat(result.integrationsChecked()).isEqualTo(1);
        assertThat(lines(result, Rule.AGW006)).singleElement().asString().startsWith("items.yaml:");
    }

    @Test
    void aFindingAfterAnFnSubValueOnItsLinePointsAtTheTextAsWritten() throws Exception {
        Path template = dir.resolve("t.yaml");
        String line = "{\"TableName\": \"${Prefix}Items\", \"Key\": {\"id\": {\"S\": \"${!Id}\"}}, \"x\": \"$util.toJsn('a')\"}";
        Files.writeString(template, """
                Parameters:
                  Prefix: {Type: String, Default: aVeryLongPrefixValueForTesting-}
                Resources:
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      HttpMethod: GET
                      ResourceId: !GetAtt Api.RootResourceId
                      RestApiId: !Ref Api
                      MethodResponses: [{StatusCode: '200'}, {StatusCode: '400'}, {StatusCode: '500'}]
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem
                        PassthroughBehavior: NEVER
                        RequestTemplates:
                          application/json: !Sub |
                            %s
                        IntegrationResponses:
                          - StatusCode: '200'
                          - {StatusCode: '400', SelectionPattern: '4\\d{2}'}
                          - {StatusCode: '500', SelectionPattern: '5\\d{2}'}
                  Api: {Type: AWS::ApiGateway::RestApi}
                """.formatted(line));
        CheckResult result = check(template, TemplateParameters.NONE);
        // line 19, after the 12 spaces of the block: where $util is written, not where the long prefix pushed it
        assertThat(lines(result, Rule.VTL003)).anySatisfy(l -> assertThat(l).startsWith("t.yaml:19:" + (12 + line.indexOf("$util") + 1) + " "));
        assertThat(lines(result, Rule.VTL003)).anySatisfy(l -> assertThat(l).startsWith("t.yaml:19:" + (12 + line.indexOf("${!Id}") + 1) + " "));
    }

    @Test
    void theSameInTheLongFormOfFnSub() throws Exception {
        Path template = dir.resolve("t.yaml");
        String line = "{\"TableName\": \"${Prefix}Items\", \"Key\": {\"id\": {\"S\": \"${!Id}\"}}, \"x\": \"$util.toJsn('a')\"}";
        Files.writeString(template, """
                Parameters:
                  Prefix: {Type: String, Default: aVeryLongPrefixValueForTesting-}
                Resources:
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      HttpMethod: GET
                      ResourceId: {"Fn::GetAtt": [Api, RootResourceId]}
                      RestApiId: {Ref: Api}
                      MethodResponses: [{StatusCode: '200'}, {StatusCode: '400'}, {StatusCode: '500'}]
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/GetItem
                        PassthroughBehavior: NEVER
                        RequestTemplates:
                          application/json:
                            Fn::Sub: |
                              %s
                        IntegrationResponses:
                          - StatusCode: '200'
                          - {StatusCode: '400', SelectionPattern: '4\\d{2}'}
                          - {StatusCode: '500', SelectionPattern: '5\\d{2}'}
                  Api: {Type: AWS::ApiGateway::RestApi}
                """.formatted(line));
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(lines(result, Rule.VTL003)).anySatisfy(l -> assertThat(l).startsWith("t.yaml:20:" + (14 + line.indexOf("$util") + 1) + " "));
        assertThat(lines(result, Rule.VTL003)).anySatisfy(l -> assertThat(l).startsWith("t.yaml:20:" + (14 + line.indexOf("${!Id}") + 1) + " "));
    }

    /** A PutItem method writing a body number raw, with what decides whether API Gateway lets a string through. */
    private static String validatedPut(String validator, String models) {
        return """
                Resources:
                  Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: orders}}
                  Orders:
                    Type: AWS::ApiGateway::Resource
                    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders}
                  OrderModel:
                    Type: AWS::ApiGateway::Model
                    Properties:
                      RestApiId: !Ref Api
                      ContentType: application/json
                      Name: Order
                      Schema: {type: object, required: [total], properties: {total: {type: number}}}
                  TextModel:
                    Type: AWS::ApiGateway::Model
                    Properties:
                      RestApiId: !Ref Api
                      Name: OrderText
                      Schema: '{"type": "object", "properties": {"total": {"type": "number"}}}'
                  BodyValidator:
                    Type: AWS::ApiGateway::RequestValidator
                    Properties: {RestApiId: !Ref Api, ValidateRequestBody: true, ValidateRequestParameters: false}
                  ParamsValidator:
                    Type: AWS::ApiGateway::RequestValidator
                    Properties: {RestApiId: !Ref Api, ValidateRequestBody: false, ValidateRequestParameters: true}
                  PutOrder:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref Api
                      ResourceId: !Ref Orders
                      HttpMethod: POST
                      AuthorizationType: NONE
                %s%s      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        PassthroughBehavior: NEVER
                        RequestTemplates:
                          application/json: '{"TableName": "Orders", "Item": {"id": {"S": "$context.requestId"}, "total": {"N": "$input.json(''$.total'')"}}}'
                        IntegrationResponses:
                          - StatusCode: '200'
                          - {StatusCode: '400', SelectionPattern: '4\\d{2}'}
                          - {StatusCode: '500', SelectionPattern: '5\\d{2}'}
                      MethodResponses: [{StatusCode: '200'}, {StatusCode: '400'}, {StatusCode: '500'}]
                """.formatted(validator, models);
    }

    @Test
    void aMethodsRequestValidatorAndModelDecideWhatTheTemplateCanBeGiven() throws Exception {
        Path template = dir.resolve("t.yaml");
        String bodyValidator = "      RequestValidatorId: !Ref BodyValidator\n";
        String model = "      RequestModels: {application/json: !Ref OrderModel}\n";

        // the body is validated against a model where total is a number: no string reaches the template
        Files.writeString(template, validatedPut(bodyValidator, model));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.SEC001)).isEmpty();
        // the model named by its Name, its schema written as JSON text
        Files.writeString(template, validatedPut(bodyValidator, "      RequestModels: {application/json: OrderText}\n"));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.SEC001)).isEmpty();

        // a validator of parameters only, no validator, or no model: any string reaches it
        for (String validator : new String[] {"      RequestValidatorId: !Ref ParamsValidator\n", ""}) {
            Files.writeString(template, validatedPut(validator, model));
            assertThat(lines(check(template, TemplateParameters.NONE), Rule.SEC001)).as(validator).singleElement().asString()
                    .contains("Client input 'body $.total'");
        }
        // without a model, the example made up from what the template reads has a string total: the request breaks already
        Files.writeString(template, validatedPut(bodyValidator, ""));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.VTL002)).singleElement().asString()
                .contains("The rendered request is not valid JSON");
    }

    @Test
    void aReferenceToANameTheTemplateDoesNotHaveIsAnErrorButNotOneSamGenerates() throws Exception {
        Path template = dir.resolve("t.yaml");
        // ResourceId names a misspelt resource: CloudFormation rejects it, and the method is not where it seems
        Files.writeString(template, validatedPut("", "").replace("ResourceId: !Ref Orders", "ResourceId: !Ref Order"));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.CFN009)).singleElement().asString()
                .startsWith("t.yaml:29:7 Ref Order names no parameter or resource of the template, which CloudFormation rejects"
                        + " (did you mean Orders?)");

        // in a SAM template a name the transform generates is a stand-in, not an error; other names still are
        String sam = "Transform: AWS::Serverless-2016-10-31\n" + validatedPut("", "").replace("  Api: {Type: AWS::ApiGateway::RestApi,",
                "  Fn: {Type: AWS::Serverless::Function, Properties: {Handler: a, Runtime: java17}}\n  Api: {Type: AWS::ApiGateway::RestApi,");
        Files.writeString(template, sam.replace("Credentials: arn:aws:iam::123456789012:role/r", "Credentials: !GetAtt FnRole.Arn"));
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(lines(result, Rule.CFN009)).isEmpty();
        assertThat(lines(result, Rule.CFN005)).anySatisfy(l -> assertThat(l).contains("Fn::GetAtt FnRole.Arn names no parameter or"
                + " resource of the template (one SAM generates?)"));
        Files.writeString(template, sam.replace("Credentials: arn:aws:iam::123456789012:role/r", "Credentials: !GetAtt ApiRoles.Arn"));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.CFN009)).singleElement().asString()
                .contains("Fn::GetAtt ApiRoles.Arn names no parameter or resource of the template");

        // another transform (Fn::ForEach of AWS::LanguageExtensions, a macro) makes resources this reading does not see
        String put = validatedPut("", "").replace("Credentials: arn:aws:iam::123456789012:role/r", "Credentials: !GetAtt WriterRole.Arn");
        Files.writeString(template, "Transform: AWS::LanguageExtensions\n" + put);
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.CFN009)).isEmpty();
        Files.writeString(template, put);
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.CFN009)).hasSize(1);
    }

    @Test
    void integrationResponsesOfOneStatusOrOnePatternAreMap017() throws Exception {
        Path template = dir.resolve("t.yaml");
        String responses = "{StatusCode: '500', SelectionPattern: '5\\d{2}'}";
        assertThat(validatedPut("", "")).contains(responses);

        Files.writeString(template, validatedPut("", "").replace(responses, "{StatusCode: '400', SelectionPattern: '5\\d{2}'}"));
        CheckResult sameStatus = check(template, TemplateParameters.NONE);
        assertThat(lines(sameStatus, Rule.MAP017)).singleElement().asString().startsWith("t.yaml:43:13 Another integration response"
                + " before this one has StatusCode '400' too: API Gateway keeps one integration response per status code, so this one replaces it");
        // as API Gateway does, the check keeps the later: no response for DynamoDB's 400s any more
        assertThat(lines(sameStatus, Rule.MAP010)).singleElement().asString().contains("4xx");

        // what is said of a pattern points at the pattern (the key of the extension's map is the pattern)
        Files.writeString(template, validatedPut("", "").replace("{StatusCode: '400', SelectionPattern: '4\\d{2}'}",
                "{StatusCode: '400', SelectionPattern: '.*Conditional.*'}"));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.MAP009)).singleElement().asString().startsWith("t.yaml:42:33 ");

        // a status given twice: the later entry is the one kept, and only it is compared by pattern
        Files.writeString(template, validatedPut("", "").replace("{StatusCode: '400', SelectionPattern: '4\\d{2}'}", "{StatusCode: '400'}")
                .replace(responses, "{StatusCode: '200', SelectionPattern: '5\\d{2}'}"));
        CheckResult replaced = check(template, TemplateParameters.NONE);
        assertThat(lines(replaced, Rule.MAP017)).singleElement().asString().startsWith("t.yaml:43:13 Another integration response before this one has StatusCode '200' too");
        assertThat(lines(replaced, Rule.MAP006)).isEmpty(); // the 400 without a pattern is the default

        Files.writeString(template, validatedPut("", "").replace(responses, "{StatusCode: '500'}"));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.MAP017)).singleElement().asString().startsWith("t.yaml:43:13"
                + " Another integration response before this one has no SelectionPattern either (each is the default)");
    }

    @Test
    void aMethodWhoseConditionTheParametersMakeFalseIsNotChecked() throws Exception {
        Path template = dir.resolve("t.yaml");
        String conditioned = validatedPut("", "").replace("  PutOrder:\n    Type: AWS::ApiGateway::Method\n",
                "  PutOrder:\n    Type: AWS::ApiGateway::Method\n    Condition: IsProd\n");
        assertThat(conditioned).contains("Condition: IsProd");
        String conditions = "Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n";

        Files.writeString(template, "Parameters:\n  Stage: {Type: String, Default: dev}\n" + conditions + conditioned);
        assertThat(check(template, TemplateParameters.NONE).integrationsChecked()).isZero();
        assertThat(new CloudFormationReader().read(new io.github.apigwddb.spec.SpecLoader().load(template).spec(), TemplateParameters.NONE)
                .notes()).contains("Not checking PutOrder: its Condition IsProd is false with the parameter values given, so"
                        + " CloudFormation does not create it");
        assertThat(check(template, new TemplateParameters(Map.of("Stage", "prod"), Map.of())).integrationsChecked()).isEqualTo(1);
        // a parameter without value decides nothing: the method may exist, and is checked
        Files.writeString(template, "Parameters:\n  Stage: {Type: String}\n" + conditions + conditioned);
        assertThat(check(template, TemplateParameters.NONE).integrationsChecked()).isEqualTo(1);
    }

    @Test
    void anFnSubNameCloseToAResourceSuggestsItBeforeTheVtlEscape() throws Exception {
        Path template = dir.resolve("t.yaml");
        String put = validatedPut("", "");
        assertThat(put).contains("application/json: '{\"TableName\": \"Orders\"");
        Files.writeString(template, put.replace("application/json: '{\"TableName\": \"Orders\"",
                "application/json: !Sub '{\"TableName\": \"${OrderModl}\""));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.CFN004)).singleElement().asString()
                .contains("Did you mean ${OrderModel}? If not, a VTL reference must be written '${!OrderModl}' inside Fn::Sub");
        Files.writeString(template, put.replace("application/json: '{\"TableName\": \"Orders\"",
                "application/json: !Sub '{\"TableName\": \"${requester}\""));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.CFN004)).singleElement().asString()
                .contains("substitutes it). A VTL reference must be written '${!requester}' inside Fn::Sub");
    }

    /** Conditions made of conditions are evaluated once each: 40 levels of ten references each would never end otherwise. */
    @Test
    void deeplyComposedConditionsAreEvaluatedOnceEach() throws Exception {
        StringBuilder conditions = new StringBuilder("Conditions:\n  C0: !Equals [!Ref Stage, prod]\n");
        for (int level = 1; level <= 40; level++) {
            conditions.append("  C").append(level).append(": !Or [").append(String.join(", ", java.util.Collections.nCopies(10,
                    "!Condition C" + (level - 1)))).append("]\n");
        }
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, "Parameters:\n  Stage: {Type: String, Default: prod}\n" + conditions + """
                Resources:
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      HttpMethod: GET
                      ResourceId: !GetAtt Api.RootResourceId
                      RestApiId: !Ref Api
                      MethodResponses: [{StatusCode: '200'}]
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/Scan
                        PassthroughBehavior: NEVER
                        RequestTemplates:
                          application/json: !If [C40, '{"TableName": "Prod"}', '{"TableName": "Test"}']
                        IntegrationResponses:
                          - StatusCode: '200'
                  Api: {Type: AWS::ApiGateway::RestApi}
                """);
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).contains("\"TableName\": \"Prod\""));
    }

    /** Messages name a Method's Integration members as CloudFormation writes them, not as the OpenAPI extension does. */
    @Test
    void findingsOnAMethodResourceSpeakOfItsOwnMemberNames() throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, """
                Resources:
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      HttpMethod: GET
                      ResourceId: !GetAtt Api.RootResourceId
                      RestApiId: !Ref Api
                      MethodResponses: [{StatusCode: '200'}]
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: GET
                        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/Scan
                        TimeoutInMillis: 40000
                        ContentHandling: CONVERT_TO_JSON
                        RequestTemplates:
                          application/json: '{"TableName": "Items"}'
                        IntegrationResponses:
                          - StatusCode: '200'
                  Api: {Type: AWS::ApiGateway::RestApi}
                """);
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(result.findings()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("Integration IntegrationHttpMethod is 'GET'"))
                .anySatisfy(m -> assertThat(m).startsWith("The integration has no 'Credentials'"))
                .anySatisfy(m -> assertThat(m).startsWith("PassthroughBehavior is not set, so it is when_no_match"))
                .anySatisfy(m -> assertThat(m).startsWith("TimeoutInMillis 40000 is above"))
                .anySatisfy(m -> assertThat(m).startsWith("The integration's ContentHandling \"CONVERT_TO_JSON\" is not"));

        Files.writeString(template, Files.readString(template).replace("Type: AWS\n", "Type: HTTP\n").replace(":dynamodb:", ":DynamoDB:"));
        assertThat(check(template, TemplateParameters.NONE).findings()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("Integration Type is 'HTTP' but a DynamoDB integration must be 'AWS'"))
                .anySatisfy(m -> assertThat(m).startsWith("Integration Uri 'arn:aws:apigateway:us-east-1:DynamoDB:action/Scan': service"));
    }

    /** The linter sees a Method's Integration as the extension it becomes: every CloudFormation member maps to a known key. */
    @Test
    void methodResourcesWithEveryIntegrationMemberAreNoAgw017() throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, """
                Resources:
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      HttpMethod: GET
                      ResourceId: !GetAtt Api.RootResourceId
                      RestApiId: !Ref Api
                      RequestParameters: {method.request.querystring.id: true}
                      MethodResponses:
                        - {StatusCode: '200', ResponseParameters: {method.response.header.Access-Control-Allow-Origin: true}}
                        - {StatusCode: '400'}
                        - {StatusCode: '500'}
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/Scan
                        PassthroughBehavior: NEVER
                        ContentHandling: CONVERT_TO_TEXT
                        TimeoutInMillis: 29000
                        CacheKeyParameters: [method.request.querystring.id]
                        CacheNamespace: items
                        ConnectionType: INTERNET
                        RequestParameters: {integration.request.header.X-Id: method.request.querystring.id}
                        RequestTemplates:
                          application/json: '{"TableName": "Items"}'
                        IntegrationResponses:
                          - StatusCode: '200'
                            ResponseTemplates: {application/json: '{}'}
                            ResponseParameters: {method.response.header.Access-Control-Allow-Origin: "'*'"}
                            ContentHandling: CONVERT_TO_TEXT
                          - {StatusCode: '400', SelectionPattern: '4\\d{2}', ResponseParameters: {method.response.header.X-Error: "'1'"}}
                          - {StatusCode: '500', SelectionPattern: '5\\d{2}'}
                  Api: {Type: AWS::ApiGateway::RestApi}
                """);
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(result.integrationsChecked()).isEqualTo(1);
        assertThat(result.findings()).extracting(Finding::rule).doesNotContain(Rule.AGW017, Rule.MAP006);
        // the header the 200 method response declares is mapped; the 400 response declares none
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.MAP011).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("method.response.header.X-Error"));
    }

    /** A header mapped from a parameter without a Default has a stand-in, which is not judged as a mapping (review). */
    @Test
    void aResponseParameterFromAParameterWithoutDefaultIsNotJudged() throws Exception {
        Path template = dir.resolve("stand-in.yaml");
        Files.writeString(template, """
                Parameters:
                  OriginHost: {Type: String}
                Resources:
                  Get:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref Api
                      ResourceId: !GetAtt Api.RootResourceId
                      HttpMethod: GET
                      AuthorizationType: NONE
                      MethodResponses:
                        - {StatusCode: '200', ResponseParameters: {method.response.header.X-B: true}}
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: arn:aws:apigateway:us-east-1:dynamodb:action/Scan
                        PassthroughBehavior: NEVER
                        RequestTemplates:
                          application/json: '{"TableName": "Items"}'
                        IntegrationResponses:
                          - StatusCode: '200'
                            ResponseParameters: {method.response.header.X-B: !Ref OriginHost}
                  Api: {Type: AWS::ApiGateway::RestApi}
                """);
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(result.findings()).extracting(Finding::rule).contains(Rule.CFN005).doesNotContain(Rule.MAP011);
    }

    @Test
    void unresolvedValuesAreNotedOnce() throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, """
                Parameters:
                  Table: {Type: String}
                Resources:
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      HttpMethod: GET
                      ResourceId: !GetAtt Api.RootResourceId
                      RestApiId: !Ref Api
                      MethodResponses: [{StatusCode: '200'}]
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: !Sub arn:aws:apigateway:${AWS::Region}:dynamodb:action/Scan
                        PassthroughBehavior: NEVER
                        RequestTemplates:
                          application/json: !Sub '{"TableName": "${Table}"} ${Table}'
                        IntegrationResponses: [{StatusCode: '200'}]
                  Api: {Type: AWS::ApiGateway::RestApi}
                """);
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(result.integrationsChecked()).isEqualTo(1);
        assertThat(lines(result, Rule.CFN005)).containsExactly("t.yaml:18:11 Parameter Table has no value (give it in apigw.parameters)"
                + " and no Default; 'Table' stands in for it");
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).isEqualTo("{\"TableName\": \"Table\"} Table"));
        assertThat(result.findings()).extracting(Finding::rule).doesNotContain(Rule.CFN004, Rule.AGW003);
    }

    /** A table's name from a parameter without value, used through the table's Ref: the stand-in is said where it is used. */
    @Test
    void aStandInReachedThroughAResourcesNameIsNotedWhereItIsUsed() throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, """
                Parameters:
                  Table: {Type: String}
                Resources:
                  Items:
                    Type: AWS::DynamoDB::Table
                    Properties: {TableName: !Ref Table}
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      HttpMethod: GET
                      ResourceId: !GetAtt Api.RootResourceId
                      RestApiId: !Ref Api
                      MethodResponses: [{StatusCode: '200'}]
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: !Sub arn:aws:apigateway:${AWS::Region}:dynamodb:action/Scan
                        PassthroughBehavior: NEVER
                        RequestTemplates:
                          application/json: !Sub '{"TableName": "${Items}"}'
                        IntegrationResponses: [{StatusCode: '200'}]
                  Api: {Type: AWS::ApiGateway::RestApi}
                """);
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(lines(result, Rule.CFN005)).containsExactly("t.yaml:21:11 Items's TableName is not known before deployment:"
                + " Parameter Table has no value (give it in apigw.parameters) and no Default; 'Table' stands in for it");
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).isEqualTo("{\"TableName\": \"Table\"}"));
    }

    /** A GetItem Method resource whose request template is {@code requestTemplate}, after the template's other parts. */
    private static String methodTemplate(String before, String requestTemplate) {
        return before + """
                  M:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      HttpMethod: GET
                      ResourceId: !GetAtt Api.RootResourceId
                      RestApiId: !Ref Api
                      MethodResponses: [{StatusCode: '200'}]
                      Integration:
                        Type: AWS
                        IntegrationHttpMethod: POST
                        Credentials: arn:aws:iam::123456789012:role/r
                        Uri: !Sub arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem
                        PassthroughBehavior: NEVER
                        RequestTemplates:
                          application/json: %s
                        IntegrationResponses: [{StatusCode: '200'}]
                  Api: {Type: AWS::ApiGateway::RestApi}
                """.formatted(requestTemplate);
    }

    /** A table named after its own ARN recursed without end (StackOverflowError); CloudFormation refuses it, and so is it said. */
    @Test
    void aResourceWhoseNameRefersToItselfIsOneCfn010WhereTheNameIsUsed() throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, methodTemplate("""
                Resources:
                  Items:
                    Type: AWS::DynamoDB::Table
                    Properties: {TableName: !GetAtt Items.Arn}
                """, "!Sub '{\"TableName\": \"${Items}\", \"Key\": {\"id\": {\"S\": \"1\"}}}'"));
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(lines(result, Rule.CFN010)).containsExactly("t.yaml:19:11 Items refers to itself through Fn::GetAtt Items.Arn"
                + " in its TableName: CloudFormation refuses the template (Circular dependency between resources: [Items]); 'Items'"
                + " stands in for it");
        assertThat(lines(result, Rule.CFN005)).isEmpty();
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest())
                .contains("\"TableName\": \"arn:aws:dynamodb:us-east-1:123456789012:table/Items\""));

        // the same through Fn::Sub, and a role named after itself used as credentials
        Files.writeString(template, methodTemplate("""
                Resources:
                  Items:
                    Type: AWS::DynamoDB::Table
                    Properties: {TableName: !Sub '${Items}-prod'}
                  Reader:
                    Type: AWS::IAM::Role
                    Properties: {RoleName: !Sub '${Reader.Arn}-reader'}
                """, "!Sub '{\"TableName\": \"${Items}\", \"Key\": {\"id\": {\"S\": \"1\"}}}'")
                .replace("Credentials: arn:aws:iam::123456789012:role/r", "Credentials: !GetAtt Reader.Arn"));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.CFN010)).containsExactlyInAnyOrder(
                "t.yaml:18:9 Reader refers to itself through Fn::GetAtt Reader.Arn in its RoleName: CloudFormation refuses the"
                        + " template (Circular dependency between resources: [Reader]); 'Reader' stands in for it",
                "t.yaml:22:11 Items refers to itself through Ref Items in its TableName: CloudFormation refuses the template"
                        + " (Circular dependency between resources: [Items]); 'Items' stands in for it");
    }

    @Test
    void resourcesWhoseNamesReferToEachOtherAreOneCfn010NamingTheCycle() throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, methodTemplate("""
                Resources:
                  R1:
                    Type: AWS::DynamoDB::Table
                    Properties: {TableName: !GetAtt R2.Arn}
                  R2:
                    Type: AWS::DynamoDB::Table
                    Properties: {TableName: !Ref R1}
                """, "!Sub '{\"TableName\": \"${R1}\", \"Key\": {\"id\": {\"S\": \"1\"}}}'"));
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(lines(result, Rule.CFN010)).containsExactly("t.yaml:22:11 Circular reference R1 -> R2 -> R1 (R1's TableName"
                + " uses Fn::GetAtt R2.Arn, R2's TableName uses Ref R1): CloudFormation refuses the template (Circular dependency"
                + " between resources: [R1, R2]); 'R1' stands in for it");
        assertThat(lines(result, Rule.CFN005)).isEmpty();
        assertThat(result.integrationsChecked()).isEqualTo(1);
    }

    /** CloudFormation refuses conditions defined in terms of themselves; they were taken as false without a word. */
    @Test
    void conditionsDefinedInTermsOfThemselvesAreCfn010() throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, methodTemplate("""
                Conditions:
                  A: !Condition B
                  B: !Not [!Condition A]
                Resources:
                """, "!If [A, '{\"TableName\": \"Prod\", \"Key\": {\"id\": {\"S\": \"1\"}}}',"
                + " '{\"TableName\": \"Test\", \"Key\": {\"id\": {\"S\": \"1\"}}}']"));
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(lines(result, Rule.CFN010)).containsExactly("t.yaml:19:11 Circular condition A -> B -> A: CloudFormation refuses"
                + " the template (circular dependency between conditions [A, B]); A is taken as false");
        // B is the negation of A taken as false, so A holds
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).contains("\"TableName\": \"Prod\""));

        Files.writeString(template, methodTemplate("""
                Conditions:
                  C: !Or [!Equals [a, b], !Condition C]
                Resources:
                """, "!If [C, '{\"TableName\": \"Prod\", \"Key\": {\"id\": {\"S\": \"1\"}}}',"
                + " '{\"TableName\": \"Test\", \"Key\": {\"id\": {\"S\": \"1\"}}}']"));
        assertThat(lines(check(template, TemplateParameters.NONE), Rule.CFN010)).singleElement().asString()
                .startsWith("t.yaml:18:11 Condition C refers to itself: CloudFormation refuses the template");
    }

    /** A Default is a literal to CloudFormation: {Ref: itself} is refused, not a value, and not evaluated (it would recurse). */
    @Test
    void aParameterWhoseDefaultRefersToItselfIsCfn010UnlessItsValueIsGiven() throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, methodTemplate("""
                Parameters:
                  Stage: {Type: String, Default: !Ref Stage}
                Resources:
                """, "!Sub '{\"TableName\": \"items-${Stage}\", \"Key\": {\"id\": {\"S\": \"1\"}}}'"));
        CheckResult result = check(template, TemplateParameters.NONE);
        assertThat(lines(result, Rule.CFN010)).containsExactly("t.yaml:18:11 Parameter Stage's Default {\"Ref\":\"Stage\"} refers to"
                + " Stage itself: CloudFormation takes only a literal Default and refuses the template; 'Stage' stands in for it");
        assertThat(result.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).contains("\"TableName\": \"items-Stage\""));

        CheckResult given = check(template, new TemplateParameters(Map.of("Stage", "prod"), Map.of()));
        assertThat(lines(given, Rule.CFN010)).isEmpty();
        assertThat(given.cases()).anySatisfy(c -> assertThat(c.renderedRequest()).contains("\"TableName\": \"items-prod\""));
    }
}
