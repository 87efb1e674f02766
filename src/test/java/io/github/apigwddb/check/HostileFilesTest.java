package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile files, generated here: each ends in a clear finding with its file and a position, never
 * an exception, a hang or a blown heap, and the good file checked in the same run keeps all its findings.
 * The time bound is a hang guard, not a performance assertion.
 */
class HostileFilesTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    /** A good definition with known findings (the seed's injectable PutItem). */
    private Path goodFile() throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, """
                swagger: "2.0"
                info: {title: good, version: "1"}
                paths:
                  /items:
                    post:
                      operationId: putItem
                      x-apigw-examples:
                        - name: create
                          body: {"id": "42", "name": "w1"}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                        credentials: arn:aws:iam::123456789012:role/ddb
                        passthroughBehavior: never
                        requestTemplates:
                          application/json: |
                            {"TableName": "Items", "Item": {
                              "id": {"S": "$input.path('$.id')"},
                              "name": {"S": "$input.path('$.name')"}}}
                        responses:
                          default: {statusCode: "200"}
                      responses:
                        "200": {description: ok}
                """);
        return good;
    }

    record Hostile(String name, String fileName, Writer0 content, Rule expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Writer0 {
        void write(Path file) throws IOException;
    }

    static Stream<Arguments> hostileFiles() {
        List<Hostile> cases = new ArrayList<>();
        cases.add(new Hostile("truncated JSON", "truncated.json",
                f -> Files.writeString(f, "{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {\"/a\": {\"get\": {"),
                Rule.SPEC001));
        cases.add(new Hostile("truncated YAML", "truncated.yaml",
                f -> Files.writeString(f, "openapi: 3.0.1\ninfo:\n  title: \"t\n  version: 1\n"), Rule.SPEC001));
        cases.add(new Hostile("invalid YAML indentation", "indent.yaml",
                f -> Files.writeString(f, "openapi: 3.0.1\npaths:\n  /a:\n    get: {}\n   post: {}\n"), Rule.SPEC001));
        cases.add(new Hostile("invalid JSON", "invalid.json",
                f -> Files.writeString(f, "{\"openapi\": \"3.0.1\",, \"paths\": {}}"), Rule.SPEC001));
        cases.add(new Hostile("duplicate keys", "duplicates.yaml",
                f -> Files.writeString(f, "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\npaths: {}\n"), Rule.SPEC002));
        cases.add(new Hostile("YAML alias bomb", "bomb.yaml", HostileFilesTest::aliasBomb, Rule.SPEC001));
        cases.add(new Hostile("10,000-deep JSON", "deep.json",
                f -> Files.writeString(f, "{\"openapi\": \"3.0.1\", \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"), Rule.SPEC001));
        cases.add(new Hostile("10,000-deep YAML", "deep.yaml",
                f -> Files.writeString(f, "openapi: 3.0.1\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"), Rule.SPEC001));
        cases.add(new Hostile("50 MB spec", "huge.json", HostileFilesTest::hugeSpec, Rule.SPEC001));
        cases.add(new Hostile("binary file", "binary.yaml", f -> {
            byte[] bytes = new byte[4096];
            new Random(42).nextBytes(bytes);
            Files.write(f, bytes);
        }, Rule.SPEC001));
        cases.add(new Hostile("NUL bytes in ASCII", "nul.json", f -> Files.writeString(f, "{\"openapi\": \"3.0.1\u0000\"}"), Rule.SPEC001));
        cases.add(new Hostile("Latin-1 text", "latin1.yaml",
                f -> Files.write(f, "openapi: 3.0.1\ninfo: {title: caf\u00e9, version: '1'}\n".getBytes(StandardCharsets.ISO_8859_1)),
                Rule.SPEC001));
        cases.add(new Hostile("empty file", "empty.json", f -> Files.writeString(f, ""), null));
        cases.add(new Hostile("CloudFormation with unknown tags", "stack.yaml", f -> Files.writeString(f, """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Body: !NoSuchTag {openapi: 3.0.1}
                      Name: !Sub "${AWS::StackName}-api"
                      Other: !GetAtt Role.Arn
                      Weird: !!python/object:os.system "echo"
                """), null));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void aHostileFileGivesAFindingAndTheGoodFileIsStillChecked(Hostile hostile) throws Exception {
        Path good = goodFile();
        Set<String> goodAlone = describe(check(List.of(good)).findings());
        assertThat(goodAlone).anyMatch(f -> f.startsWith("SEC001"));

        Path bad = dir.resolve(hostile.fileName());
        hostile.content().write(bad);
        CheckResult result = assertTimeoutPreemptively(HANG_GUARD, () -> check(List.of(bad, good)));

        List<Finding> onBad = result.findings().stream().filter(f -> f.position().file().equals(bad)).toList();
        if (hostile.expected() != null) {
            assertThat(onBad).as("findings on %s", hostile).anySatisfy(f -> {
                assertThat(f.rule()).isEqualTo(hostile.expected());
                assertThat(f.position().line()).isPositive();
                assertThat(f.position().column()).isPositive();
            });
        }
        assertThat(onBad).allSatisfy(f -> assertThat(f.message())
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\n"));
        List<Finding> onGood = result.findings().stream().filter(f -> f.position().file().equals(good)).toList();
        assertThat(describe(onGood)).isEqualTo(goodAlone);
    }

    @Test
    void syntaxErrorsPointAtTheirLine() throws Exception {
        Path bad = dir.resolve("indent.yaml");
        Files.writeString(bad, "openapi: 3.0.1\npaths:\n  /a:\n    get: {}\n   post: {}\n");
        assertThat(check(List.of(bad)).findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SPEC001);
            assertThat(f.position().line()).isEqualTo(5);
        });
    }

    @Test
    void nonUtf8TextIsReportedWhereTheFirstBadByteIs() throws Exception {
        Path bad = dir.resolve("latin1.yaml");
        Files.write(bad, "openapi: 3.0.1\ninfo: {title: caf\u00e9, version: '1'}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(check(List.of(bad)).findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SPEC001);
            assertThat(f.message()).contains("UTF-8");
            assertThat(f.position().line()).isEqualTo(2);
            assertThat(f.position().column()).isEqualTo(18);
        });
    }

    @Test
    void referencesToUrlsAndOutsideFilesAreNeverFollowed() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "type: object\nproperties: {stolen: {type: string, example: from-the-network}}\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path project = Files.createDirectories(dir.resolve("project"));
            Files.writeString(dir.resolve("outside.yaml"), "Thing:\n  type: object\n  properties: {secret: {type: string, example: from-outside}}\n");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/schema.yaml";
            Path spec = project.resolve("api.yaml");
            Files.writeString(spec, """
                    openapi: 3.0.1
                    info: {title: refs, version: "1"}
                    paths:
                      /items:
                        post:
                          requestBody:
                            content:
                              application/json:
                                schema: {$ref: "%s"}
                          x-amazon-apigateway-integration:
                            type: aws
                            httpMethod: POST
                            uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
                            credentials: arn:aws:iam::123456789012:role/ddb
                            passthroughBehavior: never
                            requestTemplates:
                              application/json: '{"TableName": "T", "Item": {"id": {"S": "$context.requestId"}}}'
                            responses:
                              default: {statusCode: "200"}
                          responses:
                            "200": {description: ok}
                        put:
                          requestBody:
                            content:
                              application/json:
                                schema: {$ref: "../outside.yaml#/Thing"}
                          responses:
                            "200": {description: ok}
                    """.formatted(url));

            CheckResult result = assertTimeoutPreemptively(HANG_GUARD, () -> check(List.of(spec)));

            assertThat(hits).as("requests made to the URL in $ref").hasValue(0);
            assertThat(result.cases()).noneMatch(c -> c.renderedRequest() != null
                    && (c.renderedRequest().contains("from-the-network") || c.renderedRequest().contains("from-outside")));
            assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.SPEC004).singleElement().satisfies(f -> {
                assertThat(f.message()).contains(url).contains("not followed");
                assertThat(f.position().line()).isEqualTo(9);
            });
        } finally {
            server.stop(0);
        }
    }

    @Test
    void templatesAtTheLimitRenderAndTemplatesOverItAreVtl007() throws Exception {
        int limit = 300 * 1024;
        Path atLimit = templateSpec("at-limit.json", limit);
        Path overLimit = templateSpec("over-limit.json", limit + 1);

        CheckResult result = assertTimeoutPreemptively(HANG_GUARD, () -> check(List.of(atLimit, overLimit)));

        assertThat(result.findings()).filteredOn(f -> f.position().file().equals(atLimit)).noneMatch(f -> f.rule() == Rule.VTL007);
        assertThat(result.findings()).filteredOn(f -> f.position().file().equals(overLimit))
                .anySatisfy(f -> {
                    assertThat(f.rule()).isEqualTo(Rule.VTL007);
                    assertThat(f.position().line()).isPositive();
                });
    }

    /** A spec whose request template is exactly {@code bytes} UTF-8 bytes long, padded with a VTL comment. */
    private Path templateSpec(String name, int bytes) throws IOException {
        String head = "{\"TableName\": \"T\", \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.params('id'))\"}}}\n## ";
        String template = head + "x".repeat(bytes - head.length());
        assertThat(template.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        String escaped = template.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        Path file = dir.resolve(name);
        Files.writeString(file, """
                {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/items/{id}": {"get": {
                  "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}],
                  "x-apigw-examples": [{"name": "one", "path": {"id": "1"}}],
                  "x-amazon-apigateway-integration": {"type": "aws", "httpMethod": "POST",
                    "uri": "arn:aws:apigateway:us-east-1:dynamodb:action/GetItem",
                    "credentials": "arn:aws:iam::123456789012:role/ddb", "passthroughBehavior": "never",
                    "requestTemplates": {"application/json": "%s"},
                    "responses": {"default": {"statusCode": "200"}}},
                  "responses": {"200": {"description": "ok"}}}}}}
                """.formatted(escaped));
        return file;
    }

    private static void aliasBomb(Path file) throws IOException {
        StringBuilder yaml = new StringBuilder("openapi: 3.0.1\na0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        Files.writeString(file, yaml);
    }

    /** 50 MB of valid JSON: an OpenAPI document with one enormous description. */
    private static void hugeSpec(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"t\", \"version\": \"1\", \"description\": \"");
            char[] chunk = "0123456789abcdef".repeat(4096).toCharArray();
            for (int i = 0; i < 50 * 1024 * 1024 / chunk.length; i++) {
                out.write(chunk);
            }
            out.write("\"}, \"paths\": {}}");
        }
    }

    private CheckResult check(List<Path> files) {
        return new CheckEngine().run(new CheckRequest(files, dir.resolve("no-examples"), Map.of(), 1), CheckLog.SILENT);
    }

    private static Set<String> describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.rule() + " " + f.position().line() + ":" + f.position().column() + " " + f.message())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
