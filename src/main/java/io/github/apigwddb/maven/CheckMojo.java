package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.cloudformation.TemplateParameters;
import io.github.apigwddb.gate.Baseline;
import io.github.apigwddb.gate.Gate;
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
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
        List<Path> configuredFiles = configuredInputFiles();
        configuredFiles.add(baselineFile);
        ConsoleReport console = new ConsoleReport(log, repositoryRoot());
        UpToDateCheck upToDate = new UpToDateCheck(log, console, build, new UpToDateStamp(outputDirectory.toPath(), configurationKey),
                (digests, filesRead) -> inputsFingerprint(digests, files, configuration, configuredFiles, filesRead), force, writeBaseline, started);
        if (upToDate.skippedAsUnchanged()) {
            return files;
        }
        upToDate.beginCheck();

        CheckResult result = new CheckEngine().run(checkRequest(files, renderThreads), new MavenLogAdapter(log));
        GateOutcome outcome = gate(ruleSettings, accepted, baselineFile).apply(result);
        if (writeBaseline) {
            outcome = gate(ruleSettings, writeBaseline(outcome, baselineFile), baselineFile).apply(result);
        }
        upToDate.checkRan(result.filesRead());

        Path sarif = sarifFile();
        Path junit = junitFile();
        writeReports(result, outcome, threshold, sarif, junit);
        List<ConsoleReport.Line> printed = console.outcome(outcome, baselineFile);
        failOrPass(result, outcome, threshold, sarif, files.size());
        upToDate.passed(printed, List.of(sarif, junit), UpToDateStamp.Counts.of(outcome));
        return files;
    }

    private Gate gate(RuleSettings ruleSettings, Baseline accepted, Path baselineFile) {
        return new Gate(ruleSettings, accepted, baselineFile.getFileName().toString(), SourceRoot.of(repositoryRoot()));
    }

    /** Writes the findings the gate let through to the baseline, and returns it: the findings it accepts from now on. */
    private Baseline writeBaseline(GateOutcome outcome, Path baselineFile) throws MojoExecutionException {
        Baseline written = Baseline.of(outcome.baselineCandidates(), basedir.toPath());
        try {
            written.write(baselineFile);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the baseline " + baselineFile + ": " + e.getMessage(), e);
        }
        getLog().info("apigw:check: wrote " + written.entries().size() + " finding" + CheckSummary.plural(written.entries().size())
                + " to the baseline " + baselineFile + "; commit it, and later runs fail only on findings not in it");
        return written;
    }

    private void writeReports(CheckResult result, GateOutcome outcome, Severity threshold, Path sarif, Path junit) throws MojoExecutionException {
        try {
            // one code-scanning category per module: a reactor's SARIF files would replace each other's results
            String category = project == null ? null : "apigw/" + project.getGroupId() + ":" + project.getArtifactId();
            new SarifWriter(pluginVersion(), repositoryRoot(), category).write(outcome.reported(), outcome.suppressed(), sarif);
            new JUnitXmlWriter(repositoryRoot(), project == null ? "apigw" : "apigw " + project.getArtifactId()).write(result, outcome, threshold, junit);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Logs the summary line, at error when findings at or above the threshold fail the build, else at warning when there are
     * errors or warnings, else at info.
     *
     * @throws MojoFailureException naming the failing findings
     */
    private void failOrPass(CheckResult result, GateOutcome outcome, Severity threshold, Path sarif, int files) throws MojoFailureException {
        String summary = CheckSummary.line(result, outcome, sarif, files);
        List<Finding> failing = outcome.failing(threshold);
        if (!failing.isEmpty()) {
            getLog().error(summary);
            throw new MojoFailureException(CheckSummary.failure(failing, threshold, sarif));
        }
        if (outcome.count(Severity.ERROR) + outcome.count(Severity.WARNING) == 0) {
            getLog().info(summary);
        } else {
            getLog().warn(summary);
        }
    }

    /**
     * With nothing to check, an earlier check's reports would be taken for this build's (a CI step uploading the SARIF
     * "always" would publish findings of files no longer checked).
     */
    private void removeReportsOfAnEarlierCheck() throws MojoExecutionException {
        long buildStarted = session == null || session.getStartTime() == null ? Long.MAX_VALUE : session.getStartTime().getTime();
        for (Path report : List.of(sarifFile(), junitFile())) {
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

    private Path sarifFile() {
        return outputDirectory.toPath().resolve(SarifWriter.FILE_NAME);
    }

    private Path junitFile() {
        return outputDirectory.toPath().resolve(JUnitXmlWriter.FILE_NAME);
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
        InputsFingerprint fingerprint = new InputsFingerprint(digests, SourceRoot.of(repositoryRoot()));
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
