package io.github.apigwddb.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.apigwddb.dynamodb.schema.TableSchemaReader;
import io.github.apigwddb.dynamodb.schema.TableSchemas;

/**
 * Table-driven cases from {@code src/test/resources/dynamodb/cases/*.json}: each case names an action, a
 * request and the exact violations expected as {@code rule} + {@code path} (+ optional message fragment).
 * An empty {@code expect} means the request must produce no violation at all.
 */
class RequestCasesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DynamoDbRequestValidator VALIDATOR = new DynamoDbRequestValidator();

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        URL folder = RequestCasesTest.class.getResource("/dynamodb/cases");
        List<Arguments> arguments = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (JsonNode testCase : MAPPER.readTree(in)) {
                        arguments.add(Arguments.of(file.getFileName() + ": " + testCase.get("name").asText(), testCase));
                    }
                }
            }
        }
        return arguments.stream();
    }

    /** A case may name a table definition file under {@code /dynamodb/tables/} to validate against (DDB013). */
    private static TableSchemas tables(String file) {
        if (file == null) {
            return TableSchemas.NONE;
        }
        try {
            TableSchemas tables = new TableSchemaReader().read(List.of(Path.of(RequestCasesTest.class.getResource("/dynamodb/tables/" + file).toURI())));
            assertThat(tables.problems()).as("problems in %s", file).isEmpty();
            return tables;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesExactlyTheExpectedViolations(String name, JsonNode testCase) {
        List<RequestViolation> actual = VALIDATOR.validate(testCase.get("action").asText(), testCase.get("request"),
                tables(testCase.path("tables").asText(null)));

        List<String> expectedKeys = new ArrayList<>();
        for (JsonNode expected : testCase.get("expect")) {
            expectedKeys.add(expected.get("rule").asText() + " @ " + expected.path("path").asText(""));
        }
        List<String> actualKeys = actual.stream().map(v -> v.ruleId() + " @ " + v.path()).toList();
        assertThat(actualKeys).as("violations: %s", actual).containsExactlyInAnyOrderElementsOf(expectedKeys);

        for (JsonNode expected : testCase.get("expect")) {
            if (expected.has("message")) {
                String rule = expected.get("rule").asText();
                String path = expected.path("path").asText("");
                assertThat(actual)
                        .filteredOn(v -> v.ruleId().equals(rule) && v.path().equals(path))
                        .extracting(RequestViolation::message)
                        .as("message of %s at '%s'", rule, path)
                        .anySatisfy(message -> assertThat(message).contains(expected.get("message").asText()));
            }
            if (expected.has("messageIs")) {
                // the whole message, where what it leaves out matters (no suggestion)
                assertThat(actual).filteredOn(v -> v.ruleId().equals(expected.get("rule").asText()) && v.path().equals(expected.path("path").asText("")))
                        .extracting(RequestViolation::message).contains(expected.get("messageIs").asText());
            }
        }
    }
}
