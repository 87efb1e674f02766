package io.github.apigwddb.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.DynamoDbActions;
import io.github.apigwddb.dynamodb.DynamoDbRequestValidator;
import io.github.apigwddb.dynamodb.RequestViolation;
import io.github.apigwddb.dynamodb.partiql.PartiQlStatement;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.vtl.ApiGatewayTemplateEngine;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.RenderProblem;
import io.github.apigwddb.vtl.RenderResult;
import io.github.apigwddb.vtl.TemplateInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a request template with each client-controlled input replaced by hostile values and reports the
 * inputs through which a client can break or rewrite the DynamoDB request.
 *
 * <p>One render with a unique marker in every input ({@code zq1x}, {@code zq2x}…) shows which inputs reach
 * the output at all; only those are re-rendered with the {@link HostileValue}s. When the marker render is
 * JSON, the other inputs keep their markers during the hostile renders and the marker render is the
 * reference, so a branch on another input's value cannot pass for a change of structure; otherwise the
 * example's own render is the reference. An input whose marker never reaches the output because the template checks it
 * first ({@code #if($limit.matches('^[0-9]+$'))}) is tried with the numbers a loose check lets through
 * ({@link HostileValue#NUMBERS}). Thread-safe: all state of a probe lives in its call, but for the {@link ProbeBudget}
 * it is given, which is thread-safe itself.
 */
public final class InjectionProbe {

    private static final String MARKER_PREFIX = "zq";
    private static final String KEY_MARKER_PREFIX = "zqk";
    /** The markers that find the inputs a template decodes from Base64 ({@link #findBase64Inputs}). */
    private static final String BASE64_MARKER_PREFIX = "zqb";
    /**
     * Digits no example is likely to hold; with a fixed-width index after them no marker is the start of another, and
     * each stays an int ({@code $Integer.parseInt} of a body number is common in templates).
     */
    private static final String NUMBER_MARKER_PREFIX = "8675";
    /** Number markers have four digits of index: beyond that, numbers of the body are not probed. */
    private static final int MAX_NUMBER_MARKERS = 9999;
    /**
     * What an input a template checks before writing gets to see whether a number passes the check and lands in the
     * request ({@link #pastCheck}): one digit, so a narrow check passes it, not 0 or 1, which templates use as defaults.
     */
    private static final String HARMLESS_NUMBER = "2";
    private static final String OTHER_HARMLESS_NUMBER = "3";
    /** The two digits twice, for a check that wants more than one ({@code '^[0-9]{2,4}$'}); compared digit by digit alike. */
    private static final String HARMLESS_NUMBER_TWICE = "22";
    private static final String OTHER_HARMLESS_NUMBER_TWICE = "33";
    /** Stands for the marker of an input that is not probed: no render can hold it. */
    private static final String NOT_PROBED = "\u0000not probed";
    /** Nesting and size limits: a long value that only trips them is not an injection. */
    private static final String SIZE_RULE = "DDB009";

    private final ApiGatewayTemplateEngine engine;
    private final DocumentParser parser = new DocumentParser();
    private final DynamoDbRequestValidator validator = new DynamoDbRequestValidator();

    /** Whether all values are rendered together first, see {@code Probe.valuesToTry}; off only to test that it changes nothing. */
    private final boolean screenFirst;

    public InjectionProbe(ApiGatewayTemplateEngine engine) {
        this(engine, true);
    }

    InjectionProbe(ApiGatewayTemplateEngine engine, boolean screenFirst) {
        this.engine = engine;
        this.screenFirst = screenFirst;
    }

    /**
     * @param template the compiled request template
     * @param example the example request it is normally rendered against
     * @param action the DynamoDB action, or null when unknown (then DynamoDB's own checks are skipped)
     * @return one {@link Injection} per input that a client can abuse, in input order; empty when the
     *     example's own request does not render to JSON (other rules report that)
     */
    public List<Injection> probe(CompiledTemplate template, TemplateInput example, String action) {
        return probe(template, example, null, action);
    }

    /**
     * @param exampleOutput the template's render of {@code example} when the caller has it (renders are
     *     deterministic, so it is the render this probe would make); null to render it here
     * @see #probe(CompiledTemplate, TemplateInput, String)
     */
    public List<Injection> probe(CompiledTemplate template, TemplateInput example, String exampleOutput, String action) {
        return probe(template, example, exampleOutput, action, BodyInputs.UNVALIDATED);
    }

    /**
     * @param body what validates the body before the template runs: a body string is probed only with values it allows
     * @see #probe(CompiledTemplate, TemplateInput, String, String)
     */
    public List<Injection> probe(CompiledTemplate template, TemplateInput example, String exampleOutput, String action, BodyInputs body) {
        return probe(template, example, exampleOutput, action, body, new ProbeBudget(engine.limits()));
    }

    /**
     * @param budget what the probes of the template's integration may still spend, shared by its examples: the probe
     *     renders nothing once it is spent, nor for a template that ran out of time on a client's value before. A render
     *     that runs out of time ends the probe, which then gives a {@link Injection.Kind#TIMES_OUT} with what it found
     * @see #probe(CompiledTemplate, TemplateInput, String, String, BodyInputs)
     */
    public List<Injection> probe(CompiledTemplate template, TemplateInput example, String exampleOutput, String action, BodyInputs body,
            ProbeBudget budget) {
        if (budget.stopped(template) || budget.nanosLeft() <= 0) {
            return List.of();
        }
        long start = System.nanoTime();
        try {
            return probe(template, example, exampleOutput, action, body, budget, start);
        } finally {
            budget.spend(System.nanoTime() - start);
        }
    }

    private List<Injection> probe(CompiledTemplate template, TemplateInput example, String exampleOutput, String action, BodyInputs body,
            ProbeBudget budget, long start) {
        // every template would have the User-Agent as an input, and none could be passed over without a render
        boolean userAgentRead = template.contextReads().stream().anyMatch(read -> read.mayRead("identity.userAgent"));
        InputSlots inputs = new InputSlots(example, body, userAgentRead);
        List<InputSlots.Slot> slots = inputs.slots();
        if (slots.isEmpty()) {
            return List.of();
        }
        inputs.stopAt = start + budget.nanosLeft();
        String baseline = exampleOutput;
        if (baseline == null) {
            RenderResult render;
            try {
                render = render(template, inputs, example);
            } catch (OutOfTime e) {
                if (e.problem != null) {
                    budget.stop(template); // on the example's own values: no client's doing, but as slow for every example
                }
                return List.of();
            }
            baseline = render.ok() ? render.output() : null;
        }
        ParsedDocument baselineJson = parseOrNull(baseline);
        if (baselineJson == null) {
            return List.of();
        }
        Injection[] results = new Injection[slots.size()];
        Injection timeout = null;
        try {
            probeInputs(template, inputs, slots, action, baselineJson, results);
        } catch (OutOfTime e) {
            if (e.problem != null) {
                budget.stop(template);
                timeout = timedOut(e, slots);
            }
        }
        List<Injection> found = new ArrayList<>();
        for (Injection injection : results) {
            if (injection != null) {
                found.add(injection);
            }
        }
        if (timeout != null) {
            found.add(timeout);
        }
        return found;
    }

    /** Probes each input, filling in {@code results}; a render out of time or budget ends it with {@link OutOfTime}. */
    private void probeInputs(CompiledTemplate template, InputSlots inputs, List<InputSlots.Slot> slots, String action,
            ParsedDocument baselineJson, Injection[] results) {
        if (template.text().contains("base64Decode")) {
            findBase64Inputs(template, inputs, slots);
        }
        String[] markers = new String[slots.size()];
        // an input out of the render with every marker (a number beyond the markers, a boolean): it keeps its example value there
        boolean[] excluded = new boolean[slots.size()];
        for (int i = 0; i < markers.length; i++) {
            InputSlots.Slot slot = slots.get(i);
            if (slot.probedAlone()) {
                excluded[i] = true;
                markers[i] = MARKER_PREFIX + (i + 1) + "x";
            } else if (slot.takesNumberMarker()) {
                excluded[i] = i + 1 > MAX_NUMBER_MARKERS;
                markers[i] = excluded[i] ? NOT_PROBED : NUMBER_MARKER_PREFIX + String.format(Locale.ROOT, "%04d", i + 1) + "9";
            } else {
                markers[i] = (slot.kind == InputSlots.Kind.BODY_KEYS ? KEY_MARKER_PREFIX : MARKER_PREFIX) + (i + 1) + "x";
            }
            slot.set(excluded[i] ? slot.original : markers[i]);
        }
        RenderResult marked;
        try {
            marked = render(template, inputs);
            if (!marked.ok() && withoutNumberMarkers(slots, markers, excluded)) {
                marked = render(template, inputs); // a template may do what a marker number breaks
            }
        } catch (OutOfTime e) {
            throw e.problem == null ? e : blame(template, inputs, slots, markers, excluded, e);
        }
        if (!marked.ok()) {
            return;
        }
        String markedOutput = marked.output();
        ParsedDocument markedJson = parseOrNull(markedOutput);
        boolean markersAsBackground = markedJson != null;
        String[] background = new String[slots.size()];
        for (int i = 0; i < background.length; i++) {
            background[i] = markersAsBackground && !excluded[i] ? markers[i] : slots.get(i).original;
            slots.get(i).set(background[i]);
        }
        ParsedDocument reference = markersAsBackground ? markedJson : baselineJson;
        boolean checkDynamoDb = action != null && DynamoDbActions.isKnown(action);
        Set<String> referenceViolations = checkDynamoDb ? violationKeys(action, reference.root()) : Set.of();
        String stringValues = markersAsBackground ? stringValues(markedJson.root()) : null;
        JsonNode statements = statementsOf(reference);

        for (int i : probeOrder(slots)) {
            InputSlots.Slot slot = slots.get(i);
            inputs.probing = slot;
            if (slot.kind == InputSlots.Kind.BODY_KEYS) {
                if (markersAsBackground) {
                    results[i] = clientKeys(slot, markers[i], markedJson);
                }
                continue;
            }
            Probe probe = new Probe(template, inputs, reference, statements, referenceViolations, checkDynamoDb ? action : null);
            if (slot.probedAlone()) {
                results[i] = alone(template, inputs, slot, markers[i], probe);
                continue;
            }
            int at = excluded[i] ? -1 : markedOutput.indexOf(markers[i]);
            if (at < 0 && slot.takesNumberMarker() && !excluded[i] && slot.mayBranchOn(template.branchReads())) {
                // a number that does not reach the request may still let a string through when a condition looks at it: a
                // template that clamps the number (#if($l > 100)#set($l = 100)#end) writes any string, which compares as
                // no number, as it is
                results[i] = attackWithStringMarker(template, inputs, slot, MARKER_PREFIX + (i + 1) + "x", background[i], probe);
                continue;
            }
            if (at < 0 && !excluded[i] && steeredByAnother(template, slots, slot)) {
                results[i] = withOthersAsInExample(template, inputs, slots, i, markers[i], background, action, checkDynamoDb);
                continue;
            }
            if (at < 0) {
                if (!excluded[i] && checkedBeforeWritten(template, slot)) {
                    results[i] = pastCheck(template, inputs, slot, background[i], markers[i], markersAsBackground ? markedOutput : null,
                            checkDynamoDb ? action : null);
                }
                continue; // the input never reaches the request as text
            }
            if (!markersAsBackground) {
                // another input's marker broke the JSON: whether this one lands in a string is seen with its marker alone
                results[i] = attackWithStringMarker(template, inputs, slot, markers[i], background[i], probe);
                continue;
            }
            // with markers around it, a hostile render that changes only the marker's string is read from that string alone
            MarkedString spliced = markedJson.duplicateKeys().isEmpty()
                    ? MarkedString.find(markedOutput, markedJson.root(), markers[i], parser) : null;
            results[i] = probe.attack(slot, background[i], markers[i], spliced, stringValues.contains(markers[i]), markedOutput, at);
        }
    }

    /**
     * Marks the inputs the template writes after {@code $util.base64Decode} (a pagination token pasted into
     * {@code ExclusiveStartKey}): a marker sent as it is would decode to bytes no search finds, and such an input would
     * look as if it never reached the request. Each string input in turn gets the Base64 of a marker, the others keeping
     * the example's values (one may steer the branch that decodes it, or fail the render as a marker); those whose marker
     * shows in the request take the probe's values encoded from then on, as a client would send them.
     */
    private void findBase64Inputs(CompiledTemplate template, InputSlots inputs, List<InputSlots.Slot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            InputSlots.Slot slot = slots.get(i);
            if (slot.kind == InputSlots.Kind.BODY_KEYS || slot.takesNumberMarker() || slot.probedAlone()) {
                continue;
            }
            slot.decodedFromBase64(true);
            slot.set(BASE64_MARKER_PREFIX + (i + 1) + "x");
            inputs.probing = slot;
            RenderResult render = render(template, inputs);
            slot.decodedFromBase64(render.ok() && render.output().contains(BASE64_MARKER_PREFIX + (i + 1) + "x"));
            slot.set(slot.original);
        }
        inputs.probing = null;
    }

    /**
     * A probe render, within the integration's budget: one that runs out of time, or that the budget has no time left for,
     * ends the probe with {@link OutOfTime} (each further render could cost a whole deadline again).
     */
    private RenderResult render(CompiledTemplate template, InputSlots inputs) {
        return render(template, inputs, inputs.current());
    }

    private RenderResult render(CompiledTemplate template, InputSlots inputs, TemplateInput input) {
        if (System.nanoTime() - inputs.stopAt >= 0) {
            throw new OutOfTime(null, null, null);
        }
        RenderResult result = engine.renderProbe(template, input);
        if (result.timedOut()) {
            InputSlots.Slot slot = inputs.probing;
            throw new OutOfTime(result.problem(), slot, slot == null ? null : slot.value());
        }
        return result;
    }

    /**
     * Why a probe stopped: a render ran out of time ({@code problem}) while {@code slot} held {@code value} (null when every
     * input held a marker), or the budget is spent (all null).
     */
    private static final class OutOfTime extends RuntimeException {
        final RenderProblem problem;
        final InputSlots.Slot slot;
        final String value;

        OutOfTime(RenderProblem problem, InputSlots.Slot slot, String value) {
            super(null, null, false, false);
            this.problem = problem;
            this.slot = slot;
            this.value = value;
        }
    }

    /**
     * Which input makes the template run out of time when the render with every marker did: each input's marker alone in
     * turn, the others as in the example, until a render runs out of time too; {@code together} when none does alone (or
     * the budget ends first). At most one more render that runs out of time.
     */
    private OutOfTime blame(CompiledTemplate template, InputSlots inputs, List<InputSlots.Slot> slots, String[] markers, boolean[] excluded,
            OutOfTime together) {
        for (InputSlots.Slot slot : slots) {
            slot.set(slot.original);
        }
        for (int i : probeOrder(slots)) {
            if (excluded[i]) {
                continue;
            }
            InputSlots.Slot slot = slots.get(i);
            slot.set(markers[i]);
            inputs.probing = slot;
            try {
                render(template, inputs);
            } catch (OutOfTime e) {
                return e.problem == null ? together : e;
            } finally {
                slot.set(slot.original);
                inputs.probing = null;
            }
        }
        return together;
    }

    /** The finding of a probe render that ran out of time: the input and value it had, and where in the template time ran out. */
    private static Injection timedOut(OutOfTime e, List<InputSlots.Slot> slots) {
        String input = e.slot != null ? e.slot.label
                : "inputs " + String.join(", ", slots.stream().map(slot -> slot.label).toList()) + " together";
        HostileValue value = e.slot == null ? null : HostileValue.ALL.stream().filter(v -> v.text().equals(e.value)).findFirst()
                .or(() -> HostileValue.NUMBERS.stream().filter(v -> v.text().equals(e.value)).findFirst())
                .orElseGet(() -> new HostileValue(e.value, madeUp(e.value)));
        return new Injection(Injection.Kind.TIMES_OUT, input, value, e.problem.message(), value == null ? List.of() : List.of(value), false,
                e.problem.line(), "", e.problem.column(), e.slot != null && e.slot.decodedFromBase64(), false);
    }

    /** How a message quotes a value of the probe's own (a marker, a harmless number, the values together). */
    private static String madeUp(String value) {
        return value == null ? "no value" : value.length() <= 20 ? "'" + value + "'" : "a " + value.length() + "-character string";
    }

    /**
     * Probes a boolean of the body in renders of its own, the other inputs as in the reference. Only when no condition of
     * the template may look at it: a string there takes each such condition another way, as false or true may, and what
     * that changes is the template's logic, not the client's text in the request.
     */
    private Injection alone(CompiledTemplate template, InputSlots inputs, InputSlots.Slot slot, String marker, Probe probe) {
        return slot.mayBranchOn(template.branchReads()) ? null : attackWithStringMarker(template, inputs, slot, marker, slot.original, probe);
    }

    /**
     * Renders the input as a string marker to see whether it reaches the request, then, when it does, with the hostile
     * strings; the input gets {@code background} back between renders.
     */
    private Injection attackWithStringMarker(CompiledTemplate template, InputSlots inputs, InputSlots.Slot slot, String marker,
            String background, Probe probe) {
        slot.set(marker);
        RenderResult render = render(template, inputs);
        slot.set(background);
        int at = render.ok() ? render.output().indexOf(marker) : -1;
        if (at < 0) {
            return null;
        }
        ParsedDocument json = parseOrNull(render.output());
        boolean insideString = json != null && stringValues(json.root()).contains(marker);
        return probe.attack(slot, background, marker, null, insideString, render.output(), at);
    }

    /** Whether a condition of the template may read another input: the markers may have taken it the way that skips this one. */
    private static boolean steeredByAnother(CompiledTemplate template, List<InputSlots.Slot> slots, InputSlots.Slot slot) {
        return slots.stream().anyMatch(other -> other != slot && other.mayBranchOn(template.branchReads()));
    }

    /**
     * Whether an input whose marker does not reach the request may still reach it with another value: text a client writes
     * (a parameter, a header, a string of the body) that a condition of the template may look at, such as a check against
     * a numeric pattern that no marker passes. See {@link #pastCheck}.
     */
    private static boolean checkedBeforeWritten(CompiledTemplate template, InputSlots.Slot slot) {
        return switch (slot.kind) {
            case PATH, QUERYSTRING, HEADER, BODY_STRING -> !slot.retypable() && !slot.decodedFromBase64()
                    && slot.mayBranchOn(template.branchReads());
            default -> false;
        };
    }

    /**
     * Probes with {@link HostileValue#NUMBERS} an input the template writes only after a check that its marker and every
     * hostile string fail ({@code #if($limit.matches('^[0-9]+$'))"Limit": $limit,#end}). Two harmless numbers, 2 and 3
     * (which narrow checks such as {@code '^[0-3]$'} pass as well), show whether the input then lands in the request as it
     * is, and where; the render with 2 is the reference. Mostly one render: one with 2 that changes nothing ends it.
     *
     * @param background the input's value between renders
     * @param marker the input's marker, which fails the check
     * @param markerOutput the render with the marker and the other inputs as now, null when none was made
     * @param action the DynamoDB action to validate the requests against, null for none
     */
    private Injection pastCheck(CompiledTemplate template, InputSlots inputs, InputSlots.Slot slot, String background, String marker,
            String markerOutput, String action) {
        try {
            if (markerOutput == null) {
                slot.set(marker);
                RenderResult marked = render(template, inputs);
                if (!marked.ok()) {
                    return null;
                }
                markerOutput = marked.output();
            }
            slot.set(HARMLESS_NUMBER);
            RenderResult harmless = render(template, inputs);
            String otherNumber = OTHER_HARMLESS_NUMBER;
            if (harmless.ok() && harmless.output().equals(markerOutput)) {
                slot.set(HARMLESS_NUMBER_TWICE); // one digit failed the check as the marker did: two may pass
                harmless = render(template, inputs);
                otherNumber = OTHER_HARMLESS_NUMBER_TWICE;
            }
            if (!harmless.ok() || harmless.output().equals(markerOutput)) {
                return null;
            }
            slot.set(otherNumber);
            RenderResult other = render(template, inputs);
            int at = other.ok() ? onlyDigitChanged(harmless.output(), other.output()) : -1;
            ParsedDocument reference = at < 0 ? null : parseOrNull(harmless.output());
            if (reference == null) {
                return null; // the number steers the template without being written, or is not written as it is
            }
            Set<String> violations = action == null ? Set.of() : violationKeys(action, reference.root());
            Probe probe = new Probe(template, inputs, reference, null, violations, action);
            return probe.attackPastCheck(slot, background, markerOutput, JsonShapes.insideString(harmless.output(), at), harmless.output(), at);
        } finally {
            slot.set(background);
        }
    }

    /**
     * Where the render with {@link #HARMLESS_NUMBER} has that digit and the render with {@link #OTHER_HARMLESS_NUMBER} the
     * other, the texts being the same elsewhere: the first place the input is written as it is; -1 when the texts differ
     * otherwise or not at all.
     */
    private static int onlyDigitChanged(String harmless, String other) {
        if (harmless.length() != other.length()) {
            return -1;
        }
        int first = -1;
        for (int i = 0; i < harmless.length(); i++) {
            char a = harmless.charAt(i);
            char b = other.charAt(i);
            if (a != b) {
                if (a != HARMLESS_NUMBER.charAt(0) || b != OTHER_HARMLESS_NUMBER.charAt(0)) {
                    return -1;
                }
                first = first < 0 ? i : first;
            }
        }
        return first;
    }

    /**
     * Probes an input the render with every marker left out, with the other inputs at the example's values: a condition
     * on another input ({@code #if($input.params('mode') == "page")}) may write it only for the value the example gives.
     * The reference is then the render with this input's marker alone; the others get their markers back afterwards.
     */
    private Injection withOthersAsInExample(CompiledTemplate template, InputSlots inputs, List<InputSlots.Slot> slots, int index,
            String marker, String[] background, String action, boolean checkDynamoDb) {
        InputSlots.Slot slot = slots.get(index);
        try {
            for (InputSlots.Slot other : slots) {
                other.set(other.original);
            }
            slot.set(marker);
            RenderResult render = render(template, inputs);
            int at = render.ok() ? render.output().indexOf(marker) : -1;
            if (at < 0 && checkedBeforeWritten(template, slot)) {
                return render.ok() ? pastCheck(template, inputs, slot, marker, marker, render.output(), checkDynamoDb ? action : null) : null;
            }
            ParsedDocument alone = at < 0 ? null : parseOrNull(render.output());
            if (alone == null) {
                return null; // not written for the example's values either, or not JSON with them (other rules say so)
            }
            Set<String> violations = checkDynamoDb ? violationKeys(action, alone.root()) : Set.of();
            Probe probe = new Probe(template, inputs, alone, statementsOf(alone), violations, checkDynamoDb ? action : null);
            return probe.attack(slot, marker, marker, null, stringValues(alone.root()).contains(marker), render.output(), at);
        } finally {
            for (int i = 0; i < slots.size(); i++) {
                slots.get(i).set(background[i]);
            }
        }
    }

    /**
     * The slots in the order they are probed: the numbers and booleans of the body last, as each may take every hostile value in a
     * render of its own, so that a template that exhausts the time budget does so after its strings, parameters and
     * headers have been probed. Findings are still listed in input order.
     */
    private static List<Integer> probeOrder(List<InputSlots.Slot> slots) {
        List<Integer> order = new ArrayList<>(slots.size());
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < slots.size(); i++) {
                if (slots.get(i).retypable() == (pass == 1)) {
                    order.add(i);
                }
            }
        }
        return order;
    }

    /**
     * Gives the numbers of the body their example values back and takes them out of the probe (their markers can no
     * longer be found); false when there is none.
     */
    private static boolean withoutNumberMarkers(List<InputSlots.Slot> slots, String[] markers, boolean[] excluded) {
        boolean any = false;
        for (int i = 0; i < markers.length; i++) {
            if (slots.get(i).takesNumberMarker() && !excluded[i]) {
                slots.get(i).set(slots.get(i).original);
                markers[i] = NOT_PROBED;
                excluded[i] = true;
                any = true;
            }
        }
        return any;
    }

    /** The hostile renders of one input. */
    private final class Probe {
        private final CompiledTemplate template;
        private final InputSlots inputs;
        private final ParsedDocument reference;
        private final Set<String> referenceViolations;
        private final String action;

        /**
         * The reference's PartiQL statements as rendered, for comparing: a copy, as the spliced reads change the reference
         * in place ({@link MarkedString#with}); null for a request without any.
         */
        private final JsonNode statements;
        /** Whether the input attacked is written into a PartiQL statement: only then do the statements' words count. */
        private boolean inStatement;
        /** Whether the input may make lists longer or shorter (see {@link #attack}). */
        private boolean arraysMayGrow;
        /** The text standing for the input in the render {@link #attack} was given, to keep it out of messages. */
        private String marker;
        /**
         * The render in which the input fails the template's check, for {@link #attackPastCheck}: a number that renders it
         * did not pass. Null for the hostile strings.
         */
        private String checkFailed;

        Probe(CompiledTemplate template, InputSlots inputs, ParsedDocument reference, JsonNode statements, Set<String> referenceViolations,
                String action) {
            this.template = template;
            this.inputs = inputs;
            this.reference = reference;
            this.statements = statements;
            this.referenceViolations = referenceViolations;
            this.action = action;
        }

        /**
         * @param marker what stands for the input in {@code output}
         * @param output a render the input's marker is in, at {@code at}: where the findings place the input
         */
        Injection attack(InputSlots.Slot slot, String background, String marker, MarkedString spliced, boolean insideString, String output,
                int at) {
            this.marker = marker;
            this.inStatement = statements != null && InjectionProbe.this.inStatement(output, marker);
            // a value the template's conditions or loops read may make a list longer or shorter (a #foreach over its
            // split): elements of the same shape are the template's logic, not the client's text in the request
            arraysMayGrow = slot.mayBranchOn(template.branchReads());
            try {
                return worst(slot, valuesToTry(slot, spliced, background), spliced, "", insideString, output, at);
            } finally {
                slot.set(background);
            }
        }

        /**
         * Tries {@link HostileValue#NUMBERS} on an input the template writes only after a check, see {@link #pastCheck}.
         * A PartiQL statement's words are not compared: a number stays a number there ({@code -1} is as much one as 1).
         *
         * @param checkFailed the render with the input's marker, which fails the check
         * @param output the render with a harmless number in the input, the reference, which has it at {@code at}
         */
        Injection attackPastCheck(InputSlots.Slot slot, String background, String checkFailed, boolean insideString, String output, int at) {
            this.marker = null;
            this.checkFailed = checkFailed;
            this.inStatement = false;
            arraysMayGrow = slot.mayBranchOn(template.branchReads());
            try {
                return worst(slot, HostileValue.NUMBERS.stream().filter(slot::accepts).toList(), null, "passes the template's check and ",
                        insideString, output, at);
            } finally {
                slot.set(background);
            }
        }

        /** The worst that {@code values} do to the request, each in the input in turn; null when none does anything. */
        private Injection worst(InputSlots.Slot slot, List<HostileValue> values, MarkedString spliced, String effectPrefix, boolean insideString,
                String output, int at) {
            List<HostileValue> breaking = new ArrayList<>();
            Injection.Kind worst = null;
            HostileValue worstValue = null;
            String worstEffect = null;
            for (HostileValue value : values) {
                slot.set(value.text());
                Outcome outcome = evaluate(value, spliced, arraysMayGrow);
                if (outcome == null || slot.retypable() && onlyRetyped(outcome)) {
                    continue;
                }
                breaking.add(value);
                if (worst == null || outcome.kind().compareTo(worst) > 0) {
                    worst = outcome.kind();
                    worstValue = value;
                    worstEffect = outcome.effect();
                }
                if (worst == Injection.Kind.STRUCTURE_CHANGED) {
                    break; // nothing is worse
                }
            }
            return worst == null ? null
                    : new Injection(worst, slot.label, worstValue, effectPrefix + worstEffect, List.copyOf(breaking), insideString,
                            lineOf(output, at), lineText(output, at), columnOf(output, at), slot.decodedFromBase64(), inStatement);
        }

        /**
         * The values worth a render of their own. Most inputs are escaped and no value breaks them: one render of all
         * the values together (but the long one, whose size limits the probe ignores) shows that, in place of a render
         * each, when no condition of the template may look at the input's value (one that escapes only a value with a
         * quote would treat all values together unlike a backslash alone), the request is the marker render's with just
         * that input's string changed, and that string carries the values exactly as sent. Otherwise one by one.
         *
         * @param marker the input's marker in the marker render, which {@code spliced} holds
         */
        private List<HostileValue> valuesToTry(InputSlots.Slot slot, MarkedString spliced, String marker) {
            List<HostileValue> accepted = HostileValue.ALL.stream().filter(slot::accepts).toList();
            List<HostileValue> screened = accepted.stream().filter(v -> v != HostileValue.LONG).toList();
            if (!screenFirst || spliced == null || screened.size() < 2 || slot.mayBranchOn(template.branchReads())) {
                return accepted;
            }
            HostileValue together = HostileValue.together(screened);
            if (!slot.accepts(together)) {
                return accepted; // a validated body allows the values one by one only
            }
            slot.set(together.text());
            RenderResult result = render(template, inputs);
            JsonNode changed = result.ok() ? spliced.valueIn(result.output()) : null;
            if (changed == null || !spliced.carries(changed, marker, together.text())
                    || spliced.with(changed, tree -> rejection(together, tree)) != null) {
                return accepted;
            }
            return accepted.contains(HostileValue.LONG) ? List.of(HostileValue.LONG) : List.of();
        }

        private Outcome evaluate(HostileValue value, MarkedString spliced, boolean arraysMayGrow) {
            RenderResult result = render(template, inputs);
            if (!result.ok()) {
                if (value == HostileValue.LONG && result.problem().kind() == RenderProblem.Kind.LIMIT) {
                    return null;
                }
                return new Outcome(Injection.Kind.RENDER_FAILS, "makes the template fail: " + result.problem().message());
            }
            String output = result.output();
            if (output.equals(checkFailed)) {
                return null; // the number fails the template's check, as the marker did
            }
            if (output.isBlank()) {
                return new Outcome(Injection.Kind.INVALID_JSON, "leaves the request empty");
            }
            JsonNode changed = spliced == null ? null : spliced.valueIn(output);
            if (changed != null) {
                return spliced.with(changed, tree -> rejection(value, tree)); // one string changed: the shape is the reference's
            }
            JsonNode root = parser.treeOrNull(output);
            if (root == null) {
                // invalid JSON or a duplicate key: the full parser words the finding
                ParsedDocument json;
                try {
                    json = parser.parse(output, SpecFormat.JSON);
                } catch (DocumentSyntaxException e) {
                    return new Outcome(Injection.Kind.INVALID_JSON, "makes the request invalid JSON (" + e.getMessage()
                            + " at line " + e.position().line() + ", column " + e.position().column() + ")");
                }
                if (json.duplicateKeys().size() > reference.duplicateKeys().size() && checkFailed == null) {
                    return new Outcome(Injection.Kind.STRUCTURE_CHANGED,
                            "changes the request's structure: member " + json.duplicateKeys().get(0) + " appears twice");
                }
                root = json.root();
            }
            String difference = JsonShapes.difference(reference.root(), root, arraysMayGrow);
            if (difference != null) {
                // digits and a minus sign write no member: another shape is a branch the template takes for that number
                return checkFailed != null ? null
                        : new Outcome(Injection.Kind.STRUCTURE_CHANGED, "changes the request's structure: " + difference);
            }
            return rejection(value, root);
        }

        /**
         * What a request of the reference's shape does that the reference did not: a PartiQL statement whose words
         * changed, or what DynamoDB rejects.
         */
        private Outcome rejection(HostileValue value, JsonNode root) {
            String statement = inStatement ? statementChange(statements, root, "", arraysMayGrow) : null;
            if (statement != null) {
                return new Outcome(Injection.Kind.STATEMENT_CHANGED, ("changes the words of the PartiQL statement " + statement)
                        .replace("'" + marker + "'", "the client's value"));
            }
            if (action != null && value != HostileValue.LONG) {
                for (RequestViolation violation : validator.validate(action, root)) {
                    if (!SIZE_RULE.equals(violation.ruleId()) && !violation.ofValuesAlone() && !referenceViolations.contains(key(violation))) {
                        return new Outcome(Injection.Kind.REJECTED, "makes DynamoDB reject the request ("
                                + violation.ruleId() + (violation.path().isEmpty() ? "" : " at " + violation.path()) + ": "
                                + violation.message() + ")");
                    }
                }
            }
            return null;
        }
    }

    private record Outcome(Injection.Kind kind, String effect) {
    }

    /**
     * The reference's PartiQL statements for comparing: a copy of its tree, as the spliced reads change the reference in
     * place ({@link MarkedString#with}); null for a request without any.
     */
    private static JsonNode statementsOf(ParsedDocument reference) {
        return hasStatement(reference.root(), "") ? reference.root().deepCopy() : null;
    }

    /** Whether the render writes {@code marker} into a PartiQL statement (a {@code Statement} string). */
    private boolean inStatement(String output, String marker) {
        JsonNode root = parser.treeOrNull(output);
        return root != null && hasStatement(root, marker);
    }

    /** Whether a {@code Statement} string of the tree holds {@code text} ("" for any). */
    private static boolean hasStatement(JsonNode root, String text) {
        return firstMember(root, (pointer, name, value) -> name.equals("Statement") && value.isTextual() && value.textValue().contains(text)
                ? pointer : null) != null;
    }

    /**
     * Where a PartiQL statement (a {@code Statement} string) of {@code actual} has words other than the same statement of
     * {@code expected}, and which; null when none has. JSON escaping keeps a value inside its JSON string, not inside the
     * statement's own quotes: {@code '} ends a PartiQL string.
     */
    private static String statementChange(JsonNode expected, JsonNode actual, String pointer, boolean listsMayGrow) {
        if (expected.isObject()) {
            JsonNode statement = expected.get("Statement");
            if (statement != null && statement.isTextual() && actual.path("Statement").isTextual()) {
                String difference = PartiQlStatement.read(statement.textValue())
                        .structuralDifference(PartiQlStatement.read(actual.path("Statement").textValue()), listsMayGrow);
                if (difference != null) {
                    return "at " + JsonPointers.child(pointer, "Statement") + ": " + difference;
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> members = expected.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                JsonNode other = actual.get(member.getKey());
                String found = other == null || !member.getValue().isContainerNode() ? null
                        : statementChange(member.getValue(), other, JsonPointers.child(pointer, member.getKey()), listsMayGrow);
                if (found != null) {
                    return found;
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return null; // a loop made more or fewer statements: no element is the same one's counterpart
            }
            for (int i = 0; i < expected.size(); i++) {
                String found = statementChange(expected.get(i), actual.get(i), JsonPointers.child(pointer, i), listsMayGrow);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Whether what a string sent for a number of the body did is no injection: only a render that is no JSON any more
     * (the client's text landed outside a string, or broke one) or in which a member appears (the client wrote one)
     * counts. A string that arrives as a string where the number was ({@code $input.json} quotes it), a member that a
     * condition on the number's value leaves out, a value DynamoDB refuses or a template that fails on a string are
     * what any wrongly typed value does, and a validator's schema is their fix, not escaping.
     */
    private static boolean onlyRetyped(Outcome outcome) {
        return switch (outcome.kind()) {
            case INVALID_JSON, STATEMENT_CHANGED -> false; // text outside a PartiQL literal, as outside a JSON string
            case STRUCTURE_CHANGED -> !outcome.effect().endsWith(" appears") && !outcome.effect().endsWith(" appears twice");
            default -> true;
        };
    }


    /** Where a key the client added to the body object shows up as a key in the request, if anywhere. */
    private static Injection clientKeys(InputSlots.Slot slot, String marker, ParsedDocument marked) {
        String pointer = keyPointer(marked.root(), marker);
        String namedAttribute = pointer == null ? attributeNamePointer(marked.root(), marker) : null;
        if (pointer == null && namedAttribute == null) {
            return null;
        }
        boolean requestMember = pointer != null && pointer.indexOf('/', 1) < 0;
        Injection.Kind kind = requestMember ? Injection.Kind.CLIENT_REQUEST_MEMBERS : Injection.Kind.CLIENT_ATTRIBUTE_NAMES;
        String effect = requestMember
                ? "a member the client adds to the body becomes member " + pointer + " of the DynamoDB request"
                : pointer != null ? "a key the client adds to the body becomes key " + pointer + " in the DynamoDB request"
                : "a key the client adds to the body becomes attribute name " + namedAttribute + " of an expression, so the"
                        + " client reaches any attribute it names";
        pointer = pointer != null ? pointer : namedAttribute;
        TextPosition at = marked.sourceMap().locate(pointer);
        return new Injection(kind, slot.label, null, effect, List.of(), false, at.line(), lineAt(marked.text(), at.line()), at.column(), false,
                false);
    }

    /** The pointer of a member whose name holds the marker, the shallowest first; null when none. */
    private static String keyPointer(JsonNode root, String marker) {
        return firstMember(root, (pointer, name, value) -> name.contains(marker) ? pointer : null);
    }

    /**
     * The pointer of an {@code ExpressionAttributeNames} value holding the marker (a dynamic update writes each body key as
     * {@code "#f1": "<key>"}), the shallowest first; null when none.
     */
    private static String attributeNamePointer(JsonNode root, String marker) {
        return firstMember(root, (pointer, name, value) -> {
            if (name.equals("ExpressionAttributeNames") && value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> names = value.fields(); names.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = names.next();
                    if (entry.getValue().isTextual() && entry.getValue().textValue().contains(marker)) {
                        return JsonPointers.child(pointer, entry.getKey());
                    }
                }
            }
            return null;
        });
    }

    /** What a member of the document answers: a pointer to report, or null to go on. */
    private interface MemberTest {
        String test(String pointer, String name, JsonNode value);
    }

    /** The first answer of {@code test}, breadth first (the shallowest member first), without recursion; null when none. */
    private static String firstMember(JsonNode root, MemberTest test) {
        Deque<Map.Entry<String, JsonNode>> work = new ArrayDeque<>();
        work.add(Map.entry("", root));
        while (!work.isEmpty()) {
            Map.Entry<String, JsonNode> next = work.removeFirst();
            JsonNode node = next.getValue();
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    String pointer = JsonPointers.child(next.getKey(), member.getKey());
                    String found = test.test(pointer, member.getKey(), member.getValue());
                    if (found != null) {
                        return found;
                    }
                    work.addLast(Map.entry(pointer, member.getValue()));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    work.addLast(Map.entry(JsonPointers.child(next.getKey(), i), node.get(i)));
                }
            }
        }
        return null;
    }

    /** Every string value of the document, separated by NUL, to ask which markers landed inside a string. */
    private static String stringValues(JsonNode root) {
        StringBuilder out = new StringBuilder();
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node.isTextual()) {
                out.append(node.textValue()).append('\0');
            } else if (node.isContainerNode()) {
                node.elements().forEachRemaining(work::push);
            }
        }
        return out.toString();
    }

    private Set<String> violationKeys(String action, JsonNode request) {
        Set<String> keys = new HashSet<>();
        for (RequestViolation violation : validator.validate(action, request)) {
            keys.add(key(violation));
        }
        return keys;
    }

    private static String key(RequestViolation violation) {
        return violation.ruleId() + " " + violation.jsonPointer();
    }

    private ParsedDocument parseOrNull(String output) {
        if (output == null || output.isBlank()) {
            return null;
        }
        try {
            return parser.parseJson(output); // positions only for a key finding
        } catch (DocumentSyntaxException e) {
            return null;
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int offset) {
        return offset - text.lastIndexOf('\n', offset - 1);
    }

    private static String lineText(String text, int offset) {
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        int end = text.indexOf('\n', offset);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The text of a 1-based line. */
    private static String lineAt(String text, int line) {
        int start = 0;
        for (int l = 1; l < line && start >= 0; l++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                return "";
            }
        }
        return lineText(text, start);
    }
}
