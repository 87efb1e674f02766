package io.github.apigwddb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.gate.FindingFingerprint;
import io.github.apigwddb.gate.SuppressedFinding;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import io.github.apigwddb.rules.SourcePosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SARIF report is valid SARIF 2.1.0 and carries what GitHub code scanning reads. */
class SarifSchemaTest {

    @TempDir
    Path repo;

    @Test
    void reportWithFindingsAndSuppressionsIsValidSarif() throws Exception {
        Path spec = repo.resolve("api/items api.yaml");
        Finding error = new Finding(Rule.AGW006, Severity.ERROR, "httpMethod is GET", new SourcePosition(spec, 12, 9),
                new OperationRef("get", "/items/{id}", "getItem"), null);
        Finding inSource = new Finding(Rule.AGW011, Severity.WARNING, "passthrough", new SourcePosition(spec, 20, 7),
                new OperationRef("post", "/items", null), "create");
        Finding baselined = new Finding(Rule.SPEC002, Severity.WARNING, "structure", SourcePosition.startOf(spec), null, null);
        Path sarif = repo.resolve("target/apigw/apigw.sarif");

        new SarifWriter("1.0", repo, "apigw/com.example:orders").write(List.of(error), List.of(
                new SuppressedFinding(inSource, SuppressedFinding.Kind.IN_SOURCE, "private API"),
                new SuppressedFinding(baselined, SuppressedFinding.Kind.BASELINE, "Accepted in the baseline apigw-baseline.json")), sarif);

        assertThat(SarifSchema.violations(sarif)).isEmpty();
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).path("runs").path(0);
        // code scanning keeps one analysis per category: each module of a reactor has its own
        assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("apigw/com.example:orders/");
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).extracting(r -> r.path("id").asText()).containsExactly("SPEC002", "AGW006", "AGW011");
        assertThat(rules.path(1).path("fullDescription").path("text").asText()).isEqualTo(Rule.AGW006.description());
        assertThat(rules.path(1).path("help").path("text").asText()).endsWith(Rule.AGW006.docsUrl());
        JsonNode results = run.path("results");
        assertThat(results).hasSize(3);
        JsonNode agw006 = results.findParents("ruleId").stream().filter(r -> r.path("ruleId").asText().equals("AGW006")).findFirst().orElseThrow();
        assertThat(agw006.path("partialFingerprints").path(FindingFingerprint.SARIF_KEY).asText()).isEqualTo(FindingFingerprint.of(error));
        assertThat(agw006.has("suppressions")).isFalse();
        assertThat(agw006.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("api/items%20api.yaml");
        JsonNode agw011 = results.findParents("ruleId").stream().filter(r -> r.path("ruleId").asText().equals("AGW011")).findFirst().orElseThrow();
        assertThat(agw011.path("suppressions").path(0).path("kind").asText()).isEqualTo("inSource");
        assertThat(agw011.path("suppressions").path(0).path("justification").asText()).isEqualTo("private API");
        JsonNode spec002 = results.findParents("ruleId").stream().filter(r -> r.path("ruleId").asText().equals("SPEC002")).findFirst().orElseThrow();
        assertThat(spec002.path("suppressions").path(0).path("kind").asText()).isEqualTo("external");
    }

    @Test
    void theSchemaRejectsWhatIsNotSarif() throws Exception {
        Path broken = repo.resolve("broken.sarif");
        Files.writeString(broken, "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"level\": \"fatal\"}]}]}");
        assertThat(SarifSchema.violations(broken)).isNotEmpty();
    }
}
