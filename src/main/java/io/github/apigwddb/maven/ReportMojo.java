package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.docs.ApiDocs;
import io.github.apigwddb.docs.DocsGenerator;
import io.github.apigwddb.docs.HtmlDocsWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The {@code docs} content as a page of the Maven site ({@code <reporting>} in the POM, then {@code mvn site}):
 * every DynamoDB integration with its templates and rendered examples, in the site's skin. Run on its own
 * ({@code mvn apigw:report}) it writes the page self-contained to the site directory.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenReport {

    static final String OUTPUT_NAME = "apigw-docs";

    /** Skips every goal of this plugin. */
    @Parameter(property = "apigw.skip", defaultValue = "false")
    private boolean skip;

    /** API definition files or directories; default {@code src/main/apigateway}. */
    @Parameter(property = "apigw.specs")
    private List<File> specs;

    /** Where sidecar example files {@code <operationId>.(json|yaml)} are read from. */
    @Parameter(property = "apigw.examplesDirectory", defaultValue = "${project.basedir}/src/test/apigateway/examples")
    private File examplesDirectory;

    /** Stage variables for every render, as {@code name=value,name=value}. */
    @Parameter(property = "apigw.stageVariables")
    private String stageVariables;

    /** Where the page is written when the goal runs on its own; the site plugin sets its own directory. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", required = true)
    private File reportOutputDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** Run on its own: the self-contained page, as the docs goal writes it. */
    @Override
    public void execute() throws MojoExecutionException {
        if (!shouldReport()) {
            getLog().info("apigw:report: nothing to report (no API definitions, or apigw.skip)");
            return;
        }
        Path page = reportOutputDirectory.toPath().resolve(OUTPUT_NAME + ".html");
        try {
            Files.createDirectories(page.getParent());
            Files.writeString(page, HtmlDocsWriter.page(docs()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + page + ": " + e.getMessage(), e);
        }
        getLog().info("apigw:report: " + page);
    }

    /** Inside {@code mvn site}: the same content through the site's sink, so the skin frames it. */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        ApiDocs docs;
        try {
            docs = docs();
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        // The page is already XHTML-compatible HTML5 with its style scoped to its own container.
        sink.rawText(HtmlDocsWriter.fragment(docs));
        sink.body_();
        sink.flush();
        sink.close();
    }

    private ApiDocs docs() throws MojoExecutionException {
        List<Path> files = AbstractApigwMojo.specFiles(basedir, specs, AbstractApigwMojo.specFileFilter(null, null));
        CheckRequest request = new CheckRequest(files, AbstractApigwMojo.examplesDirectory(basedir, examplesDirectory),
                AbstractApigwMojo.parseMap("stageVariables", stageVariables), 1);
        CheckResult result = new CheckEngine().run(request, new MavenLogAdapter(getLog()));
        return new DocsGenerator(basedir.toPath()).model(result);
    }

    private boolean shouldReport() throws MojoExecutionException {
        return !skip && !AbstractApigwMojo.specFiles(basedir, specs, AbstractApigwMojo.specFileFilter(null, null)).isEmpty();
    }

    @Override
    public boolean canGenerateReport() {
        try {
            return shouldReport();
        } catch (MojoExecutionException e) {
            getLog().warn("apigw:report: " + e.getMessage());
            return false;
        }
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "API Gateway DynamoDB integrations";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Every DynamoDB integration of the API definitions: action, table, role, mapping templates and rendered examples.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }
}
