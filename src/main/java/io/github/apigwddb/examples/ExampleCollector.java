package io.github.apigwddb.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.LocalReferences;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.ReferenceScope;
import io.github.apigwddb.spec.SourceMap;
import io.github.apigwddb.spec.SourceRoot;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.SpecKind;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.spec.Utf8Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Collects an operation's examples from every source the contract names (§3), in its order: the
 * {@code x-apigw-examples} extension, sidecar files, the spec's own examples, and, only when none of these
 * exists, examples synthesised from the schemas and from what the request template reads (with a warning).
 * Thread-safe.
 */
public final class ExampleCollector {

    public static final String EXTENSION = "x-apigw-examples";

    private final Path sidecarDirectory;
    private final SourceRoot bound;
    /** The sidecar names (no extension) of the operations seen, for EXM007. */
    private final Set<String> claimedBaseNames = ConcurrentHashMap.newKeySet();
    private final DocumentParser parser = new DocumentParser();
    /**
     * The names in the sidecar directory, lower-cased, listed once per check: a definition of thousands of
     * operations would otherwise ask the file system three times for each. Lower-cased so that a file system
     * which ignores case still finds {@code getitem.yaml} for {@code getItem}; a name found here is then opened as usual.
     */
    private Set<String> sidecarNames;
    /** The same names as written, for EXM007 (which names the file as it is). */
    private List<String> sidecarNamesAsWritten;
    /** Where the members of the sidecar files read so far are, for findings at their examples. */
    private final Map<Path, SourceMap> sidecarMaps = new ConcurrentHashMap<>();
    private boolean sidecarNamesListed;

    /** @param sidecarDirectory where {@code <operationId>.(json|yaml)} files live; null or absent = none */
    public ExampleCollector(Path sidecarDirectory) {
        this(sidecarDirectory, SourceRoot.NONE);
    }

    /** @param bound the files that may be read: a sidecar file that is a link to one elsewhere is not (EXM004) */
    public ExampleCollector(Path sidecarDirectory, SourceRoot bound) {
        this.sidecarDirectory = sidecarDirectory;
        this.bound = bound;
    }

    public ExampleSet collect(LoadedSpec spec, ApiOperation operation) {
        return collect(spec, operation, TemplateReads.NONE);
    }

    /**
     * @param reads what the operation's request template reads: an example made up for the operation also gives
     *     these inputs values where the schemas give none (user-given examples are used as they are)
     */
    public ExampleSet collect(LoadedSpec spec, ApiOperation operation, TemplateReads reads) {
        return collect(spec, operation, reads, example -> true);
    }

    /**
     * @param reaches whether a user's example reaches the operation's template: one that does not is left out, and an
     *     operation none reaches gets one made up (a WebSocket route's templates, each selected by the message)
     */
    public ExampleSet collect(LoadedSpec spec, ApiOperation operation, TemplateReads reads, Predicate<Example> reaches) {
        List<Example> examples = new ArrayList<>();
        List<ExampleProblem> problems = new ArrayList<>();
        ExampleReader reader = new ExampleReader();

        JsonNode extension = operation.node().get(EXTENSION);
        if (extension != null) {
            String pointer = JsonPointers.child(operation.pointer(), EXTENSION);
            examples.addAll(reader.readList(extension, pointer, ExampleSource.EXTENSION, spec.file(), "example-"));
            reader.problems().forEach(p -> problems.add(problem(Rule.EXM004, p.message(), spec.place(p.pointer()), null)));
        }
        examples.addAll(sidecarExamples(operation, problems));
        examples.removeIf(reaches.negate());
        if (examples.isEmpty()) {
            examples.addAll(specExamples(spec, operation, reads));
        }
        String unresolved = examples.isEmpty() ? unresolvedReference(spec, operation) : null;
        if (unresolved != null) {
            // made up from what a broken reference left of the schemas, an example gives findings the definition does not
            // have (a number that is no number, an input the model would refuse): the reference is reported (SPEC004)
            problems.add(problem(Rule.EXM002, "No example, and none made up: the operation's request refers to '" + unresolved
                    + "', which does not resolve (see SPEC004), so its schemas are incomplete; it is rendered once the reference"
                    + " resolves, or with an example in x-apigw-examples or " + sidecarHint(operation), spec.place(operation.pointer()), null));
        } else if (examples.isEmpty()) {
            List<String> fromTemplate = new ArrayList<>();
            examples.add(synthesise(spec, operation, reads, fromTemplate));
            String madeUpFrom = fromTemplate.isEmpty() ? "the schemas"
                    : "the schemas and from what the request template reads (" + String.join(", ", fromTemplate) + ")";
            // the finding carries the operation, and every report prints it: the message does not repeat it
            problems.add(problem(Rule.EXM002, "No example: rendered with one made up from " + madeUpFrom
                    + "; add x-apigw-examples or " + sidecarHint(operation) + " to check it with real data",
                    spec.place(operation.pointer()), null));
        }
        Map<String, Object> authorization = AuthorizationContext.madeUp(spec.root(), operation, reads.contextPaths(), false);
        if (!authorization.isEmpty()) {
            examples.replaceAll(example -> AuthorizationContext.withAuthorization(example, authorization));
        }
        if (!IntegrationExtractor.isWebSocketRoute(operation)) {
            examples.replaceAll(example -> withEveryPathParameter(spec, operation, example, reads, problems));
        }
        Set<String> named = new HashSet<>();
        for (Example example : examples) {
            if (!IntegrationExtractor.isWebSocketRoute(operation)) {
                undeclaredParameters(spec, operation, example, problems); // a WebSocket route declares no parameters
            }
            if (!hasPlaceName(example) && !named.add(example.name())) {
                problems.add(problem(Rule.EXM006, "Another example of this operation is also named '" + example.name() + "': findings"
                        + " and reports could not tell them apart, and apigw:render -Dapigw.example=" + example.name()
                        + " renders the first; give each example its own name", at(spec, example, JsonPointers.child(example.pointer(), "name")), example.name()));
            }
        }
        return new ExampleSet(examples, problems);
    }

