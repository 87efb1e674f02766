package io.github.apigwddb.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.SourcePosition;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.ExternalReferences;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SourceRoot;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.Utf8Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code x-apigw-ignore} extension of every operation and of its
 * {@code x-amazon-apigateway-integration} (in a CloudFormation template also the {@code Metadata} of a method or route):
 * a list of entries {@code {rules: [AGW011, MAP012], reason: "..."}}.
 * An entry without a reason, or naming a rule that does not exist, is reported as SPEC005. A file that cannot
 * be parsed has no suppressions (the check has already reported it as SPEC001). Thread-safe.
 */
public final class SuppressionReader {

    public static final String EXTENSION = "x-apigw-ignore";

    /** The suppressions of one file and the SPEC005 findings about them. */
    public record Result(List<Suppression> suppressions, List<Finding> problems) {
    }

    private final DocumentParser parser = new DocumentParser();
    private final SourceRoot bound;

    public SuppressionReader() {
        this(SourceRoot.NONE);
    }

    /** @param bound the other files a definition's {@code $ref}s may open (see {@link SourceRoot}) */
    public SuppressionReader(SourceRoot bound) {
        this.bound = bound;
    }

    public Result read(Path specFile) {
        ParsedDocument document;
        try {
            if (!Files.isRegularFile(specFile) || Files.size(specFile) > Utf8Text.MAX_BYTES) {
                return new Result(List.of(), List.of()); // not read as a definition either: SPEC001 says why
            }
            String text = Files.readString(specFile, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!mayHold(text) && !mayReferToOtherFiles(text)) {
                return new Result(List.of(), List.of());
            }
            document = parser.parse(text, SpecFormat.of(specFile));
        } catch (IOException | DocumentSyntaxException | RuntimeException e) {
            return new Result(List.of(), List.of());
        }
        try {
            document = ExternalReferences.inlinedIfAny(specFile, document, bound);
        } catch (RuntimeException e) {
            // the entries of the file itself still count; the check says what is wrong with the reference
        }
        List<Suppression> suppressions = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        for (ApiOperation operation : IntegrationExtractor.operations(document.root())) {
            readEntries(specFile, document, operation, operation.pointer(), operation.node(), suppressions, problems);
            String integrationPointer = operation.pointer() + "/" + IntegrationExtractor.EXTENSION;
            readEntries(specFile, document, operation, integrationPointer, operation.node().path(IntegrationExtractor.EXTENSION),
                    suppressions, problems);
        }
        if (document.root().path("Resources").isObject()) {
            readTemplate(specFile, document, suppressions, problems);
        }
        return new Result(List.copyOf(suppressions), List.copyOf(problems));
    }

