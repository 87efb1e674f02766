package io.github.apigwddb.maven;

import io.github.apigwddb.gate.ConfigurationNames;
import io.github.apigwddb.gate.GateConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Profile;
import org.apache.maven.model.ReportPlugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads this plugin's {@code <configuration>} as written in the POM (plugin level and the running
 * execution's) and fails on element names that no goal of the plugin knows. Maven drops such elements with
 * a warning at most, so a typo such as {@code <failon>} would silently keep the default.
 */
final class PomConfiguration {

    private static final String HELP_GOAL = "help";

    private PomConfiguration() {
    }

    static void requireKnownNames(MavenProject project, MojoExecution execution) throws MojoExecutionException {
        if (project == null || execution == null || execution.getMojoDescriptor() == null) {
            return;
        }
        MojoDescriptor mojo = execution.getMojoDescriptor();
        String key = mojo.getPluginDescriptor().getPluginLookupKey();
        Set<String> given = new java.util.LinkedHashSet<>(namesIn(project.getBuild(), key, execution.getExecutionId()));
        // the site report takes its configuration from <reporting>
        ReportPlugin report = project.getModel() == null || project.getModel().getReporting() == null ? null : project.getModel().getReporting().getReportPluginsAsMap().get(key);
        if (report != null) {
            given.addAll(childNames(report.getConfiguration()));
        }
        try {
            ConfigurationNames.requireKnown(mojo.getFullGoalName(), given, validNames(mojo), ownNames(mojo), readOnlyNames(mojo));
        } catch (GateConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * Plugin-level configuration is shared by every goal, so any goal's parameter is valid there; but not the
     * generated help goal's ({@code detail}, {@code goal}, {@code indentSize}, {@code lineLength}), which mean
     * nothing to the others.
     */
    static Set<String> validNames(MojoDescriptor mojo) {
        Set<String> names = new TreeSet<>();
        for (MojoDescriptor goal : mojo.getPluginDescriptor().getMojos()) {
            if (goal.getParameters() == null || (HELP_GOAL.equals(goal.getGoal()) && !HELP_GOAL.equals(mojo.getGoal()))) {
                continue;
            }
            addEditable(goal, names);
        }
        return names;
    }

    /** Adds the goal's parameters that a POM may set, with their aliases. */
    private static void addEditable(MojoDescriptor goal, Set<String> names) {
        for (Parameter parameter : goal.getParameters()) {
            if (parameter.isEditable()) {
                names.add(parameter.getName());
                if (parameter.getAlias() != null) {
                    names.add(parameter.getAlias());
                }
            }
        }
    }

    /** The goal's own parameters and their aliases. */
    static Set<String> ownNames(MojoDescriptor mojo) {
        Set<String> names = new TreeSet<>();
        if (mojo.getParameters() != null) {
            addEditable(mojo, names);
        }
        return names;
    }

    /** The goal's parameters that Maven sets itself ({@code basedir}, {@code project}, ...), which a POM must not configure. */
    static Set<String> readOnlyNames(MojoDescriptor mojo) {
        Set<String> names = new TreeSet<>();
        if (mojo.getParameters() != null) {
            mojo.getParameters().stream().filter(parameter -> !parameter.isEditable()).forEach(parameter -> names.add(parameter.getName()));
        }
        return names;
    }

    /**
     * The names configured for the plugin in a build section: in {@code <plugins>}, else in {@code <pluginManagement>}
     * (a corporate parent's, used when the plugin is run from the command line; once declared in {@code <plugins>},
     * Maven has merged it there), at plugin level and in the execution.
     */
    private static Set<String> namesIn(BuildBase build, String key, String executionId) {
        Set<String> names = new java.util.LinkedHashSet<>();
        if (build == null) {
            return names;
        }
        Plugin plugin = build.getPluginsAsMap().get(key);
        if (plugin == null && build.getPluginManagement() != null) {
            plugin = build.getPluginManagement().getPluginsAsMap().get(key);
        }
        if (plugin != null) {
            names.addAll(childNames(plugin.getConfiguration()));
            PluginExecution pluginExecution = plugin.getExecutionsAsMap().get(executionId);
            if (pluginExecution != null) {
                names.addAll(childNames(pluginExecution.getConfiguration()));
            }
        }
        return names;
    }

    /**
     * Whether the module's own POM, before what it inherits, configures {@code name} for the running execution: a
     * setting a parent gives every module may not fit each of them.
     */
    static boolean ownPomConfigures(MavenProject project, MojoExecution execution, String name) {
        if (project == null || execution == null || execution.getMojoDescriptor() == null || project.getOriginalModel() == null) {
            return true;
        }
        String key = execution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
        Model own = project.getOriginalModel();
        Set<String> names = namesIn(own.getBuild(), key, execution.getExecutionId());
        // the module's own profiles active in this build are its own configuration too
        List<String> active = project.getInjectedProfileIds()
                .getOrDefault(project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion(), List.of());
        for (Profile profile : own.getProfiles()) {
            if (active.contains(profile.getId())) {
                names.addAll(namesIn(profile.getBuild(), key, execution.getExecutionId()));
            }
        }
        return names.contains(name);
    }

    private static List<String> childNames(Object configuration) {
        List<String> names = new ArrayList<>();
        if (configuration instanceof Xpp3Dom dom) {
            for (Xpp3Dom child : dom.getChildren()) {
                names.add(child.getName());
            }
        }
        return names;
    }
}
