package io.github.apigwddb.check;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Severity;
import java.util.List;

/**
 * What a check found, in report order.
 *
 * @param cases one entry per operation and example, for test-style reports
 */
public record CheckResult(List<Finding> findings, int specsChecked, int integrationsChecked, int examplesRendered, List<CheckedCase> cases) {

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** One operation rendered with one example (or the operation's static checks, with example null). */
    public record CheckedCase(String file, String operation, String example, List<Finding> findings) {
    }
}
