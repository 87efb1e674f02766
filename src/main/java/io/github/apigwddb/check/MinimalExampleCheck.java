package io.github.apigwddb.check;

import io.github.apigwddb.examples.Example;
import io.github.apigwddb.examples.OptionalInputs;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final List<ExampleCheck> requestChecks;

    /** @param requestChecks the checks that render and validate the request, in order */
    MinimalExampleCheck(List<ExampleCheck> requestChecks) {
        this.requestChecks = List.copyOf(requestChecks);
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
        Map<String, Finding> full = byPlace(run.findings);
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
            run.once("VTL009|" + problem.getKey(), new Finding(Rule.VTL009, Rule.VTL009.defaultSeverity(), message, found.position(),
                    found.operation(), found.example()));
        }
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
