package io.github.apigwddb.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.apigwddb.rules.Rule;

/**
 * Every DDB/DDX rule the validator reports has, in {@code src/test/resources/dynamodb/cases/}, an invalid fixture
 * (a case expecting it) and a valid fixture (a case expecting nothing, in a file named for the rule, such as
 * {@code ddx008-009-010-….json} for DDX008, DDX009 and DDX010), and a docs page {@code docs/rules/<ID>.md}.
 */
class RuleFixtureCoverageTest {

    /**
     * Not request rules with fixtures: the internal-error id, the IAM rule (judged on a role, RolePermissionCheckTest),
     * and the client-array rule (judged on a template's renders, RenderChecksTest).
     */
    private static final Set<Rule> WITHOUT_FIXTURES = Set.of(Rule.DDB000, Rule.DDB014, Rule.DDB015);

    @Test
    void everyDynamoDbRuleHasAValidAndAnInvalidFixtureAndADocsPage() throws IOException, URISyntaxException {
        Set<String> invalid = new HashSet<>();
        Set<String> valid = new HashSet<>();
        Path folder = Path.of(getClass().getResource("/dynamodb/cases").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                List<String> rulesOfFile = rulesNamedBy(file.getFileName().toString());
                for (JsonNode testCase : new ObjectMapper().readTree(file.toFile())) {
                    if (testCase.get("expect").isEmpty()) {
                        valid.addAll(rulesOfFile);
                    }
                    testCase.get("expect").forEach(e -> invalid.add(e.get("rule").asText()));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            if (!(rule.id().startsWith("DDB") || rule.id().startsWith("DDX")) || WITHOUT_FIXTURES.contains(rule)) {
                continue;
            }
            if (!invalid.contains(rule.id())) {
                missing.add(rule.id() + " has no invalid fixture");
            }
            if (!valid.contains(rule.id())) {
                missing.add(rule.id() + " has no valid fixture");
            }
            if (!Files.isRegularFile(Path.of("docs", "rules", rule.id() + ".md"))) {
                missing.add(rule.id() + " has no docs/rules/" + rule.id() + ".md");
            }
        }
        assertThat(missing).isEmpty();
    }

    /** {@code ddx008-009-010-update.json} → DDX008, DDX009, DDX010. */
    private static List<String> rulesNamedBy(String fileName) {
        String[] parts = fileName.split("-");
        String prefix = parts[0].replaceAll("[0-9]", "").toUpperCase(Locale.ROOT);
        List<String> rules = new ArrayList<>();
        rules.add(parts[0].toUpperCase(Locale.ROOT));
        Arrays.stream(parts).skip(1).takeWhile(p -> p.matches("[0-9]{3}")).forEach(n -> rules.add(prefix + n));
        return rules;
    }
}