    /**
     * A user's example without a value for a variable of the path, which no request to the operation lacks (API Gateway
     * routes none with an empty segment here): EXM008, and rendered with one made up as for the spec's examples, so
     * that the template is not blamed for what the example left out (user trial: a DDB007 on the key it lacked).
     */
    private Example withEveryPathParameter(LoadedSpec spec, ApiOperation operation, Example example, TemplateReads reads,
            List<ExampleProblem> problems) {
        if (example.source() == ExampleSource.SPEC || example.source() == ExampleSource.SYNTHESISED) {
            return example;
        }
        Map<String, String> given = new LinkedHashMap<>(example.path());
        given.values().removeIf(String::isEmpty);
        List<String> missing = operation.pathVariables().stream().filter(name -> !given.containsKey(name)).sorted().toList();
        if (missing.isEmpty()) {
            return example;
        }
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        params.put("path", given);
        params.put("query", new LinkedHashMap<>(example.querystring()));
        params.put("header", new LinkedHashMap<>(example.headers()));
        fillPathParameters(operation, params, new SchemaSampler(spec.root()), reads);
        Map<String, String> path = params.get("path");
        String madeUp = missing.stream().map(name -> name + "=" + path.get(name)).collect(Collectors.joining(", "));
        String pointer = example.path().isEmpty() ? example.pointer() : JsonPointers.child(example.pointer(), "path");
        problems.add(problem(Rule.EXM008, "Example gives no value for path parameter" + (missing.size() == 1 ? " " : "s ")
                + String.join(", ", missing) + ", which every request to the operation has; rendered with " + madeUp
                + " made up: add path: {" + missing.stream().map(name -> name + ": ...").collect(Collectors.joining(", "))
                + "} to the example", at(spec, example, pointer), example.name()));
        return new Example(example.name(), example.source(), example.body(), example.contentType(), path, example.querystring(),
                example.headers(), example.stageVariables(), example.context(), example.dynamodbResponse(), example.expect(),
                example.file(), example.pointer());
    }

    /**
     * The names a sidecar file of the operation may have: its own; for one of a WebSocket route's operations (a
     * template of a route that selects one per message: {@code ROUTE key template v1}) also the route's, whose examples
     * then go to each template.
     */
    private static List<String> sidecarBaseNames(ApiOperation operation) {
        String own = operation.ref().fileSafeName();
        String routeKey = IntegrationExtractor.routeKey(operation);
        if (routeKey.isEmpty() || routeKey.equals(operation.ref().path())) {
            return List.of(own);
        }
        String route = new OperationRef(operation.method(), routeKey, null).fileSafeName();
        return own.equals(route) ? List.of(own) : List.of(own, route);
    }

    /** Notes that the operation's sidecar files, if any, are the operation's (see {@link #unclaimedFiles}). */
    public void claim(ApiOperation operation) {
        claimedBaseNames.addAll(sidecarBaseNames(operation));
    }

