package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.docs.DocsGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Documents the DynamoDB integrations of the project's API definitions: per operation its action, table, role,
 * templates and every example rendered through it (HTTP request, DynamoDB request and response, client
 * response), with the findings. Writes one self-contained {@code index.html} and a Markdown file per definition.
 * Findings never fail this goal; {@code check} does that.
 */
@Mojo(name = "docs", threadSafe = true)
public class DocsMojo extends AbstractApigwMojo {

    /** Where {@code index.html} and the {@code <spec>.md} files are written. */
    @Parameter(property = "apigw.docsDirectory", defaultValue = "${project.build.directory}/apigw/docs")
    private File docsDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("apigw:docs skipped (apigw.skip)");
            return;
        }
        requireKnownParameters();
        List<Path> files = specFiles();
        if (files.isEmpty()) {
            logNoDefinitions("document");
            return;
        }
        CheckResult result = checkForDocumentation(files);
        try {
            List<Path> written = new DocsGenerator(basedir.toPath()).write(result, docsDirectory.toPath());
            getLog().info("apigw:docs: " + result.integrationsChecked() + " DynamoDB integration" + (result.integrationsChecked() == 1 ? "" : "s")
                    + " documented in " + written.get(0) + (written.size() > 1 ? " and " + (written.size() - 1) + " Markdown file"
                    + (written.size() == 2 ? "" : "s") : ""));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the documentation to " + docsDirectory + ": " + e.getMessage(), e);
        }
    }
}