    /**
     * A CloudFormation/SAM template's entries: in the operations (and their integrations) of an API written inline
     * ({@code DefinitionBody}, {@code Body}), and in the {@code Metadata} of a WebSocket route or of the integration it
     * targets, and of an {@code AWS::ApiGateway::Method}: where CloudFormation allows members of one's own
     * ({@code Properties} would be refused at deployment). An entry on a route applies to each of its operations
     * ({@code ROUTE key template v1}).
     */
    private static void readTemplate(Path file, ParsedDocument document, List<Suppression> suppressions, List<Finding> problems) {
        JsonNode resources = document.root().path("Resources");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String resourcePointer = JsonPointers.child("/Resources", resource.getKey());
            JsonNode properties = resource.getValue().path("Properties");
            for (String member : List.of("DefinitionBody", "Body")) {
                JsonNode body = properties.path(member);
                String bodyPointer = JsonPointers.child(JsonPointers.child(resourcePointer, "Properties"), member);
                for (ApiOperation operation : IntegrationExtractor.operations(body)) {
                    readEntries(file, document, operation, bodyPointer + operation.pointer(), operation.node(), suppressions, problems);
                    readEntries(file, document, operation, bodyPointer + operation.pointer() + "/" + IntegrationExtractor.EXTENSION,
                            operation.node().path(IntegrationExtractor.EXTENSION), suppressions, problems);
                }
            }
            if ("AWS::ApiGateway::Method".equals(resource.getValue().path("Type").asText())) {
                readMethod(file, document, resourcePointer, resource.getValue(), resources, suppressions, problems);
            }
            if ("AWS::ApiGatewayV2::Route".equals(resource.getValue().path("Type").asText()) && properties.path("RouteKey").isTextual()) {
                OperationRef route = new OperationRef(IntegrationExtractor.ROUTE_METHOD_NAME, properties.path("RouteKey").asText(),
                        properties.path("OperationName").isTextual() ? properties.path("OperationName").asText() : null);
                ApiOperation operation = new ApiOperation(route, resourcePointer, resource.getValue(), null);
                readEntries(file, document, operation, JsonPointers.child(resourcePointer, "Metadata"),
                        resource.getValue().path("Metadata"), suppressions, problems);
                String target = targetIntegration(properties.path("Target"), resources);
                if (target != null) {
                    String integrationPointer = JsonPointers.child("/Resources", target);
                    readEntries(file, document, operation, JsonPointers.child(integrationPointer, "Metadata"),
                            resources.path(target).path("Metadata"), suppressions, problems);
                }
            }
        }
    }

    /**
     * The entries in the {@code Metadata} of an {@code AWS::ApiGateway::Method}: they cover the operation the method is,
     * its path the {@code PathPart}s of its resource and their parents. A path part not written as text leaves the path
     * unknown, and the entries are reported as not read rather than silently matching nothing.
     */
    private static void readMethod(Path file, ParsedDocument document, String resourcePointer, JsonNode method, JsonNode resources,
            List<Suppression> suppressions, List<Finding> problems) {
        JsonNode metadata = method.path("Metadata");
        if (!metadata.has(EXTENSION)) {
            return;
        }
        JsonNode properties = method.path("Properties");
        String verb = properties.path("HttpMethod").asText("ANY").toLowerCase(Locale.ROOT);
        String path = resourcePath(properties.path("ResourceId"), resources);
        OperationRef ref = new OperationRef("any".equals(verb) ? "ANY" : verb, path == null ? "?" : path,
                properties.path("OperationName").isTextual() ? properties.path("OperationName").asText() : null);
        String metadataPointer = JsonPointers.child(resourcePointer, "Metadata");
        if (path == null) {
            problems.add(problem(file, document, metadataPointer + "/" + EXTENSION, ref, EXTENSION + " of a method whose resource"
                    + " path is not written as text (a PathPart made with Ref, Sub or another function) is not read; accept its"
                    + " findings in the baseline instead"));
            return;
        }
        readEntries(file, document, new ApiOperation(ref, resourcePointer, method, null), metadataPointer, metadata, suppressions, problems);
    }

    /**
     * The path of an {@code AWS::ApiGateway::Resource}: its {@code PathPart} after its parents'; {@code /} for the API's
     * root ({@code !GetAtt Api.RootResourceId}) or a resource of another stack. Null when a part is not text.
     */
    private static String resourcePath(JsonNode resourceId, JsonNode resources) {
        List<String> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode current = resourceId; ; ) {
            // the parser gives !Ref X in its long form {Ref: X}
            String logicalId = current.path("Ref").isTextual() ? current.path("Ref").textValue() : null;
            JsonNode resource = logicalId == null ? null : resources.get(logicalId);
            if (resource == null || !"AWS::ApiGateway::Resource".equals(resource.path("Type").asText()) || !seen.add(logicalId)) {
                return "/" + String.join("/", parts);
            }
            JsonNode part = resource.path("Properties").path("PathPart");
            if (!part.isTextual()) {
                return null;
            }
            parts.add(0, part.textValue());
            current = resource.path("Properties").path("ParentId");
        }
    }

    /** The integration a route's Target names: {@code integrations/<id>} written with Join, Sub or Ref (tags read as text). */
    private static String targetIntegration(JsonNode target, JsonNode resources) {
        List<String> texts = new ArrayList<>();
        collectTexts(target, texts);
        for (String text : texts) {
            for (Iterator<String> names = resources.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                boolean integration = "AWS::ApiGatewayV2::Integration".equals(resources.path(name).path("Type").asText());
                if (integration && (text.equals(name) || text.contains("${" + name + "}"))) {
                    return name;
                }
            }
        }
        return null;
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.textValue());
        }
        node.elements().forEachRemaining(child -> collectTexts(child, texts));
    }

    /**
     * Whether the text can have an {@code x-apigw-ignore} member at all: written out, or spelled with escapes
     * that make letters (a backslash before u, U or x) or join lines (a backslash before a line break, in YAML).
     * Most definitions have neither, and then the check's largest file need not be parsed a second time.
     */
    static boolean mayHold(String text) {
        if (text.contains(EXTENSION)) {
            return true;
        }
        for (int i = text.indexOf('\\'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\\', i + 1)) {
            char next = text.charAt(i + 1);
            if (next == 'u' || next == 'U' || next == 'x' || next == '\n' || next == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a {@code $ref} in the text may name another file: one whose value does not start with {@code #} as
     * written. Errs towards yes (a value on a later line, an escaped name), so that only a file that surely has none is
     * not parsed a second time.
     */
    static boolean mayReferToOtherFiles(String text) {
        for (int i = text.indexOf("ref"); i >= 0; i = text.indexOf("ref", i + 3)) {
            if (i == 0 || text.charAt(i - 1) != '$') {
                if (i > 0 && text.charAt(i - 1) == '4') {
                    return true; // \u0024ref
                }
                continue;
            }
            int j = i + 3;
            while (j < text.length() && (text.charAt(j) == '"' || text.charAt(j) == '\'' || text.charAt(j) == ':'
                    || text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (j >= text.length() || text.charAt(j) != '#') {
                return true;
            }
        }
        return false;
    }

    private static void readEntries(Path file, ParsedDocument document, ApiOperation operation, String ownerPointer, JsonNode owner,
            List<Suppression> suppressions, List<Finding> problems) {
        JsonNode entries = owner.path(EXTENSION);
        if (entries.isMissingNode()) {
            return;
        }
        String pointer = ownerPointer + "/" + EXTENSION;
        OperationRef op = operation.ref();
        if (!entries.isArray()) {
            problems.add(problem(file, document, pointer, op, EXTENSION + " must be a list of {rules: [<rule id>, ...], reason: \"...\"};"
                    + " this one is ignored"));
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String entryPointer = pointer + "/" + i;
            JsonNode ids = entry.path("rules");
            if (!entry.isObject() || !ids.isArray() || ids.isEmpty()) {
                problems.add(problem(file, document, entryPointer, op, EXTENSION + " entry " + (i + 1)
                        + " has no 'rules' list; write {rules: [<rule id>, ...], reason: \"...\"}; it is ignored"));
                continue;
            }
            Set<Rule> rules = EnumSet.noneOf(Rule.class);
            for (int j = 0; j < ids.size(); j++) {
                String id = ids.get(j).asText();
                Rule rule = Rule.byId(id).orElse(null);
                if (rule == null) {
                    problems.add(problem(file, document, entryPointer + "/rules/" + j, op, EXTENSION + " names rule '" + id
                            + "', which does not exist; valid rule ids: " + RuleSettings.validRuleIds()));
                } else if (rule != Rule.SPEC005) {
                    rules.add(rule);
                }
            }
            JsonNode reasonNode = entry.path("reason");
            String reason = reasonNode.isTextual() && !reasonNode.asText().isBlank() ? reasonNode.asText().strip() : null;
            if (reason == null && !rules.isEmpty()) {
                problems.add(problem(file, document, entryPointer, op, EXTENSION + " entry for " + String.join(", ",
                        rules.stream().map(Rule::id).toList()) + " gives no reason; add reason: \"...\" so readers know why it is safe"));
            }
            if (!rules.isEmpty()) {
                suppressions.add(new Suppression(file, op.method(), op.path(), rules, reason));
            }
        }
    }

    private static Finding problem(Path file, ParsedDocument document, String pointer, OperationRef op, String message) {
        // an entry in a part read from another file is written there
        LoadedSpec.Place at = LoadedSpec.place(file, document, pointer);
        return new Finding(Rule.SPEC005, Rule.SPEC005.defaultSeverity(), message,
                new SourcePosition(at.file().toAbsolutePath().normalize(), at.position().line(), at.position().column()), op, null);
    }
}
