package io.github.apigwddb.maven;

import io.github.apigwddb.docs.ApiDocs;
import io.github.apigwddb.docs.DocsGenerator;
import io.github.apigwddb.docs.HtmlDocsWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The {@code docs} content as a page of the Maven site ({@code <reporting>} in the POM, then {@code mvn site}):
 * every DynamoDB integration with its templates and rendered examples, in the site's skin. Run on its own
 * ({@code mvn apigw:report}) it writes the page self-contained to the site directory. It takes the parameters of
 * {@code check} that decide what is found (specs, tables, parameters, values, rules, baseline, ...), so the page
 * shows what the build judges.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractApigwMojo implements MavenReport {

    static final String OUTPUT_NAME = "apigw-docs";

    /** Where the page is written when the goal runs on its own; the site plugin sets its own directory. */
    @Parameter(property = "apigw.reportOutputDirectory", defaultValue = "${project.reporting.outputDirectory}", required = true)
    private File reportOutputDirectory;

    /** Run on its own: the self-contained page, as the docs goal writes it. */
    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("apigw:report skipped (apigw.skip)");
            return;
        }
        requireKnownParameters();
        if (!shouldReport()) {
            getLog().info("apigw:report: nothing to report (no API definitions in " + specLocations() + ")");
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
            requireKnownParameters();
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
        return new DocsGenerator(basedir.toPath()).model(checkForDocumentation(specFiles()));
    }

    private boolean shouldReport() throws MojoExecutionException {
        // quietly: the report's own run says what it cannot read
        return !skip && !specFiles(specFileFilter()).isEmpty();
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
