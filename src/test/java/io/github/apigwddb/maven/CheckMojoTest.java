package io.github.apigwddb.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal's wiring: its descriptor, parameters from the POM, and how results become build outcomes. */
@MojoTest
class CheckMojoTest {

    private static final String POM = "src/test/resources/unit/check/pom.xml";

    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: t, version: "1"}
            paths:
              /items:
                post:
                  operationId: putItem
                  x-apigw-examples:
                    - name: one
                      body: {"id": "1"}
                  responses:
                    "200": {description: ok}
                    "400": {description: bad}
                    "500": {description: failed}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                    credentials: arn:aws:iam::123456789012:role/r
                    passthroughBehavior: never
                    requestTemplates:
                      application/json: '{"TableName": "$stageVariables.table", "Item": {"id": {"S": $input.json(''$.id'')}}}'
                    responses:
                      default: {statusCode: "200"}
                      "4\\\\d{2}": {statusCode: "400"}
                      "5\\\\d{2}": {statusCode: "500"}
            """;

    @TempDir
    Path project;

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void readsItsConfigurationFromThePom(CheckMojo mojo) throws Exception {
        assertThat(getVariableValueFromObject(mojo, "failOn")).isEqualTo("warning");
        assertThat(getVariableValueFromObject(mojo, "stageVariables")).isEqualTo("table=Widgets");
        assertThat(getVariableValueFromObject(mojo, "threads")).isEqualTo(2);
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void cleanSpecPassesAndWritesSarif(CheckMojo mojo) throws Exception {
        writeSpec(SPEC);
        configure(mojo);
        mojo.execute();
        assertThat(project.resolve("target/apigw/apigw.sarif")).exists();
        assertThat(Files.readString(project.resolve("target/apigw/apigw.sarif"))).contains("\"results\" : [ ]");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void findingsAtTheThresholdFailTheBuild(CheckMojo mojo) throws Exception {
        writeSpec(SPEC.replace("httpMethod: POST", "httpMethod: GET"));
        configure(mojo);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 finding at or above warning");
        assertThat(Files.readString(project.resolve("target/apigw/apigw.sarif"))).contains("\"ruleId\" : \"AGW006\"");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void failOnNoneReportsWithoutFailing(CheckMojo mojo) throws Exception {
        writeSpec(SPEC.replace("httpMethod: POST", "httpMethod: GET"));
        configure(mojo);
        setVariableValueToObject(mojo, "failOn", "none");
        mojo.execute();
        assertThat(Files.readString(project.resolve("target/apigw/apigw.sarif"))).contains("AGW006");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void unknownFailOnIsAConfigurationError(CheckMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "failOn", "warnings");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("<failOn> (apigw.failOn) is 'warnings'; use one of: error, warning, none");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void threadsOutsideTheirRangeAreAConfigurationError(CheckMojo mojo) throws Exception {
        writeSpec(SPEC);
        configure(mojo);
        for (int threads : new int[] {-3, 0, 257}) {
            setVariableValueToObject(mojo, "threads", threads);
            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageStartingWith("<threads> (apigw.threads) is " + threads + "; use 1 to 256, or leave it out for one per available processor");
        }
        assertThat(project.resolve("target/apigw")).as("nothing was checked").doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void namedSpecPathThatDoesNotExistIsAConfigurationError(CheckMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "specs", List.of(new File("src/no-such-dir")));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("src/no-such-dir named in <specs> (apigw.specs) does not exist");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void projectWithoutApiIsSkipped(CheckMojo mojo) throws Exception {
        configure(mojo);
        mojo.execute();
        assertThat(project.resolve("target/apigw")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void skipDoesNothing(CheckMojo mojo) throws Exception {
        writeSpec(SPEC.replace("httpMethod: POST", "httpMethod: GET"));
        configure(mojo);
        setVariableValueToObject(mojo, "skip", true);
        mojo.execute();
        assertThat(project.resolve("target/apigw")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void malformedStageVariablesAreAConfigurationError(CheckMojo mojo) throws Exception {
        writeSpec(SPEC);
        configure(mojo);
        setVariableValueToObject(mojo, "stageVariables", "table");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("'table' has no name=value form");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aFileATemplatePullsInIsWatchedByTheUpToDateCheck(CheckMojo mojo) throws Exception {
        Path dir = project.resolve("src/main/apigateway");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      BodyS3Location: {Bucket: artifacts, Key: api.yaml}
                """);
        Path pulledIn = project.resolve("src/main/definitions/api.yaml"); // outside the spec directory
        Files.createDirectories(pulledIn.getParent());
        Files.writeString(pulledIn, SPEC);
        configure(mojo);
        setVariableValueToObject(mojo, "s3Locations", "s3://artifacts/api.yaml=src/main/definitions/api.yaml");
        List<String> info = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
            }
        });

        mojo.execute();
        mojo.execute();
        assertThat(info).filteredOn(line -> line.contains("nothing changed since the last successful check")).hasSize(1);

        Files.writeString(pulledIn, SPEC.replace("httpMethod: POST", "httpMethod: GET"));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("1 finding at or above warning");
        assertThat(Files.readString(project.resolve("target/apigw/apigw.sarif"))).contains("\"ruleId\" : \"AGW006\"");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aSkippedCheckPrintsTheFindingsAgainAndMarksItsReportsAsNew(CheckMojo mojo) throws Exception {
        writeSpec(SPEC.replace("httpMethod: POST", "httpMethod: GET"));
        configure(mojo);
        setVariableValueToObject(mojo, "failOn", "none");
        List<String> warnings = new java.util.ArrayList<>();
        List<String> info = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add("warn " + content);
            }

            @Override
            public void error(CharSequence content) {
                warnings.add("error " + content);
            }

            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
            }
        });

        mojo.execute();
        List<String> checked = List.copyOf(warnings);
        Path junit = project.resolve("target/apigw/TEST-apigw.xml");
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(junit);
        warnings.clear();
        info.clear();
        mojo.execute();

        // the same finding lines at the same level, then the summary as a warning: the log of a skip does not look clean
        assertThat(checked).anySatisfy(l -> assertThat(l).contains("] AGW006 "));
        assertThat(warnings.subList(0, warnings.size() - 1)).isEqualTo(checked.subList(0, checked.size() - 1));
        assertThat(checked).last().asString().startsWith("warn apigw:check: 1 error");
        assertThat(warnings).last().asString().startsWith("warn apigw:check: nothing changed since the last successful check (1 error,");
        assertThat(info).anySatisfy(l -> assertThat(l).startsWith("apigw: ").endsWith("(1 finding)"));
        // a CI tool that takes only reports written during the build takes these, and a third run still skips
        assertThat(Files.getLastModifiedTime(junit)).isGreaterThan(written);
        warnings.clear();
        mojo.execute();
        assertThat(warnings).last().asString().startsWith("warn apigw:check: nothing changed since the last successful check");
        // without the record of the findings a skip could not print them: checked again (user trial)
        try (var records = Files.list(project.resolve("target/apigw"))) {
            for (Path record : records.filter(f -> f.getFileName().toString().startsWith("apigw-console")).toList()) {
                Files.delete(record);
            }
        }
        warnings.clear();
        mojo.execute();
        assertThat(warnings).last().asString().startsWith("warn apigw:check: 1 error");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @SuppressWarnings("deprecation")
    void theDefaultRenderThreadsShareTheProcessorsAmongTheModulesBuiltAtOnce(CheckMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "threads", null);
        org.apache.maven.execution.DefaultMavenExecutionRequest request = new org.apache.maven.execution.DefaultMavenExecutionRequest();
        setVariableValueToObject(mojo, "session", new org.apache.maven.execution.MavenSession(null,
                new org.eclipse.aether.DefaultRepositorySystemSession(), request, new org.apache.maven.execution.DefaultMavenExecutionResult()));
        int processors = Runtime.getRuntime().availableProcessors();

        request.setDegreeOfConcurrency(1);
        assertThat(mojo.renderThreads()).isEqualTo(Math.min(processors, 256));
        request.setDegreeOfConcurrency(2 * processors); // mvn -T with more modules at once than processors: one each
        assertThat(mojo.renderThreads()).isEqualTo(1);
        setVariableValueToObject(mojo, "threads", 3); // as configured, whatever -T
        assertThat(mojo.renderThreads()).isEqualTo(3);
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void theSummarySaysHowManyFilesCouldNotBeRead(CheckMojo mojo) throws Exception {
        writeSpec("openapi: 3.0.1\npaths:\n  /x:\n    get: [unclosed\n");
        configure(mojo);
        List<String> errors = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void error(CharSequence content) {
                errors.add(content.toString());
            }
        });
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        assertThat(errors).anySatisfy(l -> assertThat(l).startsWith("apigw:check: 1 error, 0 warnings, 0 info in 0 specs (1 of 1 file could"
                + " not be read) (0 DynamoDB integrations"));
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aBaselineNamedButMissingIsAnErrorUnlessItIsToBeWritten(CheckMojo mojo) throws Exception {
        writeSpec(SPEC);
        configure(mojo);
        setVariableValueToObject(mojo, "baseline", project.resolve("apigw-basline.json").toFile());
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessage("The baseline "
                + project.resolve("apigw-basline.json") + " named in <baseline> (apigw.baseline) does not exist; name an existing file,"
                + " or write it with -Dapigw.updateBaseline");

        setVariableValueToObject(mojo, "updateBaseline", true);
        mojo.execute();
        assertThat(project.resolve("apigw-basline.json")).exists();
        // the default file may be missing: no baseline yet
        setVariableValueToObject(mojo, "updateBaseline", false);
        setVariableValueToObject(mojo, "baseline", project.resolve("apigw-baseline.json").toFile());
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void includesThatLeaveEveryDefinitionOutAreAWarningNotASilentPass(CheckMojo mojo) throws Exception {
        writeSpec(SPEC);
        configure(mojo);
        setVariableValueToObject(mojo, "includes", List.of("*.yml"));
        List<String> warnings = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });

        mojo.execute();

        assertThat(warnings).singleElement().asString().startsWith("1 definition file is in src/main/apigateway, but includes [*.yml]"
                + " leave none").endsWith("nothing to check");
        assertThat(project.resolve("target/apigw/apigw.sarif")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aBrokenLinkNamedLikeADefinitionIsSaidNotSkippedSilently(CheckMojo mojo) throws Exception {
        writeSpec(SPEC);
        Files.createSymbolicLink(project.resolve("src/main/apigateway/moved.yaml"), project.resolve("src/main/elsewhere/moved.yaml"));
        configure(mojo);
        List<String> warnings = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });

        mojo.execute();

        assertThat(warnings).contains("src/main/apigateway/moved.yaml is named like a definition but is no regular file (a broken link,"
                + " a pipe or a device): not read");
    }

    /**
     * A link in the spec directory to a file outside the repository is not read, nor is its digest kept: parse errors and
     * findings would print parts of it (hostile-input review: a link to a file of secrets was quoted in the log).
     */
    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aLinkToAFileOutsideTheRepositoryIsNotRead(CheckMojo mojo) throws Exception {
        writeSpec(SPEC);
        Path outside = Files.createTempDirectory("apigw-outside");
        Path secret = Files.writeString(outside.resolve("secret.json"), "export TOKEN=S3CR3T\n");
        Files.createSymbolicLink(project.resolve("src/main/apigateway/tok.json"), secret);
        configure(mojo);
        List<String> warnings = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });

        mojo.execute();

        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("Not reading src/main/apigateway/tok.json: it leads to "
                + secret.toRealPath() + ", outside ").endsWith("move the file into it, or name its directory in <specs> (apigw.specs) if"
                + " the build is meant to read a shared one"));
        assertThat(Files.readString(project.resolve("target/apigw/apigw.sarif"))).doesNotContain("S3CR3T", "tok.json");
        try (var stamps = Files.list(project.resolve("target/apigw"))) {
            for (Path stamp : stamps.toList()) {
                assertThat(Files.readString(stamp)).doesNotContain(secret.toRealPath().toString());
            }
        }
    }

    /** A spec directory that links to a shared one is checked: walked as a plain one it held nothing (user trial: a false green). */
    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aSpecDirectoryThatIsALinkIsChecked(CheckMojo mojo) throws Exception {
        Path shared = project.resolve("shared-api");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("api.yaml"), SPEC.replace("httpMethod: POST", "httpMethod: GET"));
        Files.createDirectories(project.resolve("src/main"));
        Files.createSymbolicLink(project.resolve("src/main/apigateway"), shared);
        Files.createSymbolicLink(shared.resolve("loop"), shared); // a link back into the tree is walked once
        configure(mojo);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("1 finding at or above warning");
        assertThat(Files.readString(project.resolve("target/apigw/apigw.sarif"))).contains("\"ruleId\" : \"AGW006\"");
    }

    /**
     * A spec saved while the check runs: the findings are of the text before, so the next build must check again, not
     * skip as if the new text had been checked (user trial: an edit during a 2 s check was never checked).
     */
    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aSpecChangedWhileTheCheckRunsIsCheckedAgainNextTime(CheckMojo mojo) throws Exception {
        writeSpec(SPEC);
        configure(mojo);
        Path spec = project.resolve("src/main/apigateway/api.yaml");
        List<String> info = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
                if (content.toString().startsWith("Checking api.yaml") && info.stream().noneMatch(l -> l.startsWith("edited"))) {
                    try {
                        Files.writeString(spec, SPEC.replace("httpMethod: POST", "httpMethod: GET"));
                        info.add("edited");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        });

        mojo.execute(); // checked the text as it was: clean
        assertThat(info).contains("apigw:check: an input changed while the check ran: the next build checks again");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("1 finding at or above warning");
    }

    /** {@code mvn -q} shows errors only: a build failed by warnings names them in its failure message. */
    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aBuildFailedByWarningsNamesThemInTheFailureMessage(CheckMojo mojo) throws Exception {
        writeSpec(SPEC.replace("passthroughBehavior: never", "passthroughBehavior: when_no_match"));
        configure(mojo);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("at or above warning (apigw.failOn)")
                .hasMessageContaining("src/main/apigateway/api.yaml:[19,9] SEC003 A client that sends its body as text/plain bypasses"
                        + " the request templates (passthroughBehavior is when_no_match)");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void anExamplesDirectoryNamedButMissingIsAConfigurationError(CheckMojo mojo) throws Exception {
        writeSpec(SPEC);
        configure(mojo);
        mojo.execute(); // the default directory may be missing: the project has no sidecar files

        setVariableValueToObject(mojo, "examplesDirectory", new File("/nonexistent"));
        setVariableValueToObject(mojo, "force", true);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("The examples directory " + Path.of("/nonexistent").toAbsolutePath() + " named in <examplesDirectory>"
                        + " (apigw.examplesDirectory) does not exist; name an existing directory, or remove the parameter to use"
                        + " src/test/apigateway/examples");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aValuesFileSavedWithAByteOrderMarkFillsItsFirstValue(CheckMojo mojo) throws Exception {
        writeSpec(SPEC.replace("$stageVariables.table", "{{apigw:table}}"));
        Path values = project.resolve("deploy.properties");
        Files.writeString(values, "\uFEFFtable=Widgets\n");
        configure(mojo);
        setVariableValueToObject(mojo, "stageVariables", null);
        setVariableValueToObject(mojo, "valuesFile", values.toFile());

        mojo.execute();

        assertThat(Files.readString(project.resolve("target/apigw/apigw.sarif"))).doesNotContain("apigw:table");
    }

    private void writeSpec(String content) throws Exception {
        Path dir = project.resolve("src/main/apigateway");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("api.yaml"), content);
    }

    private void configure(CheckMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "basedir", project.toFile());
        setVariableValueToObject(mojo, "outputDirectory", project.resolve("target/apigw").toFile());
        setVariableValueToObject(mojo, "examplesDirectory", project.resolve("src/test/apigateway/examples").toFile());
        setVariableValueToObject(mojo, "baseline", project.resolve("apigw-baseline.json").toFile()); // ${project.basedir}/..., as Maven sets it
    }
}
