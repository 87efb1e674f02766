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
