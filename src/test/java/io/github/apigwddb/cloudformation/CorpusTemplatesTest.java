package io.github.apigwddb.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SAM/CloudFormation templates of the shared real-world corpus: read, their integrations found. */
class CorpusTemplatesTest {

    /** The corpus copied into the test resources, byte for byte (see its manifest.json). */
    private static final Path CORPUS = corpus();

    private static Path corpus() {
        try {
            return Path.of(CorpusTemplatesTest.class.getResource("/corpus/real-world").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "005-aws-samples-serverless-patterns-template.yml, 2",
        "006-aws-samples-serverless-patterns-template.yaml, 1",
        "007-aws-samples-serverless-patterns-template.yaml, 2",
        "025-igorlg-sample-api-gateway-dynamodb-template.yaml, 1",
        "029-aws-samples-serverless-samples-template.yaml, 2",
        "030-awslabs-aws-solutions-constructs-apiddb-apigateway-dynamodb-CRUD.template.json, 4",
        "031-awslabs-aws-solutions-constructs-apiddb-additional-request-templates.template.json, 1",
    })
    void readsTemplate(String name, int integrations) {
        Path file = CORPUS.resolve(name);
        assertThat(file).isRegularFile();
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(file), CORPUS.resolve("none"), Map.of(), 1), CheckLog.SILENT);
        if (Boolean.getBoolean("apigw.corpus.print")) {
            System.out.println("== " + name + ": " + result.integrationsChecked() + " integrations, " + result.examplesRendered() + " examples");
            for (Finding f : result.findings()) {
                System.out.println(f.position().line() + ":" + f.position().column() + " " + f.severity() + " " + f.rule() + " " + f.message()
                        + (f.operation() == null ? "" : " (" + f.operation().display() + ")") + (f.example() == null ? "" : " ex " + f.example()));
            }
        }
        assertThat(result.integrationsChecked()).isEqualTo(integrations);
        // Every API of the template is read: none is unreadable (007 and 029 are WebSocket APIs: their DynamoDB routes count)
        assertThat(result.findings()).extracting(Finding::rule).doesNotContain(Rule.CFN001, Rule.CFN008);
    }
}
