package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.check.Locator;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.SourcePosition;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LoadResult;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.SourceRoot;
import io.github.apigwddb.spec.SpecLoader;
import io.github.apigwddb.spec.SpecProblem;
import io.github.apigwddb.spec.StringContentLocator;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.spec.YamlTag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the REST APIs of a CloudFormation/SAM template (rule CFN001): inline {@code DefinitionBody}/{@code Body},
 * bodies pulled in with {@code Fn::Transform: AWS::Include}, {@code DefinitionUri}/{@code BodyS3Location} files
 * (S3 locations mapped to project files), and {@code AWS::ApiGateway::Method} resources; and the routes of WebSocket
 * APIs ({@link WebSocketAssembler}); evaluates their
 * intrinsic functions (CFN005) and checks the CloudFormation-specific rules (CFN002–CFN004, CFN008–CFN010). Stateless.
 */
public final class CloudFormationReader {

    private static final String INCLUDE = "AWS::Include";
    private static final Set<String> TABLE_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable");
    private static final String BINARY_MEDIA_TYPES = "x-amazon-apigateway-binary-media-types";

    private final SourceRoot bound;
    private final SpecLoader loader;

    /** A reader that opens any file a template names. */
    public CloudFormationReader() {
        this(SourceRoot.NONE);
    }

    /** @param bound the files a template's DefinitionUri, BodyS3Location or AWS::Include may open */
    public CloudFormationReader(SourceRoot bound) {
        this.bound = bound;
        this.loader = new SpecLoader(bound);
    }

    public TemplateReading read(LoadedSpec templateSpec, TemplateParameters parameters) {
        CloudFormationTemplate template = new CloudFormationTemplate(templateSpec);
        IntrinsicResolver resolver = new IntrinsicResolver(template, parameters);
        Locator locator = new Locator(templateSpec);
        List<TemplateApi> apis = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        List<CloudFormationTemplate.Resource> webSocketApis = new ArrayList<>();
        WebSocketAssembler webSockets = new WebSocketAssembler(template, resolver);
        for (CloudFormationTemplate.Resource resource : template.resources().values()) {
            switch (resource.type()) {
                case "AWS::Serverless::Api" -> readDefinition(template, resource, "DefinitionBody", "DefinitionUri", parameters,
                        resolver, apis, findings, notes, files);
                case "AWS::ApiGateway::RestApi" -> readDefinition(template, resource, "Body", "BodyS3Location", parameters,
                        resolver, apis, findings, notes, files);
                case "AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi" -> {
                    if (webSockets.isWebSocketApi(resource)) {
                        webSocketApis.add(resource);
                    } else {
                        findings.add(locator.at(Rule.CFN008, outOfScope(resource), resource.pointer(), null, null));
                    }
                }
                default -> {
                }
            }
        }
        MethodResourceAssembler assembler = new MethodResourceAssembler(template, resolver);
        for (Map.Entry<String, List<CloudFormationTemplate.Resource>> api : assembler.methodsByApi(notes).entrySet()) {
            LoadedSpec spec = assembler.assemble(api.getKey(), api.getValue());
            apis.add(new TemplateApi(api.getKey(), api.getValue().size() + " AWS::ApiGateway::Method resources", spec, "/Resources",
                    template, resolver));
        }
        findings.addAll(assembler.problems());
        for (CloudFormationTemplate.Resource api : webSocketApis) {
            List<CloudFormationTemplate.Resource> routes = webSockets.routesOf(api);
            if (!routes.isEmpty()) {
                apis.add(new TemplateApi(api.logicalId(), routes.size() + " AWS::ApiGatewayV2::Route resources of a WebSocket API",
                        webSockets.assemble(api.logicalId(), api, routes), "/Resources", template, resolver));
            }
        }
        List<CloudFormationTemplate.Resource> imported = webSockets.routesOfOtherStacks();
        if (!imported.isEmpty()) {
            apis.add(new TemplateApi("(WebSocket API of another stack)", imported.size() + " AWS::ApiGatewayV2::Route resources",
                    webSockets.assemble("WebSocket API of another stack", null, imported), "/Resources", template, resolver));
        }
        // Notes and Fn::Sub problems of the template itself, limited to what the checked integrations use.
        List<String> dynamoPrefixes = new ArrayList<>();
        for (TemplateApi api : apis) {
            if (api.spec().file().equals(templateSpec.file())) {
                dynamoPrefixes.addAll(dynamoDbIntegrationSources(api, template));
            }
        }
        // the tables' names as the integrations' Ref and Fn::Sub give them; after report(), which says a stand-in where an
        // integration uses it, not where a table is defined
        Map<String, IntrinsicResolver.Named> tableNames = new LinkedHashMap<>();
        report(resolver, templateSpec, dynamoPrefixes, findings);
        for (CloudFormationTemplate.Resource resource : template.resources().values()) {
            if (TABLE_TYPES.contains(resource.type())) {
                tableNames.put(resource.logicalId(), resolver.named(resource));
            }
        }
        return new TemplateReading(List.copyOf(apis), findings, notes, List.copyOf(files), Map.copyOf(tableNames));
    }