    /**
     * EXM007 for each example file of the sidecar directory that no {@link #claim claimed} operation reads, with the name
     * meant when one is close: a misspelt file is otherwise passed over without a word, and its expectations with it
     * (user trial). Call after every definition's operations are claimed.
     */
    public List<ExampleProblem> unclaimedFiles() {
        if (sidecarDirectory == null || !Files.isDirectory(sidecarDirectory)) {
            return List.of();
        }
        if (sidecarNames() == null) {
            return List.of(); // the directory could not be listed: each operation's own file is still looked for by its name
        }
        List<ExampleProblem> problems = new ArrayList<>();
        Set<Path> claimedFiles = null;
        for (String name : sidecarNamesAsWritten.stream().sorted().toList()) {
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1);
            if (!List.of("json", "yaml", "yml").contains(extension) || claimedBaseNames.contains(name.substring(0, dot))) {
                continue;
            }
            Path file = sidecarDirectory.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            if (claimedFiles == null) {
                claimedFiles = claimedFiles(); // only once a name matches none: most directories never need it
            }
            if (claimedFiles.contains(sameFileKey(file))) {
                continue; // read under another spelling: OP.yaml for op.yaml where the file system ignores case
            }
            String base = name.substring(0, dot);
            String meant = Suggestions.nearest(base, claimedBaseNames);
            if (meant == null) {
                // a suffix added to the name (getItem-old.yaml): the longest operation name it starts with
                meant = claimedBaseNames.stream().filter(base::startsWith).max(Comparator.comparingInt(String::length)).orElse(null);
            }
            problems.add(problem(Rule.EXM007, "Example file " + name + " is the examples of no operation of the definitions checked,"
                    + " so none of its examples is rendered" + (meant == null ? "; a file is named after its operation's"
                    + " operationId (else <METHOD>_<path>, e.g. POST__items.yaml)" : "; did you mean " + meant + "." + extension + "?"),
                    file, TextPosition.START, null));
        }
        return problems;
    }

    /**
     * The files the claimed operations read, each by {@link #sameFileKey}: a name of the listing is looked up by its claimed
     * spelling, so each file is asked for once however many names the directory holds.
     */
    private Set<Path> claimedFiles() {
        Set<Path> files = new HashSet<>();
        for (String base : claimedBaseNames) {
            for (String extension : new String[] {"json", "yaml", "yml"}) {
                String name = base + "." + extension;
                Path file = sidecarDirectory.resolve(name);
                if (sidecarNames.contains(name.toLowerCase(Locale.ROOT)) && Files.isRegularFile(file)) {
                    files.add(sameFileKey(file));
                }
            }
        }
        return files;
    }

    /** A path that two names of one file share: its real path (case and links resolved), else the path as written, normalised. */
    private static Path sameFileKey(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | SecurityException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** The operation's sidecar files that exist, by name ({@code getItem.yaml}); the check reads them only for operations it renders. */
    public List<String> sidecarFiles(ApiOperation operation) {
        Set<String> names = sidecarNames();
        List<String> found = new ArrayList<>();
        for (String base : sidecarBaseNames(operation)) {
            for (String extension : new String[] {"json", "yaml", "yml"}) {
                String name = base + "." + extension;
                if ((names == null || names.contains(name.toLowerCase(Locale.ROOT))) && Files.isRegularFile(sidecarDirectory.resolve(name))) {
                    found.add(name);
                }
            }
        }
        return found;
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
        List<String> candidates = new ArrayList<>();
        for (String base : sidecarBaseNames(operation)) {
            for (String extension : new String[] {"json", "yaml", "yml"}) {
                candidates.add(base + "." + extension);
            }
        }
        for (String name : candidates) {
            if (names != null && !names.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Path file = sidecarDirectory.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            if (!bound.holdsFound(file, sidecarDirectory)) {
                // its text would reach the log in findings (hostile-input review: a link to a file of secrets)
                problems.add(problem(Rule.EXM004, bound.refusal("The example file", file) + "; it is not read", file, TextPosition.START, null));
                continue;
            }
            ParsedDocument document;
            try {
                document = parser.parse(Utf8Text.read(file), SpecFormat.of(file));
            } catch (Utf8Text.NotUtf8Exception e) {
                problems.add(problem(Rule.EXM004, "Example file is " + e.withoutPosition(), file, e.position(), null));
                continue;
            } catch (DocumentSyntaxException e) {
                problems.add(problem(Rule.EXM004, "Example file is not valid " + SpecFormat.of(file) + ": " + e.getMessage(), file, e.position(), null));
                continue;
            } catch (IOException | RuntimeException e) {
                problems.add(problem(Rule.EXM004, "Example file cannot be read: " + e.getMessage(), file, TextPosition.START, null));
                continue;
            }
            sidecarMaps.put(file, document.sourceMap());
            ExampleReader reader = new ExampleReader();
            examples.addAll(reader.readList(document.root(), "", ExampleSource.SIDECAR, file, "example-"));
            reader.problems().forEach(p -> problems.add(problem(Rule.EXM004, p.message(), file, document.sourceMap().locate(p.pointer()), null)));
        }
        return examples;
    }

    /**
     * Where a member of an example of a sidecar file this collector read is ({@code member} null: the example itself);
     * the file's start for other examples outside the spec.
     */
    public TextPosition locateInSidecar(Example example, String member) {
        return example.pointer() == null ? TextPosition.START
                : sidecarAt(example, member == null ? example.pointer() : JsonPointers.child(example.pointer(), member));
    }

    private TextPosition sidecarAt(Example example, String pointer) {
        SourceMap map = example.file() == null ? null : sidecarMaps.get(example.file());
        return map == null ? TextPosition.START : map.locate(pointer);
    }

    /** The lower-cased names in the sidecar directory; null when it cannot be listed (then each name is asked for). */
    private synchronized Set<String> sidecarNames() {
        if (!sidecarNamesListed) {
            List<String> asWritten = new ArrayList<>();
            if (sidecarDirectory != null && Files.isDirectory(sidecarDirectory)) {
                try (Stream<Path> files = Files.list(sidecarDirectory)) {
                    files.forEach(f -> asWritten.add(f.getFileName().toString()));
                } catch (IOException | UncheckedIOException e) {
                    sidecarNames = null;
                    sidecarNamesListed = true;
                    return null;
                }
            }
            sidecarNamesAsWritten = List.copyOf(asWritten);
            sidecarNames = asWritten.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(HashSet::new));
            sidecarNamesListed = true;
        }
        return sidecarNames;
    }

    /** Examples the spec itself carries: OpenAPI 3 example/examples, Swagger 2 x-example and schema example. */
    private List<Example> specExamples(LoadedSpec spec, ApiOperation operation, TemplateReads reads) {
        SchemaSampler sampler = new SchemaSampler(spec.root());
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        boolean anyParameterExample = false;
        String parameterExampleName = null; // the name of the first named parameter example, for an example of parameters only
        for (JsonNode parameter : parameters(operation, sampler)) {
            JsonNode value = parameterExample(parameter);
            if (value != null) {
                anyParameterExample = true;
                if (parameterExampleName == null && !parameter.has("example") && !parameter.has("x-example")
                        && parameter.path("examples").isObject() && parameter.path("examples").elements().hasNext()
                        && parameter.path("examples").elements().next().has("value")) {
                    parameterExampleName = parameter.path("examples").fieldNames().next();
                }
                params.computeIfAbsent(parameter.path("in").asText(), k -> new LinkedHashMap<>()).put(parameter.path("name").asText(), value.asText());
            }
        }
        Map<String, SpecBody> bodies = new LinkedHashMap<>();
        String contentType = Example.DEFAULT_CONTENT_TYPE;
        if (spec.kind() == SpecKind.OPENAPI3) {
            JsonNode requestBody = operation.node().path("requestBody");
            // a finding about a body example points at it: in the operation's requestBody when written there
            String contentPointer = requestBody.has("$ref") ? operation.pointer()
                    : JsonPointers.child(JsonPointers.child(operation.pointer(), "requestBody"), "content");
            JsonNode content = sampler.resolve(requestBody).path("content");
            List<String> mediaTypes = new ArrayList<>();
            content.fieldNames().forEachRemaining(mediaTypes::add);
            String json = jsonMediaType(content);
            if (json != null) {
                mediaTypes.remove(json);
                mediaTypes.add(0, json);
            }
            if (!mediaTypes.isEmpty()) {
                contentType = mediaTypes.get(0); // what a body made up for parameter examples is sent as
            }
            Map<String, Map<String, SpecBody>> byMediaType = new LinkedHashMap<>();
            for (String mediaType : mediaTypes) {
                JsonNode media = content.get(mediaType);
                String mediaPointer = mediaPointer(operation, contentPointer, mediaType);
                Map<String, SpecBody> ofMedia = new LinkedHashMap<>();
                if (media.has("example")) {
                    ofMedia.put("spec-example", new SpecBody(media.get("example"), under(operation, mediaPointer, "example"), mediaType));
                }
                media.path("examples").fields().forEachRemaining(e -> {
                    JsonNode value = sampler.resolve(e.getValue()).get("value");
                    if (value != null) {
                        ofMedia.put(e.getKey(), new SpecBody(value, under(operation, under(operation, mediaPointer, "examples"), e.getKey()), mediaType));
                    }
                });
                if (ofMedia.isEmpty() && sampler.resolve(media.path("schema")).has("example")) {
                    ofMedia.put("spec-example", new SpecBody(sampler.resolve(media.path("schema")).get("example"),
                            under(operation, mediaPointer, "schema"), mediaType));
                }
                byMediaType.put(mediaType, ofMedia);
            }
            boolean anyBodyExample = byMediaType.values().stream().anyMatch(ofMedia -> !ofMedia.isEmpty());
            for (Map.Entry<String, Map<String, SpecBody>> entry : byMediaType.entrySet()) {
                // each media type's examples are sent with it, so that its own template is rendered (user trial: a JSON and
                // a form template, only the JSON one rendered); the first one's names stay as written, for baselines
                String mediaType = entry.getKey();
                boolean primary = mediaType.equals(mediaTypes.get(0));
                JsonNode media = content.get(mediaType);
                Map<String, SpecBody> ofMedia = entry.getValue();
                if (ofMedia.isEmpty() && anyBodyExample && Example.isJson(mediaType) && media.has("schema")) {
                    // only another media type has an example: without one made up, this one's template would not be rendered
                    String mediaPointer = mediaPointer(operation, contentPointer, mediaType);
                    JsonNode madeUp = madeUpBody(media.get("schema"), sampler, reads, new ArrayList<>());
                    ofMedia = madeUp == null ? ofMedia : Map.of("synthesised", new SpecBody(madeUp, under(operation, mediaPointer, "schema"), mediaType,
                            ExampleSource.SYNTHESISED));
                }
                ofMedia.forEach((name, body) -> {
                    // another media type's example is sent only when its text is what a client sends with that type
                    if (primary || body.value().isTextual() || FormBodies.isUrlEncoded(mediaType) || Example.isJson(mediaType)) {
                        bodies.put(bodies.containsKey(name) ? name + " (" + mediaType + ")" : name, body);
                    }
                });
            }
        } else {
            for (JsonNode parameter : parameters(operation, sampler)) {
                if ("body".equals(parameter.path("in").asText())) {
                    JsonNode schema = sampler.resolve(parameter.path("schema"));
                    if (schema.has("example")) {
                        bodies.put("spec-example", new SpecBody(schema.get("example"), operation.pointer(), contentType));
                    }
                }
            }
            String form = FormBodies.swaggerFormType(spec.root(), operation);
            if (form != null && anyParameterExample) {
                // the form's fields are the body, sent with the form's Content-Type; a required one without an example sampled
                contentType = form;
                Map<String, String> fields = new LinkedHashMap<>(params.getOrDefault("formData", Map.of()));
                for (JsonNode parameter : parameters(operation, sampler)) {
                    if ("formData".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean(false)) {
                        fields.putIfAbsent(parameter.path("name").asText(), sampler.sample(parameter, parameter.path("name").asText()).asText());
                    }
                }
                bodies.put("spec-example", new SpecBody(JsonNodeFactory.instance.textNode(FormBodies.encoded(fields)), operation.pointer(), form));
            }
        }
        if (bodies.isEmpty() && !anyParameterExample) {
            return List.of();
        }
        if (bodies.isEmpty()) {
            // the parameters are the spec's own examples, the body is made up
            JsonNode body = synthesisedBody(spec, operation, sampler, reads, new ArrayList<>());
            bodies.put(parameterExampleName != null ? parameterExampleName : "spec-example", new SpecBody(body, operation.pointer(), contentType));
        }
        // OpenAPI 3 writes a form's example as an object of its fields
        bodies.replaceAll((name, body) -> body.value() != null && body.value().isObject() && FormBodies.isUrlEncoded(body.contentType())
                ? new SpecBody(JsonNodeFactory.instance.textNode(FormBodies.encoded(body.value())), body.pointer(), body.contentType(), body.source())
                : body);
        fillPathParameters(operation, params, sampler, reads);
        List<Example> examples = new ArrayList<>();
        for (Map.Entry<String, SpecBody> body : bodies.entrySet()) {
            examples.add(new Example(body.getKey(), body.getValue().source(), ExampleReader.bodyText(body.getValue().value()), body.getValue().contentType(),
                    params.getOrDefault("path", Map.of()), params.getOrDefault("query", Map.of()), params.getOrDefault("header", Map.of()),
                    Map.of(), Map.of(), null, null, spec.file(), body.getValue().pointer()));
        }
        return examples;
    }

    /**
     * A body example of the spec, where it is written (the operation when not in it), and the media type it is sent as;
     * {@link ExampleSource#SYNTHESISED} for one made up from the media type's schema.
     */
    private record SpecBody(JsonNode value, String pointer, String contentType, ExampleSource source) {
        SpecBody(JsonNode value, String pointer, String contentType) {
            this(value, pointer, contentType, ExampleSource.SPEC);
        }
    }

    /** Where a media type of the body is written: under {@code contentPointer}, or the operation when that is not in it. */
    private static String mediaPointer(ApiOperation operation, String contentPointer, String mediaType) {
        return contentPointer.equals(operation.pointer()) ? contentPointer : JsonPointers.child(contentPointer, mediaType);
    }

    /** A member of the element at {@code pointer}, or the operation when that element is not in the operation. */
    private static String under(ApiOperation operation, String pointer, String member) {
        return pointer.equals(operation.pointer()) ? pointer : JsonPointers.child(pointer, member);
    }

    /**
     * An example made up for the operation as {@link #collect} makes one where there is none; null where its request
     * schemas are incomplete (a reference that does not resolve). For an operation whose own examples all stop at API
     * Gateway (a request model or a Content-Type refuses each), so that its templates are still rendered.
     */
    public Example madeUp(LoadedSpec spec, ApiOperation operation, TemplateReads reads) {
        return unresolvedReference(spec, operation) != null ? null : synthesise(spec, operation, reads, new ArrayList<>());
    }

    /**
     * The first {@code $ref} the operation's request (its parameters, the path's, its body) reaches that does not resolve,
     * following the definition's own references ({@code #/components/schemas/Order} that is itself a reference): one to
     * another file left as written (it could not be inlined) or one to nothing; null when all resolve. A {@code $ref} in
     * an extension or in example data is data ({@link ReferenceScope}).
     */
    private static String unresolvedReference(LoadedSpec spec, ApiOperation operation) {
        ReferenceScope operationScope = ReferenceScope.root(spec.kind());
        Deque<Map.Entry<JsonNode, ReferenceScope>> work = new ArrayDeque<>();
        for (JsonNode part : List.of(operation.node().path("parameters"), operation.node().path("requestBody"),
                operation.pathItem() == null ? MissingNode.getInstance() : operation.pathItem().path("parameters"))) {
            String member = part == operation.node().path("requestBody") ? "requestBody" : "parameters";
            ReferenceScope scope = operationScope.member(member, part);
            if (scope != null) {
                work.push(Map.entry(part, scope));
            }
        }
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!work.isEmpty()) {
            Map.Entry<JsonNode, ReferenceScope> step = work.pop();
            JsonNode node = step.getKey();
            ReferenceScope scope = step.getValue();
            if (!seen.add(node)) {
                continue;
            }
            if (node.isArray()) {
                node.forEach(element -> work.push(Map.entry(element, scope.element())));
                continue;
            }
            JsonNode ref = scope.refIsReference() ? node.get("$ref") : null;
            if (ref != null && ref.isTextual()) {
                JsonNode target = LocalReferences.resolve(spec.root(), JsonNodeFactory.instance.objectNode().set("$ref", ref));
                if (target.isMissingNode()) {
                    return ref.textValue();
                }
                work.push(Map.entry(target, scope));
            }
            node.fields().forEachRemaining(member -> {
                ReferenceScope inner = scope.member(member.getKey(), member.getValue());
                if (inner != null) {
                    work.push(Map.entry(member.getValue(), inner));
                }
            });
        }
        return null;
    }

    /** @param fromTemplate receives the inputs made up from what the request template reads ({@code body $.id}, {@code header X-Env}) */
    private Example synthesise(LoadedSpec spec, ApiOperation operation, TemplateReads reads, List<String> fromTemplate) {
        SchemaSampler sampler = new SchemaSampler(spec.root());
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        List<JsonNode> declared = parameters(operation, sampler);
        for (JsonNode parameter : declared) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            // one that says only "text" and that the template reads gets a value where it is written (completeParameters)
            boolean fitsWhereRead = TemplateReadValues.saysNothing(parameter) && reads.parameters().stream().anyMatch(read -> read.name().equals(name));
            if (parameter.path("required").asBoolean(false) && !"body".equals(in) && !fitsWhereRead) {
                JsonNode schema = parameter.has("schema") ? parameter.get("schema") : parameter;
                params.computeIfAbsent(in, k -> new LinkedHashMap<>()).put(parameter.path("name").asText(),
                        sampler.sample(schema, parameter.path("name").asText()).asText());
            }
        }
        fillPathParameters(operation, params, sampler, reads); // every request has them: not listed as made up from the template
        List<String> bodyMembers = new ArrayList<>();
        JsonNode body = synthesisedBody(spec, operation, sampler, reads, bodyMembers);
        if (!bodyMembers.isEmpty()) {
            fromTemplate.add("body " + String.join(", ", bodyMembers));
        }
        TemplateReadValues.completeParameters(params, reads.parameters(), declared, pathTemplateNames(operation), sampler, fromTemplate);
        String contentType = Example.DEFAULT_CONTENT_TYPE;
        String form = spec.kind() == SpecKind.SWAGGER2 ? FormBodies.swaggerFormType(spec.root(), operation) : openApiFormType(operation, sampler);
        if (form != null && spec.kind() == SpecKind.SWAGGER2 && body == null) {
            contentType = form;
            body = JsonNodeFactory.instance.textNode(FormBodies.encoded(params.getOrDefault("formData", Map.of())));
        } else if (form != null && (body == null || body.isObject())) {
            // an OpenAPI 3 form: its schema's object, made up, sent as the form's fields
            contentType = form;
            body = JsonNodeFactory.instance.textNode(body == null ? "" : FormBodies.encoded(body));
        }
        return new Example("synthesised", ExampleSource.SYNTHESISED, ExampleReader.bodyText(body), contentType,
                params.getOrDefault("path", Map.of()), params.getOrDefault("query", Map.of()), params.getOrDefault("header", Map.of()),
                Map.of(), AuthorizationContext.madeUp(spec.root(), operation, reads.contextPaths()), null, null, spec.file(),
                operation.pointer());
    }

    /** An OpenAPI 3 operation's form media type when it is the one its made-up body follows (no JSON one), else null. */
    private static String openApiFormType(ApiOperation operation, SchemaSampler sampler) {
        JsonNode content = sampler.resolve(operation.node().path("requestBody")).path("content");
        if (jsonMediaType(content) != null || !content.fieldNames().hasNext()) {
            return null;
        }
        String first = content.fieldNames().next();
        return FormBodies.isUrlEncoded(first) ? first : null;
    }

    /** The body made up from its schema, with the members the request template reads and the schema does not give. */
    private JsonNode synthesisedBody(LoadedSpec spec, ApiOperation operation, SchemaSampler sampler, TemplateReads reads,
            List<String> fromTemplate) {
        return madeUpBody(bodySchema(spec, operation, sampler), sampler, reads, fromTemplate);
    }

    /** The body made up from {@code schema} (null: none), with the members the request template reads and the schema does not give. */
    private static JsonNode madeUpBody(JsonNode schema, SchemaSampler sampler, TemplateReads reads, List<String> fromTemplate) {
        JsonNode sampled = schema == null ? null : sampler.sample(schema, "body");
        return TemplateReadValues.completeBody(sampled, schema, sampler, reads.bodyPaths(), reads.iteratedPaths(), fromTemplate);
    }

    /**
     * An OpenAPI 3 body's JSON media type: application/json when listed, else the first JSON one ({@code application/json;
     * charset=utf-8}, {@code +json}); null when none.
     */
    private static String jsonMediaType(JsonNode content) {
        if (content.has(Example.DEFAULT_CONTENT_TYPE)) {
            return Example.DEFAULT_CONTENT_TYPE;
        }
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (Example.isJson(name)) {
                return name;
            }
        }
        return null;
    }

    /** The request body's schema: OpenAPI 3's for its JSON media type (else the first media type), Swagger 2's body parameter's. */
    private static JsonNode bodySchema(LoadedSpec spec, ApiOperation operation, SchemaSampler sampler) {
        if (spec.kind() == SpecKind.OPENAPI3) {
            JsonNode content = sampler.resolve(operation.node().path("requestBody")).path("content");
            String json = jsonMediaType(content);
            JsonNode media = json != null ? content.get(json) : content.elements().hasNext() ? content.elements().next() : null;
            return media == null || !media.has("schema") ? null : media.get("schema");
        }
        for (JsonNode parameter : parameters(operation, sampler)) {
            if ("body".equals(parameter.path("in").asText())) {
                return parameter.has("schema") ? parameter.get("schema") : null;
            }
        }
        return null;
    }

    private static Set<String> pathTemplateNames(ApiOperation operation) {
        return operation.pathVariables();
    }

    /**
     * Every {@code {name}} of the path template gets a value, as every request has one: where the template writes it, one
     * that fits there ({@code "1"} in {@code "N": "..."}), else its declaration's, else {@code example-<name>} (user
     * trial: a spec's body example with {@code example-orderNo} for an integer key, a false DDB007).
     */
    private static void fillPathParameters(ApiOperation operation, Map<String, Map<String, String>> params, SchemaSampler sampler,
            TemplateReads reads) {
        List<JsonNode> declared = parameters(operation, sampler);
        Map<String, Map<String, String>> fitting = new LinkedHashMap<>();
        params.forEach((in, values) -> fitting.put(in, new LinkedHashMap<>(values)));
        TemplateReadValues.completeParameters(fitting, reads.parameters(), declared, pathTemplateNames(operation), sampler, new ArrayList<>());
        for (String name : operation.pathVariables()) {
            String value = fitting.getOrDefault("path", Map.of()).get(name);
            if (value == null) {
                JsonNode declaration = TemplateReadValues.declaration(declared, "path", name);
                value = declaration == null || TemplateReadValues.saysNothing(declaration) ? "example-" + name
                        : sampler.sample(declaration.has("schema") ? declaration.get("schema") : declaration, name).asText();
            }
            params.computeIfAbsent("path", k -> new LinkedHashMap<>()).putIfAbsent(name, value);
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
    private void undeclaredParameters(LoadedSpec spec, ApiOperation operation, Example example, List<ExampleProblem> problems) {
        if (example.source() == ExampleSource.SYNTHESISED || example.source() == ExampleSource.SPEC) {
            return;
        }
        SchemaSampler sampler = new SchemaSampler(spec.root());
        List<JsonNode> declared = parameters(operation, sampler);
        check(example, "path", example.path().keySet(), declared, "path", pathTemplateNames(operation), problems, spec);
        check(example, "querystring", example.querystring().keySet(), declared, "query", Set.of(), problems, spec);
        check(example, "headers", example.headers().keySet(), declared, "header", Set.of(), problems, spec);
    }

    /**
     * Whether the example goes by the name of its place ({@code example-2} for the second of its list), which is what an
     * example without {@code name} is called in either source: two such are no names the user gave twice.
     */
    private static boolean hasPlaceName(Example example) {
        String pointer = example.pointer();
        if (pointer == null) {
            return false;
        }
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        return last.matches("\\d{1,9}") && example.name().equals("example-" + (Integer.parseInt(last) + 1));
    }

    /** Where a part of a user's example is, in the definition or in its sidecar file. */
    private LoadedSpec.Place at(LoadedSpec spec, Example example, String pointer) {
        return example.file().equals(spec.file()) ? spec.place(pointer) : new LoadedSpec.Place(example.file(), sidecarAt(example, pointer));
    }

    private void check(Example example, String member, Iterable<String> names, List<JsonNode> declared, String in,
            Set<String> alsoKnown, List<ExampleProblem> problems, LoadedSpec spec) {
        for (String name : names) {
            boolean known = alsoKnown.contains(name) || declared.stream().anyMatch(p -> in.equals(p.path("in").asText())
                    && ("header".equals(in) ? p.path("name").asText().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                            : p.path("name").asText().equals(name)));
            if (!known) {
                LoadedSpec.Place position = at(spec, example, JsonPointers.child(JsonPointers.child(example.pointer(), member), name));
                problems.add(problem(Rule.EXM003, "Example " + member + " parameter '" + name + "' is not declared by the operation;"
                        + " it is used as given, but declare it so request validation and parameter mappings know it", position, example.name()));
            }
        }
    }

    private static ExampleProblem problem(Rule rule, String message, Path file, TextPosition position, String example) {
        return new ExampleProblem(rule, message, file, position, example);
    }

    private static ExampleProblem problem(Rule rule, String message, LoadedSpec.Place place, String example) {
        return new ExampleProblem(rule, message, place.file(), place.position(), example);
    }
}
