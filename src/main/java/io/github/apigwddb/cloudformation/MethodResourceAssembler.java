package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.check.Locator;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.validation.RequestValidators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a REST API spelt out as {@code AWS::ApiGateway::Resource} and {@code AWS::ApiGateway::Method}
 * resources into the Swagger 2 document API Gateway would export for it: paths from the resources'
 * {@code PathPart}s and parents, each method's {@code Integration} as {@code x-amazon-apigateway-integration}
 * (CloudFormation's PascalCase members to the extension's names; {@code IntegrationResponses[]} keyed by
 * {@code SelectionPattern}), {@code MethodResponses} as responses, the request validator and body model of the
 * template as API Gateway's validator extensions and a body parameter. Every member keeps its template position.
 */
final class MethodResourceAssembler {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DocumentParser JSON = new DocumentParser();
    /** CloudFormation Integration member → OpenAPI extension member (integration-facts.md §2, notes). */
    private static final Map<String, String> INTEGRATION_MEMBERS = new LinkedHashMap<>();

    static {
        INTEGRATION_MEMBERS.put("Type", "type");
        INTEGRATION_MEMBERS.put("Uri", "uri");
        INTEGRATION_MEMBERS.put("IntegrationHttpMethod", "httpMethod");
        INTEGRATION_MEMBERS.put("Credentials", "credentials");
        INTEGRATION_MEMBERS.put("PassthroughBehavior", "passthroughBehavior");
        INTEGRATION_MEMBERS.put("RequestParameters", "requestParameters");
        INTEGRATION_MEMBERS.put("RequestTemplates", "requestTemplates");
        INTEGRATION_MEMBERS.put("ContentHandling", "contentHandling");
        INTEGRATION_MEMBERS.put("TimeoutInMillis", "timeoutInMillis");
        INTEGRATION_MEMBERS.put("CacheKeyParameters", "cacheKeyParameters");
        INTEGRATION_MEMBERS.put("CacheNamespace", "cacheNamespace");
        INTEGRATION_MEMBERS.put("ConnectionType", "connectionType");
        INTEGRATION_MEMBERS.put("ConnectionId", "connectionId");
    }

    private static final Map<String, String> RESPONSE_MEMBERS = Map.of(
            "StatusCode", "statusCode",
            "ResponseTemplates", "responseTemplates",
            "ResponseParameters", "responseParameters",
            "ContentHandling", "contentHandling");

    private final CloudFormationTemplate template;
    private final IntrinsicResolver resolver;
    private final Locator locator;
    private final List<Finding> problems = new ArrayList<>();

    MethodResourceAssembler(CloudFormationTemplate template, IntrinsicResolver resolver) {
        this.template = template;
        this.resolver = resolver;
        this.locator = new Locator(template.spec());
    }

    /**
     * The methods of the template grouped by the logical id of their RestApi ({@code RestApiId: !Ref Api}), but those
     * whose {@code Condition} the parameter values given make false: CloudFormation does not create them.
     *
     * @param notCreated receives a line for each method left out
     */
    Map<String, List<CloudFormationTemplate.Resource>> methodsByApi(List<String> notCreated) {
        Map<String, List<CloudFormationTemplate.Resource>> byApi = new LinkedHashMap<>();
        for (CloudFormationTemplate.Resource method : template.resourcesOfType("AWS::ApiGateway::Method")) {
            JsonNode condition = template.root().path("Resources").path(method.logicalId()).get("Condition");
            if (condition != null && condition.isTextual()
                    && Boolean.FALSE.equals(resolver.decidedCondition(condition.textValue(), JsonPointers.child(method.pointer(), "Condition")))) {
                notCreated.add("Not checking " + method.logicalId() + ": its Condition " + condition.textValue() + " is false with the"
                        + " parameter values given, so CloudFormation does not create it");
                continue;
            }
            byApi.computeIfAbsent(logicalIdIn(method.properties().get("RestApiId")), k -> new ArrayList<>()).add(method);
        }
        return byApi;
    }

