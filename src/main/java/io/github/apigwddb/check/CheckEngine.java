package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.bundle.Placeholders;
import io.github.apigwddb.cloudformation.CloudFormationReader;
import io.github.apigwddb.cloudformation.IntrinsicResolver;
import io.github.apigwddb.cloudformation.TemplateApi;
import io.github.apigwddb.cloudformation.TemplateReading;
import io.github.apigwddb.dynamodb.schema.TableSchema;
import io.github.apigwddb.dynamodb.schema.TableSchemaReader;
import io.github.apigwddb.dynamodb.schema.TableSchemas;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.examples.ExampleCollector;
import io.github.apigwddb.examples.ExampleProblem;
import io.github.apigwddb.examples.ExampleSet;
import io.github.apigwddb.examples.ExampleSource;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.lint.ApiLinter;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.security.ProbeBudget;
import io.github.apigwddb.spec.ExternalReferences;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LoadResult;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SourceMap;
import io.github.apigwddb.spec.SpecKind;
import io.github.apigwddb.spec.SourceRoot;
import io.github.apigwddb.spec.SpecLoader;
import io.github.apigwddb.spec.SpecProblem;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The check, end to end and one way: files → spec tree and source map → DynamoDB integrations → static
 * rules → for each example the {@link ExampleCheck}s in order (render the request, validate it for the
 * action, render the response, compare with expectations) → findings in report order. Knows nothing of
 * Maven. One engine per run: it holds the templates the run compiled lately.
 */
public final class CheckEngine {

    private final TableSchemaReader tableReader = new TableSchemaReader();
    private final IntegrationChecker checker;
    private final IntegrationChecker webSocketChecker;
    private final RolePermissionCheck roles = new RolePermissionCheck();
    private final ApiLinter apiLinter = new ApiLinter();
    private final InjectionCheck injection;

    public CheckEngine() {
        this(new ApiGatewayTemplateEngine());
    }

    /** With the given engine: tests give one of short render deadlines. */
    CheckEngine(ApiGatewayTemplateEngine engine) {
        this(engine, ProbeBudget.total(engine.limits()));
    }

    /** With the given engine and time for the injection probes of each integration. */
    CheckEngine(ApiGatewayTemplateEngine engine, Duration probeTime) {
        TemplateRunner runner = new TemplateRunner(engine);
        RequestRenderCheck renderRequest = new RequestRenderCheck(runner);
        DynamoDbRequestCheck validateRequest = new DynamoDbRequestCheck();
        ResponseRenderCheck renderResponses = new ResponseRenderCheck(runner);
        MinimalExampleCheck minimal = new MinimalExampleCheck(List.of(renderRequest, validateRequest), runner);
        this.injection = new InjectionCheck(engine, probeTime);
        List<ExampleCheck> checks = List.of(
                new BodyValidationCheck(),
                renderRequest,
                validateRequest,
                injection,
                roles,
                minimal,
                renderResponses,
                new StoredStringCheck(runner),
                new MissingAttributeCheck(runner),
                new ClientArrayLimitCheck(runner),
                new MissingItemCheck(renderResponses, runner),
                new TypedJsonResponseCheck(runner),
                new ResponsePathCheck(runner),
                new UnknownReferenceCheck(runner),
                new UndeclaredParameterCheck(runner),
                new BodilessReadCheck(runner),
                new StageVariableCheck(runner),
                new TextLoopCheck(runner),
                new StatusOverrideCheck(runner),
                new AuthorizerReadCheck(runner),
                new ExpectationCheck());
        this.checker = new IntegrationChecker(runner, checks);
        // WebSocket routes: the same but MinimalExampleCheck's (VTL009 leaves out the optional inputs a REST definition
        // declares; a route declares none); only two-way routes have responses (see WebSocketAssembler)
        this.webSocketChecker = new IntegrationChecker(runner, checks.stream().filter(check -> check != minimal).toList(), true);
    }

    private static boolean isTemplate(LoadResult loaded) {
        return loaded.spec() != null && loaded.spec().kind() == SpecKind.CLOUDFORMATION;
    }

    private IntegrationChecker checkerFor(Integration integration) {
        return IntegrationExtractor.isWebSocketRoute(integration.operation()) ? webSocketChecker : checker;
    }

