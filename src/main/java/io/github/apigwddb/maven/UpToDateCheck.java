package io.github.apigwddb.maven;

import io.github.apigwddb.gate.FileDigests;
import io.github.apigwddb.gate.UpToDateStamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Whether one check execution can be skipped because nothing it depends on changed since its last successful check,
 * and the bookkeeping of that decision: the stamp of the last check, the file digests that keep telling it cheap, the
 * fingerprints of the inputs before and after the check, and this build's note of the checks it ran. In the order a
 * check calls it: {@link #skippedAsUnchanged}, else {@link #beginCheck}, then {@link #checkRan} and, when it passes,
 * {@link #passed}.
 */
final class UpToDateCheck {

    /** The fingerprint of everything a check's outcome depends on, given the files it read beyond the configured ones. */
    @FunctionalInterface
    interface Fingerprint {
        String of(FileDigests digests, List<Path> filesRead) throws MojoExecutionException;
    }

    /**
     * How many lines of the last check's findings a skip prints again, at most: like javac's {@code -Xmaxwarns}, enough
     * to read and to make a warning counter see the build is not clean, without logging thousands on every build.
     */
    private static final int REPRINTED_LINES = 500;

    private final Log log;
    private final ConsoleReport console;
    private final BuildRecords build;
    private final UpToDateStamp stamp;
    private final Fingerprint fingerprint;
    private final boolean force;
    private final boolean writeBaseline;
    private final long started;
    private final FileDigests digests;
    private final Optional<UpToDateStamp.Entry> last;
    /** Before the check; once it ran, of what it read. */
    private String inputs;
    private List<Path> filesRead = List.of();
    private boolean changedMeanwhile;

    /**
     * Reads the last check's stamp and fingerprints the inputs as they are now.
     *
     * @param force whether {@code apigw.force} asks to check though nothing changed
     * @param writeBaseline whether the check is to write the baseline, which only a check can
     * @param started when the check started ({@link System#nanoTime}), to say at {@code -X} how long telling took
     */
    UpToDateCheck(Log log, ConsoleReport console, BuildRecords build, UpToDateStamp stamp, Fingerprint fingerprint, boolean force,
            boolean writeBaseline, long started) throws MojoExecutionException {
        this.log = log;
        this.console = console;
        this.build = build;
        this.stamp = stamp;
        this.fingerprint = fingerprint;
        this.force = force;
        this.writeBaseline = writeBaseline;
        this.started = started;
        this.digests = stamp.digests();
        this.last = stamp.read();
        this.inputs = fingerprint.of(digests, filesReadLastTime());
        rememberDigests();
    }

    /**
     * Skips the check when nothing changed since the last successful one and its reports are as it left them: says so,
     * with its findings again. Returns whether it did.
     */
    boolean skippedAsUnchanged() {
        // -Dapigw.force checks again once: bundle's check and check's in one build still check once
        if ((!force || build.checkedEarlier(stamp.file())) && !writeBaseline && last.isPresent() && last.get().fingerprint().equals(inputs)
                && !last.get().reports().isEmpty()) {
            List<Path> stale = new ArrayList<>(last.get().staleReports());
            if (!stamp.hasConsole()) {
                stale.add(stamp.consoleFile()); // a skip could not print the findings again: the log would look clean
            }
            if (stale.isEmpty()) {
                skipped(last.get(), build.noteChecked(stamp.file()));
                return true;
            }
            log.info("apigw:check: nothing changed since the last successful check, but " + (stale.size() == 1 ? "the report " : "the reports ")
                    + String.join(", ", stale.stream().map(Path::toString).toList()) + (stale.size() == 1 ? " is" : " are")
                    + " gone or rewritten since: checking again");
        }
        return false;
    }

    /**
     * Says why the check runs (at {@code -X}) and removes the last check's stamp: a check that fails or is interrupted is
     * never taken as up to date.
     */
    void beginCheck() throws MojoExecutionException {
        log.debug("apigw:check: checking: " + whyChecking());
        try {
            stamp.clear();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot remove " + stamp.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fingerprints the inputs again once the check ran (and wrote the baseline, if asked to), before anything else is
     * written.
     *
     * @param filesRead the files the check read beyond the configured ones
     */
    void checkRan(List<Path> filesRead) throws MojoExecutionException {
        // an input edited while the check ran (a save, a checkout): the findings are of the text before, so no stamp says
        // the text after was checked (a baseline this run wrote is an input it changed itself)
        changedMeanwhile = !writeBaseline && !inputs.equals(fingerprint.of(digests, filesReadLastTime()));
        // what this check read decides its fingerprint: the files a template pulled in are known only now
        inputs = fingerprint.of(digests, filesRead);
        this.filesRead = filesRead;
    }

    /**
     * Records the check that passed, for the next build to tell it unchanged, unless an input changed while it ran.
     *
     * @param printed what the check printed of its findings, to print again when it is skipped
     */
    void passed(List<ConsoleReport.Line> printed, List<Path> reports, UpToDateStamp.Counts counts) {
        if (changedMeanwhile) {
            log.info("apigw:check: an input changed while the check ran: the next build checks again");
            rememberDigests();
            return;
        }
        try {
            stamp.recordConsole(printed.stream().map(ConsoleReport.Line::encoded).toList());
            stamp.record(new UpToDateStamp.Entry(inputs, filesRead, reports, counts));
            build.noteChecked(stamp.file()); // bundle's check, then check's: the second says so once, not each finding again
        } catch (IOException e) {
            log.warn("Cannot record the inputs of this check in " + stamp.file() + " (the next run checks again): " + e.getMessage());
        }
        rememberDigests();
    }

    private List<Path> filesReadLastTime() {
        return last.map(UpToDateStamp.Entry::filesRead).orElse(List.of());
    }

    /**
     * An unchanged project: the findings of the last check are printed again at their levels, as they still hold, and
     * its reports are marked as written by this build (CI tools collecting them refuse older ones).
     *
     * @param earlierInThisBuild whether this build already checked with this configuration (bundle's check before
     *     check's): its log has the findings, and they are not printed twice
     */
    private void skipped(UpToDateStamp.Entry last, boolean earlierInThisBuild) {
        if (earlierInThisBuild) {
            log.info("apigw:check: checked earlier in this build (" + last.counts().describe() + "; report " + last.reports().get(0)
                    + "); skipped");
            return;
        }
        UpToDateStamp.Console printed = stamp.console(REPRINTED_LINES);
        printed.lines().stream().map(ConsoleReport.Line::decode).filter(Objects::nonNull).forEach(console::print);
        if (printed.total() > printed.lines().size()) {
            log.warn("... and " + (printed.total() - printed.lines().size()) + " more lines of the last check's findings: see "
                    + last.reports().get(0));
        }
        String summary = "apigw:check: nothing changed since the last successful check (" + last.counts().describe() + "; report "
                + last.reports().get(0) + "); skipped. -Dapigw.force to check again";
        UpToDateStamp.Counts counts = last.counts();
        if (counts.errors() + counts.warnings() > 0) {
            log.warn(summary);
        } else {
            log.info(summary);
        }
        try {
            stamp.touchReports(last);
        } catch (IOException e) {
            log.debug("Cannot mark the reports as written by this build: " + e.getMessage());
        }
        log.debug("apigw:check: up to date (" + stamp.file() + "), found in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** Why the check runs, for {@code -X}: a skip that did not happen is otherwise a mystery. */
    private String whyChecking() {
        if (writeBaseline) {
            return "the baseline is to be written";
        }
        if (last.isEmpty()) {
            return "no record of a successful check with these settings (the first build, a failed or cleaned one, or other settings)";
        }
        if (!last.get().fingerprint().equals(inputs)) {
            List<String> changed = digests.changedSinceLastBuild();
            return changed.isEmpty() ? "the plugin or the libraries it runs with changed"
                    : "changed since the last build: " + String.join(", ", changed.stream().limit(20).toList())
                            + (changed.size() > 20 ? " and " + (changed.size() - 20) + " more" : "");
        }
        return force ? "apigw.force" : "the reports are gone or rewritten";
    }

    private void rememberDigests() {
        try {
            stamp.remember(digests);
        } catch (IOException e) {
            log.debug("Cannot keep the file digests for the next build: " + e.getMessage());
        }
    }
}
