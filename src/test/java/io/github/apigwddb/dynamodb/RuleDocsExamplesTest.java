package io.github.apigwddb.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.apigwddb.dynamodb.schema.TableSchemaReader;
import io.github.apigwddb.dynamodb.schema.TableSchemas;

/** The failing example of each DDB/DDX docs page gets its rule, the passing example does not. */
class RuleDocsExamplesTest {

    /** DDX011's example is abbreviated (101 operands do not fit a page); its fixtures are in ddx011-limits.json. */
    private static final List<String> ABBREVIATED = List.of("DDX011.md");
    private static final Pattern EXAMPLE = Pattern.compile("Action `(\\w+)`, rendered request:\\s*```json\\n(.*?)\\n```", Pattern.DOTALL);

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs", "rules"))) {
            return files.filter(f -> f.getFileName().toString().matches("DD[BX]\\d{3}\\.md"))
                    .filter(f -> !ABBREVIATED.contains(f.getFileName().toString())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void failingExampleFailsAndPassingExamplePasses(Path page) throws IOException, URISyntaxException {
        String rule = page.getFileName().toString().replace(".md", "");
        Matcher m = EXAMPLE.matcher(Files.readString(page));
        List<List<String>> found = new ArrayList<>();
        while (m.find()) {
            found.add(new ArrayList<>(List.of(m.group(1), m.group(2))));
        }
        assertThat(found).as("failing and passing example").hasSize(2);
        TableSchemas tables = new TableSchemaReader().read(List.of(Path.of(getClass().getResource("/dynamodb/tables/conformance-tables.json").toURI())));
        DynamoDbRequestValidator validator = new DynamoDbRequestValidator();
        ObjectMapper json = new ObjectMapper();
        List<RequestViolation> failing = validator.validate(found.get(0).get(0), json.readTree(found.get(0).get(1)), tables);
        List<RequestViolation> passing = validator.validate(found.get(1).get(0), json.readTree(found.get(1).get(1)), tables);
        assertThat(failing).as("failing example").extracting(RequestViolation::ruleId).contains(rule);
        assertThat(passing).as("passing example").extracting(RequestViolation::ruleId).doesNotContain(rule);
    }
}
