package io.github.apigwddb.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import io.github.apigwddb.rules.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSettingsTest {

    private static Finding finding(Rule rule) {
        return new Finding(rule, rule.defaultSeverity(), "m", SourcePosition.startOf(Path.of("api.yaml")), null, null);
    }

    @Test
    void changesSeveritiesAndDropsRulesThatAreOff() throws Exception {
        RuleSettings settings = RuleSettings.parse("<rules>", Map.of("AGW011", "error", "map012", "OFF"));
        List<Finding> applied = settings.apply(List.of(finding(Rule.AGW011), finding(Rule.MAP012), finding(Rule.AGW006)));
        assertThat(applied).extracting(Finding::rule).containsExactly(Rule.AGW011, Rule.AGW006);
        assertThat(applied.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(settings.canonical()).isEqualTo("AGW011=error,MAP012=off");
    }

    @Test
    void laterMapsWin() throws Exception {
        RuleSettings settings = RuleSettings.parse("x", Map.of("AGW011", "error"), Map.of("AGW011", "info"));
        assertThat(settings.severityOf(Rule.AGW011)).isEqualTo(Severity.INFO);
        assertThat(settings.severityOf(Rule.AGW006)).isEqualTo(Severity.ERROR);
    }

    @Test
    void unknownIdsAndLevelsListTheValidNames() {
        assertThatThrownBy(() -> RuleSettings.parse("<rules>", Map.of("AGW999", "error")))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessageStartingWith("Unknown rule id 'AGW999' in <rules>; valid rule ids: SPEC001, ")
                .hasMessageContaining("AGW011");
        assertThatThrownBy(() -> RuleSettings.parse("<rules>", Map.of("AGW011", "fatal")))
                .hasMessage("Unknown level 'fatal' for AGW011 in <rules>; valid levels: error, warning, info, off");
    }
}
