package io.github.apigwddb.report;

import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.gate.GateOutcome;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What a check says of its outcome: the summary line after the findings, and the message of a build it fails. */
public final class CheckSummary {

    /** How many failing findings below error the failure message names, at most. */
    private static final int NAMED_IN_FAILURE = 10;

    private CheckSummary() {
    }

    /**
     * E.g. {@code apigw:check: 1 error, 0 warnings, 0 info in 1 spec (2 DynamoDB integrations, 3 examples rendered); SARIF: ...}.
     *
     * @param files the definition files the check was given: those it could not read (SPEC001) are named apart
     */
    public static String line(CheckResult result, GateOutcome outcome, Path sarif, int files) {
        long unreadable = result.findings().stream().filter(f -> f.rule() == Rule.SPEC001).map(f -> f.position().file()).distinct().count();
        String unread = unreadable > 0 ? String.format(Locale.ROOT, " (%d of %d file%s could not be read)", unreadable, files, plural(files)) : "";
        return String.format(Locale.ROOT, "apigw:check: %d error%s, %d warning%s, %d info in %d spec%s%s (%d DynamoDB integration%s, %d example%s rendered); SARIF: %s",
                outcome.count(Severity.ERROR), plural(outcome.count(Severity.ERROR)),
                outcome.count(Severity.WARNING), plural(outcome.count(Severity.WARNING)),
                outcome.count(Severity.INFO),
                result.specsChecked(), plural(result.specsChecked()), unread,
                result.integrationsChecked(), plural(result.integrationsChecked()),
                result.examplesRendered(), plural(result.examplesRendered()),
                sarif);
    }

    /** The message of a build the {@code failing} findings (at or above {@code threshold}) fail. */
    public static String failure(List<Finding> failing, Severity threshold, Path sarif) {
        long count = failing.size();
        return "apigw:check found " + count + " finding" + plural(count) + " at or above " + threshold.id()
                + " (apigw.failOn); see the lines above or " + sarif + belowError(failing);
    }

    /**
     * The failing findings below error, for the failure message: they are logged as warnings, which {@code mvn -q} does not
     * show, so a quiet build that fails on them would say "see the lines above" with none above. Errors are shown.
     */
    private static String belowError(List<Finding> failing) {
        List<Finding> warnings = failing.stream().filter(f -> f.severity() != Severity.ERROR).toList();
        if (warnings.isEmpty()) {
            return "";
        }
        // named as the warnings they are: the errors among the failing ones are the lines above (re-trial: read as all of them)
        StringBuilder text = new StringBuilder(warnings.size() == failing.size() ? ":" : "; the " + warnings.size() + " below error among them:");
        warnings.stream().limit(NAMED_IN_FAILURE).forEach(f -> text.append(System.lineSeparator()).append("  ").append(ConsoleFormat.line(f)));
        if (warnings.size() > NAMED_IN_FAILURE) {
            text.append(System.lineSeparator()).append("  ... and ").append(warnings.size() - NAMED_IN_FAILURE).append(" more");
        }
        return text.toString();
    }

    /** {@code s} but for one. */
    public static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
