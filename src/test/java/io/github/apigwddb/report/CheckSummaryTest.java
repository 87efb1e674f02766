package io.github.apigwddb.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import io.github.apigwddb.rules.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckSummaryTest {

    private static Finding finding(Rule rule, Severity severity) {
        return new Finding(rule, severity, "message of " + rule, new SourcePosition(Path.of("api.yaml"), 3, 5),
                new OperationRef("get", "/items", "listItems"), null);
    }

    /** The warnings a quiet build hides are named; with errors among the failing ones, they are said to be the warnings only (re-trial). */
    @Test
    void theFailureNamesTheFailingWarningsAsWarnings() {
        Path sarif = Path.of("apigw.sarif");
        String onlyWarnings = CheckSummary.failure(List.of(finding(Rule.SEC001, Severity.WARNING)), Severity.WARNING, sarif);
        assertThat(onlyWarnings).startsWith("apigw:check found 1 finding at or above warning (apigw.failOn); see the lines above or apigw.sarif:")
                .contains("SEC001");

        String mixed = CheckSummary.failure(List.of(finding(Rule.DDB001, Severity.ERROR), finding(Rule.SEC001, Severity.WARNING)),
                Severity.WARNING, sarif);
        assertThat(mixed).contains("2 findings at or above warning").contains("; the 1 below error among them:").contains("SEC001")
                .doesNotContain("DDB001");
    }
}
