package io.github.apigwddb.gate;

import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.check.RenderedExample;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.SourceRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the check found into what the build judges: adds the SPEC005 findings about
 * {@code x-apigw-ignore}, applies the per-rule configuration (severity, off), drops findings suppressed in
 * the spec, then those accepted by the baseline. Knows nothing of Maven; stateless apart from its settings.
 */
public final class Gate {

    private final RuleSettings rules;
    private final Baseline baseline;
    private final String baselineName;
    private final SuppressionReader suppressionReader;

    /** @param baselineName how the baseline is named in justifications, e.g. {@code apigw-baseline.json} */
    public Gate(RuleSettings rules, Baseline baseline, String baselineName) {
        this(rules, baseline, baselineName, SourceRoot.NONE);
    }

    /** @param bound the other files the {@code x-apigw-ignore} entries are read from may be in (see {@link SourceRoot}) */
    public Gate(RuleSettings rules, Baseline baseline, String baselineName, SourceRoot bound) {
        this.rules = rules;
        this.baseline = baseline;
        this.baselineName = baselineName;
        this.suppressionReader = new SuppressionReader(bound);
    }

    public GateOutcome apply(CheckResult result) {
        return apply(result, true);
    }

    /** @param wholeCheck whether the result is a whole check's, not one rendered example's */
    private GateOutcome apply(CheckResult result, boolean wholeCheck) {
        Map<Finding, Path> specFileOf = new IdentityHashMap<>();
        Set<Path> specFiles = new LinkedHashSet<>();
        for (CheckResult.CheckedCase checkedCase : result.cases()) {
            Path file = checkedCase.file().toAbsolutePath().normalize();
            specFiles.add(file);
            checkedCase.findings().forEach(f -> specFileOf.put(f, file));
        }
        for (Finding finding : result.findings()) {
            // an API-wide rule's finding on one operation not checked (AGW020) is in no case: its operation is in the file it points into
            if (finding.operation() != null && !specFileOf.containsKey(finding) && finding.position() != null) {
                Path file = finding.position().file().toAbsolutePath().normalize();
                specFiles.add(file);
                specFileOf.put(finding, file);
            }
        }
        List<Suppression> suppressions = new ArrayList<>();
        List<Finding> all = new ArrayList<>(result.findings());
        for (Path file : specFiles) {
            SuppressionReader.Result read = suppressionReader.read(file);
            suppressions.addAll(read.suppressions());
            all.addAll(read.problems());
        }
        all.sort(Finding.REPORT_ORDER);

        Map<Finding, Finding> configured = new IdentityHashMap<>();
        List<Finding> counted = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (Finding original : all) {
            if (rules.isOff(original.rule())) {
                continue;
            }
            Finding finding = original.withSeverity(rules.severityOf(original.rule()));
            Suppression suppression = suppressionFor(finding, specFileOf.get(original), suppressions);
            if (suppression != null) {
                suppressed.add(new SuppressedFinding(finding, SuppressedFinding.Kind.IN_SOURCE,
                        suppression.reason() == null ? SuppressionReader.EXTENSION + " without a reason" : suppression.reason()));
                continue;
            }
            configured.put(finding, original);
            counted.add(finding);
        }
        counted = withoutRestatements(counted);
        Baseline.Match match = baseline.match(counted, wholeCheck);
        Map<Finding, Baseline.Entry> rewordedEntry = new IdentityHashMap<>();
        match.reworded().forEach(r -> rewordedEntry.put(r.finding(), r.entry()));
        for (Finding finding : match.baselined()) {
            Baseline.Entry entry = rewordedEntry.get(finding);
            suppressed.add(new SuppressedFinding(finding, SuppressedFinding.Kind.BASELINE, "Accepted in the baseline " + baselineName
                    + (entry == null ? "" : ", where its message reads: " + entry.message())));
        }
        Map<Finding, Finding> reportedByOriginal = new IdentityHashMap<>();
        for (Finding finding : match.newFindings()) {
            reportedByOriginal.put(configured.get(finding), finding);
        }
        return new GateOutcome(match.newFindings(), suppressed, match.stale(), match.reworded(), reportedByOriginal);
    }

