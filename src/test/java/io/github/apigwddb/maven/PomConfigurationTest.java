package io.github.apigwddb.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Profile;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** Which configuration a module's own POM gives, apart from what it inherits. */
class PomConfigurationTest {

    @Test
    void aParameterSetInAnActiveProfileOfTheModulesOwnPomIsItsOwn() {
        Model own = new Model();
        own.setGroupId("g");
        own.setArtifactId("api");
        own.setVersion("1");
        own.setBuild(new Build());
        Profile profile = new Profile();
        profile.setId("cfn");
        profile.setBuild(buildWithSpecs());
        own.addProfile(profile);
        MavenProject project = new MavenProject(own.clone());
        project.setOriginalModel(own);
        MojoExecution execution = execution();

        // inactive, the profile is not this build's configuration: specs comes from elsewhere (a parent, the command line)
        assertThat(PomConfiguration.ownPomConfigures(project, execution, "specs")).isFalse();

        project.setInjectedProfileIds("g:api:1", List.of("cfn"));
        assertThat(PomConfiguration.ownPomConfigures(project, execution, "specs")).isTrue();
        assertThat(PomConfiguration.ownPomConfigures(project, execution, "baseline")).isFalse();

        // a profile a parent POM activates is inherited configuration
        project.setInjectedProfileIds("g:api:1", List.of());
        project.setInjectedProfileIds("g:parent:1", List.of("cfn"));
        assertThat(PomConfiguration.ownPomConfigures(project, execution, "specs")).isFalse();
    }

    /** A configured {@code <basedir>} is read-only, as Maven 3.9 says, not unknown (Maven 3.9 trial). */
    @Test
    void aConfiguredReadOnlyParameterFailsTheGoalAsReadOnly() throws Exception {
        Model model = new Model();
        model.setBuild(new Build());
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.github.apigwddb");
        plugin.setArtifactId("apigw-dynamodb-maven-plugin");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(new Xpp3Dom("basedir"));
        plugin.setConfiguration(configuration);
        model.getBuild().addPlugin(plugin);
        MojoExecution execution = execution();
        execution.getMojoDescriptor().getPluginDescriptor().addMojo(execution.getMojoDescriptor());
        org.apache.maven.plugin.descriptor.Parameter basedir = new org.apache.maven.plugin.descriptor.Parameter();
        basedir.setName("basedir");
        basedir.setEditable(false);
        org.apache.maven.plugin.descriptor.Parameter failOn = new org.apache.maven.plugin.descriptor.Parameter();
        failOn.setName("failOn");
        execution.getMojoDescriptor().setParameters(List.of(basedir, failOn));

        assertThatThrownBy(() -> PomConfiguration.requireKnownNames(new MavenProject(model), execution))
                .hasMessageStartingWith("Parameter <basedir> is read-only: Maven sets it");
    }

    private static BuildBase buildWithSpecs() {
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.github.apigwddb");
        plugin.setArtifactId("apigw-dynamodb-maven-plugin");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(new Xpp3Dom("specs"));
        plugin.setConfiguration(configuration);
        BuildBase build = new BuildBase();
        build.addPlugin(plugin);
        return build;
    }

    private static MojoExecution execution() {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("io.github.apigwddb");
        plugin.setArtifactId("apigw-dynamodb-maven-plugin");
        MojoDescriptor mojo = new MojoDescriptor();
        mojo.setGoal("check");
        mojo.setPluginDescriptor(plugin);
        return new MojoExecution(mojo, "default");
    }
}
