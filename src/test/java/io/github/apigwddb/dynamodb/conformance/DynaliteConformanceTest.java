package io.github.apigwddb.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.apigwddb.dynamodb.DynamoDbRequestValidator;
import io.github.apigwddb.dynamodb.RequestViolation;
import io.github.apigwddb.dynamodb.schema.TableSchemaReader;
import io.github.apigwddb.dynamodb.schema.TableSchemas;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;

/**
 * Our verdict on each request of {@link ConformanceSuite} (any error-level violation, with the tables of
 * {@code conformance-tables.json}) against dynalite's (HTTP 400 or 200), dynalite running on loopback with those
 * tables created. Every disagreement must be a documented divergence ({@code dynalite-divergences.json}: where
 * dynalite is more lenient or stricter than DynamoDB, with evidence); a documented divergence that no longer
 * disagrees fails too, so the list stays true. Prints a summary line with the counts.
 */
@Tag("dynalite")
class DynaliteConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Errors DynamoDB raises only after validation passed (the request was accepted as well-formed). */
    private static final Set<String> RUNTIME_ERRORS = Set.of("ConditionalCheckFailedException");

    @Test
    void ourVerdictAgreesWithDynalite() throws Exception {
        String unavailable = DynaliteServer.unavailableReason();
        assumeTrue(unavailable == null, () -> "dynalite conformance skipped: " + unavailable);

        TableSchemas tables = new TableSchemaReader().read(List.of(resource("/dynamodb/tables/conformance-tables.json")));
        assertThat(tables.problems()).isEmpty();
        Map<String, JsonNode> divergences = divergences();
        List<ConformanceCase> cases = ConformanceSuite.build();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        assertThat(cases.stream().map(ConformanceCase::id).distinct().count()).as("case ids are unique").isEqualTo(cases.size());

        DynamoDbRequestValidator validator = new DynamoDbRequestValidator();
        List<String> disagreements = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        Set<String> divergent = new HashSet<>();
        Map<String, int[]> perAction = new TreeMap<>();
        int agree = 0;
        int rejected = 0;
        int sameMember = 0;
        try (DynaliteServer dynalite = new DynaliteServer()) {
            JsonNode definitions = JSON.readTree(resource("/dynamodb/tables/conformance-tables.json").toFile());
            for (JsonNode definition : definitions) {
                DynaliteServer.Answer created = dynalite.call("CreateTable", definition.toString());
                assertThat(created.status()).as("CreateTable %s: %s", definition.get("TableName"), created.body()).isEqualTo(200);
            }
            for (ConformanceCase c : cases) {
                List<RequestViolation> violations = validator.validate(c.action(), c.request(), tables);
                List<RequestViolation> errors = violations.stream().filter(DynaliteConformanceTest::isError).toList();
                DynaliteServer.Answer answer = dynalite.call(c.action(), c.request().toString());
                String theirMessage = message(answer);
                boolean theyReject = answer.status() != 200 && !RUNTIME_ERRORS.contains(errorType(answer));
                boolean weReject = !errors.isEmpty();
                int[] counts = perAction.computeIfAbsent(c.action(), a -> new int[3]);
                counts[0]++;
                if (weReject == theyReject) {
                    agree++;
                    counts[1]++;
                    if (theyReject) {
                        rejected++;
                        if (namesSameMember(errors, theirMessage)) {
                            sameMember++;
                        }
                    }
                    continue;
                }
                String line = c.id() + ": we " + (weReject ? "reject " + errors : "accept") + "; dynalite "
                        + answer.status() + " " + answer.body();
                if (divergences.containsKey(c.id())) {
                    divergent.add(c.id());
                    counts[2]++;
                    recorded.add(line);
                } else {
                    disagreements.add(line);
                }
            }
        }
        Set<String> stale = new HashSet<>(divergences.keySet());
        stale.removeAll(divergent);

        StringBuilder breakdown = new StringBuilder();
        perAction.forEach((action, n) -> breakdown.append(' ').append(action).append(' ').append(n[1]).append('/').append(n[0]));
        System.out.println("dynalite conformance: " + cases.size() + " requests, " + agree + " agree, " + recorded.size()
                + " documented divergences, " + disagreements.size() + " disagree; of " + rejected
                + " rejected by both, " + sameMember + " with our message naming the member or quoting dynalite's;"
                + breakdown);
        recorded.forEach(line -> System.out.println("  divergence " + line));

        assertThat(disagreements).as("verdicts that differ from dynalite and are not documented divergences").isEmpty();
        assertThat(stale).as("documented divergences where we now agree with dynalite (remove them)").isEmpty();
    }

    private static boolean isError(RequestViolation violation) {
        return Rule.byId(violation.ruleId()).map(Rule::defaultSeverity).orElse(Severity.ERROR) == Severity.ERROR;
    }

    /**
     * Whether one of our messages quotes dynalite's (less DynamoDB's {@code 1 validation error detected: } lead-in),
     * or dynalite's names the member our violation is at (in DynamoDB's lower-camel form or as written).
     */
    static boolean namesSameMember(List<RequestViolation> ours, String theirs) {
        if (theirs == null) {
            return false;
        }
        String core = theirs.replaceFirst("^\\d+ validation errors? detected: ", "");
        for (RequestViolation v : ours) {
            if (v.message().contains(core) || core.contains(v.message())) {
                return true;
            }
            String[] parts = v.path().split("[.\\[]");
            String last = parts[parts.length - 1];
            String top = parts[0];
            for (String member : List.of(top, last)) {
                if (member.isEmpty()) {
                    continue;
                }
                String camel = Character.toLowerCase(member.charAt(0)) + member.substring(1);
                if (core.contains(member) || core.contains(camel)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String message(DynaliteServer.Answer answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            JsonNode message = body.has("message") ? body.get("message") : body.get("Message");
            return message == null ? null : message.asText();
        } catch (Exception e) {
            return null;
        }
    }

    private static String errorType(DynaliteServer.Answer answer) {
        try {
            String type = JSON.readTree(answer.body()).path("__type").asText("");
            return type.substring(type.indexOf('#') + 1);
        } catch (Exception e) {
            return "";
        }
    }

    private static Map<String, JsonNode> divergences() throws Exception {
        Map<String, JsonNode> byCase = new LinkedHashMap<>();
        try (InputStream in = DynaliteConformanceTest.class.getResourceAsStream("/dynamodb/dynalite-divergences.json")) {
            for (JsonNode divergence : JSON.readTree(in)) {
                assertThat(divergence.path("reason").asText()).as("reason of %s", divergence.get("id")).isNotBlank();
                assertThat(divergence.path("evidence").asText()).as("evidence of %s", divergence.get("id")).isNotBlank();
                for (JsonNode caseId : divergence.get("cases")) {
                    byCase.put(caseId.asText(), divergence);
                }
            }
        }
        return byCase;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DynaliteConformanceTest.class.getResource(name).toURI());
    }

}
