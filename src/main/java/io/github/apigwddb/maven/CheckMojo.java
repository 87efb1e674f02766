package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.cloudformation.TemplateParameters;
import io.github.apigwddb.gate.Baseline;
import io.github.apigwddb.gate.Gate;
import io.github.apigwddb.gate.GateConfigurationException;
import io.github.apigwddb.gate.GateOutcome;
import io.github.apigwddb.gate.FileDigests;
import io.github.apigwddb.gate.InputsFingerprint;
import io.github.apigwddb.gate.RuleSettings;
import io.github.apigwddb.gate.UpToDateStamp;
import io.github.apigwddb.report.CheckSummary;
import io.github.apigwddb.report.JUnitXmlWriter;
import io.github.apigwddb.report.SarifWriter;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Severity;
import io.github.apigwddb.spec.SourceRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Checks the DynamoDB integrations of the project's API definitions: lints each
 * {@code x-amazon-apigateway-integration}, renders its request templates against the examples as API Gateway
 * would, validates the DynamoDB requests they produce, writes SARIF and JUnit XML, and fails the build on
 * findings at or above {@code failOn} that are neither suppressed ({@code x-apigw-ignore}) nor in the
 * baseline. When nothing changed since the last successful check, it says so and skips.
 * The rules: https://github.com/apigwddb/apigw-dynamodb-maven-plugin/blob/main/docs/rules/README.md
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractApigwMojo {

    /** Where the reports (SARIF, JUnit XML) and what tells an unchanged project are written. */
    @Parameter(property = "apigw.outputDirectory", defaultValue = "${project.build.directory}/apigw")
    protected File outputDirectory;

    /** The lowest severity that fails the build: {@code error}, {@code warning} or {@code none}. */
    @Parameter(property = "apigw.failOn", defaultValue = "error")
    private String failOn;

    /**
     * How many operations are rendered at once, 1 to 256; default: one per available processor, divided among the
     * modules a parallel build ({@code -T}) runs at once.
     */
    @Parameter(property = "apigw.threads")
    private Integer threads;

    /**
     * Writes the current findings to the baseline file (and passes), to adopt the check on an existing spec. Also read
     * from {@code -Dapigw.baseline.update}.
     */
    @Parameter(property = "apigw.updateBaseline", defaultValue = "false")
    private boolean updateBaseline;

    /** Runs the check even when nothing changed since the last successful one. */
    @Parameter(property = "apigw.force", defaultValue = "false")
    private boolean force;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("apigw:check skipped (apigw.skip)");
            return;
        }
        requireKnownParameters();
        checkUnderGate();
    }

    /**
     * Runs the check (or finds it up to date) and applies the gate.
     *
     * @return the spec files that passed; empty when the project has no API
     * @throws MojoFailureException when findings at or above {@code failOn} remain
     */
    protected List<Path> checkUnderGate() throws MojoExecutionException, MojoFailureException {
        long started = System.nanoTime();
        Log log = getLog();
        Severity threshold = failOnThreshold();
        int renderThreads = renderThreads();
        RuleSettings ruleSettings = ruleSettings();
        Path baselineFile = baseline.toPath().toAbsolutePath().normalize();
        boolean writeBaseline = updateBaseline();
        Baseline accepted = writeBaseline ? Baseline.empty(basedir.toPath()) : readBaseline(baselineFile);
        List<Path> files = specFiles();
        if (files.isEmpty()) {
            logNoDefinitions("check");
            removeReportsOfAnEarlierCheck();
            return files;
        }
        String configuration = configuration(files, ruleSettings, threshold);
        String configurationKey = UpToDateStamp.keyOf(configuration);
        BuildRecords build = new BuildRecords(session);
        new SharedOutputDirectories(log, project, build).warnIfShared(outputDirectory.toPath(), executionId(), configurationKey);
        UpToDateStamp stamp = new UpToDateStamp(outputDirectory.toPath(), configurationKey);
        FileDigests digests = stamp.digests();
        Optional<UpToDateStamp.Entry> last = stamp.read();
        List<Path> configuredFiles = configuredInputFiles();
        configuredFiles.add(baselineFile);
        String inputs = inputsFingerprint(digests, files, configuration, configuredFiles, last.map(UpToDateStamp.Entry::filesRead).orElse(List.of()));
        rememberDigests(stamp, digests);
        // -Dapigw.force checks again once: bundle's check and check's in one build still check once
        if ((!force || build.checkedEarlier(stamp.file())) && !writeBaseline && last.isPresent() && last.get().fingerprint().equals(inputs)
                && !last.get().reports().isEmpty()) {
            List<Path> stale = new ArrayList<>(last.get().staleReports());
            if (!stamp.hasConsole()) {
                stale.add(stamp.consoleFile()); // a skip could not print the findings again: the log would look clean
            }
            if (stale.isEmpty()) {
                skipped(last.get(), stamp, started, build.noteChecked(stamp.file()));
                return files;
            }
            log.info("apigw:check: nothing changed since the last successful check, but " + (stale.size() == 1 ? "the report " : "the reports ")
                    + String.join(", ", stale.stream().map(Path::toString).toList()) + (stale.size() == 1 ? " is" : " are")
                    + " gone or rewritten since: checking again");
        }
        log.debug("apigw:check: checking: " + whyChecking(last, inputs, digests, writeBaseline));
        try {
            stamp.clear();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot remove " + stamp.file() + ": " + e.getMessage(), e);
        }

        CheckRequest request = checkRequest(files, renderThreads);
        CheckResult result = new CheckEngine().run(request, new MavenLogAdapter(log));
        GateOutcome outcome = new Gate(ruleSettings, accepted, baselineFile.getFileName().toString(), SourceRoot.of(repositoryRoot())).apply(result);
        if (writeBaseline) {
            Baseline written = Baseline.of(outcome.baselineCandidates(), basedir.toPath());
            try {
                written.write(baselineFile);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the baseline " + baselineFile + ": " + e.getMessage(), e);
            }
            log.info("apigw:check: wrote " + written.entries().size() + " finding" + CheckSummary.plural(written.entries().size()) + " to the baseline "
                    + baselineFile + "; commit it, and later runs fail only on findings not in it");
            outcome = new Gate(ruleSettings, written, baselineFile.getFileName().toString(), SourceRoot.of(repositoryRoot())).apply(result);
        }
        // an input edited while the check ran (a save, a checkout): the findings are of the text before, so no stamp says
        // the text after was checked
        List<Path> readLastTime = last.map(UpToDateStamp.Entry::filesRead).orElse(List.of());
        // (a baseline this run wrote is an input it changed itself)
        boolean changedMeanwhile = !writeBaseline && !inputs.equals(inputsFingerprint(digests, files, configuration, configuredFiles, readLastTime));
        // what this check read decides its fingerprint: the files a template pulled in are known only now
        inputs = inputsFingerprint(digests, files, configuration, configuredFiles, result.filesRead());

        Path sarif = outputDirectory.toPath().resolve(SarifWriter.FILE_NAME);
        Path junit = outputDirectory.toPath().resolve(JUnitXmlWriter.FILE_NAME);
        try {
            // one code-scanning category per module: a reactor's SARIF files would replace each other's results
            String category = project == null ? null : "apigw/" + project.getGroupId() + ":" + project.getArtifactId();
            new SarifWriter(pluginVersion(), repositoryRoot(), category).write(outcome.reported(), outcome.suppressed(), sarif);
            new JUnitXmlWriter(repositoryRoot(), project == null ? "apigw" : "apigw " + project.getArtifactId()).write(result, outcome, threshold, junit);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
        ConsoleReport console = new ConsoleReport(log, repositoryRoot());
        List<ConsoleReport.Line> printed = new ArrayList<>(console.findings(outcome.reported()));
        String summary = CheckSummary.line(result, outcome, sarif, files.size());
        printed.addAll(console.countsByRule(outcome.reported()));
        printed.addAll(console.gateSummary(outcome, baselineFile));
        List<Finding> failingFindings = outcome.failing(threshold);
        if (!failingFindings.isEmpty()) {
            log.error(summary);
            throw new MojoFailureException(CheckSummary.failure(failingFindings, threshold, sarif));
        }
        if (outcome.count(Severity.ERROR) + outcome.count(Severity.WARNING) == 0) {
            log.info(summary);
        } else {
            log.warn(summary);
        }
        if (changedMeanwhile) {
            log.info("apigw:check: an input changed while the check ran: the next build checks again");
            rememberDigests(stamp, digests);
            return files;
        }
        try {
            stamp.recordConsole(printed.stream().map(ConsoleReport.Line::encoded).toList());
            stamp.record(new UpToDateStamp.Entry(inputs, result.filesRead(), List.of(sarif, junit), UpToDateStamp.Counts.of(outcome)));
            build.noteChecked(stamp.file()); // bundle's check, then check's: the second says so once, not each finding again
        } catch (IOException e) {
            log.warn("Cannot record the inputs of this check in " + stamp.file() + " (the next run checks again): " + e.getMessage());
        }
        rememberDigests(stamp, digests);
        return files;
    }

    /**
     * How many lines of the last check's findings a skip prints again, at most: like javac's {@code -Xmaxwarns}, enough
     * to read and to make a warning counter see the build is not clean, without logging thousands on every build.
     */
    private static final int REPRINTED_LINES = 500;

    /**
     * An unchanged project: the findings of the last check are printed again at their levels, as they still hold, and
     * its reports are marked as written by this build (CI tools collecting them refuse older ones).
     */
    /**
     * @param earlierInThisBuild whether this build already checked with this configuration (bundle's check before
     *     check's): its log has the findings, and they are not printed twice
     */
    private void skipped(UpToDateStamp.Entry last, UpToDateStamp stamp, long started, boolean earlierInThisBuild) {
        Log log = getLog();
        if (earlierInThisBuild) {
            log.info("apigw:check: checked earlier in this build (" + last.counts().describe() + "; report " + last.reports().get(0)
                    + "); skipped");
            return;
        }
        ConsoleReport console = new ConsoleReport(log, repositoryRoot());
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

    /**
     * With nothing to check, an earlier check's reports would be taken for this build's (a CI step uploading the SARIF
     * "always" would publish findings of files no longer checked).
     */
    private void removeReportsOfAnEarlierCheck() throws MojoExecutionException {
        long buildStarted = session == null || session.getStartTime() == null ? Long.MAX_VALUE : session.getStartTime().getTime();
        for (Path report : List.of(outputDirectory.toPath().resolve(SarifWriter.FILE_NAME), outputDirectory.toPath().resolve(JUnitXmlWriter.FILE_NAME))) {
            try {
                // one this build wrote is another module's, sharing the directory (said where that module checks)
                if (Files.isRegularFile(report) && Files.getLastModifiedTime(report).toMillis() < buildStarted && Files.deleteIfExists(report)) {
                    getLog().info("apigw:check: removed " + report + ", the report of an earlier check");
                }
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot remove the earlier report " + report + ": " + e.getMessage(), e);
            }
        }
    }

    /** Why the check runs, for {@code -X}: a skip that did not happen is otherwise a mystery. */
    private String whyChecking(Optional<UpToDateStamp.Entry> last, String inputs, FileDigests digests, boolean writeBaseline) {
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

    private void rememberDigests(UpToDateStamp stamp, FileDigests digests) {
        try {
            stamp.remember(digests);
        } catch (IOException e) {
            getLog().debug("Cannot keep the file digests for the next build: " + e.getMessage());
        }
    }

    private String executionId() {
        return mojoExecution == null || mojoExecution.getExecutionId() == null ? "default" : mojoExecution.getExecutionId();
    }

    /**
     * {@code apigw.threads}, else the available processors shared among the modules Maven builds at once ({@code -T}):
     * each module's check would otherwise start one thread per processor.
     */
    int renderThreads() throws MojoExecutionException {
        if (threads == null) {
            int modulesAtOnce = session == null || session.getRequest() == null ? 1 : Math.max(1, session.getRequest().getDegreeOfConcurrency());
            return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() / modulesAtOnce, CheckRequest.MAX_THREADS));
        }
        if (threads < 1 || threads > CheckRequest.MAX_THREADS) {
            throw new MojoExecutionException("<threads> (apigw.threads) is " + threads + "; use 1 to " + CheckRequest.MAX_THREADS
                    + ", or leave it out for one per available processor (" + Runtime.getRuntime().availableProcessors() + " here)");
        }
        return threads;
    }

    private boolean updateBaseline() {
        return flag(updateBaseline, "apigw.updateBaseline", "apigw.baseline.update");
    }

    /**
     * Every setting the outcome depends on, as stable text; threads and force do not change findings, so they are
     * left out. Its digest names the stamp: executions configured alike share one, as check and bundle should.
     */
    private String configuration(List<Path> files, RuleSettings ruleSettings, Severity threshold) throws MojoExecutionException {
        TemplateParameters template = templateParameters();
        return String.join("\n",
                "failOn=" + (threshold == null ? "none" : threshold.id()),
                "rules=" + ruleSettings.canonical(),
                "stageVariables=" + new TreeMap<>(stageVariableMap()),
                "values=" + new TreeMap<>(deploymentValues()),
                "parameters=" + new TreeMap<>(template.values()),
                "s3Locations=" + new TreeMap<>(template.s3Locations()),
                "tables=" + tableFiles(),
                "parametersFile=" + resolve(parametersFile),
                "valuesFile=" + resolve(valuesFile),
                "baseline=" + baseline.toPath().toAbsolutePath().normalize(),
                "specs=" + files,
                specFileFilter().canonical(),
                "examplesDirectory=" + examplesDirectory,
                "outputDirectory=" + outputDirectory,
                "repositoryRoot=" + repositoryRoot(),
                // the reports name the module (SARIF's category, JUnit's suite)
                "project=" + (project == null ? "" : project.getGroupId() + ":" + project.getArtifactId()));
    }

    /**
     * Everything the outcome depends on: the settings and every file the check reads, also the files named in the
     * settings and those a template pulled in (last time, or this time once the check ran).
     */
    private String inputsFingerprint(FileDigests digests, List<Path> files, String configuration, List<Path> configuredFiles,
            List<Path> filesRead) throws MojoExecutionException {
        Set<Path> inputFiles = new TreeSet<>(configuredFiles);
        filesRead.forEach(f -> inputFiles.add(f.toAbsolutePath().normalize()));
        InputsFingerprint fingerprint = new InputsFingerprint(digests);
        return fingerprint.compute(files, examplesDirectory(), List.copyOf(inputFiles), configuration, pluginIdentity(fingerprint));
    }

    /**
     * The version, for a snapshot the digest of the jar (a rebuilt snapshot checks again), and the versions of the
     * libraries it runs with (a build can override them in the plugin's {@code <dependencies>}).
     */
    private String pluginIdentity(InputsFingerprint fingerprint) {
        String version = pluginVersion();
        if (mojoExecution == null || mojoExecution.getMojoDescriptor() == null) {
            return version;
        }
        PluginDescriptor plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        Artifact artifact = plugin.getPluginArtifact();
        String jar = version.endsWith("-SNAPSHOT")
                ? "@" + fingerprint.digestOf(artifact == null || artifact.getFile() == null ? null : artifact.getFile().toPath()) : "";
        List<String> libraries = plugin.getArtifacts() == null ? List.of()
                : plugin.getArtifacts().stream().map(a -> a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion()).sorted().toList();
        return version + jar + " " + libraries;
    }

    private Severity failOnThreshold() throws MojoExecutionException {
        if ("none".equalsIgnoreCase(failOn.trim())) {
            return null;
        }
        Severity threshold = Severity.parse(failOn);
        if (threshold == null || threshold == Severity.INFO) {
            throw new MojoExecutionException("<failOn> (apigw.failOn) is '" + failOn + "'; use one of: error, warning, none");
        }
        return threshold;
    }
}
