package io.github.apigwddb.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEntriesOfOperationsAndIntegrationsAndReportsIncompleteOnes() throws Exception {
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /items:
                    post:
                      x-apigw-ignore:
                        - rules: [AGW011]
                          reason: private API
                      x-amazon-apigateway-integration:
                        x-apigw-ignore:
                          - rules: [MAP012, NOPE001]
                    get:
                      x-apigw-ignore: {rules: [AGW011]}
                """);
        SuppressionReader.Result result = new SuppressionReader().read(spec);

        assertThat(result.suppressions()).hasSize(2);
        assertThat(result.suppressions().get(0).rules()).containsExactly(Rule.AGW011);
        assertThat(result.suppressions().get(0).reason()).isEqualTo("private API");
        assertThat(result.suppressions().get(1).rules()).containsExactly(Rule.MAP012);
        assertThat(result.suppressions().get(1).reason()).isNull();
        assertThat(result.problems()).extracting(Finding::rule).containsOnly(Rule.SPEC005);
        assertThat(result.problems()).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).startsWith("x-apigw-ignore names rule 'NOPE001', which does not exist"),
                m -> assertThat(m).startsWith("x-apigw-ignore entry for MAP012 gives no reason"),
                m -> assertThat(m).startsWith("x-apigw-ignore must be a list"));
        assertThat(result.problems().get(0).position().line()).isEqualTo(11);
    }

    /**
     * An operation written in another file has its entries there, as the check reads it, and an incomplete one is reported
     * there; a reference that leads nowhere costs the file's own entries nothing (review).
     */
    @Test
    void entriesOfAnOperationInAnotherFileCountAndAreReportedThere() throws Exception {
        Files.createDirectories(dir.resolve("paths"));
        Path orders = dir.resolve("paths/orders.yaml");
        Files.writeString(orders, """
                post:
                  x-apigw-ignore:
                    - rules: [SEC002]
                      reason: numbers only
                get:
                  x-apigw-ignore:
                    - rules: [AGW011]
                """);
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, """
                openapi: 3.0.1
                info: {title: t, version: "1"}
                paths:
                  /orders: {$ref: "paths/orders.yaml"}
                  /broken: {$ref: "paths/orders.yaml#post"}
                  /other:
                    get:
                      x-apigw-ignore: [{rules: [AGW006], reason: legacy}]
                """);
        SuppressionReader.Result result = new SuppressionReader().read(spec);

        assertThat(result.suppressions()).extracting(s -> s.method() + " " + s.path() + " " + s.rules())
                .containsExactly("POST /orders [SEC002]", "GET /orders [AGW011]", "GET /other [AGW006]");
        assertThat(result.suppressions()).allSatisfy(s -> assertThat(s.specFile()).isEqualTo(spec));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("x-apigw-ignore entry for AGW011 gives no reason");
            assertThat(p.position().file()).isEqualTo(orders.toAbsolutePath().normalize());
            assertThat(p.position().line()).isEqualTo(7);
        });
        // a file whose every $ref stays inside it is not parsed a second time for nothing
        assertThat(SuppressionReader.mayReferToOtherFiles("a: {$ref: '#/components/schemas/A'}\nb: {\"$ref\": \"#/x\"}")).isFalse();
        assertThat(SuppressionReader.mayReferToOtherFiles("a:\n  $ref: >-\n    other.yaml")).isTrue();
        assertThat(SuppressionReader.mayReferToOtherFiles("{\"$ref\" : \"paths.json\"}")).isTrue();
    }

    @Test
    void unreadableFileHasNoSuppressions() throws Exception {
        Path spec = dir.resolve("broken.json");
        Files.writeString(spec, "{");
        assertThat(new SuppressionReader().read(spec).suppressions()).isEmpty();
    }

    @Test
    void aKeySpelledWithEscapesIsReadAndAFileThatCannotHoldOneIsPassedOver() throws Exception {
        Path escaped = dir.resolve("escaped.json");
        Files.writeString(escaped, "{\"openapi\": \"3.0.1\", \"paths\": {\"/a\": {\"get\": {\"x-apigw-\\u0069gnore\":"
                + " [{\"rules\": [\"AGW011\"], \"reason\": \"private\"}]}}}}");
        assertThat(new SuppressionReader().read(escaped).suppressions()).singleElement()
                .satisfies(s -> assertThat(s.rules()).containsExactly(Rule.AGW011));

        assertThat(SuppressionReader.mayHold("{\"paths\": {\"/a\": {\"get\": {\"x\": \"say \\\"hi\\\"\\n\"}}}}")).isFalse();
        assertThat(SuppressionReader.mayHold("key: \"x-apigw-\\\n  ignore\"")).isTrue();
        assertThat(SuppressionReader.mayHold("key: \"\\x78-apigw-ignore\"")).isTrue();
        assertThat(SuppressionReader.mayHold("x-apigw-ignore: []")).isTrue();
    }
}
