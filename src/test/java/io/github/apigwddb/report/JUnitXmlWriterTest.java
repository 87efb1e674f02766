package io.github.apigwddb.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.gate.Baseline;
import io.github.apigwddb.gate.Gate;
import io.github.apigwddb.gate.RuleSettings;
import io.github.apigwddb.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The JUnit report stays well-formed XML, whatever the names in the definition hold. */
class JUnitXmlWriterTest {

    @TempDir
    Path dir;

    @Test
    void controlCharactersInNamesAreReplacedSoTheReportStaysXml() throws Exception {
        Path spec = dir.resolve("api.json");
        Files.writeString(spec, """
                {"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"/t": {"post": {
                  "operationId": "op\\u0001\\u001b[31mRED]]>",
                  "x-apigw-examples": [{"name": "ex\\u000b]]><x/>", "body": {}}],
                  "responses": {"200": {"description": "ok"}},
                  "x-amazon-apigateway-integration": {"type": "aws", "httpMethod": "GET",
                    "uri": "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem",
                    "credentials": "arn:aws:iam::123456789012:role/r", "passthroughBehavior": "never",
                    "requestTemplates": {"application/json": "{\\"TableName\\": \\"Items\\", \\"Item\\": {\\"id\\": {\\"S\\": \\"1\\"}}}"},
                    "responses": {"default": {"statusCode": "200"}}}}}}}
                """);
        CheckResult result = new CheckEngine().run(new CheckRequest(List.of(spec), dir.resolve("none"), Map.of(), 1), CheckLog.SILENT);
        Path report = dir.resolve("TEST-apigw.xml");

        new JUnitXmlWriter(dir, "apigw api").write(result, new Gate(RuleSettings.defaults(), Baseline.empty(dir), "b.json").apply(result),
                Severity.WARNING, report);

        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("apigw api");
        assertThat(((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("classname")).isEqualTo("api_json");
        assertThat(((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("file")).isEqualTo("api.json");
        assertThat(((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("name"))
                .isEqualTo("POST /t [op\uFFFD\uFFFD[31mRED]]>]");
    }

    @Test
    void aSpecFilesPathIsAClassNameDashboardsSplitAtTheDirectory() {
        // Jenkins takes what comes before the last dot as the package: the directory, not "mod-d/src/main/apigateway/broken-api"
        assertThat(JUnitXmlWriter.dotted("mod-d/src/main/apigateway/broken-api.json")).isEqualTo("mod-d.src.main.apigateway.broken-api_json");
        assertThat(JUnitXmlWriter.dotted("api.v2/items.api.yaml")).isEqualTo("api_v2.items_api_yaml");
        assertThat(JUnitXmlWriter.dotted("api.json")).isEqualTo("api_json");
        assertThat(JUnitXmlWriter.dotted("/other/x/api.yaml")).isEqualTo("other.x.api_yaml");
        assertThat(JUnitXmlWriter.dotted("../shared/api.yaml")).isEqualTo("shared.api_yaml");
    }

    @Test
    void textWithoutForbiddenCharactersIsKeptAsItIs() {
        String text = "tab\tline\nemoji \uD83D\uDE00 and é";
        assertThat(JUnitXmlWriter.xmlText(text)).isSameAs(text);
        assertThat(JUnitXmlWriter.xmlText("lone \uD800 surrogate \uFFFF")).isEqualTo("lone \uFFFD surrogate \uFFFD");
    }
}
