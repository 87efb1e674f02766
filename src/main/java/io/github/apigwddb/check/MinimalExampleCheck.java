package io.github.apigwddb.check;

import io.github.apigwddb.examples.Example;
import io.github.apigwddb.examples.OptionalInputs;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.BranchReads;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputParamCall;
import io.github.apigwddb.vtl.InputPathCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * VTL009: renders the example again with every optional input it gives left out (what a client sending only
 * what the spec requires sends), and reports what breaks only then: {@code "Limit": $input.params('pageSize')}
 * renders {@code "Limit": ,} without {@code pageSize}. Each problem is reported once per template place,
 * naming the absent inputs that cause it (found by giving each back in turn).
 */
final class MinimalExampleCheck implements ExampleCheck {

    /** Giving inputs back one at a time costs a render each: beyond this many, all are named. */
    private static final int MAX_INPUTS_TO_BISECT = 12;

    /** A body member a template reads as {@code $.name} or {@code $.a.b}. */
    private static final Pattern SIMPLE_MEMBER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final List<ExampleCheck> requestChecks;
    private final TemplateRunner runner;

    /** @param requestChecks the checks that render and validate the request, in order */
    MinimalExampleCheck(List<ExampleCheck> requestChecks, TemplateRunner runner) {
        this.requestChecks = List.copyOf(requestChecks);
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        if (run.requestTemplate == null) {
            return;
        }
        List<OptionalInputs.Input> optional = OptionalInputs.present(run.locator.spec(), run.integration.operation(), run.example);
        if (optional.isEmpty()) {
            return;
        }
        Map<String, Finding> full = byPlace(run.allFindings()); // also what an earlier example said first
        Map<String, Finding> minimal = byPlace(render(run, OptionalInputs.without(run.example, optional)));
        for (Map.Entry<String, Finding> problem : minimal.entrySet()) {
            if (full.containsKey(problem.getKey())) {
                continue; // the full example has it too: not caused by what is left out
            }
            List<OptionalInputs.Input> causes = causes(run, optional, problem.getKey());
            Finding found = problem.getValue();
            String message = "Without the optional " + causes.stream().map(Object::toString).collect(Collectors.joining(", "))
                    + " (a client may leave " + (causes.size() == 1 ? "it" : "them") + " out; example '" + run.example.name()
                    + "' rendered without " + (optional.size() == 1 ? "it" : "its " + optional.size() + " optional inputs") + "): "
                    + found.message();
            Finding atRead = causes.size() == 1 ? atRead(run, causes.get(0), message, found) : null;
            run.once("VTL009|" + problem.getKey(), atRead != null ? atRead : new Finding(Rule.VTL009, Rule.VTL009.defaultSeverity(),
                    message, found.position(), found.operation(), found.example()));
        }
    }

    /**
     * The finding at the template's read of the one input whose absence breaks it (the read that writes the value, else
     * the first): where the fix goes, rather than where the request stopped being JSON. Null when the template does not
     * read it by a literal name or path.
     */
    private Finding atRead(ExampleRun run, OptionalInputs.Input cause, String message, Finding found) {
        MappingTemplate template = run.requestTemplate;
        TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
        CompiledTemplate compiled = runner.compiled(template, deployed);
        if (compiled == null) {
            return null;
        }
        List<int[]> reads = new ArrayList<>();
        if (cause.where().equals("querystring") || cause.where().equals("header")) {
            for (InputParamCall call : compiled.inputParamCalls()) {
                if (call.name().equals(cause.name()) && (call.location() == null || call.location().equals(cause.where()))) {
                    reads.add(new int[] {call.line(), call.column(), call.slot().isKnown() ? 1 : 0});
                }
            }
        } else if (SIMPLE_MEMBER.matcher(cause.name()).matches()) {
            String wanted = BranchReads.normalPath("$." + cause.name());
            for (InputPathCall call : compiled.inputPathCalls()) {
                if (wanted != null && wanted.equals(BranchReads.normalPath(call.jsonPath()))) {
                    reads.add(new int[] {call.line(), call.column(), call.slot().isKnown() ? 1 : 0});
                }
            }
        }
        if (reads.isEmpty()) {
            return null;
        }
        int[] read = reads.stream().filter(r -> r[2] == 1).findFirst().orElse(reads.get(0));
        int[] at = deployed.written(template.text(), read[0], read[1]);
        return run.locator.inTemplate(Rule.VTL009, message, template, at[0], at[1], found.operation(), found.example());
    }

    /** The inputs whose return alone makes the problem go away; all of them when none does alone. */
    private List<OptionalInputs.Input> causes(ExampleRun run, List<OptionalInputs.Input> optional, String place) {
        if (optional.size() == 1 || optional.size() > MAX_INPUTS_TO_BISECT) {
            return optional;
        }
        List<OptionalInputs.Input> causes = new ArrayList<>();
        for (OptionalInputs.Input input : optional) {
            List<OptionalInputs.Input> others = new ArrayList<>(optional);
            others.remove(input);
            if (!byPlace(render(run, OptionalInputs.without(run.example, others))).containsKey(place)) {
                causes.add(input);
            }
        }
        return causes.isEmpty() ? optional : causes;
    }

    private List<Finding> render(ExampleRun run, Example variant) {
        ExampleRun minimal = run.variant(variant);
        for (ExampleCheck check : requestChecks) {
            check.check(minimal);
        }
        return minimal.findings;
    }

    /** Template problems (not example ones) by rule and place. */
    private static Map<String, Finding> byPlace(List<Finding> findings) {
        Map<String, Finding> places = new LinkedHashMap<>();
        for (Finding finding : findings) {
            String prefix = finding.rule().name().substring(0, 3);
            if (prefix.equals("VTL") || prefix.equals("DDB") || prefix.equals("DDX")) {
                places.putIfAbsent(finding.rule() + "|" + finding.position(), finding);
            }
        }
        return places;
    }
}