    private static String outOfScope(CloudFormationTemplate.Resource resource) {
        return resource.type() + " " + resource.logicalId() + " is an HTTP API (API Gateway v2): its integrations are not checked;"
                + " REST and WebSocket APIs are";
    }

    private void readDefinition(CloudFormationTemplate template, CloudFormationTemplate.Resource resource, String bodyMember,
            String locationMember, TemplateParameters parameters, IntrinsicResolver resolver, List<TemplateApi> apis,
            List<Finding> findings, List<String> notes, Set<Path> files) {
        Locator locator = new Locator(template.spec());
        JsonNode body = resource.properties().get(bodyMember);
        String bodyPointer = resource.property(bodyMember);
        if (body != null) {
            JsonNode transform = body.path("Fn::Transform");
            if (body.isObject() && body.size() == 1 && transform.isObject()) {
                String at = JsonPointers.child(bodyPointer, "Fn::Transform");
                if (!INCLUDE.equals(transform.path("Name").asText())) {
                    findings.add(locator.at(Rule.CFN001, "Fn::Transform " + transform.path("Name").asText()
                            + " is a macro run at deployment: the API it makes is not checked", at, null, null));
                    return;
                }
                JsonNode location = transform.path("Parameters").path("Location");
                String locationPointer = at + "/Parameters/Location";
                String s3 = resolver.resolveText(location, locationPointer);
                Path file = fileOf(template, s3, parameters, locator, locationPointer, findings, notes, resource, files);
                if (file != null) {
                    readFile(template, resource, file, true, parameters, apis, findings, "AWS::Include " + s3);
                }
                return;
            }
            if (!body.isObject()) {
                findings.add(locator.at(Rule.CFN001, resource.logicalId() + "." + bodyMember
                        + " is not an OpenAPI object: the API is not checked", bodyPointer, null, null));
                return;
            }
            JsonNode resolved = resolver.resolve(body, bodyPointer);
            DerivedDocument derived = new DerivedDocument(template.spec(), resolver);
            derived.map(bodyPointer, "");
            binaryMediaTypes(resource, resolver, resolved, derived);
            markSamIntegrations(template, resource, resolved);
            apis.add(new TemplateApi(resource.logicalId(), bodyMember, derived.build(resolved), bodyPointer, template, resolver));
            return;
        }
        JsonNode location = resource.properties().get(locationMember);
        if (location == null) {
            return;
        }
        String locationPointer = resource.property(locationMember);
        String s3;
        if (location.isObject() && IntrinsicResolver.functionOf(location) == null) {
            String bucket = resolver.resolveText(location.path("Bucket"), JsonPointers.child(locationPointer, "Bucket"));
            String key = resolver.resolveText(location.path("Key"), JsonPointers.child(locationPointer, "Key"));
            s3 = "s3://" + bucket + "/" + key;
        } else {
            s3 = resolver.resolveText(location, locationPointer);
        }
        Path file = fileOf(template, s3, parameters, locator, locationPointer, findings, notes, resource, files);
        if (file != null) {
            readFile(template, resource, file, false, parameters, apis, findings, locationMember + " " + s3);
        }
    }

