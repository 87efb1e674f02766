package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.DynamoDbActions;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.AwsRegions;
import io.github.apigwddb.integration.AwsServiceUri;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.WebSocketUnmatched;
import io.github.apigwddb.integration.SpecValue;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The static rules on a DynamoDB integration object (rule catalogue §3.1–3.2): what can be judged from the
 * definition alone, before any template is rendered. Stateless.
 */
public final class IntegrationLinter {

    private static final Set<String> TYPES = Set.of("aws", "aws_proxy", "http", "http_proxy", "mock");
    private static final Set<String> PASSTHROUGH = Set.of("when_no_match", "when_no_templates", "never");
    /** IAM role ARN: 12-digit account (or a placeholder), role path and name of IAM's allowed characters. */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:[\\w-]+:iam::(\\d{12}|\\$\\{[^}]+\\}):role/([\\w+=,.@/-]*/)?[\\w+=,.@-]{1,64}");
    private static final String CALLER_CREDENTIALS = "arn:aws:iam::*:user/*";
    private static final Set<String> HTTP_STATUS_SAMPLES_4XX = Set.of("400");
    private static final Set<String> HTTP_STATUS_SAMPLES_5XX = Set.of("500");
    /** Every status DynamoDB answers with, and what it means; 503 is rare but possible. */
    static final Map<String, String> DYNAMODB_STATUSES = new LinkedHashMap<>();

    static {
        DYNAMODB_STATUSES.put("200", "success");
        DYNAMODB_STATUSES.put("400", "client errors and throttling");
        DYNAMODB_STATUSES.put("500", "InternalServerError");
        DYNAMODB_STATUSES.put("503", "ServiceUnavailable");
    }

    /** The 400 errors worth naming for an action: what every request may get, and what only its kind gets. */
    static String clientErrors(String action) {
        String own = action == null ? "" : switch (action) {
            case "PutItem", "UpdateItem", "DeleteItem", "ExecuteStatement" -> ", ConditionalCheckFailedException";
            case "TransactWriteItems", "TransactGetItems", "ExecuteTransaction" -> ", TransactionCanceledException";
            default -> "";
        };
        return "ValidationException" + own + ", throttling";
    }

    /**
     * The static rules that hold for the integration of a WebSocket route: type, uri, method, credentials, timeout and
     * content handling. Its template keys are selection values, not media types, its passthrough does not follow
     * Content-Type, and it has no method request or responses, so those rules do not apply.
     */
    public List<LintIssue> lintWebSocket(Integration integration, JsonNode root) {
        List<LintIssue> issues = new ArrayList<>();
        checkType(integration, issues);
        checkUri(integration, issues);
        checkHttpMethod(integration, issues);
        checkCredentials(integration, root, issues);
        checkUnmatchedMessages(integration, issues);
        SelectionPatterns.check(integration, issues);
        IntegrationSettings.check(integration, issues);
        return issues;
    }

    public List<LintIssue> lint(Integration integration, JsonNode root) {
        List<LintIssue> issues = new ArrayList<>();
        checkReference(integration, issues);
        checkType(integration, issues);
        checkUri(integration, issues);
        checkHttpMethod(integration, issues);
        checkCredentials(integration, root, issues);
        checkPassthrough(integration, issues);
        checkRequestTemplates(integration, issues);
        TemplateKeys.check(integration, issues);
        checkResponses(integration, issues);
        SelectionPatterns.check(integration, issues);
        IntegrationSettings.check(integration, issues);
        RequestParameterMappings.check(integration, root, issues);
        CacheKeyParameters.check(integration, root, issues);
        ResponseHeaderMappings.check(integration, root, issues);
        UnknownKeys.check(integration, issues);
        ValidatorDefinitions.checkOperation(integration.operation(), root, issues);
        return issues;
    }

    /**
     * AGW018: a REST API's import does not follow a {@code $ref} in place of the integration (integration-facts.md §8.4:
     * {@code x-amazon-apigateway-integrations} is for HTTP APIs); the console's import answers "Unknown integration type
     * 'null' for 'GET /pets'. Ignoring." (awsdocs/amazon-api-gateway-developer-guide#65). The target is checked all the same.
     */
    private static void checkReference(Integration integration, List<LintIssue> issues) {
        ApiOperation operation = integration.operation();
        JsonNode written = operation.node().path(IntegrationExtractor.EXTENSION);
        if (written.has("$ref")) {
            issues.add(new LintIssue(Rule.AGW018, "The integration is a $ref to " + written.get("$ref").asText() + ": API Gateway resolves"
                    + " x-amazon-apigateway-integrations for HTTP APIs only, and a REST API's import leaves the method without"
                    + " integration (\"Unknown integration type 'null' for '" + operation.ref().method() + " "
                    + operation.ref().path() + "'. Ignoring.\"); write the integration into the operation",
                    JsonPointers.child(IntegrationExtractor.pointerOf(operation), "$ref")));
        }
        JsonNode integrationNode = written.has("$ref") ? null : written;
        if (integrationNode != null) {
            templateReferences(integrationNode.path("requestTemplates"), JsonPointers.child(integration.pointer(), "requestTemplates"), issues);
            for (Iterator<Map.Entry<String, JsonNode>> responses = integrationNode.path("responses").fields(); responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                templateReferences(response.getValue().path("responseTemplates"), JsonPointers.child(JsonPointers.child(
                        JsonPointers.child(integration.pointer(), "responses"), response.getKey()), "responseTemplates"), issues);
            }
        }
    }

    /** AGW018 for a mapping template written as a $ref: API Gateway takes templates as text and resolves no reference there. */
    private static void templateReferences(JsonNode templates, String pointer, List<LintIssue> issues) {
        for (Iterator<Map.Entry<String, JsonNode>> entries = templates.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (IntegrationExtractor.isReference(entry.getValue())) {
                issues.add(new LintIssue(Rule.AGW018, "The '" + entry.getKey() + "' template is a $ref to " + entry.getValue().get("$ref").asText()
                        + ": API Gateway takes a mapping template as text and follows no reference in it, so the template is not"
                        + " checked; write the template text in place", JsonPointers.child(JsonPointers.child(pointer, entry.getKey()), "$ref")));
            }
        }
    }

    private static void checkType(Integration integration, List<LintIssue> issues) {
        SpecValue type = integration.type();
        if (type == null) {
            issues.add(new LintIssue(Rule.AGW001, "The integration has no '" + integration.writtenName("type") + "'; a DynamoDB integration"
                    + " needs type 'aws'",
                    integration.pointer()));
            return;
        }
        String value = type.text().toLowerCase(Locale.ROOT);
        // CloudFormation names the member Type and spells its values in capitals (IntegrationType on WebSocket routes)
        boolean cloudFormation = !"type".equals(integration.writtenName("type"));
        if (!TYPES.contains(value)) {
            issues.add(new LintIssue(Rule.AGW001, "Integration " + integration.writtenName("type") + " '" + type.text()
                    + "' is not one of " + (cloudFormation ? "AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK" : "aws, aws_proxy, http, http_proxy, mock"),
                    integration.member("type")));
        } else if (!"aws".equals(value)) {
            String why = "aws_proxy".equals(value)
                    ? ": API Gateway answers \"Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.\""
                    : ": DynamoDB is reached only through an AWS service integration";
            issues.add(new LintIssue(Rule.AGW002, "Integration " + integration.writtenName("type") + " is '" + type.text()
                    + "' but a DynamoDB integration must be " + (cloudFormation ? "'AWS'" : "'aws'") + why,
                    integration.member("type")));
        }
    }

    private static void checkUri(Integration integration, List<LintIssue> issues) {
        String pointer = integration.member("uri");
        String text = integration.uri().text();
        String uriName = "Integration " + integration.writtenName("uri");
        Optional<AwsServiceUri> parsed = integration.serviceUri();
        String shape = "arn:<partition>:apigateway:<region>:dynamodb:action/<Action>";
        if (parsed.isPresent() && !parsed.get().isDynamoDb() && "dynamodb".equalsIgnoreCase(parsed.get().service())) {
            // API Gateway's service names are lowercase: it answers 'DynamoDB' with "AWS service of type DynamoDB not supported"
            issues.add(new LintIssue(Rule.AGW003, uriName + " '" + text + "': service '" + parsed.get().service()
                    + "' must be written 'dynamodb'", pointer));
            return;
        }
        if (parsed.isEmpty() || !parsed.get().isDynamoDb()) {
            issues.add(new LintIssue(Rule.AGW003, uriName + " '" + text + "' is not of the form " + shape, pointer));
            return;
        }
        AwsServiceUri uri = parsed.get();
        if (!uri.isAction()) {
            issues.add(new LintIssue(Rule.AGW003, uriName + " '" + text + "' must name a DynamoDB action ("
                    + shape + "); DynamoDB has no path-based API", pointer));
            return;
        }
        if (!AwsServiceUri.isPlaceholder(uri.partition()) && AwsRegions.partition(uri.partition()).isEmpty()) {
            issues.add(new LintIssue(Rule.AGW003, "Unknown partition '" + uri.partition() + "' in the integration's "
                    + integration.writtenName("uri") + " '" + text + "'", pointer));
        }
        if (uri.region().isEmpty()) {
            issues.add(new LintIssue(Rule.AGW003, uriName + " '" + text + "' has no region", pointer));
        } else if (!AwsServiceUri.isPlaceholder(uri.region())) {
            String problem = regionProblem(uri.region());
            if (problem != null) {
                issues.add(new LintIssue(Rule.AGW005, problem, pointer));
            }
        }
        String action = uri.target();
        if (AwsServiceUri.isPlaceholder(action)) {
            return;
        }
        if (action.isEmpty()) {
            issues.add(new LintIssue(Rule.AGW003, uriName + " '" + text + "' names no action after 'action/'", pointer));
        } else if (!DynamoDbActions.isKnown(action)) {
            String suggestion = DynamoDbActions.suggest(action);
            issues.add(new LintIssue(Rule.AGW004, "'" + action + "' is not a DynamoDB action"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
                    + (suggestion == null ? ": every" : " Every") + " call would fail with UnknownOperationException", pointer));
        }
    }

    /**
     * What is wrong with the uri's region; null when nothing. The region is not compared with the uri's partition: a
     * template's {@code ${AWS::Region}} and a placeholder's stand-in are checked as {@code us-east-1} whatever the
     * partition written before them.
     */
    static String regionProblem(String region) {
        Optional<AwsRegions.Partition> byShape = AwsRegions.partitionOfRegion(region);
        if (byShape.isEmpty()) {
            String nearest = Suggestions.nearest(region, AwsRegions.allRegions());
            return "'" + region + "' in integration uri is not an AWS region name (such as us-east-1)"
                    + (nearest == null ? "" : "; did you mean '" + nearest + "'?");
        }
        if (byShape.get().regions().contains(region)) {
            return null;
        }
        String nearest = Suggestions.nearest(region, byShape.get().regions());
        return "'" + region + "' in integration uri is not a region where both API Gateway and DynamoDB have an endpoint (as of "
                + AwsRegions.AS_OF + ")" + (nearest == null ? "." : "; did you mean '" + nearest + "'?")
                + " If AWS has opened it since, add an x-apigw-ignore entry for AGW005 until the plugin knows it";
    }

    private static void checkHttpMethod(Integration integration, List<LintIssue> issues) {
        SpecValue method = integration.httpMethod();
        if (method == null) {
            issues.add(new LintIssue(Rule.AGW006, "The integration has no '" + integration.writtenName("httpMethod") + "'; DynamoDB's API is called with POST"
                    + " (API Gateway: \"Enumeration value for HttpMethod must be non-empty\")", integration.pointer()));
        } else if (!"POST".equalsIgnoreCase(method.text())) {
            issues.add(new LintIssue(Rule.AGW006, "Integration " + integration.writtenName("httpMethod") + " is '" + method.text()
                    + "' but DynamoDB actions are called with POST, whatever the client's method", integration.member("httpMethod")));
        }
    }

    private static void checkCredentials(Integration integration, JsonNode root, List<LintIssue> issues) {
        SpecValue credentials = integration.credentials();
        if (credentials == null || credentials.text().isBlank()) {
            issues.add(new LintIssue(Rule.AGW007, "The integration has no '" + integration.writtenName("credentials") + "': API Gateway needs an IAM role it may assume"
                    + " to call DynamoDB (\"Role ARN must be specified for AWS integrations\")", integration.pointer()));
            return;
        }
        String text = credentials.text();
        if (credentials.isIntrinsic() && !text.startsWith("arn:")) {
            return; // Fn::GetAtt Role.Arn, Ref, ...: resolved by CloudFormation
        }
        if (CALLER_CREDENTIALS.equals(text)) {
            if (!integration.operation().usesIamAuthorization(root)) {
                issues.add(new LintIssue(Rule.AGW009, "Credentials '" + CALLER_CREDENTIALS + "' pass the caller's identity on,"
                        + " which needs IAM authorization on the method (\"AWS_IAM Auth type is required for AWS integrations"
                        + " with identity forwarding specified\")", integration.member("credentials")));
            }
            return;
        }
        if (!ROLE_ARN.matcher(text).matches() && !isWholePlaceholder(text)) {
            issues.add(new LintIssue(Rule.AGW008, "Credentials '" + text + "' are not an IAM role ARN"
                    + " (arn:aws:iam::<account>:role/<name>): \"Invalid ARN specified in the request\"", integration.member("credentials")));
        }
    }

    private static boolean isWholePlaceholder(String text) {
        return text.startsWith("${") && text.endsWith("}") && text.indexOf('}') == text.length() - 1;
    }

    private static void checkPassthrough(Integration integration, List<LintIssue> issues) {
        SpecValue behavior = integration.passthroughBehavior();
        String value = behavior == null ? "when_no_match" : behavior.text().toLowerCase(Locale.ROOT);
        if (behavior != null && !PASSTHROUGH.contains(value)) {
            issues.add(new LintIssue(Rule.AGW010, integration.writtenName("passthroughBehavior") + " '" + behavior.text()
                    + "' is not one of when_no_match, when_no_templates, never", integration.member("passthroughBehavior")));
            return;
        }
        boolean noTemplates = integration.requestTemplates().isEmpty();
        if ("when_no_match".equals(value)) {
            String name = integration.writtenName("passthroughBehavior");
            issues.add(new LintIssue(Rule.AGW011, name + (behavior == null ? " is not set, so it is when_no_match:" : " is when_no_match:")
                    + " a request whose Content-Type has no template (e.g. text/plain) is sent to DynamoDB untransformed,"
                    + " letting the client choose the table and the request; use 'never' (API Gateway then answers 415)",
                    behavior == null ? integration.pointer() : integration.member("passthroughBehavior")));
        } else if ("when_no_templates".equals(value) && noTemplates) {
            issues.add(new LintIssue(Rule.AGW011, integration.writtenName("passthroughBehavior") + " is when_no_templates and there is no request template:"
                    + " every client body is sent to DynamoDB untransformed", integration.member("passthroughBehavior")));
        }
    }

    /**
     * AGW011 and AGW012 for a WebSocket route: a message no request template is selected for goes to DynamoDB as it is
     * under PassthroughBehavior WHEN_NO_MATCH (and WHEN_NO_TEMPLATES without templates); otherwise API Gateway refuses
     * it, and a route that selects no template for any message never calls DynamoDB.
     */
    private static void checkUnmatchedMessages(Integration integration, List<LintIssue> issues) {
        JsonNode written = integration.node().get(IntegrationExtractor.WEBSOCKET_PASSTHROUGH);
        if (written != null && !WebSocketUnmatched.BEHAVIORS.contains(written.asText().toUpperCase(Locale.ROOT))) {
            issues.add(new LintIssue(Rule.AGW010, "PassthroughBehavior '" + written.asText() + "' is not one of WHEN_NO_MATCH,"
                    + " WHEN_NO_TEMPLATES, NEVER", integration.member(IntegrationExtractor.WEBSOCKET_PASSTHROUGH)));
            return;
        }
        WebSocketUnmatched unmatched = WebSocketUnmatched.of(integration);
        if (unmatched == null || !unmatched.reported()) {
            return;
        }
        if (unmatched.passes()) {
            issues.add(new LintIssue(Rule.AGW011, capitalized(unmatched.messages()) + " gets no request template, so API Gateway sends it to"
                    + " DynamoDB untransformed (" + unmatched.behaviorSaid() + "): the client writes the DynamoDB request; add a $default"
                    + " request template, or set PassthroughBehavior to NEVER", unmatched.pointer()));
        } else if (unmatched.everyMessage()) {
            issues.add(new LintIssue(Rule.AGW012, capitalized(unmatched.messages()) + " gets no request template, and PassthroughBehavior "
                    + unmatched.behavior() + " refuses it: the route never calls DynamoDB; add a $default request template", unmatched.pointer()));
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void checkRequestTemplates(Integration integration, List<LintIssue> issues) {
        if (integration.requestTemplates().isEmpty()) {
            issues.add(new LintIssue(Rule.AGW012, "The integration has no " + integration.writtenName("requestTemplates") + ": nothing turns the HTTP request into"
                    + " a DynamoDB request; add an 'application/json' template", integration.pointer()));
        } else if (integration.requestTemplates().stream().noneMatch(t -> "application/json".equalsIgnoreCase(t.contentType()))
                && !sentWithContentType(integration)) {
            issues.add(new LintIssue(Rule.AGW012, "No 'application/json' request template: requests without a Content-Type"
                    + " (and the console's Test) use application/json" + nearMiss(integration), integration.member("requestTemplates")));
        }
    }

    /** Says which template key looks meant for application/json (a space around it, a letter off), else "". */
    private static String nearMiss(Integration integration) {
        for (var template : integration.requestTemplates()) {
            String key = template.contentType();
            if (key.strip().equalsIgnoreCase("application/json")) {
                return "; the template under '" + key + "' looks meant for it: remove the space around its Content-Type";
            }
            // one letter off, or two swapped: application/jose, two off, is a media type of its own
            if (Suggestions.distance(key.toLowerCase(Locale.ROOT), "application/json") <= 1) {
                return "; the template under '" + key + "' looks meant for it: is the Content-Type misspelt?";
            }
        }
        return "";
    }

    /**
     * Whether the method's requests carry a body, and so a Content-Type, which selects the templates there are: an API that
     * takes only form posts works without an application/json template. A GET, DELETE or ANY is mostly sent without one.
     */
    private static boolean sentWithContentType(Integration integration) {
        String method = integration.operation() == null ? null : integration.operation().method();
        return method != null && Set.of("post", "put", "patch").contains(method.toLowerCase(Locale.ROOT));
    }

    private static void checkResponses(Integration integration, List<LintIssue> issues) {
        List<IntegrationResponse> responses = integration.responses();
        String responsesPointer = integration.member("responses");
        if (responses.isEmpty()) {
            issues.add(new LintIssue(Rule.MAP006, "The integration has no 'responses': API Gateway needs at least a 'default'"
                    + " integration response, else every call ends in a configuration error (500)", integration.pointer()));
            return;
        }
        IntegrationResponse fallback = responses.stream().filter(r -> r.isDefault() || ".*".equals(r.selectionPattern()))
                .findFirst().orElse(null);
        // Without a default, patterns that together match every status DynamoDB answers with are as good as one.
        List<String> unselected = DYNAMODB_STATUSES.keySet().stream().filter(status -> selectFor(status, responses) == null).toList();
        // DynamoDB's 500 or 503 without a response ends in API Gateway's own 500: a server error either way (AWS's samples
        // map "200" and "400" only); a success or a client error turned into a 500 is what breaks
        if (unselected.stream().anyMatch(status -> !status.startsWith("5"))) {
            List<String> named = unselected.stream().map(s -> s + " (" + DYNAMODB_STATUSES.get(s) + ")").toList();
            String statuses = named.size() == 1 ? named.get(0)
                    : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
            issues.add(new LintIssue(Rule.MAP006, "No 'default' integration response, and DynamoDB's "
                    + (unselected.size() == 1 ? "status " + statuses + " matches" : "statuses " + statuses + " match")
                    + " no pattern: such an answer ends in a configuration error (500); add a 'default' response", responsesPointer));
        }
        JsonNode methodResponses = integration.operation().node().path("responses");
        for (IntegrationResponse response : responses) {
            if (response.statusCode() == null) {
                issues.add(new LintIssue(Rule.MAP007, "Integration response '" + response.selectionPattern() + "' has no statusCode:"
                        + " API Gateway requires one for every integration response (PutIntegrationResponse; CloudFormation's"
                        + " StatusCode), the method response it answers with; YAML anchors (&name, *name) reuse a response, a $ref does"
                        + " not", response.pointer()));
            } else if (!methodResponses.has(response.statusCode()) && !methodResponses.has("default")) {
                issues.add(new LintIssue(Rule.MAP007, "Integration response '" + response.selectionPattern() + "' returns status "
                        + response.statusCode() + " but the operation declares no " + response.statusCode()
                        + " response (\"Output mapping refers to an invalid method response\")", response.pointer() + "/statusCode"));
            }
        }
        List<String> unmapped = new ArrayList<>();
        if (!mapped(responses, HTTP_STATUS_SAMPLES_4XX)) {
            unmapped.add("4xx (" + clientErrors(integration.action().orElse(null)) + ")");
        }
        if (!mapped(responses, HTTP_STATUS_SAMPLES_5XX)) {
            unmapped.add("5xx (InternalServerError)");
        }
        // Without a fallback, MAP006 says a 200 or 400 ends in a configuration error; a 5xx does so as a 500 either way.
        if (!unmapped.isEmpty() && fallback != null) {
            String status = fallback.statusCode() == null ? "the default status" : "status " + fallback.statusCode();
            issues.add(new LintIssue(Rule.MAP010, "DynamoDB errors " + String.join(" and ", unmapped) + " have no integration response"
                    + " of their own, so clients get them with " + status + "; add responses such as \"4\\\\d{2}\" -> 400 and \"5\\\\d{2}\" -> 500",
                    responsesPointer));
        }
        Optional<String> action = integration.action();
        if (action.isPresent() && DynamoDbActions.isRead(action.get())) {
            IntegrationResponse success = selectFor("200", responses);
            if (success != null && success.templates().isEmpty()) {
                issues.add(new LintIssue(Rule.MAP012, action.get() + " answers in DynamoDB JSON ({\"S\": ...}); without a response"
                        + " template the client receives it as is", success.pointer()));
            }
        }
    }

    /** Whether a non-default response's pattern matches one of the sample statuses (patterns match the whole status). */
    private static boolean mapped(List<IntegrationResponse> responses, Set<String> statuses) {
        return responses.stream().filter(r -> !r.isDefault()).anyMatch(r -> statuses.stream().anyMatch(s -> matches(r.selectionPattern(), s)));
    }

    /** The response API Gateway selects for a DynamoDB status: the first non-default pattern that matches, else default. */
    public static IntegrationResponse selectFor(String status, List<IntegrationResponse> responses) {
        for (IntegrationResponse r : responses) {
            if (!r.isDefault() && matches(r.selectionPattern(), status)) {
                return r;
            }
        }
        return responses.stream().filter(IntegrationResponse::isDefault).findFirst().orElse(null);
    }

    static boolean matches(String pattern, String status) {
        Pattern compiled = SELECTION_PATTERNS.computeIfAbsent(pattern, IntegrationLinter::compile);
        return compiled != NEVER_MATCHES && compiled.matcher(status).matches();
    }

    /** Selection patterns repeat across operations and are matched for every DynamoDB answer: compile each once. */
    private static final Map<String, Pattern> SELECTION_PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Stands for a pattern that does not compile (API Gateway never selects such a response). */
    private static final Pattern NEVER_MATCHES = Pattern.compile("(?!)");

    private static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern, Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            return NEVER_MATCHES;
        }
    }
}
