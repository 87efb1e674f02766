package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.report.ConsoleFormat;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API definitions of the corpus (copied byte for byte from their repositories, see the
 * manifest) are all read without a crash, and known true findings stay found.
 */
class CorpusTest {

    @Test
    void everyFileIsReadAndTheKnownFindingsAreThere() throws Exception {
        List<Path> files = corpusFiles();
        assertThat(files).hasSize(20);

        CheckResult result = new CheckEngine().run(new CheckRequest(files, null, Map.of(), 2), CheckLog.SILENT);

        if (Boolean.getBoolean("apigw.corpus.print")) {
            result.findings().forEach(f -> System.out.println(f.severity() + " " + ConsoleFormat.line(f)));
        }
        // Nothing crashed: a file either parsed or is a SPEC001 finding; none of these is malformed.
        assertThat(result.findings()).noneMatch(f -> f.rule() == Rule.SPEC001 || f.rule() == Rule.DDB000);
        assertThat(result.integrationsChecked()).isGreaterThanOrEqualTo(40);
        // Each of the 65 $refs in 9 of these files resolves (checked by hand): none is a dangling reference.
        assertThat(result.findings()).noneMatch(f -> f.rule() == Rule.SPEC004);
        // no finding is said twice: the same rule, place, message, operation and example
        assertThat(result.findings()).doesNotHaveDuplicates();

        // Fn::Sub templates render with CloudFormation's substitutions: their TableName is not lost.
        assertThat(result.findings()).noneMatch(f -> f.rule() == Rule.DDB004 && f.message().contains("Value ''"));
        // 020 and 023 are Terraform templatefile inputs: ${var} placeholders are said once (info), never broken templates.
        assertThat(findings(result, "020-", Rule.VTL002)).isEmpty();
        assertThat(findings(result, "020-", Rule.CFN005)).hasSize(3);
        assertThat(findings(result, "023-", Rule.CFN005)).isNotEmpty();
        // 018: ${TTL} of Fn::Sub inside #set(...) still parses, and stands for a number: without the optional
        // body member ttl the template adds it to a time, which must not turn into an invalid number.
        assertThat(findings(result, "018-", Rule.VTL001)).isEmpty();
        assertThat(findings(result, "018-", Rule.VTL009)).isEmpty();
        assertThat(findings(result, "018-", Rule.CFN005)).anySatisfy(f -> assertThat(f.message()).contains("${TTL}", "${LinkTable}"));
        // 024 is AWS::Include'd: its basePath {Ref: apiStage} is CloudFormation's to fill in, not a wrong type.
        assertThat(findings(result, "024-", Rule.SPEC002)).noneMatch(f -> f.message().contains("basePath"));
        // 003: when_no_match on every operation lets raw client bodies through to DynamoDB.
        assertThat(findings(result, "003-", Rule.AGW011)).hasSize(5);
        // 014: integration responses keyed "200" with no default: DynamoDB's 400 ends in a configuration error (500); those
        // keyed "200" and "400" leave only 5xx to it, a server error either way
        assertThat(findings(result, "014-", Rule.MAP006)).hasSize(2);
        // 023 ("200", "4\d{2}", "5\d{2}") and 025 ("200", "400", "5\d{2}"): every DynamoDB status has a response.
        assertThat(findings(result, "023-", Rule.MAP006)).isEmpty();
        assertThat(findings(result, "025-", Rule.MAP006)).isEmpty();
        // 017, 018: responseOverride.status to a status the method does not declare works in API Gateway.
        assertThat(result.findings()).noneMatch(f -> f.rule() == Rule.MAP007);
        // 014: the 400 response's template sits directly under the response, not under responseTemplates.
        assertThat(findings(result, "014-", Rule.AGW017)).singleElement().extracting(Finding::message).asString()
                .contains("'application/json'").contains("belongs under responseTemplates");
        // 023: 'message' is no member of an integration response.
        assertThat(findings(result, "023-", Rule.AGW017)).hasSize(4).allSatisfy(f -> assertThat(f.message()).contains("'message'"));
        // 024 (Swagger 2): DynamoDB errors come back with status 200.
        assertThat(findings(result, "024-", Rule.MAP010)).isNotEmpty();
        // 005, 006, 030: methods without a body schema are made up from what their templates read, not left empty
        // (an empty body gave "" for numbers, keys and index keys)
        for (String file : new String[] {"005-", "006-", "030-"}) {
            for (Rule rule : new Rule[] {Rule.DDB007, Rule.DDB009, Rule.DDB013}) {
                assertThat(findings(result, file, rule)).as(file + " " + rule).isEmpty();
            }
        }
        // 017: the made-up UpdateItem answer holds the attributes its UpdateExpression SETs, so the response is JSON.
        assertThat(findings(result, "017-", Rule.RSP003)).isEmpty();
    }

    private static List<Finding> findings(CheckResult result, String filePrefix, Rule rule) {
        return result.findings().stream()
                .filter(f -> f.position().file().getFileName().toString().startsWith(filePrefix) && f.rule() == rule)
                .toList();
    }

    static List<Path> corpusFiles() throws URISyntaxException, IOException {
        Path dir = Path.of(CorpusTest.class.getResource("/corpus/real-world").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().equals("manifest.json")).sorted().toList();
        }
    }
}
