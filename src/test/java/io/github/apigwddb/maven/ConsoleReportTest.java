package io.github.apigwddb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import io.github.apigwddb.rules.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    /** Many findings get a count per rule, errors first, then the most frequent (trial of a 38-operation export). */
    @Test
    void manyFindingsAreCountedByRuleErrorsFirst() {
        List<String> info = new ArrayList<>();
        ConsoleReport console = new ConsoleReport(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
            }
        }, Path.of("/repo"));
        List<Finding> findings = new ArrayList<>();
        IntStream.range(0, 6).forEach(i -> findings.add(finding(Rule.SEC001, Severity.WARNING, i)));
        IntStream.range(0, 2).forEach(i -> findings.add(finding(Rule.VTL002, Severity.ERROR, i)));
        IntStream.range(0, 3).forEach(i -> findings.add(finding(Rule.VTL008, Severity.INFO, i)));

        assertThat(console.countsByRule(findings.subList(0, ConsoleReport.COUNTED_FROM - 1))).isEmpty();
        console.countsByRule(findings);

        assertThat(info).containsExactly("apigw:check: findings by rule: VTL002 2 (error), SEC001 6 (warning), VTL008 3 (info)");
    }

    private static Finding finding(Rule rule, Severity severity, int line) {
        return new Finding(rule, severity, "m", new SourcePosition(Path.of("/repo/api.yaml"), line + 1, 1), null, null);
    }
}
