package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.examples.PageToken;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.integration.WebSocketUnmatched;
import io.github.apigwddb.lint.BinaryMediaTypes;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.security.BodyInputs;
import io.github.apigwddb.security.HostileValue;
import io.github.apigwddb.security.Injection;
import io.github.apigwddb.security.InjectionProbe;
import io.github.apigwddb.security.ProbeBudget;
import io.github.apigwddb.validation.BodyModel;
import io.github.apigwddb.validation.RequestValidators;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import io.github.apigwddb.vtl.BranchReads;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.ContextRead;
import io.github.apigwddb.vtl.InputParamCall;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.OutputSlot;
import io.github.apigwddb.vtl.ParamMapRead;
import io.github.apigwddb.vtl.RequestTemplateSelector;
import io.github.apigwddb.vtl.TemplateInput;
import io.github.apigwddb.vtl.TemplateSyntaxException;
import io.github.apigwddb.vtl.VariableRead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SEC rules: probes the example's request template with hostile client input (see {@link InjectionProbe}), and
 * the integration's other request templates through the inputs that reach every template alike, and checks whether
 * a client body can bypass the templates. Reports each input of a template once, for the
 * first example that shows it, however many examples the operation has.
 */
final class InjectionCheck implements ExampleCheck {

    static final String FIX = "$util.escapeJavaScript(...).replaceAll(\"\\\\'\",\"'\")";
    /** Content types a client may send that DynamoDB templates rarely map. */
    private static final List<String> UNMAPPED_TYPES = List.of("text/plain", "application/x-www-form-urlencoded", "application/octet-stream");

    private static final Set<String> PARAMETER_LOCATIONS = Set.of("path", "querystring", "header");

    private final ApiGatewayTemplateEngine engine;
    private final InjectionProbe probe;
    /** What was reported already, per spec file of the current run (a Locator lives as long as its file's check). */
    private final Map<Locator, Set<String>> reported = Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * What each integration's probes may still spend, by the integration's pointer in its spec file: shared by its examples,
     * so that a template that runs out of time on a client's value costs that once, not once per example.
     */
    private final Map<Locator, Map<String, ProbeBudget>> budgets = Collections.synchronizedMap(new WeakHashMap<>());
    private final Duration probeTime;
    /** The templates, by spec file, left unprobed because their integration's budget was spent (review: said nowhere). */
    private final Map<Locator, Set<String>> unprobed = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param probeTime what the probes of one integration may spend in all */
    InjectionCheck(ApiGatewayTemplateEngine engine, Duration probeTime) {
        this.engine = engine;
        this.probeTime = probeTime;
        this.probe = new InjectionProbe(engine);
    }

    /**
     * Warnings for the templates of {@code locator}'s file the probe left out, their integration's time being spent by
     * slow renders: none of them is a finding (how far a probe gets depends on the machine), but a user must know that
     * the SEC findings there may be missing. Sorted, and said once.
     */
    List<String> unprobedWarnings(Locator locator) {
        Set<String> left = unprobed.remove(locator);
        if (left == null) {
            return List.of();
        }
        return left.stream().sorted().map(where -> "The injection probe did not probe every example of " + where + ": the"
                + " renders of its integration took the " + probeTime.toMillis() / 1000.0 + " s it may spend on"
                + " one, so SEC findings there may be missing. Renders this slow are worth a look (VTL007 reports one that runs"
                + " out of time)").toList();
    }

    @Override
    public void check(ExampleRun run) {
        if (run.asIfAccepted) {
            return; // the first pass probed this example; the second is about the responses
        }
        checkPassthrough(run);
        MappingTemplate selected = run.requestTemplate;
        if (selected != null && run.requestJson != null) {
            // the text TemplateRunner rendered: Fn::Sub templates with CloudFormation's substitutions made
            probe(run, selected, TemplateRunner.deployedText(run, selected), run.renderedRequest, bodyInputs(run, selected.contentType()),
                    null);
        }
        for (MappingTemplate other : run.integration.requestTemplates()) {
            if (selected == null || !other.pointer().equals(selected.pointer())) {
                // a client picks any template by its Content-Type, and sends it any body: the example's, with that
                // Content-Type, is probed too ("$input.body" under text/plain makes the body the request), but where a
                // binary media type covers the Content-Type: such a body reaches the template as base64, or not at all
                BodyInputs body = BinaryMediaTypes.covered(run.locator.spec().root(), other.contentType()) ? BodyInputs.LEFT_AS_IS
                        : bodyInputs(run, other.contentType());
                probe(run, other, TemplateRunner.deployedTextUnreported(run, other), null, body, other.contentType());
            }
        }
    }

