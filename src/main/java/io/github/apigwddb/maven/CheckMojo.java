package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.gate.Baseline;
import io.github.apigwddb.gate.Gate;
import io.github.apigwddb.gate.GateConfigurationException;
import io.github.apigwddb.gate.GateOutcome;
import io.github.apigwddb.gate.FileDigests;
import io.github.apigwddb.gate.InputsFingerprint;
import io.github.apigwddb.gate.RuleSettings;
import io.github.apigwddb.gate.UpToDateStamp;
import io.github.apigwddb.report.JUnitXmlWriter;
import io.github.apigwddb.report.SarifWriter;
import io.github.apigwddb.rules.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
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

    /** The lowest severity that fails the build: {@code error}, {@code warning} or {@code none}. */
    @Parameter(property = "apigw.failOn", defaultValue = "error")
    private String failOn;

    /** How many operations are rendered at once; 0 = one per available processor. */
    @Parameter(property = "apigw.threads", defaultValue = "0")
    private int threads;

    /**
     * Per-rule level: {@code error}, {@code warning}, {@code info} or {@code off}, e.g.
     * {@code <rules><AGW011>error</AGW011><MAP012>off</MAP012></rules>}. Rule ids: docs/rules/README.md.
     */
    @Parameter
    private Map<String, String> rules;

    /** Per-rule levels from the command line, {@code -Dapigw.rules=AGW011=error,MAP012=off}; win over {@code <rules>}. */
    @Parameter(property = "apigw.rules")
    private String ruleLevels;

    /** The committed file of accepted findings: those in it do not fail the build. */
    @Parameter(property = "apigw.baseline", defaultValue = "${project.basedir}/" + Baseline.DEFAULT_FILE_NAME)
    private File baseline;

    /** Writes the current findings to the baseline file (and passes), to adopt the check on an existing spec. */
    @Parameter(property = "apigw.baseline.update", defaultValue = "false")
    private boolean updateBaseline;

    /** Runs the check even when nothing changed since the last successful one. */
    @Parameter(property = "apigw.force", defaultValue = "false")
    private boolean force;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("apigw:check skipped (apigw.skip)");
            return;
        }
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
        PomConfiguration.requireKnownNames(project, mojoExecution);
        Severity threshold = failOnThreshold();
        RuleSettings ruleSettings = ruleSettings();
        Path baselineFile = baseline.toPath().toAbsolutePath().normalize();
        Baseline accepted = updateBaseline ? Baseline.empty(basedir.toPath()) : readBaseline(baselineFile);
        List<Path> files = specFiles();
        if (files.isEmpty()) {
            log.info("No API definitions in " + DEFAULT_SPEC_DIRECTORY + ": nothing to check");
            return files;
        }
        UpToDateStamp stamp = new UpToDateStamp(outputDirectory.toPath());
        FileDigests digests = stamp.digests();
        String inputs = inputsFingerprint(digests, files, ruleSettings, threshold, baselineFile);
        try {
            stamp.remember(digests);
        } catch (IOException e) {
            log.debug("Cannot keep the file digests for the next build: " + e.getMessage());
        }
        if (!force && !updateBaseline && stamp.matches(inputs)) {
            log.info("apigw:check: nothing changed since the last successful check (specs, examples, baseline, configuration and"
                    + " plugin are as recorded in " + stamp.file() + "); skipped. -Dapigw.force runs it anyway");
            log.debug("apigw:check: up to date, found in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            return files;
        }
        try {
            stamp.clear();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot remove " + stamp.file() + ": " + e.getMessage(), e);
        }

        CheckRequest request = checkRequest(files, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        CheckResult result = new CheckEngine().run(request, new MavenLogAdapter(log));
        GateOutcome outcome = new Gate(ruleSettings, accepted, baselineFile.getFileName().toString()).apply(result);
        if (updateBaseline) {
            Baseline written = Baseline.of(outcome.baselineCandidates(), basedir.toPath());
            try {
                written.write(baselineFile);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the baseline " + baselineFile + ": " + e.getMessage(), e);
            }
            log.info("apigw:check: wrote " + written.entries().size() + " finding" + plural(written.entries().size()) + " to the baseline "
                    + baselineFile + "; commit it, and later runs fail only on findings not in it");
            outcome = new Gate(ruleSettings, written, baselineFile.getFileName().toString()).apply(result);
            inputs = inputsFingerprint(digests, files, ruleSettings, threshold, baselineFile);
        }

        Path sarif = outputDirectory.toPath().resolve("apigw.sarif");
        Path junit = outputDirectory.toPath().resolve(JUnitXmlWriter.FILE_NAME);
        try {
            new SarifWriter(pluginVersion(), repositoryRoot()).write(outcome.reported(), outcome.suppressed(), sarif);
            new JUnitXmlWriter(repositoryRoot()).write(result, outcome, threshold, junit);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
        ConsoleReport console = new ConsoleReport(log, repositoryRoot());
        console.findings(outcome.reported());
        String summary = summary(result, outcome, sarif);
        console.gateSummary(outcome, baselineFile);
        long failing = outcome.failing(threshold).size();
        if (failing > 0) {
            log.error(summary);
            throw new MojoFailureException("apigw:check found " + failing + " finding" + (failing == 1 ? "" : "s") + " at or above "
                    + threshold.id() + " (apigw.failOn); see the lines above or " + sarif);
        }
        if (outcome.reported().isEmpty()) {
            log.info(summary);
        } else {
            log.warn(summary);
        }
        try {
            stamp.record(inputs);
        } catch (IOException e) {
            log.warn("Cannot record the inputs of this check in " + stamp.file() + " (the next run checks again): " + e.getMessage());
        }
        return files;
    }

    private RuleSettings ruleSettings() throws MojoExecutionException {
        try {
            return RuleSettings.parse("<rules> / apigw.rules", rules, parseMap("rules", ruleLevels));
        } catch (GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private Baseline readBaseline(Path file) throws MojoExecutionException {
        try {
            return Baseline.read(file, basedir.toPath());
        } catch (GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Everything the outcome depends on; threads and force do not change findings, so they are left out. */
    private String inputsFingerprint(FileDigests digests, List<Path> files, RuleSettings ruleSettings, Severity threshold, Path baselineFile)
            throws MojoExecutionException {
        String configuration = String.join("\n",
                "failOn=" + (threshold == null ? "none" : threshold.id()),
                "rules=" + ruleSettings.canonical(),
                "stageVariables=" + new TreeMap<>(stageVariableMap()),
                "values=" + new TreeMap<>(deploymentValues()),
                "specs=" + files,
                specFileFilter().canonical(),
                "examplesDirectory=" + examplesDirectory,
                "baseline=" + baselineFile,
                "outputDirectory=" + outputDirectory,
                "repositoryRoot=" + repositoryRoot());
        InputsFingerprint fingerprint = new InputsFingerprint(digests);
        return fingerprint.compute(files, examplesDirectory(), List.of(baselineFile), configuration, pluginIdentity(fingerprint));
    }

    /** The version, and for a snapshot the digest of the jar, so a rebuilt snapshot plugin checks again. */
    private String pluginIdentity(InputsFingerprint fingerprint) {
        String version = pluginVersion();
        if (!version.endsWith("-SNAPSHOT") || mojoExecution == null || mojoExecution.getMojoDescriptor() == null) {
            return version;
        }
        Artifact artifact = mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginArtifact();
        return version + "@" + fingerprint.digestOf(artifact == null || artifact.getFile() == null ? null : artifact.getFile().toPath());
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

    private static String summary(CheckResult result, GateOutcome outcome, Path sarif) {
        return String.format(Locale.ROOT, "apigw:check: %d error%s, %d warning%s, %d info in %d spec%s (%d DynamoDB integration%s, %d example%s rendered); SARIF: %s",
                outcome.count(Severity.ERROR), plural(outcome.count(Severity.ERROR)),
                outcome.count(Severity.WARNING), plural(outcome.count(Severity.WARNING)),
                outcome.count(Severity.INFO),
                result.specsChecked(), plural(result.specsChecked()),
                result.integrationsChecked(), plural(result.integrationsChecked()),
                result.examplesRendered(), plural(result.examplesRendered()),
                sarif);
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
