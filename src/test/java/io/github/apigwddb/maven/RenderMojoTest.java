package io.github.apigwddb.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render goal's wiring: parameters, what it prints, and how a wrong operation or example is told. */
@MojoTest
class RenderMojoTest {

    private static final String POM = "src/test/resources/unit/render/pom.xml";

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
                    - name: two
                      body: {"id": "2"}
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
                      application/json: '{"TableName": "$stageVariables.table", "Item": {"id": {"S": "$input.path(''$.id'')"}}}'
                    responses:
                      default:
                        statusCode: "200"
                        responseTemplates:
                          application/json: '{"saved": "$input.path(''$.Attributes.id.S'')"}'
                      "4\\\\d{2}":
                        statusCode: "400"
                        responseTemplates:
                          application/json: '{"error": "$input.path(''$.message'')"}'
                      "5\\\\d{2}": {statusCode: "500"}
            """;

    @TempDir
    Path project;

    private final List<String> printed = new ArrayList<>();

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void readsTheOperationFromThePom(RenderMojo mojo) throws Exception {
        assertThat(getVariableValueFromObject(mojo, "operation")).isEqualTo("POST /items");
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void printsRequestAnswerAndClientResponseOfTheNamedExample(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "example", "two");
        mojo.execute();

        assertThat(printed).contains(
                "== POST /items [putItem] -> DynamoDB PutItem ==",
                "    example: two (extension)",
                "== Request template (application/json) ==",
                "== DynamoDB request ==",
                "      \"TableName\": \"Widgets\",",
                "          \"S\": \"2\"",
                "== DynamoDB answer: 200 PutItem (made up from the request) ==",
                "== Integration response 'default' -> status 200 ==",
                "== Client response: status 200 ==",
                "      \"saved\": \"\"",
                "== Findings of this example (2) ==");
        // the injection probe runs by default: the unescaped $input.path('$.id') is shown as a warning, and the error
        // template's unescaped message too
        assertThat(printed).anySatisfy(line -> assertThat(line).startsWith("    WARNING SEC001 Client input 'body $.id' can break the DynamoDB request"));
        assertThat(String.join("\n", printed)).doesNotContain("\u001b[");
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void adHocBodyAndDynamoDbErrorStatus(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "body", "{\"id\": \"x\\\"y\"}");
        setVariableValueToObject(mojo, "dynamodbStatus", 400);
        mojo.execute();

        assertThat(printed).contains(
                "    example: command-line (given on the command line)",
                "    NOT VALID JSON, sent as rendered:",
                "    >> 1 | {\"TableName\": \"Widgets\", \"Item\": {\"id\": {\"S\": \"x\"y\"}}}",
                "           " + " ".repeat(49) + "^",
                "== DynamoDB answer: 400 ValidationException (given on the command line) ==",
                "== Integration response '4\\d{2}' -> status 400 ==",
                "== Client response: status 400 ==",
                // not a message about members the request does not hold (user trial)
                "      \"error\": \"(made up by apigw:render for the status given; give DynamoDB's words with apigw.dynamodbBody)\"",
                "== Findings of this example (1) ==");
        assertThat(printed).anySatisfy(line -> assertThat(line).startsWith("    ERROR VTL002 The rendered request is not valid JSON"));
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void findingsAreJudgedAsTheCheckJudgesThem(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "example", "two");
        setVariableValueToObject(mojo, "ruleLevels", "SEC001=off");
        mojo.execute();
        assertThat(printed).noneSatisfy(line -> assertThat(line).contains("SEC001"));

        setVariableValueToObject(mojo, "ruleLevels", "BOGUS=error");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("BOGUS");
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void aStatusDynamoDbNeverAnswersIsRefusedAndAnAnswerThatIsNotJsonIsTheExamplesFault(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "dynamodbStatus", 700);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("apigw.dynamodbStatus is 700; DynamoDB answers 200, or an error from 400 to 599");

        setVariableValueToObject(mojo, "dynamodbStatus", 200);
        setVariableValueToObject(mojo, "dynamodbBody", "{bad");
        mojo.execute();
        assertThat(printed).anySatisfy(line -> assertThat(line)
                .startsWith("    ERROR EXM004 The example's dynamodbResponse body is not the JSON DynamoDB answers"));
        assertThat(printed).noneSatisfy(line -> assertThat(line).contains("EXM005"));
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void skipWinsOverAMissingOperationWhichIsOtherwiseAPlainMessage(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "operation", null);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Name the operation to render: -Dapigw.operation=");
        setVariableValueToObject(mojo, "skip", true);
        mojo.execute();
        assertThat(printed).containsExactly("apigw:render skipped (apigw.skip)");
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void deploymentValuesFillPlaceholdersAsInTheCheck(RenderMojo mojo) throws Exception {
        configure(mojo);
        Files.writeString(project.resolve("src/main/apigateway/api.yaml"), SPEC.replace("$stageVariables.table", "{{apigw:table}}"));
        setVariableValueToObject(mojo, "values", "table=Things");
        mojo.execute();
        assertThat(printed).contains("      \"TableName\": \"Things\",");
        assertThat(printed).noneSatisfy(line -> assertThat(line).contains("DDB004"));
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void anIgnoreEntryWithoutAReasonIsShownAsInTheCheck(RenderMojo mojo) throws Exception {
        configure(mojo);
        Files.writeString(project.resolve("src/main/apigateway/api.yaml"), SPEC.replace("      operationId: putItem\n",
                "      operationId: putItem\n      x-apigw-ignore: [{rules: [SEC001]}]\n"));
        mojo.execute();
        assertThat(printed).anySatisfy(line -> assertThat(line).contains("SPEC005"));
        // the finding it accepts is shown, as accepted: render explains what check does not count
        int accepted = printed.indexOf("== Accepted findings, not counted (1) ==");
        assertThat(accepted).isPositive();
        assertThat(printed.get(accepted + 1)).startsWith("    WARNING SEC001 Client input 'body $.id'");
        assertThat(printed.get(accepted + 3)).isEqualTo("        x-apigw-ignore without a reason");
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void anotherExamplesProblemIsNotThisRendersFinding(RenderMojo mojo) throws Exception {
        configure(mojo);
        Files.writeString(project.resolve("src/main/apigateway/api.yaml"), SPEC.replace("- name: one\n", "- name: one\n"
                + "          headers: {X-Undeclared: \"1\"}\n"));
        setVariableValueToObject(mojo, "example", "two");
        mojo.execute();
        assertThat(printed).noneSatisfy(line -> assertThat(line).contains("EXM003"));

        printed.clear();
        setVariableValueToObject(mojo, "example", "one");
        mojo.execute();
        assertThat(printed).anySatisfy(line -> assertThat(line).contains("EXM003"));
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void unknownOperationListsTheKnownOnes(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "operation", "GET /nope");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("No DynamoDB integration 'GET /nope' in 1 spec file; name one as METHOD /path or operationId: POST /items [putItem]");
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void anOperationOfTwoSpecFilesIsNotRenderedFromTheFirstSilently(RenderMojo mojo) throws Exception {
        configure(mojo);
        Files.writeString(project.resolve("src/main/apigateway/copy.yaml"), SPEC.replace("putItem", "putItemCopy"));
        setVariableValueToObject(mojo, "operation", "POST /items");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("'POST /items' names 2 DynamoDB integrations: POST /items [")
                .hasMessageContaining("api.yaml").hasMessageContaining("copy.yaml")
                .hasMessageEndingWith("name one by its operationId, or choose its file with -Dapigw.specs=<file>");
        // its operationId names one
        setVariableValueToObject(mojo, "operation", "putItemCopy");
        mojo.execute();
        assertThat(printed).anySatisfy(line -> assertThat(line).contains("putItemCopy"));
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void unknownExampleListsTheKnownOnes(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "operation", "putItem");
        setVariableValueToObject(mojo, "example", "three");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("No example 'three' for POST /items [putItem]; its examples: one, two");
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void aModuleWithoutDefinitionsInAReactorIsSkipped(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "basedir", project.resolve("aggregator").toFile());
        setVariableValueToObject(mojo, "baseline", project.resolve("aggregator/apigw-baseline.json").toFile());
        setVariableValueToObject(mojo, "session", sessionOf(2));
        mojo.execute();
        assertThat(printed).containsExactly("apigw:render: No API definitions in src/main/apigateway: nothing to render; skipped in this module");
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void inAReactorAModuleWithoutTheOperationIsSkippedAndTheBuildFailsOnlyWhenNoModuleHasIt(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "operation", "noSuchOperation");
        org.apache.maven.execution.MavenSession session = sessionOf(2);
        setVariableValueToObject(mojo, "session", session);
        mojo.execute(); // module-a: skipped, module-b may have it
        assertThat(printed).singleElement().asString().startsWith("apigw:render: No DynamoDB integration 'noSuchOperation' in 1 spec file")
                .endsWith("; skipped in this module");

        session.setCurrentProject(session.getProjects().get(1));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("No module of the build has a DynamoDB integration 'noSuchOperation': module-a: No DynamoDB"
                        + " integration 'noSuchOperation'")
                .hasMessageContaining("; module-b: No DynamoDB integration 'noSuchOperation'");

        // a module that skips the goal, or runs it twice, still counts once: the build fails when no module had it
        org.apache.maven.execution.MavenSession skipping = sessionOf(2);
        setVariableValueToObject(mojo, "session", skipping);
        setVariableValueToObject(mojo, "skip", true);
        mojo.execute();
        mojo.execute();
        setVariableValueToObject(mojo, "skip", false);
        skipping.setCurrentProject(skipping.getProjects().get(1));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("No module of the build has a DynamoDB integration 'noSuchOperation': module-b: No DynamoDB integration");

        // every module skipping: nothing looked, nothing fails
        org.apache.maven.execution.MavenSession allSkip = sessionOf(2);
        setVariableValueToObject(mojo, "session", allSkip);
        setVariableValueToObject(mojo, "skip", true);
        mojo.execute();
        allSkip.setCurrentProject(allSkip.getProjects().get(1));
        mojo.execute();
        setVariableValueToObject(mojo, "skip", false);

        // one module that has it is enough, whichever module reports last
        org.apache.maven.execution.MavenSession another = sessionOf(2);
        setVariableValueToObject(mojo, "session", another);
        setVariableValueToObject(mojo, "operation", "putItem");
        mojo.execute();
        another.setCurrentProject(another.getProjects().get(1));
        setVariableValueToObject(mojo, "operation", "noSuchOperation");
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void aProjectAloneWithoutDefinitionsIsAnErrorNamingWhereItLooked(RenderMojo mojo) throws Exception {
        configure(mojo);
        Files.createDirectories(project.resolve("src/empty"));
        setVariableValueToObject(mojo, "specs", List.of(new java.io.File("src/empty")));
        setVariableValueToObject(mojo, "session", sessionOf(1));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("No API definitions in src/empty: nothing to render");
    }

    @SuppressWarnings("deprecation")
    private static org.apache.maven.execution.MavenSession sessionOf(int projects) {
        org.apache.maven.execution.MavenSession session = new org.apache.maven.execution.MavenSession(null,
                new org.eclipse.aether.DefaultRepositorySystemSession(), new org.apache.maven.execution.DefaultMavenExecutionRequest(),
                new org.apache.maven.execution.DefaultMavenExecutionResult());
        List<org.apache.maven.project.MavenProject> all = new ArrayList<>();
        for (int i = 0; i < projects; i++) {
            org.apache.maven.project.MavenProject module = new org.apache.maven.project.MavenProject();
            module.setArtifactId("module-" + (char) ('a' + i));
            all.add(module);
        }
        session.setProjects(all);
        session.setCurrentProject(all.get(0));
        return session;
    }

    @Test
    @InjectMojo(goal = "render", pom = POM)
    void theRenderCanGoToAFileOrToStandardOutputForPiping(RenderMojo mojo) throws Exception {
        configure(mojo);
        setVariableValueToObject(mojo, "example", "two");
        setVariableValueToObject(mojo, "output", new File("target/render/two.txt"));
        mojo.execute();

        Path written = project.resolve("target/render/two.txt");
        assertThat(printed).containsExactly("apigw:render: written to " + written);
        assertThat(Files.readAllLines(written)).contains("== DynamoDB request ==", "      \"TableName\": \"Widgets\",");

        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        printed.clear();
        setVariableValueToObject(mojo, "output", null);
        setVariableValueToObject(mojo, "forceStdout", true);
        try {
            System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            mojo.execute();
        } finally {
            System.setOut(out);
        }
        assertThat(printed).isEmpty();
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines()).isEqualTo(Files.readAllLines(written));
    }

    private void configure(RenderMojo mojo) throws Exception {
        Path dir = project.resolve("src/main/apigateway");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("api.yaml"), SPEC);
        setVariableValueToObject(mojo, "basedir", project.toFile());
        setVariableValueToObject(mojo, "baseline", project.resolve("apigw-baseline.json").toFile()); // as Maven sets it
        setVariableValueToObject(mojo, "examplesDirectory", project.resolve("src/test/apigateway/examples").toFile());
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                printed.add(content.toString());
            }
        });
    }
}
