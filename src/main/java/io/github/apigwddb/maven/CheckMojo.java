package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.report.ConsoleFormat;
import io.github.apigwddb.report.SarifWriter;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the DynamoDB integrations of the project's API definitions: lints each
 * {@code x-amazon-apigateway-integration}, renders its request templates against the examples as API Gateway
 * would, validates the DynamoDB requests they produce, writes SARIF, and fails the build on findings at or
 * above {@code failOn}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractApigwMojo {

    /** The lowest severity that fails the build: {@code error}, {@code warning} or {@code none}. */
    @Parameter(property = "apigw.failOn", defaultValue = "error")
    private String failOn;

    /** How many operations are rendered at once; 0 = one per available processor. */
    @Parameter(property = "apigw.threads", defaultValue = "0")
    private int threads;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("apigw:check skipped (apigw.skip)");
            return;
        }
        Severity threshold = failOnThreshold();
        List<Path> files = specFiles();
        if (files.isEmpty()) {
            log.info("No API definitions in " + DEFAULT_SPEC_DIRECTORY + ": nothing to check");
            return;
        }
        CheckRequest request = new CheckRequest(files, examplesDirectory.toPath(), stageVariableMap(),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), tableSchemas());
        CheckResult result = new CheckEngine().run(request, new MavenCheckLog(log));

        Path sarif = outputDirectory.toPath().resolve("apigw.sarif");
        try {
            new SarifWriter(pluginVersion(), repositoryRoot()).write(result.findings(), sarif);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the SARIF report " + sarif + ": " + e.getMessage(), e);
        }
        for (Finding finding : result.findings()) {
            String line = ConsoleFormat.line(finding);
            switch (finding.severity()) {
                case ERROR -> log.error(line);
                case WARNING -> log.warn(line);
                default -> log.info(line);
            }
        }
        String summary = summary(result, sarif);
        long failing = threshold == null ? 0 : result.findings().stream().filter(f -> f.severity().atLeast(threshold)).count();
        if (failing > 0) {
            log.error(summary);
            throw new MojoFailureException("apigw:check found " + failing + " finding" + (failing == 1 ? "" : "s") + " at or above "
                    + threshold.id() + " (apigw.failOn); see the lines above or " + sarif);
        }
        if (result.findings().isEmpty()) {
            log.info(summary);
        } else {
            log.warn(summary);
        }
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

    private static String summary(CheckResult result, Path sarif) {
        return String.format(Locale.ROOT, "apigw:check: %d error%s, %d warning%s, %d info in %d spec%s (%d DynamoDB integration%s, %d example%s rendered); SARIF: %s",
                result.count(Severity.ERROR), plural(result.count(Severity.ERROR)),
                result.count(Severity.WARNING), plural(result.count(Severity.WARNING)),
                result.count(Severity.INFO),
                result.specsChecked(), plural(result.specsChecked()),
                result.integrationsChecked(), plural(result.integrationsChecked()),
                result.examplesRendered(), plural(result.examplesRendered()),
                sarif);
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    /** Sends the core's progress lines to Maven's log. */
    private record MavenCheckLog(Log log) implements CheckLog {
        @Override
        public void debug(String message) {
            log.debug(message);
        }

        @Override
        public void info(String message) {
            log.info(message);
        }

        @Override
        public void warn(String message) {
            log.warn(message);
        }
    }
}