    /** The derived Swagger 2 document of one API's methods. */
    LoadedSpec assemble(String apiId, List<CloudFormationTemplate.Resource> methods) {
        DerivedDocument derived = new DerivedDocument(template.spec(), resolver);
        ObjectNode root = F.objectNode();
        root.put("swagger", "2.0");
        root.putObject("info").put("title", apiId).put("version", "CloudFormation");
        ObjectNode paths = root.putObject("paths");
        for (CloudFormationTemplate.Resource method : methods) {
            JsonNode properties = resolver.resolve(method.properties(), method.propertiesPointer());
            String path = pathOf(method.properties().get("ResourceId"));
            String verb = properties.path("HttpMethod").asText("ANY").toLowerCase(Locale.ROOT);
            String key = "any".equals(verb) ? "x-amazon-apigateway-any-method" : verb;
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            String operationPointer = JsonPointers.child(JsonPointers.child("/paths", path), key);
            derived.map(method.pointer(), operationPointer);
            ObjectNode operation = item.putObject(key);
            operation.put("x-apigw-cloudformation-resource", method.logicalId());
            copy(properties, "OperationName", operation, "operationId", method, operationPointer, derived);
            String auth = properties.path("AuthorizationType").asText("");
            if (!auth.isEmpty()) {
                operation.putObject("x-amazon-apigateway-auth").put("type", auth);
                derived.map(method.property("AuthorizationType"), operationPointer + "/x-amazon-apigateway-auth");
            }
            parameters(properties.path("RequestParameters"), operation, method, operationPointer, derived);
            validation(apiId, method.properties(), operation, method, operationPointer, root, derived);
            responses(properties.path("MethodResponses"), operation, method, operationPointer, derived);
            JsonNode integration = properties.get("Integration");
            if (integration != null && integration.isObject()) {
                String integrationPointer = JsonPointers.child(operationPointer, IntegrationExtractor.EXTENSION);
                operation.set(IntegrationExtractor.EXTENSION,
                        integration(integration, method.property("Integration"), integrationPointer, derived));
                if (integration.path("Uri").asText("").contains(":dynamodb:")) {
                    sameSelection(integration.path("IntegrationResponses"), JsonPointers.child(method.property("Integration"),
                            "IntegrationResponses"), new OperationRef(verb, path, properties.path("OperationName").asText(null)));
                }
            }
        }
        return derived.build(root);
    }

    private static void copy(JsonNode from, String name, ObjectNode to, String as, CloudFormationTemplate.Resource method,
            String targetPointer, DerivedDocument derived) {
        JsonNode value = from.get(name);
        if (value != null) {
            to.set(as, value);
            derived.map(method.property(name), JsonPointers.child(targetPointer, as));
        }
    }

    private ObjectNode integration(JsonNode integration, String sourcePointer, String targetPointer, DerivedDocument derived) {
        ObjectNode extension = F.objectNode();
        derived.map(sourcePointer, targetPointer);
        ObjectNode written = extension.putObject(Integration.WRITTEN_NAMES);
        INTEGRATION_MEMBERS.forEach((cloudFormation, rest) -> written.put(rest, cloudFormation));
        for (Map.Entry<String, String> member : INTEGRATION_MEMBERS.entrySet()) {
            JsonNode value = integration.get(member.getKey());
            if (value != null) {
                extension.set(member.getValue(), value);
                derived.map(JsonPointers.child(sourcePointer, member.getKey()), JsonPointers.child(targetPointer, member.getValue()));
            }
        }
        JsonNode responses = integration.path("IntegrationResponses");
        if (responses.isArray()) {
            String responsesSource = JsonPointers.child(sourcePointer, "IntegrationResponses");
            String responsesTarget = JsonPointers.child(targetPointer, "responses");
            derived.map(responsesSource, responsesTarget);
            ObjectNode byPattern = extension.putObject("responses");
            for (int i : kept(responses)) {
                JsonNode response = responses.get(i);
                // In CloudFormation the pattern is a member; absent, the response is the default one.
                String pattern = response.path("SelectionPattern").asText("");
                String keyName = pattern.isEmpty() ? "default" : pattern;
                byPattern.remove(keyName); // of one pattern the check takes the last (MAP017)
                String source = JsonPointers.child(responsesSource, i);
                String target = JsonPointers.child(responsesTarget, keyName);
                // the extension's key is the pattern: what is said of it points at the SelectionPattern written
                derived.map(pattern.isEmpty() ? source : JsonPointers.child(source, "SelectionPattern"), target);
                ObjectNode converted = byPattern.putObject(keyName);
                for (Map.Entry<String, String> member : RESPONSE_MEMBERS.entrySet()) {
                    JsonNode value = response.get(member.getKey());
                    if (value != null) {
                        converted.set(member.getValue(), value);
                        derived.map(JsonPointers.child(source, member.getKey()), JsonPointers.child(target, member.getValue()));
                    }
                }
            }
        }
        return extension;
    }

