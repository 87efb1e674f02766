package io.github.apigwddb.gate;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Per-rule configuration: a rule's severity replaced ({@code error}, {@code warning}, {@code info}) or the
 * rule switched {@code off}. Immutable.
 */
public final class RuleSettings {

    public static final String OFF = "off";

    /** A rule's configured level: a severity, or null for off. */
    private final Map<Rule, Optional<Severity>> levels;

    private RuleSettings(Map<Rule, Optional<Severity>> levels) {
        this.levels = levels;
    }

    public static RuleSettings defaults() {
        return new RuleSettings(new EnumMap<>(Rule.class));
    }

    /**
     * Reads rule id → level maps; later maps win (the POM's {@code <rules>}, then {@code apigw.rules}).
     *
     * @param source named in the error message, e.g. {@code <rules>}
     * @throws GateConfigurationException for a rule id or a level that does not exist, listing the valid ones
     */
    @SafeVarargs
    public static RuleSettings parse(String source, Map<String, String>... maps) throws GateConfigurationException {
        Map<Rule, Optional<Severity>> levels = new EnumMap<>(Rule.class);
        for (Map<String, String> map : maps) {
            if (map == null) {
                continue;
            }
            for (Map.Entry<String, String> entry : map.entrySet()) {
                Rule rule = Rule.byId(entry.getKey()).orElseThrow(() -> new GateConfigurationException(
                        "Unknown rule id '" + entry.getKey() + "' in " + source + "; valid rule ids: " + validRuleIds()));
                levels.put(rule, parseLevel(source, rule, entry.getValue()));
            }
        }
        return new RuleSettings(levels);
    }

    private static Optional<Severity> parseLevel(String source, Rule rule, String text) throws GateConfigurationException {
        if (text != null && OFF.equalsIgnoreCase(text.trim())) {
            return Optional.empty();
        }
        Severity severity = Severity.parse(text);
        if (severity == null) {
            throw new GateConfigurationException("Unknown level '" + text + "' for " + rule.id() + " in " + source
                    + "; valid levels: " + validLevels());
        }
        return Optional.of(severity);
    }

    public static String validRuleIds() {
        return Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", "));
    }

    public static String validLevels() {
        List<String> names = new ArrayList<>();
        Arrays.stream(Severity.values()).map(Severity::id).forEach(names::add);
        names.add(OFF);
        return String.join(", ", names);
    }

    public boolean isOff(Rule rule) {
        Optional<Severity> level = levels.get(rule);
        return level != null && level.isEmpty();
    }

    /** The severity a rule's findings get: the configured one, else the rule's default. */
    public Severity severityOf(Rule rule) {
        Optional<Severity> level = levels.get(rule);
        return level == null || level.isEmpty() ? rule.defaultSeverity() : level.get();
    }

    /** Drops findings of rules that are off and sets the configured severity on the others; keeps the order. */
    public List<Finding> apply(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Optional<Severity> level = levels.get(finding.rule());
            if (level == null) {
                kept.add(finding);
            } else if (level.isPresent()) {
                kept.add(finding.severity() == level.get() ? finding : finding.withSeverity(level.get()));
            }
        }
        return kept;
    }

    /** A stable text of the settings, for the up-to-date fingerprint: {@code AGW011=error,MAP012=off}. */
    public String canonical() {
        return levels.entrySet().stream()
                .map(e -> e.getKey().id() + "=" + e.getValue().map(Severity::id).orElse(OFF))
                .collect(Collectors.joining(","));
    }
}
