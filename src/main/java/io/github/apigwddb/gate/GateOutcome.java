package io.github.apigwddb.gate;

import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check's findings after the gate: those that count ({@code reported}, with configured severities, in
 * report order), those suppressed in the spec or by the baseline, the baseline entries nothing matched, and those
 * that matched a finding whose message changed.
 */
public final class GateOutcome {

    private final List<Finding> reported;
    private final List<SuppressedFinding> suppressed;
    private final List<Baseline.Entry> staleBaselineEntries;
    private final List<Baseline.Reworded> rewordedBaselineMatches;
    private final Map<Finding, Finding> reportedByOriginal;

    GateOutcome(List<Finding> reported, List<SuppressedFinding> suppressed, List<Baseline.Entry> staleBaselineEntries,
            List<Baseline.Reworded> rewordedBaselineMatches, Map<Finding, Finding> reportedByOriginal) {
        this.reported = List.copyOf(reported);
        this.suppressed = List.copyOf(suppressed);
        this.staleBaselineEntries = List.copyOf(staleBaselineEntries);
        this.rewordedBaselineMatches = List.copyOf(rewordedBaselineMatches);
        this.reportedByOriginal = new IdentityHashMap<>(reportedByOriginal);
    }

    public List<Finding> reported() {
        return reported;
    }

    public List<SuppressedFinding> suppressed() {
        return suppressed;
    }

    public long suppressedCount(SuppressedFinding.Kind kind) {
        return suppressed.stream().filter(s -> s.kind() == kind).count();
    }

    public List<Baseline.Entry> staleBaselineEntries() {
        return staleBaselineEntries;
    }

    /** Baselined findings whose entry was of their place but with another message (a rewording, or another finding). */
    public List<Baseline.Reworded> rewordedBaselineMatches() {
        return rewordedBaselineMatches;
    }

    public long count(Severity severity) {
        return reported.stream().filter(f -> f.severity() == severity).count();
    }

    /** Reported findings at or above the threshold; none when the threshold is null ({@code failOn none}). */
    public List<Finding> failing(Severity threshold) {
        return threshold == null ? List.of() : reported.stream().filter(f -> f.severity().atLeast(threshold)).toList();
    }

    /** The findings that still count, with their configured severity, out of findings the check made (e.g. one case's). */
    public List<Finding> reportedOf(List<Finding> original) {
        List<Finding> result = new ArrayList<>();
        for (Finding finding : original) {
            Finding kept = reportedByOriginal.get(finding);
            if (kept != null) {
                result.add(kept);
            }
        }
        return result;
    }

    /**
     * The check's result with only the findings that still count, at their configured severity, overall and per
     * case: what documentation of the check shows.
     */
    public CheckResult appliedTo(CheckResult result) {
        List<CheckResult.CheckedCase> cases = new ArrayList<>();
        for (CheckResult.CheckedCase c : result.cases()) {
            cases.add(new CheckResult.CheckedCase(c.file(), c.operation(), c.action(), c.example(), c.renderedRequest(), c.dynamoDbStatus(),
                    c.dynamoDbBody(), c.dynamoDbAnswer(), c.clientStatus(), c.clientResponse(), reportedOf(c.findings()), c.integration(), c.input()));
        }
        return new CheckResult(reported, result.specsChecked(), result.integrationsChecked(), result.examplesRendered(), List.copyOf(cases),
                result.filesRead());
    }

    /** Every finding that is not switched off or suppressed in the spec: what {@code apigw.updateBaseline} records. */
    public List<Finding> baselineCandidates() {
        List<Finding> all = new ArrayList<>(reported);
        suppressed.stream().filter(s -> s.kind() == SuppressedFinding.Kind.BASELINE).map(SuppressedFinding::finding).forEach(all::add);
        all.sort(Finding.REPORT_ORDER);
        return all;
    }
}
