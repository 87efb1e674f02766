package io.github.apigwddb.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.SpecKind;
import io.github.apigwddb.spec.TextPosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Collects an operation's examples from every source the contract names (§3), in its order: the
 * {@code x-apigw-examples} extension, sidecar files, the spec's own examples, and, only when none of these
 * exists, examples synthesised from the schemas (with a warning). Thread-safe.
 */
public final class ExampleCollector {

    public static final String EXTENSION = "x-apigw-examples";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}+]+)\\+?}");

    private final Path sidecarDirectory;
    private final DocumentParser parser = new DocumentParser();
    /**
     * The names in the sidecar directory, lower-cased, listed once per check: a definition of thousands of
     * operations would otherwise ask the file system three times for each. Lower-cased so that a file system
     * which ignores case still finds {@code getitem.yaml} for {@code getItem}; a name found here is then opened as usual.
     */
    private Set<String> sidecarNames;
    private boolean sidecarNamesListed;

    /** @param sidecarDirectory where {@code <operationId>.(json|yaml)} files live; null or absent = none */
    public ExampleCollector(Path sidecarDirectory) {
        this.sidecarDirectory = sidecarDirectory;
    }

    public ExampleSet collect(LoadedSpec spec, ApiOperation operation) {
        List<Example> examples = new ArrayList<>();
        List<ExampleProblem> problems = new ArrayList<>();
        ExampleReader reader = new ExampleReader();

        JsonNode extension = operation.node().get(EXTENSION);
        if (extension != null) {
            String pointer = JsonPointers.child(operation.pointer(), EXTENSION);
            examples.addAll(reader.readList(extension, pointer, ExampleSource.EXTENSION, spec.file(), "example-"));
            reader.problems().forEach(p -> problems.add(problem(Rule.EXM004, p.message(), spec.file(), spec.locate(p.pointer()), null)));
        }
        examples.addAll(sidecarExamples(operation, problems));
        if (examples.isEmpty()) {
            examples.addAll(specExamples(spec, operation));
        }
        if (examples.isEmpty()) {
            examples.add(synthesise(spec, operation));
            problems.add(problem(Rule.EXM002, "No example for " + operation.ref().display() + ": rendered with one made up from"
                    + " the schemas; add x-apigw-examples or " + sidecarHint(operation) + " to check it with real data",
                    spec.file(), spec.locate(operation.pointer()), null));
        }
        for (Example example : examples) {
            undeclaredParameters(spec, operation, example, problems);
        }
        return new ExampleSet(examples, problems);
    }

    private String sidecarHint(ApiOperation operation) {
        return "src/test/apigateway/examples/" + operation.ref().fileSafeName() + ".yaml";
    }

    private List<Example> sidecarExamples(ApiOperation operation, List<ExampleProblem> problems) {
        Set<String> names = sidecarNames();
        if (names != null && names.isEmpty()) {
            return List.of();
        }
        List<Example> examples = new ArrayList<>();
        for (String extension : new String[] {"json", "yaml", "yml"}) {
            String name = operation.ref().fileSafeName() + "." + extension;
            if (names != null && !names.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Path file = sidecarDirectory.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            ParsedDocument document;
            try {
                document = parser.parse(Files.readString(file, StandardCharsets.UTF_8), SpecFormat.of(file));
            } catch (DocumentSyntaxException e) {
                problems.add(problem(Rule.EXM004, "Example file is not valid " + SpecFormat.of(file) + ": " + e.getMessage(), file, e.position(), null));
                continue;
            } catch (IOException | RuntimeException e) {
                problems.add(problem(Rule.EXM004, "Example file cannot be read: " + e.getMessage(), file, TextPosition.START, null));
                continue;
            }
            ExampleReader reader = new ExampleReader();
            examples.addAll(reader.readList(document.root(), "", ExampleSource.SIDECAR, file, "example-"));
            reader.problems().forEach(p -> problems.add(problem(Rule.EXM004, p.message(), file, document.sourceMap().locate(p.pointer()), null)));
        }
        return examples;
    }

    /** The lower-cased names in the sidecar directory; null when it cannot be listed (then each name is asked for). */
    private synchronized Set<String> sidecarNames() {
        if (!sidecarNamesListed) {
            Set<String> names = new HashSet<>();
            if (sidecarDirectory != null && Files.isDirectory(sidecarDirectory)) {
                try (Stream<Path> files = Files.list(sidecarDirectory)) {
                    files.forEach(f -> names.add(f.getFileName().toString().toLowerCase(Locale.ROOT)));
                } catch (IOException | UncheckedIOException e) {
                    sidecarNames = null;
                    sidecarNamesListed = true;
                    return null;
                }
            }
            sidecarNames = names;
            sidecarNamesListed = true;
        }
        return sidecarNames;
    }

    /** Examples the spec itself carries: OpenAPI 3 example/examples, Swagger 2 x-example and schema example. */
    private List<Example> specExamples(LoadedSpec spec, ApiOperation operation) {
        SchemaSampler sampler = new SchemaSampler(spec.root());
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        boolean anyParameterExample = false;
        for (JsonNode parameter : parameters(operation, sampler)) {
            JsonNode value = parameterExample(parameter);
            if (value != null) {
                anyParameterExample = true;
                params.computeIfAbsent(parameter.path("in").asText(), k -> new LinkedHashMap<>()).put(parameter.path("name").asText(), value.asText());
            }
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        String contentType = Example.DEFAULT_CONTENT_TYPE;
        if (spec.kind() == SpecKind.OPENAPI3) {
            JsonNode content = sampler.resolve(operation.node().path("requestBody")).path("content");
            String mediaType = content.has(Example.DEFAULT_CONTENT_TYPE) ? Example.DEFAULT_CONTENT_TYPE
                    : content.fieldNames().hasNext() ? content.fieldNames().next() : null;
            if (mediaType != null) {
                contentType = mediaType;
                JsonNode media = content.get(mediaType);
                if (media.has("example")) {
                    bodies.put("spec-example", media.get("example"));
                }
                media.path("examples").fields().forEachRemaining(e -> {
                    JsonNode value = sampler.resolve(e.getValue()).get("value");
                    if (value != null) {
                        bodies.put(e.getKey(), value);
                    }
                });
                if (bodies.isEmpty() && sampler.resolve(media.path("schema")).has("example")) {
                    bodies.put("spec-example", sampler.resolve(media.path("schema")).get("example"));
                }
            }
        } else {
            for (JsonNode parameter : parameters(operation, sampler)) {
                if ("body".equals(parameter.path("in").asText())) {
                    JsonNode schema = sampler.resolve(parameter.path("schema"));
                    if (schema.has("example")) {
                        bodies.put("spec-example", schema.get("example"));
                    }
                }
            }
        }
        if (bodies.isEmpty() && !anyParameterExample) {
            return List.of();
        }
        if (bodies.isEmpty()) {
            JsonNode body = synthesisedBody(spec, operation, sampler);
            bodies.put("spec-example", body);
        }
        fillPathParameters(operation, params, sampler);
        List<Example> examples = new ArrayList<>();
        for (Map.Entry<String, JsonNode> body : bodies.entrySet()) {
            examples.add(new Example(body.getKey(), ExampleSource.SPEC, ExampleReader.bodyText(body.getValue()), contentType,
                    params.getOrDefault("path", Map.of()), params.getOrDefault("query", Map.of()), params.getOrDefault("header", Map.of()),
                    Map.of(), Map.of(), null, null, spec.file(), operation.pointer()));
        }
        return examples;
    }

    private Example synthesise(LoadedSpec spec, ApiOperation operation) {
        SchemaSampler sampler = new SchemaSampler(spec.root());
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        for (JsonNode parameter : parameters(operation, sampler)) {
            String in = parameter.path("in").asText();
            if (parameter.path("required").asBoolean(false) && !"body".equals(in)) {
                JsonNode schema = parameter.has("schema") ? parameter.get("schema") : parameter;
                params.computeIfAbsent(in, k -> new LinkedHashMap<>()).put(parameter.path("name").asText(),
                        sampler.sample(schema, parameter.path("name").asText()).asText());
            }
        }
        fillPathParameters(operation, params, sampler);
        JsonNode body = synthesisedBody(spec, operation, sampler);
        return new Example("synthesised", ExampleSource.SYNTHESISED, ExampleReader.bodyText(body), Example.DEFAULT_CONTENT_TYPE,
                params.getOrDefault("path", Map.of()), params.getOrDefault("query", Map.of()), params.getOrDefault("header", Map.of()),
                Map.of(), Map.of(), null, null, spec.file(), operation.pointer());
    }

    private JsonNode synthesisedBody(LoadedSpec spec, ApiOperation operation, SchemaSampler sampler) {
        if (spec.kind() == SpecKind.OPENAPI3) {
            JsonNode content = sampler.resolve(operation.node().path("requestBody")).path("content");
            JsonNode media = content.has(Example.DEFAULT_CONTENT_TYPE) ? content.get(Example.DEFAULT_CONTENT_TYPE)
                    : content.elements().hasNext() ? content.elements().next() : null;
            return media == null || !media.has("schema") ? null : sampler.sample(media.get("schema"), "body");
        }
        for (JsonNode parameter : parameters(operation, sampler)) {
            if ("body".equals(parameter.path("in").asText())) {
                return sampler.sample(parameter.path("schema"), "body");
            }
        }
        return null;
    }

    /** Every {@code {name}} of the path template gets a value, so templates reading path parameters see one. */
    private static void fillPathParameters(ApiOperation operation, Map<String, Map<String, String>> params, SchemaSampler sampler) {
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        while (matcher.find()) {
            params.computeIfAbsent("path", k -> new LinkedHashMap<>()).putIfAbsent(matcher.group(1), "example-" + matcher.group(1));
        }
    }

    /** @see ApiOperation#parameters(JsonNode) */
    static List<JsonNode> parameters(ApiOperation operation, SchemaSampler sampler) {
        return operation.parameters(sampler.root());
    }

    private static JsonNode parameterExample(JsonNode parameter) {
        for (String member : new String[] {"example", "x-example"}) {
            if (parameter.has(member) && parameter.get(member).isValueNode()) {
                return parameter.get(member);
            }
        }
        JsonNode examples = parameter.path("examples");
        if (examples.isObject() && examples.elements().hasNext()) {
            JsonNode value = examples.elements().next().get("value");
            if (value != null && value.isValueNode()) {
                return value;
            }
        }
        JsonNode schemaExample = parameter.path("schema").get("example");
        return schemaExample != null && schemaExample.isValueNode() ? schemaExample : null;
    }

    /** Example parameters are used as given even when undeclared (contract §4), with a warning. */
    private static void undeclaredParameters(LoadedSpec spec, ApiOperation operation, Example example, List<ExampleProblem> problems) {
        if (example.source() == ExampleSource.SYNTHESISED || example.source() == ExampleSource.SPEC) {
            return;
        }
        SchemaSampler sampler = new SchemaSampler(spec.root());
        List<JsonNode> declared = parameters(operation, sampler);
        List<String> pathTemplateNames = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        while (matcher.find()) {
            pathTemplateNames.add(matcher.group(1));
        }
        check(example, "path", example.path().keySet(), declared, "path", pathTemplateNames, problems, spec);
        check(example, "querystring", example.querystring().keySet(), declared, "query", List.of(), problems, spec);
        check(example, "headers", example.headers().keySet(), declared, "header", List.of(), problems, spec);
    }

    private static void check(Example example, String member, Iterable<String> names, List<JsonNode> declared, String in,
            List<String> alsoKnown, List<ExampleProblem> problems, LoadedSpec spec) {
        for (String name : names) {
            boolean known = alsoKnown.contains(name) || declared.stream().anyMatch(p -> in.equals(p.path("in").asText())
                    && ("header".equals(in) ? p.path("name").asText().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                            : p.path("name").asText().equals(name)));
            if (!known) {
                TextPosition position = example.file().equals(spec.file()) ? spec.locate(JsonPointers.child(JsonPointers.child(example.pointer(), member), name))
                        : TextPosition.START;
                problems.add(problem(Rule.EXM003, "Example " + member + " parameter '" + name + "' is not declared by the operation;"
                        + " it is used as given, but declare it so request validation and parameter mappings know it", example.file(), position, example.name()));
            }
        }
    }

    private static ExampleProblem problem(Rule rule, String message, Path file, TextPosition position, String example) {
        return new ExampleProblem(rule, message, file, position, example);
    }
}
