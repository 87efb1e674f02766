package io.github.apigwddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleCollectorTest {

    @TempDir
    Path dir;

    @Test
    void aSidecarFileThatIsNotUtf8SaysWhichByteAndWhere() throws Exception {
        Files.write(sidecars().resolve("op.yaml"), new byte[] {'-', ' ', 'n', 'a', 'm', 'e', ':', ' ', 'a', '\n', ' ', ' ', 'b', (byte) 0xFF});

        assertThat(collect().problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.EXM004);
            assertThat(p.message()).isEqualTo("Example file is not UTF-8 text: byte 0xFF cannot start or continue a UTF-8 character;"
                    + " save the file as UTF-8");
            assertThat(p.position().line()).isEqualTo(2);
            assertThat(p.position().column()).isEqualTo(4);
        });
    }

    @Test
    void aTruncatedSidecarFileSaysWhereWithoutJacksonInternals() throws Exception {
        Files.writeString(sidecars().resolve("op.json"), "[{\"name\": \"a\", \"body\": {\"id\": 1}");

        assertThat(collect().problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.EXM004);
            assertThat(p.message()).isEqualTo("Example file is not valid JSON: Unexpected end-of-input: expected close marker"
                    + " for Object (start marker at line 1, column 2)");
        });
    }

    private Path sidecars() throws Exception {
        return Files.createDirectories(dir.resolve("examples"));
    }

    private ExampleSet collect() throws Exception {
        Path spec = Files.writeString(dir.resolve("api.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n"
                + "  /items:\n    post:\n      operationId: op\n      responses: {'200': {description: ok}}\n"
                + "      x-amazon-apigateway-integration: {type: aws, uri: 'arn:aws:apigateway:eu-west-1:dynamodb:action/PutItem'}\n");
        LoadedSpec loaded = new SpecLoader().load(spec).spec();
        ExampleSet set = new ExampleCollector(dir.resolve("examples")).collect(loaded, IntegrationExtractor.operations(loaded.root()).get(0));
        return new ExampleSet(set.examples(), set.problems().stream().filter(p -> p.rule() != Rule.EXM002).toList());
    }
}
