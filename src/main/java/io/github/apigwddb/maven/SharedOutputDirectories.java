package io.github.apigwddb.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Warns when checks write their reports where another check writes its own, which Maven lets pass without a word: the
 * last one's reports are all that is left.
 */
final class SharedOutputDirectories {

    private static final String OUTPUT_DIRECTORIES_OF_EXECUTIONS = "apigw.outputDirectories";

    private final Log log;
    /** Null outside a build (a unit test): nothing to compare with. */
    private final MavenProject project;
    private final BuildRecords build;

    SharedOutputDirectories(Log log, MavenProject project, BuildRecords build) {
        this.log = log;
        this.project = project;
        this.build = build;
    }

    /** Warns when the execution {@code executionId} of {@code configurationKey} shares {@code outputDirectory} with another. */
    void warnIfShared(Path outputDirectory, String executionId, String configurationKey) {
        if (project == null) {
            return;
        }
        Path directory = outputDirectory.toAbsolutePath().normalize();
        warnOnExecutionsConfiguredDifferently(directory, executionId, configurationKey);
        warnOnModules(directory);
    }

    /**
     * Two executions of one module with different configurations writing the same reports leave only the last one's.
     * (With the same configuration, as check and bundle often have, the reports are the same.) Kept in the project's
     * context, so it costs nothing and sees only this module.
     */
    @SuppressWarnings("unchecked")
    private void warnOnExecutionsConfiguredDifferently(Path directory, String executionId, String configurationKey) {
        synchronized (project) {
            Map<Path, String[]> used = (Map<Path, String[]>) project.getContextValue(OUTPUT_DIRECTORIES_OF_EXECUTIONS);
            if (used == null) {
                used = new HashMap<>();
                project.setContextValue(OUTPUT_DIRECTORIES_OF_EXECUTIONS, used);
            }
            String[] previous = used.putIfAbsent(directory, new String[] {executionId, configurationKey});
            if (previous != null && !previous[1].equals(configurationKey)) {
                log.warn("apigw:check: executions '" + previous[0] + "' and '" + executionId + "' are configured differently but both write"
                        + " their reports to " + directory + ": the second overwrites the first's; give each execution its own <outputDirectory>");
            }
        }
    }

    /**
     * Modules of one build writing their reports to one directory (a parent's {@code <outputDirectory>} under the reactor's
     * root) leave only the last one's, and each next build finds the others' reports rewritten and checks again.
     */
    private void warnOnModules(Path directory) {
        String module = project.getGroupId() + ":" + project.getArtifactId();
        String other = build.otherModuleWritingTo(directory, module);
        if (other != null) {
            log.warn("apigw:check: modules " + other + " and " + module + " both write their reports to " + directory + ": each"
                    + " overwrites the other's, and the next build checks again; leave <outputDirectory> at its default"
                    + " (${project.build.directory}/apigw) or give each module its own");
        }
    }
}
