package io.github.apigwddb.maven;

import io.github.apigwddb.gate.Baseline;
import io.github.apigwddb.gate.GateOutcome;
import io.github.apigwddb.gate.SuppressedFinding;
import io.github.apigwddb.report.ConsoleFormat;
import io.github.apigwddb.rules.Finding;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.shared.utils.logging.MessageBuilder;
import org.apache.maven.shared.utils.logging.MessageUtils;

/**
 * Prints the gate's findings to Maven's log grouped by file: a header naming the file (relative to the
 * repository root), then one contract line per finding at its level. Colours follow Maven's own setting
 * (off with {@code -B} or {@code --color never}).
 */
final class ConsoleReport {

    private final Log log;
    private final Path repositoryRoot;

    ConsoleReport(Log log, Path repositoryRoot) {
        this.log = log;
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
    }

    void findings(List<Finding> findings) {
        Map<Path, List<Finding>> byFile = new LinkedHashMap<>();
        findings.forEach(f -> byFile.computeIfAbsent(f.position().file(), k -> new java.util.ArrayList<>()).add(f));
        for (Map.Entry<Path, List<Finding>> file : byFile.entrySet()) {
            log.info(MessageUtils.buffer().strong("apigw: " + relative(file.getKey())).a(" (" + file.getValue().size() + " finding"
                    + (file.getValue().size() == 1 ? "" : "s") + ")").toString());
            for (Finding finding : file.getValue()) {
                String line = ConsoleFormat.line(finding);
                String rule = finding.rule().id();
                int at = line.indexOf("] " + rule + " ");
                String coloured = at < 0 ? line : colour(MessageUtils.buffer().a(line.substring(0, at + 2)), finding).a(line.substring(at + 2 + rule.length())).toString();
                switch (finding.severity()) {
                    case ERROR -> log.error(coloured);
                    case WARNING -> log.warn(coloured);
                    default -> log.info(coloured);
                }
            }
        }
    }

    private static MessageBuilder colour(MessageBuilder buffer, Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> buffer.failure(finding.rule().id());
            case WARNING -> buffer.warning(finding.rule().id());
            default -> buffer.strong(finding.rule().id());
        };
    }

    /** Suppressed and baselined counts, and the baseline entries that match nothing any more. */
    void gateSummary(GateOutcome outcome, Path baseline) {
        long inSource = outcome.suppressedCount(SuppressedFinding.Kind.IN_SOURCE);
        long baselined = outcome.suppressedCount(SuppressedFinding.Kind.BASELINE);
        List<Baseline.Entry> stale = outcome.staleBaselineEntries();
        if (inSource > 0 || baselined > 0 || !stale.isEmpty()) {
            log.info("apigw:check: " + inSource + " suppressed (x-apigw-ignore), " + baselined + " in the baseline " + relative(baseline)
                    + ", " + stale.size() + " baseline entr" + (stale.size() == 1 ? "y" : "ies") + " no longer matched");
        }
        for (Baseline.Entry entry : stale) {
            log.warn("Baseline entry no longer matches a finding (fixed?): " + entry.display());
        }
        if (!stale.isEmpty()) {
            log.warn("Run mvn apigw:check -Dapigw.updateBaseline to drop the " + stale.size() + " stale entr"
                    + (stale.size() == 1 ? "y" : "ies") + " from " + relative(baseline));
        }
        List<Baseline.Reworded> reworded = outcome.rewordedBaselineMatches();
        for (Baseline.Reworded match : reworded) {
            log.warn("Baseline entry accepted a finding of the same rule and operation whose message differs (reworded by a newer"
                    + " plugin, or another finding): " + match.entry().display() + " -> now" + (match.finding().example() == null ? ""
                    : " (example " + match.finding().example() + ")") + ": " + match.finding().message().strip());
        }
        if (!reworded.isEmpty()) {
            log.warn("Review the " + reworded.size() + " finding" + (reworded.size() == 1 ? "" : "s") + " above, then run mvn apigw:check"
                    + " -Dapigw.updateBaseline to record " + (reworded.size() == 1 ? "its" : "their") + " message in " + relative(baseline));
        }
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(repositoryRoot) ? repositoryRoot.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
