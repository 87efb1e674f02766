package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LoadedSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a WebSocket API ({@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}) into a document the checks
 * read like a REST definition: each route whose {@code Target} is an {@code AWS::ApiGatewayV2::Integration} becomes an
 * operation under {@link IntegrationExtractor#WEBSOCKET_ROUTES}, method {@code ROUTE}, path its route key, with the
 * integration as {@code x-amazon-apigateway-integration} (type, uri, method, credentials, timeout, content handling) and
 * the request template the route selects under {@code application/json}, the key the checks render. Every member keeps
 * its template position.
 *
 * <p>Template selection (docs/research/websocket-facts.md §3): a static {@code TemplateSelectionExpression}
 * ({@code \$default}, with CloudFormation's backslash before the dollar) selects the template of that key, else the
 * {@code $default} one; an expression on the message body ({@code ${request.body.version}}) may select any template,
 * so each is checked, as its own operation {@code ROUTE key template}; without an expression, {@code application/json}
 * is taken, else {@code $default} (how API Gateway chooses then is not documented: this is what the LocalStack emulator
 * does). A two-way route (see {@link #isTwoWay}) gets its integration's
 * {@code AWS::ApiGatewayV2::IntegrationResponse}s as {@code responses} (see {@link #responses}).
 */
final class WebSocketAssembler {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String JSON = "application/json";
    private static final String DEFAULT_KEY = "$default";
    private static final String MESSAGE_VALIDATOR = "websocket-route";
    /** The member of a derived integration response that holds its IntegrationResponseKey as written. */
    static final String WRITTEN_KEY = "x-apigw-written-key";
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    /** CloudFormation Integration member → the extension's member the checks read. */
    private static final Map<String, String> MEMBERS = new LinkedHashMap<>();

    static {
        MEMBERS.put("IntegrationType", "type");
        MEMBERS.put("IntegrationUri", "uri");
        MEMBERS.put("IntegrationMethod", "httpMethod");
        MEMBERS.put("CredentialsArn", "credentials");
        MEMBERS.put("TimeoutInMillis", "timeoutInMillis");
        MEMBERS.put("ContentHandlingStrategy", "contentHandling");
    }

    private final CloudFormationTemplate template;
    private final IntrinsicResolver resolver;

    WebSocketAssembler(CloudFormationTemplate template, IntrinsicResolver resolver) {
        this.template = template;
        this.resolver = resolver;
    }

    /** Whether the resource is a WebSocket API ({@code ProtocolType} evaluated, as {@code !If} may choose it). */
    boolean isWebSocketApi(CloudFormationTemplate.Resource resource) {
        return "AWS::ApiGatewayV2::Api".equals(resource.type()) && "WEBSOCKET".equalsIgnoreCase(
                resolver.resolveText(resource.properties().path("ProtocolType"), resource.property("ProtocolType")));
    }

    /** The routes of the API whose target is an integration of this template. */
    List<CloudFormationTemplate.Resource> routesOf(CloudFormationTemplate.Resource api) {
        List<CloudFormationTemplate.Resource> routes = new ArrayList<>();
        for (CloudFormationTemplate.Resource route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            if (api.logicalId().equals(apiOf(route)) && integrationOf(route) != null) {
                routes.add(route);
            }
        }
        return routes;
    }

    /**
     * Routes of an API this template does not define ({@code ApiId: !ImportValue ...}) whose target is an integration of
     * this template with request templates: only WebSocket integrations have those.
     */
    List<CloudFormationTemplate.Resource> routesOfOtherStacks() {
        List<CloudFormationTemplate.Resource> routes = new ArrayList<>();
        for (CloudFormationTemplate.Resource route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            CloudFormationTemplate.Resource integration = integrationOf(route);
            CloudFormationTemplate.Resource api = template.resource(apiOf(route));
            if (api == null && integration != null && integration.properties().has("RequestTemplates")) {
                routes.add(route);
            }
        }
        return routes;
    }

    private static String apiOf(CloudFormationTemplate.Resource route) {
        return MethodResourceAssembler.logicalIdIn(route.properties().get("ApiId"));
    }

    /**
     * The derived document of the API's routes; {@code apiName} names it, {@code api} is its resource (null for an API of
     * another stack).
     */
    LoadedSpec assemble(String apiName, CloudFormationTemplate.Resource api, List<CloudFormationTemplate.Resource> routes) {
        DerivedDocument derived = new DerivedDocument(template.spec(), resolver);
        ObjectNode root = F.objectNode();
        root.put("swagger", "2.0");
        root.putObject("info").put("title", apiName).put("version", "CloudFormation WebSocket API");
        // what API Gateway checks of a message before the route's integration runs, as a validated body (see messageModel)
        root.putObject("x-amazon-apigateway-request-validators").putObject(MESSAGE_VALIDATOR).put("validateRequestBody", true);
        String selectedBy = api == null ? null : selectionMember(resolver.resolveText(api.properties().path("RouteSelectionExpression"),
                api.property("RouteSelectionExpression")));
        ObjectNode paths = root.putObject(IntegrationExtractor.WEBSOCKET_ROUTES);
        for (CloudFormationTemplate.Resource route : routes) {
            CloudFormationTemplate.Resource integration = integrationOf(route);
            JsonNode routeProperties = resolver.resolve(route.properties(), route.propertiesPointer());
            JsonNode properties = resolver.resolve(integration.properties(), integration.propertiesPointer());
            String routeKey = routeProperties.path("RouteKey").asText("");
            if (routeKey.isEmpty()) {
                continue; // CloudFormation requires one
            }
            List<String> keys = templateKeys(properties);
            for (String key : keys.isEmpty() ? Collections.<String>singletonList(null) : keys) {
                String named = keys.size() > 1 ? routeKey + " template " + key : routeKey;
                // a route key twice (which API Gateway refuses) must not hide one of them
                String path = paths.has(named) ? named + " " + route.logicalId() : named;
                ObjectNode item = paths.putObject(path);
                String operationPointer = JsonPointers.child(JsonPointers.child("/" + IntegrationExtractor.WEBSOCKET_ROUTES, path),
                        IntegrationExtractor.ROUTE_METHOD);
                ObjectNode operation = item.putObject(IntegrationExtractor.ROUTE_METHOD);
                derived.map(route.pointer(), operationPointer);
                // the resource whose values the checks judge: CFN004 and CFN005 are reported within it
                operation.put("x-apigw-cloudformation-resource", integration.logicalId());
                operation.put(IntegrationExtractor.WEBSOCKET_ROUTE_KEY, routeKey);
                JsonNode name = routeProperties.get("OperationName");
                if (name != null && name.isTextual()) {
                    operation.set("operationId", name);
                    derived.map(route.property("OperationName"), JsonPointers.child(operationPointer, "operationId"));
                }
                operation.putObject("responses");
                ObjectNode model = messageModel(route, routeProperties, routeKey, selectedBy);
                if (model != null) {
                    operation.put("x-amazon-apigateway-request-validator", MESSAGE_VALIDATOR);
                    operation.putArray("parameters").addObject().put("in", "body").put("name", "message").set("schema", model);
                    if (selectedBy != null) {
                        operation.put(IntegrationExtractor.WEBSOCKET_ROUTE_SELECTION_MEMBER, selectedBy);
                    }
                }
                String templateMember = keys.size() > 1 ? templateSelectionMember(properties) : null;
                if (templateMember != null) {
                    // which messages select this template: an example is rendered with its own template only
                    ObjectNode selection = operation.putObject(IntegrationExtractor.WEBSOCKET_TEMPLATE_SELECTION);
                    selection.put("member", templateMember).put("key", key);
                    keys.forEach(selection.putArray("keys")::add);
                }
                String integrationPointer = JsonPointers.child(operationPointer, IntegrationExtractor.EXTENSION);
                boolean firstOfRoute = key == null || key.equals(keys.get(0));
                ObjectNode extension = integration(integration, properties, key, integrationPointer, derived, firstOfRoute);
                ObjectNode unmatched = unmatchedMessages(properties, keys);
                if (unmatched != null) {
                    // on each operation of the route (docs show it), reported on its first
                    unmatched.put("reported", firstOfRoute);
                    extension.set(IntegrationExtractor.WEBSOCKET_UNMATCHED_MESSAGES, unmatched);
                    String at = JsonPointers.child(integrationPointer, IntegrationExtractor.WEBSOCKET_UNMATCHED_MESSAGES);
                    derived.map(integration.property("PassthroughBehavior"), JsonPointers.child(at, "passthroughBehavior"));
                    derived.map(integration.property("TemplateSelectionExpression"), JsonPointers.child(at, "selection"));
                }
                if (isTwoWay(route, routeProperties)) {
                    responses(integration, extension, JsonPointers.child(integrationPointer, "responses"), derived);
                }
                operation.set(IntegrationExtractor.EXTENSION, extension);
            }
        }
        return derived.build(root);
    }

    /**
     * What a message that reaches the route's integration holds, as a JSON schema, or null for nothing: the member the
     * API's {@code RouteSelectionExpression} reads equals the route key (API Gateway chose the route by it), and the
     * route's {@code RequestModels} model, when its {@code ModelSelectionExpression} names one, is its schema (API
     * Gateway answers "Bad request body" otherwise). {@code $connect}, {@code $disconnect} and {@code $default} are
     * reached whatever the member holds.
     */
    private ObjectNode messageModel(CloudFormationTemplate.Resource route, JsonNode routeProperties, String routeKey, String selectedBy) {
        List<JsonNode> parts = new ArrayList<>();
        if (selectedBy != null && !routeKey.startsWith("$")) {
            ObjectNode fixed = F.objectNode();
            fixed.putObject("properties").putObject(selectedBy).putArray("enum").add(routeKey);
            parts.add(fixed);
        }
        JsonNode schema = routeModelSchema(route, routeProperties, routeKey, selectedBy);
        if (schema != null) {
            parts.add(schema);
        }
        if (parts.isEmpty()) {
            return null;
        }
        ObjectNode model = F.objectNode();
        parts.forEach(model.putArray("allOf")::add);
        return model;
    }

    /**
     * The schema of the model the route validates every message with, among the models of the route's API: the one a
     * literal ModelSelectionExpression ({@code \$default}) selects; for the member the API routes by
     * ({@code $request.body.action} when routes are selected by it) the one keyed by the route key, the value that
     * member holds; for another expression on the message the only model when there is one (a message selecting no
     * model fails validation: "If there is no matching model and $default isn't defined, the validation fails").
     * Otherwise each message may get another model, which this reading does not follow: then no model.
     */
    private JsonNode routeModelSchema(CloudFormationTemplate.Resource route, JsonNode routeProperties, String routeKey, String selectedBy) {
        JsonNode models = routeProperties.path("RequestModels");
        JsonNode expression = routeProperties.get("ModelSelectionExpression");
        if (!models.isObject() || expression == null || !expression.isTextual()) {
            return null;
        }
        String key = expression.textValue().strip().replace("\\$", "$");
        if (key.startsWith("${") && key.endsWith("}") && key.indexOf('}') == key.length() - 1) {
            key = "$" + key.substring(2, key.length() - 1); // ${request.body.action}, the braced form of $request.body.action
        }
        if (selectedBy != null && key.equals("$request.body." + selectedBy) && !routeKey.startsWith("$")) {
            key = routeKey;
        } else if (key.contains("request.")) {
            if (models.size() != 1) {
                return null;
            }
            key = models.fieldNames().next();
        }
        JsonNode name = models.has(key) ? models.get(key) : models.get(DEFAULT_KEY);
        if (name == null || !name.isTextual()) {
            return null;
        }
        String api = apiOf(route);
        for (CloudFormationTemplate.Resource model : template.resourcesOfType("AWS::ApiGatewayV2::Model")) {
            JsonNode properties = resolver.resolve(model.properties(), model.propertiesPointer());
            if (api.equals(MethodResourceAssembler.logicalIdIn(model.properties().get("ApiId")))
                    && name.textValue().equals(properties.path("Name").asText()) && properties.path("Schema").isObject()) {
                return properties.get("Schema");
            }
        }
        return null;
    }

    /** The top-level body member a route selection expression reads ({@code $request.body.action}); null for another. */
    static String selectionMember(String expression) {
        String prefix = "$request.body.";
        if (expression == null || !expression.startsWith(prefix)) {
            return null;
        }
        String member = expression.substring(prefix.length());
        return member.matches("[A-Za-z_][A-Za-z0-9_]*") ? member : null;
    }

    /**
     * The message member a TemplateSelectionExpression that is that member alone reads ({@code ${request.body.version}}),
     * else null: another expression ({@code ${request.body.version}-beta}) is not evaluated, and each of its templates gets
     * every example.
     */
    private static String templateSelectionMember(JsonNode properties) {
        JsonNode expression = properties.get("TemplateSelectionExpression");
        if (expression == null || !expression.isTextual()) {
            return null;
        }
        String text = expression.textValue().strip();
        if (text.startsWith("${") && text.endsWith("}")) {
            text = "$" + text.substring(2, text.length() - 1);
        }
        return selectionMember(text);
    }

    /** @param firstOfRoute whether this is the first operation of the route (one per template), where route-wide findings go */
    private ObjectNode integration(CloudFormationTemplate.Resource resource, JsonNode properties, String templateKey, String target,
            DerivedDocument derived, boolean firstOfRoute) {
        ObjectNode extension = F.objectNode();
        derived.map(resource.pointer(), target);
        ObjectNode written = extension.putObject(Integration.WRITTEN_NAMES);
        MEMBERS.forEach((cloudFormation, rest) -> written.put(rest, cloudFormation));
        JsonNode passthroughWritten = properties.get("PassthroughBehavior");
        if (passthroughWritten != null && passthroughWritten.isTextual() && firstOfRoute) {
            // as written, for AGW010 (once per route): the derived member says what a template's operation does
            extension.put(IntegrationExtractor.WEBSOCKET_PASSTHROUGH, passthroughWritten.textValue());
            derived.map(resource.property("PassthroughBehavior"), JsonPointers.child(target, IntegrationExtractor.WEBSOCKET_PASSTHROUGH));
        }
        written.put("passthroughBehavior", "PassthroughBehavior");
        written.put("requestTemplates", "RequestTemplates");
        for (Map.Entry<String, String> member : MEMBERS.entrySet()) {
            JsonNode value = properties.get(member.getKey());
            if (value != null) {
                // the checks read REST's lowercase types; WebSocket's AWS is REST's aws
                extension.set(member.getValue(), "type".equals(member.getValue()) && value.isTextual()
                        ? F.textNode(value.textValue().toLowerCase(Locale.ROOT)) : value);
                derived.map(resource.property(member.getKey()), JsonPointers.child(target, member.getValue()));
            }
        }
        if (templateKey != null) {
            // the route's messages always get this template (see templateKeys): nothing passes through
            extension.put("passthroughBehavior", "never");
            ObjectNode templates = extension.putObject("requestTemplates");
            templates.set(JSON, properties.path("RequestTemplates").get(templateKey));
            extension.put(Integration.WRITTEN_TEMPLATE_KEY, templateKey); // for the documentation, which shows it
            derived.map(JsonPointers.child(resource.property("RequestTemplates"), templateKey),
                    JsonPointers.child(JsonPointers.child(target, "requestTemplates"), JSON));
        } else {
            // no template for the route's messages: PassthroughBehavior decides, WHEN_NO_MATCH when unset (the value AWS
            // gives a new integration), which sends the message to DynamoDB as it is
            JsonNode passthrough = properties.get("PassthroughBehavior");
            extension.put("passthroughBehavior", passthrough != null && passthrough.isTextual()
                    ? passthrough.textValue().toLowerCase(Locale.ROOT) : "when_no_match");
            if (passthrough != null) {
                derived.map(resource.property("PassthroughBehavior"), JsonPointers.child(target, "passthroughBehavior"));
            }
        }
        return extension;
    }

    /**
     * Whether the route sends the integration's answer back to the client: it needs a RouteResponseSelectionExpression
     * (AWS: "should be provided to initiate two-way communication") and an {@code AWS::ApiGatewayV2::RouteResponse} of its
     * own ("API Gateway will not pass the backend response through to the route response, unless you set up a route
     * response"); a one-way route returns nothing "regardless of any integration response configuration"
     * (websocket-facts.md §4).
     */
    private boolean isTwoWay(CloudFormationTemplate.Resource route, JsonNode routeProperties) {
        JsonNode expression = routeProperties.get("RouteResponseSelectionExpression");
        if (expression == null || !expression.isTextual() || expression.textValue().isBlank()) {
            return false;
        }
        for (CloudFormationTemplate.Resource response : template.resourcesOfType("AWS::ApiGatewayV2::RouteResponse")) {
            if (route.logicalId().equals(MethodResourceAssembler.logicalIdIn(response.properties().get("RouteId")))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The integration's {@code AWS::ApiGatewayV2::IntegrationResponse}s as REST responses, which the response checks
     * read: the key {@code $default} is the fallback ({@code default}); a key {@code /2\d\d/} is a regular expression
     * matched against DynamoDB's status (websocket-facts.md §4: for an AWS service integration this is inferred, as for
     * HTTP ones). Each keeps the template its TemplateSelectionExpression selects (chosen as for requests, see
     * {@link #templateKeys}; one on the answer, such as {@code ${integration.response.statuscode}}, selects per answer:
     * then the {@code $default} one, else the first), under its own key. The client gets no status: none is set.
     */
    private void responses(CloudFormationTemplate.Resource integration, ObjectNode extension, String target, DerivedDocument derived) {
        ObjectNode responses = F.objectNode();
        for (CloudFormationTemplate.Resource response : template.resourcesOfType("AWS::ApiGatewayV2::IntegrationResponse")) {
            if (!integration.logicalId().equals(MethodResourceAssembler.logicalIdIn(response.properties().get("IntegrationId")))) {
                continue;
            }
            JsonNode properties = resolver.resolve(response.properties(), response.propertiesPointer());
            String key = properties.path("IntegrationResponseKey").asText("").strip().replace("\\$", "$");
            if (key.isEmpty()) {
                continue; // CloudFormation requires one
            }
            String pattern = DEFAULT_KEY.equals(key) ? "default"
                    : key.length() > 1 && key.startsWith("/") && key.endsWith("/") ? key.substring(1, key.length() - 1) : key;
            if (responses.has(pattern)) {
                continue; // API Gateway refuses a key twice
            }
            String pointer = JsonPointers.child(target, pattern);
            ObjectNode entry = responses.putObject(pattern);
            entry.put(WRITTEN_KEY, key); // for messages: the key as written, with or without its slashes
            derived.map(response.pointer(), pointer);
            String templateKey = responseTemplateKey(properties);
            if (templateKey != null) {
                entry.putObject("responseTemplates").set(templateKey, properties.path("ResponseTemplates").get(templateKey));
                derived.map(JsonPointers.child(response.property("ResponseTemplates"), templateKey),
                        JsonPointers.child(JsonPointers.child(pointer, "responseTemplates"), templateKey));
            }
        }
        if (!responses.isEmpty()) {
            extension.set("responses", responses);
        }
    }

    /** The key of the response template an answer gets, or null for none (the answer then goes to the client as it is). */
    private static String responseTemplateKey(JsonNode properties) {
        JsonNode templates = properties.path("ResponseTemplates");
        if (!templates.isObject() || templates.isEmpty()) {
            return null;
        }
        JsonNode expression = properties.get("TemplateSelectionExpression");
        String wanted = expression == null || !expression.isTextual() ? JSON : expression.textValue().strip().replace("\\$", "$");
        if (templates.has(wanted)) {
            return wanted;
        }
        return templates.has(DEFAULT_KEY) ? DEFAULT_KEY : templates.fieldNames().next();
    }

    /**
     * Which messages of the route no request template is selected for, with the integration's PassthroughBehavior
     * (WHEN_NO_MATCH when unset, the value AWS gives a new integration), or null when every message gets one.
     */
    private static ObjectNode unmatchedMessages(JsonNode properties, List<String> selected) {
        JsonNode templates = properties.path("RequestTemplates");
        JsonNode expression = properties.get("TemplateSelectionExpression");
        String text = expression == null || !expression.isTextual() ? null : expression.textValue().strip();
        String messages;
        if (!templates.isObject() || templates.isEmpty()) {
            messages = "every message (the integration has no RequestTemplates)";
        } else if (selected.isEmpty()) {
            messages = text == null ? "every message (without a TemplateSelectionExpression, a template keyed application/json or $default is"
                    + " taken, and there is neither)"
                    : "every message (TemplateSelectionExpression " + text + " selects a key no template has, and there is no $default template)";
        } else if (text != null && text.contains("request.body") && !templates.has(DEFAULT_KEY)) {
            List<String> keys = new ArrayList<>();
            templates.fieldNames().forEachRemaining(keys::add);
            messages = "a message whose " + text + " is none of " + String.join(", ", keys) + " (there is no $default template)";
        } else {
            return null;
        }
        JsonNode behavior = properties.get("PassthroughBehavior");
        ObjectNode unmatched = F.objectNode().put("messages", messages);
        unmatched.put("everyMessage", selected.isEmpty());
        unmatched.put("noTemplates", !templates.isObject() || templates.isEmpty());
        unmatched.put("passthroughBehavior", behavior != null && behavior.isTextual() ? behavior.textValue().toUpperCase(Locale.ROOT) : "WHEN_NO_MATCH");
        unmatched.put("written", behavior != null);
        if (text != null) {
            unmatched.put("selection", text);
        }
        return unmatched;
    }

    /** The keys of the request templates a message of the route may select (see the class comment). */
    private static List<String> templateKeys(JsonNode properties) {
        JsonNode templates = properties.path("RequestTemplates");
        if (!templates.isObject() || templates.isEmpty()) {
            return List.of();
        }
        JsonNode expression = properties.get("TemplateSelectionExpression");
        if (expression == null || !expression.isTextual()) {
            return templates.has(JSON) ? List.of(JSON) : templates.has(DEFAULT_KEY) ? List.of(DEFAULT_KEY) : List.of();
        }
        String text = expression.textValue().strip();
        if (text.contains("request.body")) {
            List<String> all = new ArrayList<>();
            templates.fieldNames().forEachRemaining(all::add);
            return all;
        }
        String value = text.replace("\\$", "$");
        return templates.has(value) ? List.of(value) : templates.has(DEFAULT_KEY) ? List.of(DEFAULT_KEY) : List.of();
    }

    /** The integration a route targets ({@code integrations/<id>} with a reference to one of this template), or null. */
    private CloudFormationTemplate.Resource integrationOf(CloudFormationTemplate.Resource route) {
        String id = referencedIntegration(route.properties().get("Target"));
        return id == null ? null : template.resource(id);
    }

    private String referencedIntegration(JsonNode node) {
        if (node == null) {
            return null;
        }
        String id = MethodResourceAssembler.logicalIdIn(node);
        CloudFormationTemplate.Resource resource = id.isEmpty() ? null : template.resource(id);
        if (resource != null && "AWS::ApiGatewayV2::Integration".equals(resource.type())) {
            return id;
        }
        if (node.isTextual()) {
            // Fn::Sub "integrations/${ConnectIntegration}"
            Matcher m = SUB_REFERENCE.matcher(node.textValue());
            while (m.find()) {
                CloudFormationTemplate.Resource named = template.resource(m.group(1));
                if (named != null && "AWS::ApiGatewayV2::Integration".equals(named.type())) {
                    return m.group(1);
                }
            }
            return null;
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            String found = referencedIntegration(it.next());
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