    /**
     * The resource's {@code BinaryMediaTypes} (RestApi and SAM Api) become an inline body's
     * {@code x-amazon-apigateway-binary-media-types}, so the API-level rules see them: SAM writes them there, replacing
     * the body's own list; that the RestApi property wins over the body too is inferred. CloudFormation writes {@code /}
     * as {@code ~1} in them.
     */
    private static void binaryMediaTypes(CloudFormationTemplate.Resource resource, IntrinsicResolver resolver, JsonNode body,
            DerivedDocument derived) {
        JsonNode types = resource.properties().get("BinaryMediaTypes");
        if (types == null || !types.isArray() || !(body instanceof ObjectNode api)) {
            return;
        }
        String pointer = resource.property("BinaryMediaTypes");
        ArrayNode written = api.putArray(BINARY_MEDIA_TYPES);
        for (int i = 0; i < types.size(); i++) {
            written.add(resolver.resolveText(types.get(i), JsonPointers.child(pointer, i)).replace("~1", "/"));
        }
        derived.map(pointer, "/" + BINARY_MEDIA_TYPES);
    }

    /**
     * What SAM writes into an inline or included definition of an {@code AWS::Serverless::Api} at deployment, marked on the
     * operations it completes, which AGW020 then leaves alone: the integration of each function's Api event whose
     * {@code RestApiId} is this API. Not an {@code options:} written without integration when {@code Cors} is set: SAM adds
     * its preflight only to paths without one, so such a method stays without. A file named by DefinitionUri is not SAM's
     * to change.
     */
    private static void markSamIntegrations(CloudFormationTemplate template, CloudFormationTemplate.Resource api, JsonNode body) {
        if (!"AWS::Serverless::Api".equals(api.type())) {
            return;
        }
        JsonNode paths = body.path("paths");
        for (CloudFormationTemplate.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = function.properties().path("Events").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> event = it.next();
                JsonNode properties = event.getValue().path("Properties");
                if ("Api".equals(event.getValue().path("Type").asText())
                        && api.logicalId().equals(MethodResourceAssembler.logicalIdIn(properties.get("RestApiId")))) {
                    String method = properties.path("Method").asText("").toLowerCase(Locale.ROOT);
                    markAdded(paths.path(properties.path("Path").asText("")).path("any".equals(method) ? IntegrationExtractor.ANY_METHOD : method),
                            "SAM, from the Api event " + event.getKey() + " of " + function.logicalId());
                }
            }
        }
    }

    private static void markAdded(JsonNode operation, String by) {
        if (operation instanceof ObjectNode written && !written.has(IntegrationExtractor.EXTENSION)) {
            written.put(IntegrationExtractor.INTEGRATION_ADDED_BY, by);
        }
    }

    private static Path existing(Path file, Locator locator, String pointer, List<Finding> findings,
            CloudFormationTemplate.Resource resource, String named, Set<Path> files) {
        files.add(file.toAbsolutePath().normalize()); // also when missing: its appearing changes the outcome
        if (Files.isRegularFile(file)) {
            return file.toAbsolutePath().normalize();
        }
        findings.add(locator.at(Rule.CFN001, resource.logicalId() + " names " + named + ", which does not exist at " + file
                + ": the API is not checked", pointer, null, null));
        return null;
    }

    /**
     * The project file a location names: an S3 object (or another URL) by {@link #localFile}; a local path, which
     * 'aws cloudformation package' uploads, where it is, next to the template.
     */
    private static Path fileOf(CloudFormationTemplate template, String location, TemplateParameters parameters, Locator locator,
            String pointer, List<Finding> findings, List<String> notes, CloudFormationTemplate.Resource resource, Set<Path> files) {
        return location.contains("://") ? localFile(template, location, parameters, locator, pointer, findings, notes, resource, files)
                : existing(template.spec().file().resolveSibling(location), locator, pointer, findings, resource, location, files);
    }

    /** The project file standing for an S3 object: the configured mapping, else the key's file name next to the template. */
    private static Path localFile(CloudFormationTemplate template, String s3, TemplateParameters parameters, Locator locator,
            String pointer, List<Finding> findings, List<String> notes, CloudFormationTemplate.Resource resource, Set<Path> files) {
        Path mapped = parameters.s3Locations().get(s3);
        if (mapped != null) {
            return existing(mapped, locator, pointer, findings, resource, s3 + " (mapped in apigw.s3Locations to " + mapped + ")", files);
        }
        String name = s3.substring(s3.lastIndexOf('/') + 1);
        Path sibling = template.spec().file().resolveSibling(name);
        if (!name.isEmpty()) {
            files.add(sibling.toAbsolutePath().normalize()); // also when missing: its appearing changes the outcome
        }
        if (!name.isEmpty() && Files.isRegularFile(sibling)) {
            notes.add(s3 + " is not mapped in apigw.s3Locations: reading " + sibling + ", the file of that name next to the template");
            return sibling.toAbsolutePath().normalize();
        }
        findings.add(locator.at(Rule.CFN001, resource.logicalId() + " reads its API from " + s3
                + ", which is not mapped to a project file (apigw.s3Locations=" + s3 + "=<file>) and no file '" + name
                + "' is next to the template: the API is not checked", pointer, null, null));
        return null;
    }

    /**
     * Reads a definition file an include or an S3 location names. CloudFormation evaluates intrinsics in an
     * included snippet but takes no short forms there (CFN002); a DefinitionUri/BodyS3Location file is not
     * processed by CloudFormation at all (CFN003): API Gateway only fills in ${AWS::Region}, ${AWS::AccountId}
     * and ${AWS::Partition} at import.
     */
    private void readFile(CloudFormationTemplate template, CloudFormationTemplate.Resource resource, Path file, boolean included,
            TemplateParameters parameters, List<TemplateApi> apis, List<Finding> findings, String origin) {
        if (!bound.holds(file, template.spec().file())) {
            findings.add(new Locator(template.spec()).at(Rule.CFN001, bound.refusal(resource.logicalId() + "'s " + origin, file)
                    + ": the API is not checked", resource.pointer(), null, null));
            return;
        }
        LoadResult loaded = loader.load(file);
        for (SpecProblem problem : loaded.problems()) {
            findings.add(new Finding(problem.rule(), problem.rule().defaultSeverity(), problem.message(),
                    new SourcePosition(file, problem.position().line(), problem.position().column()), null, null));
        }
        LoadedSpec spec = loaded.spec();
        if (spec == null) {
            return;
        }
        Locator locator = new Locator(spec);
        if (included) {
            for (YamlTag tag : spec.document().tags()) {
                if (tag.isShortForm()) {
                    findings.add(locator.at(Rule.CFN002, "'!" + tag.tag() + "' in a file pulled in by AWS::Include: CloudFormation"
                            + " does not take YAML short forms there (\"We do not currently support using shorthand notations for"
                            + " YAML snippets\"); write '" + tag.function() + ":'", tag.pointer(), null, null));
                }
            }
            IntrinsicResolver fileResolver = new IntrinsicResolver(template, parameters);
            JsonNode resolved = fileResolver.resolve(spec.root(), "");
            DerivedDocument derived = new DerivedDocument(spec, fileResolver);
            derived.map("", "");
            markSamIntegrations(template, resource, resolved);
            TemplateApi api = new TemplateApi(resource.logicalId(), origin, derived.build(resolved), "", template, fileResolver);
            apis.add(api);
            report(fileResolver, spec, dynamoDbIntegrationSources(api, template), findings);
            return;
        }
        List<String> intrinsics = new ArrayList<>();
        collectIntrinsics(spec.root(), "", intrinsics);
        for (String pointer : intrinsics) {
            findings.add(locator.at(Rule.CFN003, "CloudFormation intrinsic '" + spec.root().at(pointer).fieldNames().next()
                    + "' in a file read through " + origin.substring(0, origin.indexOf(' ')) + ": CloudFormation does not process"
                    + " such files, so API Gateway gets the object as written; use DefinitionBody with AWS::Include instead",
                    pointer, null, null));
        }
        apis.add(new TemplateApi(resource.logicalId(), origin, spec, "", template, new IntrinsicResolver(template, parameters)));
    }

    private static void collectIntrinsics(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            if (IntrinsicResolver.functionOf(node) != null || node.size() == 1 && node.has("Fn::Transform")) {
                out.add(pointer);
                return;
            }
            node.fields().forEachRemaining(e -> collectIntrinsics(e.getValue(), JsonPointers.child(pointer, e.getKey()), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectIntrinsics(node.get(i), JsonPointers.child(pointer, i), out);
            }
        }
    }

    /** Pointers (in the API's own source document) of the DynamoDB integrations of an API. */
    private static List<String> dynamoDbIntegrationSources(TemplateApi api, CloudFormationTemplate template) {
        List<String> sources = new ArrayList<>();
        for (ApiOperation operation : IntegrationExtractor.operations(api.spec().root())) {
            Integration integration = IntegrationExtractor.integrationOf(operation, api.spec().root());
            if (integration == null || integration.uri() == null || !integration.uri().text().toLowerCase(Locale.ROOT).contains(":dynamodb")) {
                continue;
            }
            JsonNode resourceId = operation.node().get("x-apigw-cloudformation-resource");
            if (resourceId != null) {
                sources.add(template.resource(resourceId.asText()).pointer());
            } else {
                sources.add(api.sourcePrefix() + integration.pointer());
            }
        }
        return sources;
    }

    /**
     * CFN005 notes, CFN009 names of nothing, CFN010 cycles and CFN004 swallowed references found while resolving, within the
     * given integrations.
     */
    private static void report(IntrinsicResolver resolver, LoadedSpec source, List<String> within, List<Finding> findings) {
        Locator locator = new Locator(source);
        java.util.Set<String> said = new java.util.HashSet<>();
        for (IntrinsicResolver.Unresolved note : resolver.unresolved()) {
            // Said once per template, at its first use in a checked integration.
            if (inside(note.pointer(), within) && said.add(note.message())) {
                Rule rule = switch (note.cause()) {
                    case DEPLOYMENT -> Rule.CFN005;
                    case MISSING_NAME -> Rule.CFN009;
                    case CIRCULAR -> Rule.CFN010;
                };
                findings.add(locator.at(rule, note.message(), note.pointer(), null, null));
            }
        }
        for (IntrinsicResolver.SwallowedReference reference : resolver.swallowed()) {
            if (!inside(reference.stringPointer(), within)) {
                continue;
            }
            int line = 1;
            int column = 1;
            for (int i = 0; i < reference.offset(); i++) {
                if (reference.text().charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            TextPosition start = source.sourceMap().valueStart(reference.stringPointer());
            TextPosition where = start == null ? source.locate(reference.stringPointer())
                    : StringContentLocator.locate(source.document(), start, line, column);
            String nearest = resolver.nearestName(reference.name());
            findings.add(new Finding(Rule.CFN004, Rule.CFN004.defaultSeverity(), "'${" + reference.name() + "}' in an Fn::Sub string"
                    + " names no parameter, resource or variable: CloudFormation rejects the template (or, once such a name exists,"
                    + " substitutes it). " + (nearest == null ? "" : "Did you mean ${" + nearest + "}? If not, a")
                    + (nearest == null ? "A" : "") + " VTL reference must be written '${!" + reference.name() + "}' inside Fn::Sub",
                    new SourcePosition(source.file(), where.line(), where.column()), (OperationRef) null, null));
        }
    }

    private static boolean inside(String pointer, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (pointer.equals(prefix) || pointer.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
