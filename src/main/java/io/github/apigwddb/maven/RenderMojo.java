package io.github.apigwddb.maven;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.RenderRequest;
import io.github.apigwddb.check.RenderedExample;
import io.github.apigwddb.check.UnknownRenderTargetException;
import io.github.apigwddb.gate.Baseline;
import io.github.apigwddb.gate.Gate;
import io.github.apigwddb.gate.RuleSettings;
import io.github.apigwddb.report.RenderFormat;
import io.github.apigwddb.spec.SourceRoot;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders one operation's templates against one example, as the API Gateway console's "Test" would, offline:
 * prints the request template, the DynamoDB request, DynamoDB's answer, the selected integration response,
 * the client response and the findings, judged as {@code check} judges them (rule levels, {@code x-apigw-ignore},
 * baseline). For the command line:
 * {@code mvn apigw:render -Dapigw.operation="POST /items" -Dapigw.example=NAME}.
 */
@Mojo(name = "render", requiresProject = true, threadSafe = true)
public class RenderMojo extends AbstractApigwMojo {

    /** The operation: {@code METHOD /path} (e.g. {@code "POST /items"}) or its operationId. Required. */
    @Parameter(property = "apigw.operation")
    private String operation;

    /** The example to render, by name; default: the operation's first, or the ad hoc input when some is given. */
    @Parameter(property = "apigw.example")
    private String example;

    /** Request body (replaces the example's). */
    @Parameter(property = "apigw.body")
    private String body;

    /** Request Content-Type (replaces the example's). */
    @Parameter(property = "apigw.contentType")
    private String contentType;

    /** Path parameters, {@code name=value,name=value}. */
    @Parameter(property = "apigw.path")
    private String path;

    /** Query string parameters, {@code name=value,name=value}. */
    @Parameter(property = "apigw.querystring")
    private String querystring;

    /** Request headers, {@code name=value,name=value}. */
    @Parameter(property = "apigw.headers")
    private String headers;

    /** The HTTP status DynamoDB answers; 4xx/5xx without a body give DynamoDB's own error body. */
    @Parameter(property = "apigw.dynamodbStatus")
    private Integer dynamodbStatus;

    /** The JSON body DynamoDB answers. */
    @Parameter(property = "apigw.dynamodbBody")
    private String dynamodbBody;

    /** A file to write the render to, as plain text, instead of the log. */
    @Parameter(property = "apigw.output")
    private File output;

    /**
     * Prints the render to standard output without Maven's log prefixes, also with {@code -q}, as
     * {@code help:evaluate -DforceStdout} does: for piping it on.
     */
    @Parameter(property = "apigw.forceStdout", defaultValue = "false")
    private boolean forceStdout;

    /** @param misses what the modules said, when every module has reported and none had the operation; else null */
    private void failWhenNoModuleHasIt(List<String> misses) throws MojoExecutionException {
        if (misses != null) {
            throw new MojoExecutionException("No module of the build has a DynamoDB integration '" + operation + "'"
                    + (misses.isEmpty() ? "" : ": " + String.join("; ", misses)));
        }
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("apigw:render skipped (apigw.skip)");
            if (ReactorRender.isMultiModule(session)) {
                failWhenNoModuleHasIt(new ReactorRender(session).skipped()); // a module that looked may have missed it
            }
            return;
        }
        requireKnownParameters();
        if (operation == null || operation.isBlank()) {
            throw new MojoExecutionException("Name the operation to render: -Dapigw.operation=\"POST /items\" (method and path) or its"
                    + " operationId");
        }
        if (dynamodbStatus != null && dynamodbStatus != 200 && (dynamodbStatus < 400 || dynamodbStatus > 599)) {
            throw new MojoExecutionException("apigw.dynamodbStatus is " + dynamodbStatus + "; DynamoDB answers 200, or an error from 400"
                    + " to 599");
        }
        RuleSettings ruleSettings = ruleSettings(); // before the work: an unknown rule id fails every goal
        Path baselineFile = baseline.toPath().toAbsolutePath().normalize();
        Baseline accepted = readBaseline(baselineFile);
        List<Path> files = specFiles();
        boolean multiModule = ReactorRender.isMultiModule(session);
        if (files.isEmpty()) {
            // run at a reactor's root, the aggregator and the modules without an API have nothing to render: the
            // module with the definitions does it; only a build of this project alone has nothing at all
            if (multiModule) {
                getLog().info("apigw:render: " + noDefinitionsMessage("render") + "; skipped in this module");
                failWhenNoModuleHasIt(new ReactorRender(session).missed(null));
                return;
            }
            throw new MojoExecutionException(noDefinitionsMessage("render"));
        }
        CheckRequest request = checkRequest(files, 1);
        RenderRequest.AdHocInput input = new RenderRequest.AdHocInput(body, contentType, parseMap("path", path),
                parseMap("querystring", querystring), parseMap("headers", headers), dynamodbStatus, dynamodbBody);
        RenderedExample rendered;
        try {
            rendered = new CheckEngine().render(request, new RenderRequest(operation, example, input), CheckLog.SILENT);
            rendered = new Gate(ruleSettings, accepted, baselineFile.getFileName().toString(), SourceRoot.of(repositoryRoot())).apply(rendered);
        } catch (UnknownRenderTargetException e) {
            if (multiModule && e.operationMissing()) {
                // another module of the build may have it
                getLog().info("apigw:render: " + e.getMessage() + "; skipped in this module");
                failWhenNoModuleHasIt(new ReactorRender(session).missed(e.getMessage()));
                return;
            }
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (multiModule) {
            new ReactorRender(session).rendered();
        }
        // plain text: a render is read, copied and piped (apigw.output, forceStdout); escape codes would travel with it
        List<String> lines = RenderFormat.plain().lines(rendered);
        if (output != null) {
            Path file = resolve(output);
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the render to " + file + " (apigw.output): " + e.getMessage(), e);
            }
            getLog().info("apigw:render: written to " + file);
        } else if (forceStdout) {
            lines.forEach(System.out::println); // what the user asked for, with -q too
        } else {
            lines.forEach(getLog()::info);
        }
    }
}