    /**
     * @param exampleOutput the template's render of the example when the run made it, else null
     * @param otherContentType the template's Content-Type when the example's Content-Type does not select it, else null
     */
    private void probe(ExampleRun run, MappingTemplate template, String text, String exampleOutput, BodyInputs body,
            String otherContentType) {
        if (text == null) {
            return;
        }
        CompiledTemplate compiled;
        try {
            compiled = engine.compile(template.pointer(), text);
        } catch (TemplateSyntaxException e) {
            return; // VTL001 says so where the template is rendered
        }
        TemplateInput given = new TemplateInput(run.example.body(), run.example.path(), run.example.querystring(),
                run.example.headers(), run.stageVariables, run.example.context());
        // a WebSocket route has parameters on $connect only (the upgrade request's): its messages carry none
        TemplateInput input = IntegrationExtractor.isMessageRoute(run.integration.operation()) ? given
                : withParametersOfAnyName(compiled, given);
        if (input != given) {
            exampleOutput = null; // the probe renders the example with the added parameter itself
        }
        ProbeBudget budget = budgets.computeIfAbsent(run.locator, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(run.integration.pointer(), p -> new ProbeBudget(probeTime));
        if (budget.leavesOut(compiled)) {
            unprobed.computeIfAbsent(run.locator, l -> ConcurrentHashMap.newKeySet()).add(run.operation().display() + " ("
                    + template.pointer() + ")");
        }
        List<Injection> injections = new ArrayList<>(probe.probe(compiled, input, exampleOutput, run.action(), body, budget));
        TemplateInput withTokens = compiled.inputParamCalls().stream().anyMatch(InputParamCall::base64Decoded)
                ? withPageTokens(compiled, input, declaredHeaders(run), run.parametersSent) : input;
        if (withTokens != input) {
            // probed on their own render, so that one the render cannot take ({} where a key must be) hides nothing else
            for (Injection injection : probe.probe(compiled, withTokens, null, run.action(), body, budget)) {
                // a render out of time ended the probe, whichever input it was in: the template is probed no more
                if (injection.kind() == Injection.Kind.TIMES_OUT || !has(input, injection.input())) {
                    injections.add(injection);
                }
            }
        }
        // the whole body's findings before its form fields' (see below)
        injections.sort(java.util.Comparator.comparing(injection -> injection.input().startsWith("body field ")));
        OutputLineMapper lines = null;
        CompiledTemplate asWritten = null;
        for (Injection injection : injections) {
            if (injection.kind() == Injection.Kind.TIMES_OUT) {
                if (firstTime(run, template.pointer() + " times out")) {
                    int[] at = injection.outputLine() < 1 ? new int[] {1, 1}
                            : TemplateRunner.writtenAt(run, template, injection.outputLine(), injection.outputColumn());
                    run.inTemplate(ruleFor(injection), timeoutMessage(injection, otherContentType), template, at[0], at[1]);
                }
                continue;
            }
            Rule rule = ruleFor(injection);
            if (!firstTime(run, template.pointer() + " " + injection.input())) {
                continue;
            }
            if (lines == null) {
                lines = new OutputLineMapper(template.text());
                asWritten = text.equals(template.text()) ? compiled : compiledOrNull(template);
            }
            int line = lines.templateLineFor(injection.outputLine(), injection.outputLineText(), injection.outputColumn());
            Read read = asWritten == null ? null : readOn(asWritten, injection, line);
            int[] at = read != null ? new int[] {line, read.column()} : asWritten == null ? new int[] {line, 1}
                    : contextPosition(asWritten, injection, line);
            // the same member of each element of a body list reaches the request through one read: one finding, the first
            if (!firstTime(run, template.pointer() + " " + rule + " " + at[0] + ":" + at[1] + " "
                    + injection.input().replaceAll("\\[\\d+]", "[]"))) {
                continue;
            }
            // a form's field on the line where the template writes the whole body is the body's finding, said for the body
            String place = template.pointer() + " " + rule + " line " + at[0] + " whole body";
            if (injection.input().equals("body")) {
                run.reportedOnce.add(place);
            } else if (injection.input().startsWith("body field ") && run.reportedOnce.contains(place)) {
                continue;
            }
            String message = message(rule, injection, otherContentType, read != null && read.decoded());
            if (rule == Rule.SEC002 && OutputText.line(template.text(), at[0]).contains(".replaceAll(")) {
                // the replaceAll is there, but its pattern does not match the backslash escapeJavaScript writes
                message += "; the replaceAll on this line does not undo it: in the template its first argument must read \"\\\\'\""
                        + " (a regex matching a backslash and an apostrophe), which inside a JSON string is written \"\\\\\\\\'\"";
            }
            if (rule == Rule.SEC002 && read != null && "N".equals(read.slot().member())) {
                message += numberNote(injection.input());
            }
            run.inTemplate(rule, message, template, at[0], at[1]);
        }
    }

    /**
     * The template as the file has it, where positions are counted: substituted text (Fn::Sub values, placeholders of
     * other tools) has other columns. Null when only the substituted text compiles.
     */
    private CompiledTemplate compiledOrNull(MappingTemplate template) {
        try {
            return engine.compile(template.pointer(), template.text());
        } catch (TemplateSyntaxException e) {
            return null;
        }
    }

    /**
     * Where a {@code $context} input is named: on {@code line} (the line the input's marker came from) if it is there,
     * else where the template first names it; column 1 of {@code line} for other inputs and when it is not named.
     *
     * @return line and column, 1-based
     */
    private static int[] contextPosition(CompiledTemplate compiled, Injection injection, int line) {
        if (!injection.input().startsWith("$context.")) {
            return variablePosition(compiled, injection, line);
        }
        String name = injection.input().substring("$context.".length());
        ContextRead first = null;
        for (ContextRead read : compiled.contextReads()) {
            if (read.path().equals(name) && (first == null || read.line() == line && first.line() != line)) {
                first = read;
            }
        }
        return first == null ? new int[] {line, 1} : new int[] {first.line(), first.column()};
    }

    /**
     * Where on {@code line} the template writes a value it took from the input without naming it: a read of the whole map
     * holding the parameter; else the written reference to a variable of its own whose last name is the input's
     * ({@code $body.name} for {@code body $.name}), else the only such reference on the line ({@code $tag} in a loop over
     * a body list); column 1 when there is none or several.
     */
    private static int[] variablePosition(CompiledTemplate compiled, Injection injection, int line) {
        String input = injection.input();
        String location = input.substring(0, Math.max(0, input.indexOf(' ')));
        for (ParamMapRead read : compiled.paramMapReads()) {
            if (read.line() == line && PARAMETER_LOCATIONS.contains(location) && read.covers(location)) {
                return new int[] {line, read.column()}; // $input.params().get('header'): the map holding the parameter
            }
        }
        String name = input.substring(input.indexOf(' ') + 1).replaceAll("\\[[^]]*]$", "");
        name = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
        List<VariableRead> onLine = compiled.variableReads().stream().filter(read -> read.line() == line && read.written()).toList();
        VariableRead named = null;
        for (VariableRead read : onLine) {
            if (read.lastName().equals(name)) {
                named = read;
                break;
            }
        }
        VariableRead at = named != null ? named : onLine.size() == 1 ? onLine.get(0) : null;
        return at == null ? new int[] {line, 1} : new int[] {line, at.column()};
    }

    /** A read of the input with a literal name: where on its line, and whether the template writes it decoded. */
    private record Read(int column, boolean decoded, OutputSlot slot) {
    }

    /**
     * The template's read of the input on {@code line}, so that an editor lands on it; null when the line has no read of
     * it with a literal name (a value #set earlier, $context, $input.body).
     */
    private static Read readOn(CompiledTemplate compiled, Injection injection, int line) {
        String input = injection.input();
        // "body $['user-id']" is read as $input.path('$.user-id') too
        String bodyPath = input.startsWith("body $") ? BranchReads.normalPath(input.substring("body ".length())) : null;
        for (InputPathCall call : compiled.inputPathCalls()) {
            if (call.line() == line && bodyPath != null && bodyPath.equals(BranchReads.normalPath(call.jsonPath()))) {
                return new Read(call.column(), call.decoded(), call.slot());
            }
        }
        if (input.equals("body")) {
            // the whole body, $input.body as written (FP hunt on SAM templates: it stood at the template line's first column)
            for (int[] write : compiled.bodyWrites()) {
                if (write[0] == line) {
                    return new Read(write[1], false, OutputSlot.UNKNOWN);
                }
            }
        }
        int space = input.indexOf(' ');
        String location = space < 0 ? input : input.substring(0, space); // "path id", "querystring q", "header X-Env"
        String name = input.substring(space + 1);
        for (InputParamCall call : compiled.inputParamCalls()) {
            // $input.params('x') has no location: it looks in each
            boolean sameInput = call.name().equals(name) && (call.location() == null ? PARAMETER_LOCATIONS.contains(location)
                    : call.location().equals(location));
            if (call.line() == line && sameInput) {
                return new Read(call.column(), call.decoded(), call.slot());
            }
        }
        return null;
    }

    /**
     * With body validation on, API Gateway answers 400 to a body its model rejects before any template runs, so a value
     * the model forbids never reaches the template. Parameter validation limits no value (it checks presence only).
     */
    private static BodyInputs bodyInputs(ExampleRun run, String contentType) {
        BodyModel model = RequestValidators.validatedBody(run.locator.spec().root(), run.integration.operation(), contentType);
        return model == null ? BodyInputs.UNVALIDATED : BodyInputs.validatedAgainst(model);
    }

    static Rule ruleFor(Injection injection) {
        return switch (injection.kind()) {
            // VTL007 says what a render that meets the renderer's time limit means (a denial of service on API Gateway); SEC001
            // is about what a value does to the request, and a request that never comes is none
            case TIMES_OUT -> Rule.VTL007;
            case CLIENT_REQUEST_MEMBERS -> Rule.SEC003;
            case CLIENT_ATTRIBUTE_NAMES -> Rule.SEC004;
            case STATEMENT_CHANGED -> Rule.SEC001; // an apostrophe that ends a PartiQL string: no replaceAll helps
            // in a statement, the replaceAll SEC002 asks for would leave the apostrophe to end the statement's string
            default -> injection.onlyApostrophe() && !injection.inStatement() ? Rule.SEC002 : Rule.SEC001;
        };
    }

    /** SEC002 in a number: no apostrophe makes a number, so the fix changes only which 400 the client gets. */
    static String numberNote(String input) {
        int space = input.indexOf(' ');
        String number = "'^-?[0-9]+([.][0-9]+)?$'";
        String check = input.startsWith("body") ? "validate the body's member with a model (type: number)"
                : input.startsWith("$context.") ? "test it in the template, #if(\"" + input + "\".matches(" + number + "))"
                : "test it in the template, #if($input.params('" + input.substring(space + 1) + "').matches(" + number + "))";
        return " (this value is a number, N: with the fix an apostrophe gets a ValidationException instead, so also " + check + ")";
    }

    /** A header a client may add, tried for a template that writes every header when the example sends none. */
    static final String ANY_HEADER = "X-Any-Header";
    /** The same for the query string. */
    static final String ANY_QUERY_PARAMETER = "anyParameter";

    /**
     * The example with a header (and a query parameter) of any name added, when the template writes the whole map
     * ({@code $input.params().get('header')}, a loop over its keys) and the example has none: every header a client sends
     * reaches the template, so the probe tries one. The input itself when nothing is added.
     */
    static TemplateInput withParametersOfAnyName(CompiledTemplate compiled, TemplateInput input) {
        boolean headers = input.headers().isEmpty() && compiled.paramMapReads().stream().anyMatch(read -> read.covers("header"));
        boolean query = input.querystring().isEmpty() && compiled.paramMapReads().stream().anyMatch(read -> read.covers("querystring"));
        if (!headers && !query) {
            return input;
        }
        Map<String, String> addedHeaders = headers ? Map.of(ANY_HEADER, "value") : input.headers();
        Map<String, String> addedQuery = query ? Map.of(ANY_QUERY_PARAMETER, "value") : input.querystring();
        return new TemplateInput(input.body(), input.path(), addedQuery, addedHeaders, input.stageVariables(), input.context());
    }

    /**
     * The input with the page tokens the template Base64-decodes and the example leaves out ({@code nextToken} on a first
     * page, as a made-up example has it) set to the encoding of {} (which URL-decodes to itself): a client sends any
     * token, and what the template does with one is probed too. The same input when there is none to add.
     *
     * @param declaredHeaders the operation's header parameters: where {@code $input.params('x')} finds one named so
     * @param sentByAnExample parameters an example of the operation sends: a token one of them gives is probed with that
     *        example, which its findings then name (as baselines written before this probe have them), not added here
     */
    static TemplateInput withPageTokens(CompiledTemplate compiled, TemplateInput input, Set<String> declaredHeaders,
            Set<String> sentByAnExample) {
        Map<String, String> query = new LinkedHashMap<>(input.querystring());
        Map<String, String> headers = new LinkedHashMap<>(input.headers());
        boolean added = false;
        for (InputParamCall read : compiled.inputParamCalls()) {
            boolean sentAsHeader = "header".equals(read.location()) || read.location() == null && declaredHeaders.contains(read.name());
            if (!read.base64Decoded() || "path".equals(read.location())
                    || sentByAnExample.contains(sentAsHeader ? IntegrationChecker.header(read.name()) : IntegrationChecker.query(read.name()))
                    || input.path().containsKey(read.name())
                    || input.querystring().containsKey(read.name()) || input.headers().containsKey(read.name())) {
                continue;
            }
            boolean header = "header".equals(read.location()) || read.location() == null && declaredHeaders.contains(read.name());
            Map<String, String> into = header ? headers : query;
            added |= into.putIfAbsent(read.name(), PageToken.STAND_IN) == null;
        }
        return added ? new TemplateInput(input.body(), input.path(), query, headers, input.stageVariables(), input.context()) : input;
    }

    private static Set<String> declaredHeaders(ExampleRun run) {
        Set<String> headers = new HashSet<>();
        for (JsonNode parameter : run.integration.operation().parameters(run.locator.spec().root())) {
            if ("header".equals(parameter.path("in").asText())) {
                headers.add(parameter.path("name").asText());
            }
        }
        return headers;
    }

    /** Whether the injection's input ({@code querystring nextToken}) is one the input has. */
    private static boolean has(TemplateInput input, String injected) {
        int space = injected.indexOf(' ');
        String name = space < 0 ? injected : injected.substring(space + 1);
        return switch (space < 0 ? "" : injected.substring(0, space)) {
            case "querystring" -> input.querystring().containsKey(name);
            case "header" -> input.headers().containsKey(name);
            default -> true;
        };
    }

    /**
     * A probe render that ran out of time on a client's value: what the client can do with it, and that the template's other
     * inputs went unprobed.
     *
     * @param otherContentType the template's Content-Type when the example's Content-Type does not select it, else null
     */
    static String timeoutMessage(Injection injection, String otherContentType) {
        HostileValue value = injection.value();
        String with = value == null ? "with a value of the probe's own in each of them at once"
                : "with " + value + (HostileValue.ALL.contains(value) || HostileValue.NUMBERS.contains(value) ? "" : " (a value of the probe's own)")
                        + (injection.base64() ? " (sent Base64-encoded)" : "");
        String input = (value == null ? "The client's " + injection.input() : "Client input '" + written(injection.input()) + "'")
                + (otherContentType == null ? ""
                : " in the " + otherContentType + " request template (a client selects it with Content-Type " + otherContentType + ")");
        return input + " can make the template run out of time: " + with + ", " + injection.effect() + ". A client that sends such a"
                + " value ties up API Gateway with the request and gets a 5xx error (at the latest when the integration times out),"
                + " a denial-of-service risk; check the value before the template branches or loops on it, and bound loops by the"
                + " request's data. The injection probe (SEC rules) stopped on this template, so its other inputs went unprobed";
    }

    /** @param otherContentType the template's Content-Type when the example's Content-Type does not select it, else null */
    /** @param decoded whether the template decodes the value ($util.urlDecode) before it writes it */
    static String message(Rule rule, Injection injection, String otherContentType, boolean decoded) {
        String named = switch (injection.input()) {
            case "header " + ANY_HEADER -> "Any header a client sends (tried as '" + ANY_HEADER + "': the template writes every header)";
            case "querystring " + ANY_QUERY_PARAMETER -> "Any query parameter a client sends (tried as '" + ANY_QUERY_PARAMETER
                    + "': the template writes every one)";
            default -> "Client input '" + written(injection.input()) + "'";
        };
        String input = named + (otherContentType == null ? ""
                : " in the " + otherContentType + " request template (a client selects it with Content-Type " + otherContentType + ")");
        return switch (rule) {
            case SEC002 -> input + " is escaped with $util.escapeJavaScript, which turns " + injection.value()
                    + " into \\', and that " + injection.effect() + "; use " + FIX;
            case SEC003 -> "The client's body becomes the DynamoDB request: " + injection.effect()
                    + ", so the client can set TableName, ConditionExpression or any other member; build the request from"
                    + " named fields with $input.path(...)";
            case SEC004 -> "The client chooses names in the DynamoDB request: " + injection.effect() + " (through '"
                    + injection.input() + "'); map known fields one by one, or check the keys against a list";
            default -> input + " can break the DynamoDB request: " + injection.value() + (injection.base64() ? " (sent Base64-encoded)" : "")
                    + " " + injection.effect() + "; " + (injection.inStatement() ? fixStatement()
                    : HostileValue.NUMBERS.contains(injection.value()) ? fixCheck(injection)
                    : (decoded || injection.base64()) && injection.insideString() ? fixDecoded()
                    : injection.base64() ? fixBase64() : fix(injection));
        };
    }

    /**
     * A {@code $context} input as a template writes it: a name that is no identifier in brackets
     * ({@code $context.authorizer.claims['custom:displayName']}); other inputs as they are.
     */
    static String written(String input) {
        if (!input.startsWith("$context.")) {
            return input;
        }
        StringBuilder out = new StringBuilder("$context");
        for (String name : input.substring("$context.".length()).split("\\.")) {
            out.append(name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name : "['" + name + "']");
        }
        return out.toString();
    }

    /**
     * A number got past the template's own check of the value: the check is the fix, made as strict as the place the value
     * is written (no leading zero in a JSON number; DynamoDB's minimum of 1 for Limit; 38 digits for a Number).
     */
    private static String fixCheck(Injection injection) {
        return "the template checks the value before writing it, but the check lets this number through: make it as strict as"
                + " the place the value goes, " + (injection.insideString()
                ? "e.g. .matches('^-?[0-9]{1,38}$') for a Number (DynamoDB keeps 38 digits)"
                : "e.g. .matches('^[1-9][0-9]{0,3}$') for a count such as Limit (no leading zero, which JSON refuses in a number;"
                        + " no 0 or minus sign, as DynamoDB takes 1 or more; at most 4 digits), or .matches('^(0|[1-9][0-9]{0,5})$')"
                        + " where 0 is valid, as for a Scan's Segment");
    }

    /** A value escaped before it is decoded is unescaped again by the decoding: %22 becomes a quote after the escape. */
    private static String fixDecoded() {
        return "the template decodes the value ($util.urlDecode or $util.base64Decode), so escape what the decoding returns: wrap"
                + " the decoding call in " + FIX + " (an escape inside it lets %22 through as a quote)";
    }

    /**
     * JSON decoded from Base64 and written as it is (a pagination token as {@code ExclusiveStartKey}): whatever the client
     * encodes becomes part of the request, so no escape helps.
     */
    private static String fixBase64() {
        return "the template writes what $util.base64Decode returns as it is, and a client encodes any text it likes (a"
                + " pagination token is client input): read the decoded JSON with $util.parseJson and write each key attribute"
                + " into its place with " + FIX + ", or test the decoded text against a pattern first";
    }

    /** The JSON escape alone would leave a value in a PartiQL statement injectable: an apostrophe ends the statement's string. */
    private static String fixStatement() {
        return "the value is written into a PartiQL statement, where JSON escaping keeps it inside its JSON string but not inside"
                + " the statement's quotes: write a ? marker in its place and pass the value in Parameters ({\"S\": \"...\"} escaped"
                + " with " + FIX + ", or {\"N\": \"...\"} for a number)";
    }

    private static String fix(Injection injection) {
        if (!injection.insideString()) {
            String input = injection.input();
            if (input.startsWith("path ") || input.startsWith("querystring ") || input.startsWith("header ")) {
                // a request validator checks only that a parameter is there: its schema is not enforced (SEC001.md)
                // no leading zero: JSON refuses 007 as a number (message-to-fix trial)
                String name = input.substring(input.indexOf(' ') + 1);
                return "the value lands outside a JSON string, and a request validator checks only that a parameter is present, not"
                        + " its schema: test it in the template (#if($input.params('" + name + "').matches('^[1-9][0-9]{0,3}$')):"
                        + " digits without a leading zero, which JSON refuses; '^(0|[1-9][0-9]{0,3})$' if 0 is allowed), or put it in a"
                        + " JSON string with " + FIX;
            }
            if (input.startsWith("body")) {
                return "the value lands outside a JSON string: validate the body (a request validator with a model whose schema"
                        + " gives this member its type or pattern), or put it in a JSON string with " + FIX;
            }
            return "the value lands outside a JSON string: put it in a JSON string with " + FIX;
        }
        if (injection.kind() == Injection.Kind.REJECTED || injection.kind() == Injection.Kind.RENDER_FAILS) {
            return "escape it with " + FIX + ", and pass client values into expressions only as ExpressionAttributeValues";
        }
        boolean apostropheToo = injection.breakingValues().contains(HostileValue.APOSTROPHE);
        return "wrap it in " + FIX + (apostropheToo ? " (the replaceAll matters: an apostrophe breaks it too)" : "");
    }

    /**
     * AGW011's situation seen from the client: a body sent with a Content-Type that has no template reaches
     * DynamoDB untransformed, under the integration's role.
     */
    private void checkPassthrough(ExampleRun run) {
        if (IntegrationExtractor.isWebSocketRoute(run.integration.operation())) {
            checkUnmatchedMessages(run);
            return;
        }
        Map<String, String> templates = new LinkedHashMap<>();
        run.integration.requestTemplates().forEach(t -> templates.put(t.contentType(), t.text()));
        String unmapped = UNMAPPED_TYPES.stream().filter(t -> !templates.containsKey(t)).findFirst().orElse(null);
        if (unmapped == null) {
            return;
        }
        RequestTemplateSelector.PassthroughBehavior behavior = passthrough(run);
        if (behavior == null) {
            return;
        }
        RequestTemplateSelector.Selection selection = RequestTemplateSelector.select(templates, unmapped, behavior);
        if (selection.outcome() != RequestTemplateSelector.Outcome.PASSTHROUGH || !firstTime(run, run.integration.pointer() + " passthrough")) {
            return;
        }
        String pointer = run.integration.passthroughBehavior() == null ? run.integration.pointer()
                : run.integration.member("passthroughBehavior");
        String setting = run.integration.passthroughBehavior() == null ? "passthroughBehavior is not set, so it is when_no_match"
                : "passthroughBehavior is " + run.integration.passthroughBehavior().text();
        run.findings.add(run.locator.at(Rule.SEC003, "A client that sends its body as " + unmapped
                + " bypasses the request templates (" + setting + "): API Gateway forwards the body to DynamoDB untransformed, under the"
                + " integration's role, so {\"TableName\": \"Other\", ...} reads or writes any table the role allows;"
                + " set passthroughBehavior to never" + (isGet(run) ? EDGE_GET : ""), pointer, run.operation(), null));
    }

    /** The same for a WebSocket route, whose messages have no Content-Type: those no template is selected for pass. */
    private void checkUnmatchedMessages(ExampleRun run) {
        WebSocketUnmatched unmatched = WebSocketUnmatched.of(run.integration);
        if (unmatched == null || !unmatched.reported() || !unmatched.passes() || !firstTime(run, run.integration.pointer() + " passthrough")) {
            return;
        }
        run.findings.add(run.locator.at(Rule.SEC003, "API Gateway forwards " + unmatched.messages() + " to DynamoDB untransformed ("
                + unmatched.behaviorSaid() + "), under the integration's role: a client's {\"TableName\": \"Other\", ...} reads or writes"
                + " any table the role allows; add a $default request template, or set PassthroughBehavior to NEVER", unmatched.pointer(),
                run.operation(), null));
    }

    /** CloudFront answers 403 to a GET with a body, and an edge-optimized API is reached through CloudFront. */
    private static final String EDGE_GET = " (on a GET, the attack needs a regional or private endpoint: the CloudFront in front of"
            + " an edge-optimized one refuses a GET that has a body)";

    private static boolean isGet(ExampleRun run) {
        return "get".equalsIgnoreCase(run.integration.operation().method());
    }

    private static RequestTemplateSelector.PassthroughBehavior passthrough(ExampleRun run) {
        if (run.integration.passthroughBehavior() == null) {
            return RequestTemplateSelector.PassthroughBehavior.WHEN_NO_MATCH;
        }
        try {
            return RequestTemplateSelector.PassthroughBehavior.valueOf(run.integration.passthroughBehavior().text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // AGW010 reports an unknown value; nobody knows what API Gateway would do
        }
    }

    private boolean firstTime(ExampleRun run, String key) {
        return reported.computeIfAbsent(run.locator, l -> ConcurrentHashMap.newKeySet()).add(key);
    }
}