    /**
     * Rules whose finding, where it stands at the same place of the same operation as the other rule's, says the same
     * thing from another side: SEC003 the client's view of AGW011's setting (a body passed through untransformed). Both
     * exist so that either group's configuration covers it; one fix is one finding (FP hunt: two warnings per operation).
     */
    private static final Map<Rule, Rule> RESTATES = Map.of(Rule.SEC003, Rule.AGW011);

    /**
     * The findings without one of each pair that {@link #RESTATES} names at the same place: the more severe as
     * configured is kept, the restating one when they are equal.
     */
    private static List<Finding> withoutRestatements(List<Finding> findings) {
        Map<List<Object>, Finding> restating = new HashMap<>();
        for (Finding finding : findings) {
            if (RESTATES.containsKey(finding.rule())) {
                restating.put(List.of(RESTATES.get(finding.rule()), String.valueOf(finding.position()), String.valueOf(finding.operation())),
                        finding);
            }
        }
        if (restating.isEmpty()) {
            return findings;
        }
        Set<Finding> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Finding finding : findings) {
            Finding other = restating.get(List.of(finding.rule(), String.valueOf(finding.position()), String.valueOf(finding.operation())));
            if (other != null) {
                // Severity's order: ERROR first, so the smaller ordinal is the more severe
                dropped.add(finding.severity().compareTo(other.severity()) < 0 ? other : finding);
            }
        }
        return findings.stream().filter(f -> !dropped.contains(f)).toList();
    }

    /**
     * One rendered example with its findings judged as the build judges them (rule levels, {@code x-apigw-ignore},
     * baseline), so that {@code render} shows what {@code check} would report of it.
     */
    public RenderedExample apply(RenderedExample rendered) {
        List<Finding> all = new ArrayList<>(rendered.staticFindings());
        all.addAll(rendered.findings());
        CheckResult.CheckedCase theCase = new CheckResult.CheckedCase(rendered.file(), rendered.operation(), rendered.action(), null,
                null, null, null, null, null, null, all, null, null);
        GateOutcome outcome = apply(new CheckResult(all, 1, 1, 1, List.of(theCase)), false);
        List<Finding> operation = new ArrayList<>(outcome.reportedOf(rendered.staticFindings()));
        List<Finding> example = outcome.reportedOf(rendered.findings());
        // what the gate itself found in the file (an x-apigw-ignore entry without a reason, SPEC005), for this operation
        Set<Finding> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(operation);
        seen.addAll(example);
        outcome.reported().stream().filter(f -> !seen.contains(f) && rendered.operation().equals(f.operation())).forEach(operation::add);
        operation.sort(Finding.REPORT_ORDER);
        // what the baseline and x-apigw-ignore accept is shown too: render explains, it does not hide
        List<RenderedExample.Accepted> accepted = outcome.suppressed().stream()
                .map(s -> new RenderedExample.Accepted(s.finding(), s.justification())).toList();
        return new RenderedExample(rendered.file(), rendered.operation(), rendered.action(), rendered.example(), rendered.requestTemplate(),
                rendered.renderedRequest(), rendered.requestIsJson(), rendered.dynamoDbAnswer(), rendered.dynamoDbStatus(),
                rendered.dynamoDbBody(), rendered.selectedResponse(), rendered.responseTemplate(), rendered.clientStatus(),
                rendered.clientResponse(), operation, example, accepted);
    }

    /** The operation's path, or for a WebSocket route each operation of it ({@code key template v1}), not another route's. */
    private static boolean covers(Suppression s, String path) {
        return s.path().equals(path) || IntegrationExtractor.ROUTE_METHOD_NAME.equals(s.method()) && path.startsWith(s.path() + " template ");
    }

    private static Suppression suppressionFor(Finding finding, Path specFile, List<Suppression> suppressions) {
        if (finding.operation() == null || specFile == null || finding.rule() == Rule.SPEC005) {
            return null;
        }
        for (Suppression s : suppressions) {
            if (s.specFile().equals(specFile) && s.method().equals(finding.operation().method())
                    && covers(s, finding.operation().path()) && s.rules().contains(finding.rule())) {
                return s;
            }
        }
        return null;
    }
}
