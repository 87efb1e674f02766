package io.github.apigwddb.maven;

import io.github.apigwddb.gate.Baseline;
import io.github.apigwddb.gate.GateOutcome;
import io.github.apigwddb.gate.SuppressedFinding;
import io.github.apigwddb.report.ConsoleFormat;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.shared.utils.logging.MessageBuilder;
import org.apache.maven.shared.utils.logging.MessageUtils;

/**
 * Prints the gate's findings to Maven's log grouped by file: a header naming the file (relative to the
 * repository root), then one contract line per finding at its level. Colours follow Maven's own setting
 * (off with {@code -B} or {@code --color never}). What it prints is returned as {@link Line}s, which an up-to-date
 * check prints again.
 */
final class ConsoleReport {

    /**
     * One printed line, kept so that a skipped check prints its findings again (see {@link #encoded()}).
     *
     * @param rule the rule id a finding's line colours; null for a file's heading or a note
     */
    record Line(Kind kind, Severity level, String rule, String text) {

        enum Kind { FILE, FINDING, NOTE }

        /** {@code KIND LEVEL RULE text}, {@code -} for no rule. */
        String encoded() {
            return kind + " " + level + " " + (rule == null ? "-" : rule) + " " + text;
        }

        /** The line {@link #encoded()} gave; null for text of another form (a stamp of another version). */
        static Line decode(String encoded) {
            String[] parts = encoded.split(" ", 4);
            try {
                return parts.length < 4 ? null
                        : new Line(Kind.valueOf(parts[0]), Severity.valueOf(parts[1]), "-".equals(parts[2]) ? null : parts[2], parts[3]);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private final Log log;
    private final Path repositoryRoot;

    ConsoleReport(Log log, Path repositoryRoot) {
        this.log = log;
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
    }

    /** Prints what the gate let through: the findings, their counts by rule and the gate's summary; returns the lines printed. */
    List<Line> outcome(GateOutcome outcome, Path baseline) {
        List<Line> lines = new ArrayList<>(findings(outcome.reported()));
        lines.addAll(countsByRule(outcome.reported()));
        lines.addAll(gateSummary(outcome, baseline));
        return lines;
    }

    /** Prints the findings grouped by file; returns the lines printed. */
    List<Line> findings(List<Finding> findings) {
        Map<Path, List<Finding>> byFile = new LinkedHashMap<>();
        findings.forEach(f -> byFile.computeIfAbsent(f.position().file(), k -> new ArrayList<>()).add(f));
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Path, List<Finding>> file : byFile.entrySet()) {
            lines.add(new Line(Line.Kind.FILE, Severity.INFO, null, "apigw: " + ConsoleFormat.printable(relative(file.getKey())) + " (" + file.getValue().size()
                    + " finding" + (file.getValue().size() == 1 ? "" : "s") + ")"));
            for (Finding finding : file.getValue()) {
                lines.add(new Line(Line.Kind.FINDING, finding.severity(), finding.rule().id(), ConsoleFormat.line(finding)));
            }
        }
        lines.forEach(this::print);
        return lines;
    }

    /** Prints a line as {@link #findings} and {@link #gateSummary} do: the file in bold, the rule id in its level's colour. */
    void print(Line line) {
        String text = line.text();
        String styled = switch (line.kind()) {
            case FILE -> {
                int count = text.lastIndexOf(" (");
                yield count < 0 ? MessageUtils.buffer().strong(text).toString()
                        : MessageUtils.buffer().strong(text.substring(0, count)).a(text.substring(count)).toString();
            }
            case FINDING -> {
                int at = line.rule() == null ? -1 : text.indexOf("] " + line.rule() + " ");
                yield at < 0 ? text : colour(MessageUtils.buffer().a(text.substring(0, at + 2)), line.level(), line.rule())
                        .a(text.substring(at + 2 + line.rule().length())).toString();
            }
            case NOTE -> text;
        };
        switch (line.level()) {
            case ERROR -> log.error(styled);
            case WARNING -> log.warn(styled);
            default -> log.info(styled);
        }
    }

    private static MessageBuilder colour(MessageBuilder buffer, Severity level, String rule) {
        return switch (level) {
            case ERROR -> buffer.failure(rule);
            case WARNING -> buffer.warning(rule);
            default -> buffer.strong(rule);
        };
    }

    /** Below this many findings their lines are read one by one; from it, a count per rule says where to start. */
    static final int COUNTED_FROM = 10;

    /**
     * Prints how many findings each rule has, errors first, when there are many (a definition of 40 operations gives a
     * hundred lines in the order of the file); returns the line printed, if any.
     */
    List<Line> countsByRule(List<Finding> findings) {
        if (findings.size() < COUNTED_FROM) {
            return List.of();
        }
        Map<Rule, Long> byRule = new java.util.TreeMap<>();
        Map<Rule, Severity> level = new java.util.HashMap<>();
        for (Finding finding : findings) {
            byRule.merge(finding.rule(), 1L, Long::sum);
            level.merge(finding.rule(), finding.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        List<String> counts = byRule.entrySet().stream()
                .sorted(java.util.Comparator.<Map.Entry<Rule, Long>, Severity>comparing(e -> level.get(e.getKey()))
                        .thenComparing(Map.Entry.<Rule, Long>comparingByValue().reversed()))
                .map(e -> e.getKey().id() + " " + e.getValue() + " (" + level.get(e.getKey()).id() + ")").toList();
        Line line = note(Severity.INFO, "apigw:check: findings by rule: " + String.join(", ", counts));
        print(line);
        return List.of(line);
    }

    /** Prints the suppressed and baselined counts, and the baseline entries that match nothing any more; returns the lines. */
    List<Line> gateSummary(GateOutcome outcome, Path baseline) {
        List<Line> lines = new ArrayList<>();
        long inSource = outcome.suppressedCount(SuppressedFinding.Kind.IN_SOURCE);
        long baselined = outcome.suppressedCount(SuppressedFinding.Kind.BASELINE);
        List<Baseline.Entry> stale = outcome.staleBaselineEntries();
        if (inSource > 0 || baselined > 0 || !stale.isEmpty()) {
            lines.add(note(Severity.INFO, "apigw:check: " + inSource + " suppressed (x-apigw-ignore), " + baselined + " in the baseline "
                    + relative(baseline) + ", " + stale.size() + " baseline entr" + (stale.size() == 1 ? "y" : "ies") + " no longer matched"));
        }
        for (Baseline.Entry entry : stale) {
            lines.add(note(Severity.WARNING, "Baseline entry no longer matches a finding (fixed?): " + entry.display()));
        }
        if (!stale.isEmpty()) {
            lines.add(note(Severity.WARNING, "Run mvn apigw:check -Dapigw.updateBaseline to drop the " + stale.size() + " stale entr"
                    + (stale.size() == 1 ? "y" : "ies") + " from " + relative(baseline)));
        }
        List<Baseline.Reworded> reworded = outcome.rewordedBaselineMatches();
        for (Baseline.Reworded match : reworded) {
            lines.add(note(Severity.WARNING, (match.otherExample()
                    ? "Baseline entry accepted the same finding, now found with another example (one added, or their order changed): "
                    : "Baseline entry accepted a finding of the same rule and operation whose message differs"
                            + " (reworded by a newer plugin, or another finding): ") + match.entry().display() + " -> now"
                    + (match.finding().example() == null ? "" : " (example " + match.finding().example() + ")") + ": "
                    + match.finding().message().strip()));
        }
        if (!reworded.isEmpty()) {
            lines.add(note(Severity.WARNING, "Review the " + reworded.size() + " finding" + (reworded.size() == 1 ? "" : "s") + " above, then"
                    + " run mvn apigw:check -Dapigw.updateBaseline to record " + (reworded.size() == 1 ? "it" : "them") + " as found now in "
                    + relative(baseline)));
        }
        lines.forEach(this::print);
        return lines;
    }

    private static Line note(Severity level, String text) {
        return new Line(Line.Kind.NOTE, level, null, text);
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(repositoryRoot) ? repositoryRoot.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