    public CheckResult run(CheckRequest request, CheckLog log) {
        // only the repository's files are opened, by every reader of this check (see SourceRoot)
        SourceRoot bound = SourceRoot.of(request.sourceRoot());
        SpecLoader loader = new SpecLoader(bound);
        CloudFormationReader cloudFormation = new CloudFormationReader(bound);
        ExampleCollector collector = new ExampleCollector(request.examplesDirectory(), bound);
        List<Finding> findings = new ArrayList<>();
        List<CheckResult.CheckedCase> cases = new ArrayList<>();
        int specs = 0;
        int integrations = 0;
        int examples = 0;
        findings.addAll(TableDefinitionFindings.of(request.tables()));
        ForkJoinPool pool = request.threads() > 1 ? new ForkJoinPool(request.threads()) : null;
        List<LoadResult> structureChecks = new ArrayList<>();
        Set<Path> filesRead = new TreeSet<>();
        try {
            Map<Path, LoadResult> loadedFiles = new LinkedHashMap<>();
            for (Path file : request.specFiles()) {
                // swagger-parser's structural check runs beside the rendering, on the tree as written
                LoadResult loaded = pool != null ? loader.load(file, pool) : loader.load(file);
                structureChecks.add(loaded);
                loadedFiles.put(file, loaded);
            }
            // templates first: a definition file one takes (DefinitionUri, AWS::Include) is checked there, with the template's
            // values, and not again on its own (FP hunt on SAM templates: every finding of such a file was said twice)
            Map<Path, Path> takenByTemplates = new HashMap<>();
            List<Path> templatesFirst = new ArrayList<>(loadedFiles.keySet());
            templatesFirst.sort(Comparator.comparing(file -> !isTemplate(loadedFiles.get(file))));
            for (Path file : templatesFirst) {
                LoadResult loaded = loadedFiles.get(file);
                Path template = isTemplate(loaded) ? null : takenByTemplates.get(file.toAbsolutePath().normalize());
                if (template != null) {
                    log.info("Not checking " + file.getFileName() + " on its own: " + template.getFileName() + " takes it, and it is"
                            + " checked there, with the template's values");
                    structureChecks.remove(loaded); // its problems, SPEC002 among them, are said where the template reads it
                    continue;
                }
                for (SpecProblem problem : loaded.problems()) {
                    findings.add(new Finding(problem.rule(), problem.rule().defaultSeverity(), problem.message(),
                            Locator.position(file, problem.position()), null, null));
                }
                if (loaded.spec() == null) {
                    if (loaded.skippedBecause() != null) {
                        // said at info: the file does not parse, and only this line tells why no finding says so
                        log.info("Not checking " + file.getFileName() + ": " + loaded.skippedBecause());
                    }
                    continue;
                }
                if (loaded.spec().kind() == SpecKind.NOT_AN_API) {
                    // a part other definitions take by $ref: its placeholders are said where it is taken
                    log.debug(file + " is " + SpecKind.NOT_AN_API.label() + " (no openapi, swagger or Resources at its root): not checked");
                    continue;
                }
                LoadedSpec spec = asDeployed(loaded.spec(), request, filesRead, findings);
                List<LoadedSpec> apis = List.of(spec);
                CheckRequest apiRequest = request;
                if (spec.kind() == SpecKind.CLOUDFORMATION) {
                    TemplateReading reading = readTemplate(cloudFormation, spec, request);
                    apiRequest = withTablesOfTemplate(request, file, reading.tableNames());
                    findings.addAll(reading.findings());
                    filesRead.addAll(reading.files());
                    reading.files().forEach(taken -> takenByTemplates.putIfAbsent(taken, file));
                    reading.notes().forEach(log::info);
                    apis = new ArrayList<>();
                    for (TemplateApi api : reading.apis()) {
                        log.debug(file.getFileName() + ": API " + api.name() + " from " + api.origin());
                        roles.register(api);
                        // a definition file the template names may take path items and schemas from other files too
                        apis.add(withOtherFilesInlined(api.spec(), request.sourceRoot(), filesRead, findings));
                    }
                }
                for (LoadedSpec api : apis) {
                    specs++;
                    List<ApiOperation> unresolvedRefs = new ArrayList<>();
                    List<Integration> dynamo = dynamoDbIntegrations(api, log, unresolvedRefs, collector);
                    log.info("Checking " + api.file().getFileName() + " (" + spec.kind().label() + "): " + dynamo.size()
                            + " DynamoDB integration" + (dynamo.size() == 1 ? "" : "s"));
                    integrations += dynamo.size();
                    Locator locator = new Locator(api, spec.kind() == SpecKind.CLOUDFORMATION, collector);
                    unresolvedRefs.forEach(operation -> findings.add(unresolvedIntegrationRef(operation, locator)));
                    if ((!dynamo.isEmpty() || dynamoDbOnPathItem(api.root())) && !api.root().has(IntegrationExtractor.WEBSOCKET_ROUTES)) {
                        IntegrationChecker.addLintFindings(locator, apiLinter.lint(api.root(), dynamo), null, findings);
                    }
                    for (IntegrationChecker.Outcome outcome : checkAll(locator, dynamo, collector, apiRequest, pool)) {
                        findings.addAll(outcome.findings());
                        cases.addAll(outcome.cases());
                        examples += outcome.examplesRendered();
                    }
                    injection.unprobedWarnings(locator).forEach(log::warn);
                }
            }
            if (loadedFiles.values().stream().allMatch(loaded -> loaded.spec() != null || loaded.skippedBecause() != null)) {
                // a file that does not parse may hold the operation an examples file is for; one passed over (empty, a
                // mapping template) holds none
                for (ExampleProblem problem : collector.unclaimedFiles()) {
                    findings.add(new Finding(problem.rule(), problem.rule().defaultSeverity(), problem.message(),
                            Locator.position(problem.file(), problem.position()), null, null));
                }
            }
            for (LoadResult loaded : structureChecks) {
                for (SpecProblem problem : loaded.structureProblems().join()) {
                    findings.add(new Finding(problem.rule(), problem.rule().defaultSeverity(), problem.message(),
                            Locator.position(loaded.spec().file(), problem.position()), null, null));
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        findings.sort(Finding.REPORT_ORDER);
        return new CheckResult(List.copyOf(findings), specs, integrations, examples, List.copyOf(cases), List.copyOf(filesRead));
    }

    /**
     * The template's APIs, read with its values. A recursion the reading does not stop (its cycles of references are
     * CFN010) fails the check with a message naming the file, not with the resolver's thousand stack lines.
     */
    private static TemplateReading readTemplate(CloudFormationReader cloudFormation, LoadedSpec spec, CheckRequest request) {
        try {
            return cloudFormation.read(spec, request.templateParameters());
        } catch (StackOverflowError e) {
            throw new IllegalStateException("Reading the CloudFormation template " + spec.file() + " failed: its values nest too"
                    + " deeply or refer to each other in a way the check does not follow (" + e + "); please report it", e);
        }
    }

    /**
     * The tables a template defines itself ({@code AWS::DynamoDB::Table}, ...) join those of {@code apigw.tables}
     * for its own integrations, so {@code TableName: !Ref Items} is checked against that table's keys.
     */
    private CheckRequest withTablesOfTemplate(CheckRequest request, Path template, Map<String, IntrinsicResolver.Named> names) {
        Map<String, String> byLogicalId = new LinkedHashMap<>();
        Set<String> standIns = new HashSet<>(request.tables().standInNames());
        names.forEach((logicalId, named) -> {
            byLogicalId.put(logicalId, named.name());
            if (named.standIn()) {
                standIns.add(named.name()); // matched, but a request naming another table may mean this one
            }
        });
        TableSchemas own = tableReader.read(List.of(template), byLogicalId);
        if (own.tables().isEmpty()) {
            return request;
        }
        List<TableSchema> tables = new ArrayList<>(request.tables().tables());
        for (TableSchema table : own.tables()) {
            if (table.name() == null || request.tables().find(table.name()).isEmpty()) {
                tables.add(table);
            }
        }
        return new CheckRequest(request.specFiles(), request.examplesDirectory(), request.stageVariables(), request.threads(),
                request.templateParameters(), new TableSchemas(tables, request.tables().problems(), standIns, !request.tables().isEmpty()),
                request.deploymentValues());
    }

    /**
     * Renders one operation with one example through the same checks as {@link #run}, for the render goal.
     *
     * @throws UnknownRenderTargetException when the operation or example does not exist (the message lists those that do)
     */
    public RenderedExample render(CheckRequest request, RenderRequest target, CheckLog log) {
        SourceRoot bound = SourceRoot.of(request.sourceRoot());
        SpecLoader loader = new SpecLoader(bound);
        CloudFormationReader cloudFormation = new CloudFormationReader(bound);
        List<String> known = new ArrayList<>();
        record Match(Path file, LoadedSpec api, boolean template, Integration integration, CheckRequest request) { }
        List<Match> matches = new ArrayList<>();
        for (Path file : request.specFiles()) {
            LoadedSpec spec = asDeployed(loader.load(file).spec(), request, null, null);
            if (spec == null || spec.kind() == SpecKind.NOT_AN_API) {
                continue;
            }
            boolean template = spec.kind() == SpecKind.CLOUDFORMATION;
            TemplateReading reading = template ? readTemplate(cloudFormation, spec, request) : null;
            List<LoadedSpec> apis = template ? reading.apis().stream().map(TemplateApi::spec).toList() : List.of(spec);
            if (template) {
                reading.apis().forEach(roles::register); // DDB014 judges the template's roles, as check does
            }
            CheckRequest apiRequest = template ? withTablesOfTemplate(request, file, reading.tableNames()) : request;
            for (LoadedSpec api : apis) {
                for (Integration integration : dynamoDbIntegrations(api, log, null, null)) {
                    known.add(integration.operation().ref().display());
                    if (names(integration, target.operation())) {
                        matches.add(new Match(file, api, template, integration, apiRequest));
                    }
                }
            }
        }
        if (matches.size() > 1) {
            // rendering the first would show one of them without saying so
            List<String> named = matches.stream().map(m -> m.integration().operation().ref().display() + " in " + m.file()).toList();
            throw new UnknownRenderTargetException("'" + target.operation() + "' names " + matches.size() + " DynamoDB integrations: "
                    + String.join("; ", named) + "; name one by its operationId, or choose its file with -Dapigw.specs=<file>");
        }
        if (matches.size() == 1) {
            Match match = matches.get(0);
            ExampleCollector collector = new ExampleCollector(match.request().examplesDirectory(), bound);
            return render(new Locator(match.api(), match.template(), collector), collector, match.integration(), match.request(), target);
        }
        throw new UnknownRenderTargetException("No DynamoDB integration '" + target.operation() + "' in " + request.specFiles().size()
                + " spec file" + (request.specFiles().size() == 1 ? "" : "s") + "; name one as METHOD /path or operationId: "
                + (known.isEmpty() ? "(there are none)" : String.join(", ", known)), true);
    }

    private static boolean names(Integration integration, String operation) {
        String wanted = operation == null ? "" : operation.trim();
        var ref = integration.operation().ref();
        int space = wanted.indexOf(' ');
        if (space > 0) {
            return ref.method().equalsIgnoreCase(wanted.substring(0, space)) && ref.path().equals(wanted.substring(space + 1).trim());
        }
        return wanted.equals(ref.operationId());
    }

    private RenderedExample render(Locator locator, ExampleCollector collector, Integration integration, CheckRequest request,
            RenderRequest target) {
        IntegrationChecker checker = checkerFor(integration);
        ExampleSet examples = checker.examples(locator, integration, collector, request);
        Example example = chooseExample(integration, examples, target);
        ExampleRun run = checker.run(locator, integration, example, request, new HashSet<>(), IntegrationChecker.parametersSent(examples));
        // the operation's own findings, and those of this example's problems; another example's are not this render's
        List<Finding> staticFindings = new ArrayList<>(checker.staticFindings(locator, integration, examples).stream()
                .filter(f -> f.example() == null || f.example().equals(example.name())).toList());
        staticFindings.sort(Finding.REPORT_ORDER);
        List<Finding> findings = new ArrayList<>(run.findings);
        findings.sort(Finding.REPORT_ORDER);
        return new RenderedExample(locator.spec().file(), integration.operation().ref(), integration.action().orElse(null), example,
                run.requestTemplate, run.renderedRequest, run.requestJson != null, run.dynamoDbAnswerName, run.dynamoDbStatus,
                run.dynamoDbBody, run.selectedResponse, run.responseTemplate, run.clientStatus, run.clientResponse,
                List.copyOf(staticFindings), List.copyOf(findings));
    }

    private static Example chooseExample(Integration integration, ExampleSet examples, RenderRequest target) {
        RenderRequest.AdHocInput input = target.input() == null ? RenderRequest.AdHocInput.none() : target.input();
        Example base;
        if (target.example() != null && !target.example().isBlank()) {
            base = examples.examples().stream().filter(e -> e.name().equals(target.example().trim())).findFirst()
                    .orElseThrow(() -> new UnknownRenderTargetException("No example '" + target.example() + "' for "
                            + integration.operation().ref().display() + "; its examples: "
                            + examples.examples().stream().map(Example::name).collect(Collectors.joining(", "))
                            + " (or leave apigw.example out and give apigw.body, apigw.path, ... on the command line)"));
        } else if (input.hasRequest() || examples.examples().isEmpty()) {
            base = new Example("command-line", ExampleSource.EXTENSION, null, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                    null, null, null, integration.operation().pointer());
        } else {
            base = examples.examples().get(0);
        }
        Example chosen = withInput(base, input);
        // the command line's input is a message of the route too: the connection's $context, the routed member
        return IntegrationExtractor.isWebSocketRoute(integration.operation()) ? WebSocketMessages.asMessageOf(integration.operation(), chosen)
                : chosen;
    }

    /** The definition as deployed: the parts other files hold in place, then the placeholders filled (see both). */
    private static LoadedSpec asDeployed(LoadedSpec read, CheckRequest request, Set<Path> filesRead, List<Finding> findings) {
        LoadedSpec inlined = withOtherFilesInlined(read, request.sourceRoot(), filesRead, findings);
        return withPlaceholdersFilled(inlined, inlined != read, request.deploymentValues(), findings);
    }

    /**
     * The definition with what its references to other files point at in place (examples, schemas and responses split
     * over files), as API Gateway imports it; findings inside such a part point into its file. A reference that leads
     * nowhere stays as written (SPEC004 says so).
     *
     * @param sourceRoot a file outside it is not read (SPEC004); null for no bound
     * @param filesRead receives the other files read; null when not needed
     * @param findings receives a broken reference in another file, a circular one anywhere, and one leading out of
     *     {@code sourceRoot}, as SPEC004 (the file's own broken ones are the structure check's); null when not needed
     */
    private static LoadedSpec withOtherFilesInlined(LoadedSpec spec, Path sourceRoot, Set<Path> filesRead, List<Finding> findings) {
        if (spec == null || (spec.kind() != SpecKind.OPENAPI3 && spec.kind() != SpecKind.SWAGGER2) || !ExternalReferences.any(spec)) {
            return spec;
        }
        Path file = spec.file().toAbsolutePath().normalize();
        ExternalReferences references = new ExternalReferences(spec, sourceRoot, findings == null ? null : (reason, message, in, document, pointer) -> {
            // a circle, or what a reference leads to, is seen only when followed, here; a broken reference of the file itself
            // is the structure check's
            if (reason == ExternalReferences.Reason.CIRCULAR || reason == ExternalReferences.Reason.NOT_AN_OBJECT
                    || reason == ExternalReferences.Reason.OUTSIDE_PROJECT
                    || reason == ExternalReferences.Reason.BROKEN && !in.equals(file)) {
                findings.add(new Finding(Rule.SPEC004, Rule.SPEC004.defaultSeverity(), message, Locator.position(in,
                        document.sourceMap().locate(JsonPointers.child(pointer, "$ref"))), null, null));
            }
        });
        ParsedDocument inlined = references.inlinedDocument();
        if (filesRead != null) {
            filesRead.addAll(references.filesRead());
        }
        return new LoadedSpec(spec.file(), spec.format(), spec.kind(), inlined);
    }

    /**
     * The spec as deployed: its {@code {{apigw:name}}} placeholders filled, in a copy (the structure check may still be
     * reading the tree as written), with stand-ins for those without a value, each said once per string (CFN005) when
     * {@code findings} is given. Its source map knows each filled string as written, for positions inside it. Parts taken
     * from other files ({@link #withOtherFilesInlined}) are not in the file's text: their placeholders are looked for in the tree.
     */
    private static LoadedSpec withPlaceholdersFilled(LoadedSpec spec, boolean otherFiles, Map<String, String> values,
            List<Finding> findings) {
        if (spec == null || (!spec.document().text().contains(Placeholders.OPEN)
                && !(otherFiles && spec.root().toString().contains(Placeholders.OPEN)))) {
            return spec;
        }
        ParsedDocument document = spec.document();
        JsonNode root = document.root().deepCopy();
        SourceMap map = new SourceMap();
        map.copySubtree(document.sourceMap(), "", "");
        for (Placeholders.Filled string : Placeholders.fillTree(root, values)) {
            List<Placeholders.Substitution> used = string.standIns();
            map.putRewritten(string.pointer(), string.original(), string.edits(), used.stream().anyMatch(Placeholders.Substitution::block));
            if (used.size() == 1 && used.get(0).offset() == 0 && used.get(0).length() == string.original().length()) {
                map.putStandIn(string.pointer()); // the whole value is the stand-in
            }
            if (!used.isEmpty() && findings != null) {
                findings.add(new Finding(Rule.CFN005, Rule.CFN005.defaultSeverity(), "Placeholders "
                        + used.stream().map(u -> "{{apigw:" + u.name() + "}}").distinct().toList() + " have no value (apigw.values,"
                        + " apigw.valuesFile), filled in at deployment; checked with stand-ins "
                        + used.stream().map(u -> u.name() + " = '" + u.value() + "'").distinct().toList()
                        + ". Give their values to check what is deployed", Locator.position(spec.place(string.pointer())),
                        null, null));
            }
        }
        return new LoadedSpec(spec.file(), spec.format(), spec.kind(), document.withTree(root, map));
    }

    /** The example with the command line's values in place of its own. */
    private static Example withInput(Example base, RenderRequest.AdHocInput input) {
        Map<String, String> path = new LinkedHashMap<>(base.path());
        path.putAll(input.path());
        Map<String, String> query = new LinkedHashMap<>(base.querystring());
        query.putAll(input.querystring());
        Map<String, String> headers = new LinkedHashMap<>(base.headers());
        headers.putAll(input.headers());
        Example.DynamoDbResponse answer = base.dynamodbResponse();
        if (input.dynamodbStatus() != null || input.dynamodbBody() != null) {
            int status = input.dynamodbStatus() != null ? input.dynamodbStatus() : answer == null ? 200 : answer.status();
            String body = input.dynamodbBody() != null ? input.dynamodbBody() : defaultBody(status, answer);
            // a bare 200 leaves the answer to be made up from the request, like an example without dynamodbResponse
            answer = body == null ? null : new Example.DynamoDbResponse(status, body);
        }
        boolean adHoc = input.hasRequest() || input.dynamodbStatus() != null || input.dynamodbBody() != null;
        return new Example(base.name(), base.source(), input.body() != null ? input.body() : base.body(),
                input.contentType() != null ? input.contentType() : base.contentType(), path, query, headers, base.stageVariables(),
                base.context(), answer, adHoc ? null : base.expect(), base.file(), base.pointer());
    }

    /** For a status given without a body: DynamoDB's own error body, or the example's answer when the status is its. */
    private static String defaultBody(int status, Example.DynamoDbResponse given) {
        if (status >= 500) {
            return DynamoDbAnswers.INTERNAL_SERVER_ERROR.body();
        }
        if (status >= 400) {
            return DynamoDbAnswers.STATUS_ONLY.body();
        }
        return given != null && given.status() == status ? given.body() : null;
    }

    /**
     * SPEC004 for an operation whose integration is a {@code $ref} that names nothing in the file: the check cannot see
     * what it would call, so the operation is not checked (REST APIs would not follow it anyway: AGW018).
     */
    private static Finding unresolvedIntegrationRef(ApiOperation operation, Locator locator) {
        String ref = operation.node().path(IntegrationExtractor.EXTENSION).path("$ref").asText();
        return locator.at(Rule.SPEC004, "x-amazon-apigateway-integration is $ref '" + ref + "', which "
                + (ref.startsWith("#") ? "names no object in this file" : "the check does not follow into another file") + ":"
                + " the operation is not checked, and a REST API's import would not follow it either (AGW018); write the integration"
                + " into the operation", JsonPointers.child(IntegrationExtractor.pointerOf(operation), "$ref"), operation.ref(), null);
    }

    /**
     * @param unresolvedRefs gets the operations whose integration is a {@code $ref} naming nothing; null when not wanted
     * @param collector to say which sidecar example files go unused, those of operations not checked; null not to
     */
    private static List<Integration> dynamoDbIntegrations(LoadedSpec spec, CheckLog log, List<ApiOperation> unresolvedRefs,
            ExampleCollector collector) {
        List<Integration> dynamo = new ArrayList<>();
        for (ApiOperation operation : IntegrationExtractor.operations(spec.root())) {
            if (collector != null) {
                collector.claim(operation);
            }
            Integration integration = IntegrationExtractor.integrationOf(operation, spec.root());
            if (integration == null && unresolvedRefs != null && operation.node().path(IntegrationExtractor.EXTENSION).has("$ref")) {
                unresolvedRefs.add(operation);
            } else if (integration == null) {
                notChecked(operation, "no x-amazon-apigateway-integration", log, collector);
            } else if (integration.isDynamoDb() || mentionsDynamoDb(integration)) {
                dynamo.add(integration);
            } else {
                notChecked(operation, describe(integration) + " integration", log, collector);
            }
        }
        return dynamo;
    }

    /**
     * An operation the check passes over: said at debug, but at info when the project has sidecar examples for it, which
     * would otherwise be ignored without a word (their operation's integration misplaced, or not yet DynamoDB's).
     */
    private static void notChecked(ApiOperation operation, String why, CheckLog log, ExampleCollector collector) {
        List<String> unused = collector == null ? List.of() : collector.sidecarFiles(operation);
        if (unused.isEmpty()) {
            log.debug(operation.ref().display() + ": " + why + ", not checked");
        } else {
            log.info("Not using the examples " + String.join(", ", unused) + ": " + operation.ref().display() + " is not checked ("
                    + why + ")");
        }
    }

    /** Whether a path item holds a DynamoDB integration, where API Gateway does not read it (AGW019). */
    private static boolean dynamoDbOnPathItem(JsonNode root) {
        for (JsonNode item : root.path("paths")) {
            if (item.path(IntegrationExtractor.EXTENSION).path("uri").asText("").toLowerCase(Locale.ROOT).contains(":dynamodb")) {
                return true;
            }
        }
        return false;
    }

    /**
     * An integration whose uri says dynamodb but not in the shape we parse, or not in lowercase: still ours,
     * AGW003 will say why.
     */
    private static boolean mentionsDynamoDb(Integration integration) {
        return integration.uri() != null && integration.uri().text().toLowerCase(Locale.ROOT).contains(":dynamodb");
    }

    private static String describe(Integration integration) {
        if (integration.type() == null) {
            return "untyped";
        }
        String uri = integration.uri() == null ? "" : integration.uri().text();
        return uri.contains(":lambda:") ? "Lambda" : integration.type().text().toLowerCase(Locale.ROOT);
    }

    /** Checks integrations, in parallel when a pool is given; results keep the input order, so output is deterministic. */
    private List<IntegrationChecker.Outcome> checkAll(Locator locator, List<Integration> integrations, ExampleCollector collector,
            CheckRequest request, ForkJoinPool pool) {
        if (pool == null) {
            return integrations.stream().map(i -> checkerFor(i).check(locator, i, collector, request)).toList();
        }
        List<Future<IntegrationChecker.Outcome>> futures = new ArrayList<>();
        for (Integration integration : integrations) {
            futures.add(pool.submit(() -> checkerFor(integration).check(locator, integration, collector, request)));
        }
        List<IntegrationChecker.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                outcomes.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The check was interrupted", e);
            } catch (ExecutionException e) {
                // named, so that a failure says where to look
                throw new IllegalStateException("Checking an integration failed (" + integrations.get(i).operation().ref().display()
                        + " in " + locator.spec().file() + "): " + e.getCause(), e.getCause());
            }
        }
        return outcomes;
    }
}