    /**
     * What API Gateway validates before the template runs: {@code RequestValidatorId: !Ref V} names an
     * {@code AWS::ApiGateway::RequestValidator} of the template, which becomes an entry of
     * {@code x-amazon-apigateway-request-validators} (keyed by its logical id) named by the operation; the
     * {@code RequestModels} model of the template is the body's schema, for the content types that name it. A
     * validator or model the template does not hold (an imported id, the built-in {@code Empty}) is left out: then
     * nothing is taken as validated, never the reverse.
     *
     * @param properties the method's properties as written: a resolved {@code !Ref} would be the stand-in of an id
     */
    private void validation(String apiId, JsonNode properties, ObjectNode operation, CloudFormationTemplate.Resource method,
            String operationPointer, ObjectNode root, DerivedDocument derived) {
        CloudFormationTemplate.Resource validator = resourceNamed(properties.get("RequestValidatorId"), "AWS::ApiGateway::RequestValidator", apiId, null);
        if (validator != null) {
            ObjectNode validators = root.has(RequestValidators.VALIDATORS) ? (ObjectNode) root.get(RequestValidators.VALIDATORS)
                    : root.putObject(RequestValidators.VALIDATORS);
            if (!validators.has(validator.logicalId())) {
                JsonNode settings = resolver.resolve(validator.properties(), validator.propertiesPointer());
                String target = JsonPointers.child("/" + RequestValidators.VALIDATORS, validator.logicalId());
                ObjectNode converted = validators.putObject(validator.logicalId());
                derived.map(validator.pointer(), target);
                for (String member : List.of("ValidateRequestBody", "ValidateRequestParameters")) {
                    if (settings.has(member)) {
                        String as = Character.toLowerCase(member.charAt(0)) + member.substring(1);
                        converted.set(as, settings.get(member));
                        derived.map(JsonPointers.child(validator.propertiesPointer(), member), JsonPointers.child(target, as));
                    }
                }
            }
            operation.put(RequestValidators.VALIDATOR, validator.logicalId());
            derived.map(method.property("RequestValidatorId"), JsonPointers.child(operationPointer, RequestValidators.VALIDATOR));
        }
        JsonNode models = properties.path("RequestModels");
        ArrayNode consumes = F.arrayNode();
        CloudFormationTemplate.Resource bodyModel = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            CloudFormationTemplate.Resource model = resourceNamed(entry.getValue(), "AWS::ApiGateway::Model", apiId, "Name");
            JsonNode schema = model == null ? null : schemaOf(model);
            // Swagger 2 has one body schema: content types with another model are not taken as validated
            if (schema != null && (bodyModel == null || bodyModel == model)) {
                bodyModel = model;
                consumes.add(entry.getKey());
                ObjectNode definitions = root.has("definitions") ? (ObjectNode) root.get("definitions") : root.putObject("definitions");
                definitions.set(model.logicalId(), schema);
            }
        }
        if (bodyModel != null) {
            operation.set("consumes", consumes);
            ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters") : operation.putArray("parameters");
            parameters.addObject().put("name", "body").put("in", "body").putObject("schema").put("$ref", "#/definitions/" + bodyModel.logicalId());
            derived.map(method.property("RequestModels"), JsonPointers.child(operationPointer, "consumes"));
        }
    }

    /**
     * The resource of {@code type} of API {@code apiId} that {@code reference} names: by {@code !Ref}, or by the
     * value of its {@code nameMember} written as text (a model is named so); null when the template has none.
     */
    private CloudFormationTemplate.Resource resourceNamed(JsonNode reference, String type, String apiId, String nameMember) {
        if (reference == null) {
            return null;
        }
        String logicalId = "Ref".equals(IntrinsicResolver.functionOf(reference)) ? reference.get("Ref").asText() : null;
        for (CloudFormationTemplate.Resource candidate : template.resourcesOfType(type)) {
            if (!apiId.equals(logicalIdIn(candidate.properties().get("RestApiId")))) {
                continue;
            }
            boolean named = nameMember != null && reference.isTextual()
                    && reference.textValue().equals(resolver.resolve(candidate.properties(), candidate.propertiesPointer()).path(nameMember).asText(null));
            if (candidate.logicalId().equals(logicalId) || named) {
                return candidate;
            }
        }
        return null;
    }

    /** A model's JSON schema: an object, or JSON written as a string; null when it is neither. */
    private JsonNode schemaOf(CloudFormationTemplate.Resource model) {
        JsonNode schema = resolver.resolve(model.properties(), model.propertiesPointer()).get("Schema");
        if (schema != null && schema.isTextual()) {
            schema = JSON.treeOrNull(schema.textValue());
        }
        return schema != null && schema.isObject() ? schema : null;
    }

    /**
     * MAP017: integration responses that cannot all take effect. API Gateway keeps a method's integration responses by
     * status code, so a second entry of one status replaces the first; and of two entries with the same
     * {@code SelectionPattern}, or both without one (the default), only one is ever selected, which one AWS does not
     * document. The derived document keeps the last of each (the map of the OpenAPI extension has one per pattern).
     */
    private void sameSelection(JsonNode responses, String pointer, OperationRef operation) {
        if (!responses.isArray()) {
            return;
        }
        Map<String, Integer> byStatus = new HashMap<>();
        for (int i = 0; i < responses.size(); i++) {
            String status = responses.get(i).path("StatusCode").asText("");
            Integer sameStatus = status.isEmpty() ? null : byStatus.put(status, i);
            if (sameStatus != null) {
                problems.add(locator.at(Rule.MAP017, "Another integration response before this one has StatusCode '" + status
                        + "' too: API Gateway keeps one integration response per status code, so this one replaces it; give each its"
                        + " own status, or merge them", JsonPointers.child(pointer, i), operation, null));
            }
        }
        // of the responses API Gateway keeps, those that share a pattern
        Map<String, Integer> byPattern = new HashMap<>();
        for (int i : kept(responses)) {
            String pattern = responses.get(i).path("SelectionPattern").asText("");
            Integer samePattern = byPattern.put(pattern, i);
            String at = JsonPointers.child(pointer, i);
            if (samePattern != null) {
                problems.add(locator.at(Rule.MAP017, "Another integration response before this one "
                        + (pattern.isEmpty() ? "has no SelectionPattern either (each is the default)" : "has SelectionPattern '" + pattern + "' too")
                        + ": API Gateway selects only one of them, and AWS does not document which; the check takes this one. "
                        + (pattern.isEmpty() ? "Give the error responses their patterns (\"4\\d{2}\", \"5\\d{2}\")"
                                : "Give each a pattern of its own, or remove one"), at, operation, null));
            }
        }
    }

    /** The indexes of the integration responses API Gateway keeps: the last of each StatusCode, in their order. */
    private static List<Integer> kept(JsonNode responses) {
        Map<String, Integer> lastOfStatus = new HashMap<>();
        for (int i = 0; i < responses.size(); i++) {
            lastOfStatus.put(responses.get(i).path("StatusCode").asText(""), i);
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            String status = responses.get(i).path("StatusCode").asText("");
            if (status.isEmpty() || lastOfStatus.get(status) == i) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** MAP017 findings of the methods assembled so far. */
    List<Finding> problems() {
        return List.copyOf(problems);
    }

    /** {@code method.request.path.id: true} → a declared path parameter, so example and mapping rules see it. */
    private static void parameters(JsonNode requestParameters, ObjectNode operation, CloudFormationTemplate.Resource method,
            String operationPointer, DerivedDocument derived) {
        if (!requestParameters.isObject() || requestParameters.isEmpty()) {
            return;
        }
        ArrayNode declared = operation.putArray("parameters");
        derived.map(method.property("RequestParameters"), JsonPointers.child(operationPointer, "parameters"));
        requestParameters.fields().forEachRemaining(entry -> {
            String[] parts = entry.getKey().split("\\.", 4);
            if (parts.length != 4 || !"method".equals(parts[0]) || !"request".equals(parts[1])) {
                return;
            }
            String in = switch (parts[2]) {
                case "path" -> "path";
                case "querystring", "multivaluequerystring" -> "query";
                case "header", "multivalueheader" -> "header";
                default -> null;
            };
            if (in != null) {
                ObjectNode parameter = declared.addObject();
                parameter.put("name", parts[3]).put("in", in).put("required", "path".equals(in) || entry.getValue().asBoolean())
                        .put("type", "string");
            }
        });
    }

    private static void responses(JsonNode methodResponses, ObjectNode operation, CloudFormationTemplate.Resource method,
            String operationPointer, DerivedDocument derived) {
        ObjectNode responses = operation.putObject("responses");
        if (!methodResponses.isArray()) {
            return;
        }
        String source = method.property("MethodResponses");
        derived.map(source, JsonPointers.child(operationPointer, "responses"));
        for (int i = 0; i < methodResponses.size(); i++) {
            String status = methodResponses.get(i).path("StatusCode").asText("");
            if (!status.isEmpty()) {
                ObjectNode response = responses.putObject(status).put("description", "");
                derived.map(JsonPointers.child(source, i), JsonPointers.child(JsonPointers.child(operationPointer, "responses"), status));
                // the headers a method response declares ({"method.response.header.X": true}), which response mappings need
                for (Iterator<String> keys = methodResponses.get(i).path("ResponseParameters").fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (key.startsWith("method.response.header.")) {
                        ObjectNode headers = response.has("headers") ? (ObjectNode) response.get("headers") : response.putObject("headers");
                        headers.putObject(key.substring("method.response.header.".length())).put("type", "string");
                    }
                }
            }
        }
    }

    /** The path of a resource: its parents' PathParts joined; the API's root resource is "/". */
    String pathOf(JsonNode resourceId) {
        List<String> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode current = resourceId;
        while (current != null) {
            String logicalId = "Ref".equals(IntrinsicResolver.functionOf(current)) ? current.get("Ref").asText() : null;
            CloudFormationTemplate.Resource resource = logicalId == null ? null : template.resource(logicalId);
            if (resource == null || !"AWS::ApiGateway::Resource".equals(resource.type()) || !seen.add(logicalId)) {
                break; // !GetAtt Api.RootResourceId, or a resource of another stack: the root
            }
            parts.add(0, resolver.resolveText(resource.properties().path("PathPart"), resource.property("PathPart")));
            current = resource.properties().get("ParentId");
        }
        return "/" + String.join("/", parts);
    }

    /** The logical id named by {@code !Ref X} or {@code !GetAtt X.Attr}; "" for anything else. */
    static String logicalIdIn(JsonNode reference) {
        String function = IntrinsicResolver.functionOf(reference);
        if ("Ref".equals(function)) {
            return reference.get("Ref").asText();
        }
        if ("Fn::GetAtt".equals(function)) {
            JsonNode argument = reference.get("Fn::GetAtt");
            String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
            int dot = text.indexOf('.');
            return dot < 0 || argument.isArray() ? text : text.substring(0, dot);
        }
        return "";
    }
}
