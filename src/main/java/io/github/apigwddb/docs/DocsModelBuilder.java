package io.github.apigwddb.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.examples.ExampleSource;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.integration.SpecValue;
import io.github.apigwddb.integration.WebSocketUnmatched;
import io.github.apigwddb.lint.IntegrationLinter;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.Utf8Text;
import io.github.apigwddb.vtl.RequestTemplateSelector;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** Turns a check's result into {@link ApiDocs}: grouped by spec and operation, in spec order, in display form. */
public final class DocsModelBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path baseDirectory;
    private final Set<String> anchors = new HashSet<>();

    /** @param baseDirectory file names are shown relative to it (the project directory) */
    public DocsModelBuilder(Path baseDirectory) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    public ApiDocs build(CheckResult result) {
        Map<Path, Map<OperationRef, List<CheckResult.CheckedCase>>> byFile = new LinkedHashMap<>();
        for (CheckResult.CheckedCase checked : result.cases()) {
            byFile.computeIfAbsent(checked.file(), f -> new LinkedHashMap<>())
                    .computeIfAbsent(checked.operation(), o -> new ArrayList<>()).add(checked);
        }
        Set<Finding> inOperations = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        result.cases().forEach(checked -> inOperations.addAll(checked.findings()));
        Map<Path, List<Finding>> others = new LinkedHashMap<>();
        for (Finding finding : result.findings()) {
            if (!inOperations.contains(finding) && finding.position().file() != null) {
                others.computeIfAbsent(finding.position().file().toAbsolutePath().normalize(), f -> new ArrayList<>()).add(finding);
            }
        }
        List<ApiDocs.Spec> specs = new ArrayList<>();
        for (Map.Entry<Path, Map<OperationRef, List<CheckResult.CheckedCase>>> file : byFile.entrySet()) {
            List<Finding> fileFindings = new ArrayList<>(others.getOrDefault(file.getKey().toAbsolutePath().normalize(), List.of()));
            fileFindings.sort(Finding.REPORT_ORDER);
            specs.add(spec(file.getKey(), file.getValue(), List.copyOf(fileFindings)));
            others.remove(file.getKey().toAbsolutePath().normalize());
        }
        // a file with findings and no DynamoDB integration (another definition, a file a $ref reads) is a section too
        for (Map.Entry<Path, List<Finding>> file : others.entrySet()) {
            List<Finding> fileFindings = new ArrayList<>(file.getValue());
            fileFindings.sort(Finding.REPORT_ORDER);
            specs.add(spec(file.getKey(), Map.of(), List.copyOf(fileFindings)));
        }
        return new ApiDocs(List.copyOf(specs));
    }

    private ApiDocs.Spec spec(Path file, Map<OperationRef, List<CheckResult.CheckedCase>> operations, List<Finding> fileFindings) {
        String name = baseName(file);
        JsonNode info = info(file);
        String title = text(info.path("title"));
        List<ApiDocs.Operation> docs = new ArrayList<>();
        String specAnchor = anchor("spec-" + name);
        for (Map.Entry<OperationRef, List<CheckResult.CheckedCase>> operation : operations.entrySet()) {
            docs.add(operation(operation.getKey(), operation.getValue()));
        }
        return new ApiDocs.Spec(specAnchor, name, display(file), title == null ? name : title, text(info.path("version")),
                text(info.path("description")), List.copyOf(docs), fileFindings);
    }

    private ApiDocs.Operation operation(OperationRef ref, List<CheckResult.CheckedCase> cases) {
        Integration integration = cases.get(0).integration();
        String anchor = anchor("op-" + ref.fileSafeName());
        List<Finding> staticFindings = List.of();
        List<ApiDocs.Example> examples = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        for (CheckResult.CheckedCase checked : cases) {
            if (checked.input() == null) {
                staticFindings = checked.findings();
                continue;
            }
            examples.add(example(anchor, checked, integration));
            tablesOf(checked.renderedRequest(), tables);
        }
        if (tables.isEmpty()) {
            integration.requestTemplates().forEach(t -> TemplateTables.named(t.text(), tables));
        }
        List<Finding> findings = cases.stream().flatMap(c -> c.findings().stream()).sorted(Finding.REPORT_ORDER).toList();
        return new ApiDocs.Operation(anchor, ref, text(integration.operation().node().path("summary")), cases.get(0).action(),
                value(integration.uri()), List.copyOf(tables), value(integration.credentials()), passthroughShown(integration),
                integration.requestTemplatesAsWritten(), integration.responses(), staticFindings, List.copyOf(examples), findings);
    }

    /**
     * The passthrough behavior as the reader should see it. A WebSocket route's operation holds the template its messages
     * get (the derived integration says never); the messages that get none pass or are refused by the route's own setting.
     */
    private static String passthroughShown(Integration integration) {
        if (!IntegrationExtractor.isWebSocketRoute(integration.operation())) {
            return value(integration.passthroughBehavior());
        }
        WebSocketUnmatched unmatched = WebSocketUnmatched.of(integration);
        if (unmatched == null) {
            return "never used (every message gets a template)";
        }
        if (!WebSocketUnmatched.BEHAVIORS.contains(unmatched.behavior())) {
            return unmatched.behavior() + " (not a value API Gateway takes, AGW010)";
        }
        return unmatched.behavior() + (unmatched.written() ? "" : " (default)") + ": " + unmatched.messages()
                + (unmatched.passes() ? " goes to DynamoDB as it is" : " is refused");
    }

    private ApiDocs.Example example(String operationAnchor, CheckResult.CheckedCase checked, Integration integration) {
        Example input = checked.input();
        String selection = null;
        if (checked.dynamoDbStatus() != null) {
            IntegrationResponse selected = IntegrationLinter.selectFor(String.valueOf(checked.dynamoDbStatus()), integration.responses());
            selection = selected == null ? null : selected.selectionPattern();
        }
        return new ApiDocs.Example(anchor(operationAnchor + "-" + checked.example()), checked.example(), source(input.source()),
                httpRequest(checked.operation(), input), requestTemplate(integration, input), Text.prettyJson(checked.renderedRequest()),
                checked.dynamoDbStatus(), Text.prettyJson(checked.dynamoDbBody()), checked.dynamoDbAnswer(), selection, checked.clientStatus(),
                Text.prettyJson(checked.clientResponse()), checked.findings());
    }

    /** Which request template API Gateway applies to the example, in words. */
    private static String requestTemplate(Integration integration, Example input) {
        Map<String, String> byType = new LinkedHashMap<>();
        for (MappingTemplate template : integration.requestTemplates()) {
            byType.put(template.contentType(), template.text());
        }
        RequestTemplateSelector.Selection selection = RequestTemplateSelector.select(byType, input.contentType(), passthrough(integration));
        List<MappingTemplate> written = integration.requestTemplatesAsWritten();
        return switch (selection.outcome()) {
            // a WebSocket route's one template, as written ($default), not as the checks select it
            case TRANSFORM -> "request template " + (integration.node().has(Integration.WRITTEN_TEMPLATE_KEY) && written.size() == 1
                    ? written.get(0).contentType() : selection.contentType());
            case PASSTHROUGH -> "no template for " + selection.contentType() + ": the body passes through untransformed";
            case UNSUPPORTED_MEDIA_TYPE -> "no template for " + selection.contentType() + ": API Gateway answers 415";
        };
    }

    private static RequestTemplateSelector.PassthroughBehavior passthrough(Integration integration) {
        String text = value(integration.passthroughBehavior());
        for (RequestTemplateSelector.PassthroughBehavior behavior : RequestTemplateSelector.PassthroughBehavior.values()) {
            if (behavior.name().equalsIgnoreCase(text)) {
                return behavior;
            }
        }
        return RequestTemplateSelector.PassthroughBehavior.WHEN_NO_MATCH;
    }

    /** The client's request as an HTTP message: request line with path parameters and query string, headers, body. */
    static String httpRequest(OperationRef operation, Example example) {
        String path = operation.path();
        for (Map.Entry<String, String> parameter : example.path().entrySet()) {
            path = path.replace("{" + parameter.getKey() + "+}", parameter.getValue()).replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        example.querystring().forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        StringBuilder message = new StringBuilder(operation.method()).append(' ').append(path).append(query);
        boolean contentType = false;
        for (Map.Entry<String, String> header : example.headers().entrySet()) {
            message.append('\n').append(header.getKey()).append(": ").append(header.getValue());
            contentType |= header.getKey().equalsIgnoreCase("Content-Type");
        }
        if (example.body() != null) {
            if (!contentType) {
                message.append("\nContent-Type: ").append(example.contentType() == null ? Example.DEFAULT_CONTENT_TYPE : example.contentType());
            }
            message.append("\n\n").append(Text.prettyJson(example.body()));
        }
        return message.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String source(ExampleSource source) {
        return switch (source) {
            case EXTENSION -> "x-apigw-examples";
            case SIDECAR -> "sidecar file";
            case SPEC -> "the spec's own example";
            case SYNTHESISED -> "made up from the schemas and what the request template reads";
        };
    }

    /** TableName of a single-item or query request, the RequestItems keys of a batch, each TransactItems entry's TableName. */
    static void tablesOf(String renderedRequest, Set<String> tables) {
        if (renderedRequest == null) {
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(renderedRequest);
        } catch (IOException e) {
            return;
        }
        if (request == null || !request.isObject()) {
            return;
        }
        addTable(request.get("TableName"), tables);
        request.path("RequestItems").fieldNames().forEachRemaining(name -> {
            if (!name.isBlank()) {
                tables.add(name);
            }
        });
        for (JsonNode item : request.path("TransactItems")) {
            item.elements().forEachRemaining(operation -> addTable(operation.get("TableName"), tables));
        }
    }

    private static void addTable(JsonNode name, Set<String> tables) {
        if (name != null && name.isTextual() && !name.asText().isBlank()) {
            tables.add(name.asText());
        }
    }

    private static JsonNode info(Path file) {
        try {
            return new DocumentParser().parse(Utf8Text.read(file), SpecFormat.of(file)).root().path("info");
        } catch (IOException | Utf8Text.NotUtf8Exception | DocumentSyntaxException | RuntimeException e) {
            return JSON.missingNode(); // the check already reported why the file cannot be read
        }
    }

    private String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(baseDirectory) ? baseDirectory.relativize(absolute) : absolute.getFileName();
        return shown.toString().replace('\\', '/');
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A unique anchor: the slug of {@code text}, with a number appended when it is taken. */
    private String anchor(String text) {
        String base = Text.slug(text);
        String anchor = base;
        for (int n = 2; !anchors.add(anchor); n++) {
            anchor = base + "-" + n;
        }
        return anchor;
    }

    private static String value(SpecValue value) {
        return value == null ? null : value.text();
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
    }
}
