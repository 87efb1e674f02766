package io.github.apigwddb.vtl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.vtl.RequestTemplateSelector.Outcome;
import io.github.apigwddb.vtl.RequestTemplateSelector.PassthroughBehavior;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/** Every case of the shared conformance file (copied byte-identical into test resources) is a test. */
class VtlConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiGatewayTemplateEngine ENGINE = new ApiGatewayTemplateEngine();
    private static final Map<String, AtomicInteger> PASSED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> TOTAL = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> EXCLUDED = new ConcurrentHashMap<>();

    @TestFactory
    List<DynamicTest> cases() throws IOException {
        Map<String, String> exclusions = exclusions();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : read("/vtl/vtl-cases.json")) {
            String id = c.get("id").asText();
            String confidence = c.get("confidence").asText();
            TOTAL.computeIfAbsent(confidence, k -> new AtomicInteger()).incrementAndGet();
            tests.add(DynamicTest.dynamicTest("[" + confidence + "] " + id, () -> {
                if (exclusions.containsKey(id)) {
                    EXCLUDED.computeIfAbsent(confidence, k -> new AtomicInteger()).incrementAndGet();
                    abort("excluded: " + exclusions.get(id));
                }
                check(c);
                PASSED.computeIfAbsent(confidence, k -> new AtomicInteger()).incrementAndGet();
            }));
        }
        return tests;
    }

    @Test
    void exclusionsNameKnownLowConfidenceCasesOnly() throws IOException {
        Map<String, String> confidenceById = new LinkedHashMap<>();
        read("/vtl/vtl-cases.json").forEach(c -> confidenceById.put(c.get("id").asText(), c.get("confidence").asText()));
        for (Map.Entry<String, String> e : exclusions().entrySet()) {
            assertThat(confidenceById).as("exclusion names an unknown case").containsKey(e.getKey());
            assertThat(confidenceById.get(e.getKey())).as("high/medium cases must pass, not be excluded: " + e.getKey())
                    .isEqualTo("low");
            assertThat(e.getValue()).as("exclusion reason").isNotBlank();
        }
    }

    @Test
    void copiedCaseFileIsIdenticalToTheSharedOneWhenPresent() throws IOException {
        java.nio.file.Path shared = java.nio.file.Path.of("..", "shared", "conformance", "vtl-cases.json");
        if (!java.nio.file.Files.exists(shared)) {
            abort("shared conformance file not present in this checkout");
        }
        try (InputStream in = VtlConformanceTest.class.getResourceAsStream("/vtl/vtl-cases.json")) {
            assertThat(in.readAllBytes()).isEqualTo(java.nio.file.Files.readAllBytes(shared));
        }
    }

    @AfterAll
    static void report() {
        Set<String> levels = new TreeMap<>(TOTAL).keySet();
        String summary = levels.stream().map(level -> level + ": " + count(PASSED, level) + " passed, "
                        + count(EXCLUDED, level) + " excluded, of " + count(TOTAL, level))
                .collect(Collectors.joining("; "));
        System.out.println("VTL conformance by confidence -> " + summary);
    }

    private static int count(Map<String, AtomicInteger> counts, String level) {
        AtomicInteger n = counts.get(level);
        return n == null ? 0 : n.get();
    }

    private static void check(JsonNode c) throws Exception {
        String template = c.get("template").asText();
        if (c.has("requestTemplates")) {
            Map<String, String> templates = JSON.convertValue(c.get("requestTemplates"), Map.class);
            String contentType = c.get("contentType").isNull() ? null : c.get("contentType").asText();
            var selection = RequestTemplateSelector.select(templates, contentType,
                    PassthroughBehavior.valueOf(c.get("passthroughBehavior").asText()));
            if (c.has("expectedError")) {
                assertThat(c.get("expectedError").get("status").asInt()).isEqualTo(415);
                assertThat(selection.outcome()).isEqualTo(Outcome.UNSUPPORTED_MEDIA_TYPE);
                return;
            }
            if (selection.outcome() == Outcome.PASSTHROUGH) {
                assertThat(c.get("body").asText()).isEqualTo(c.get("expected").asText());
                return;
            }
            assertThat(selection.outcome()).isEqualTo(Outcome.TRANSFORM);
            template = selection.template();
        }
        TemplateInput input = input(c);
        RenderResult result = ENGINE.render(ENGINE.compile(c.get("id").asText(), template), input);

        if (c.has("expectedError")) {
            JsonNode error = c.get("expectedError");
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(result.ok()).isFalse();
            assertThat(result.output()).isNull();
            assertThat(result.problem().kind()).isEqualTo(RenderProblem.Kind.BAD_BODY);
            String expectedMessage = JSON.readTree(error.get("body").asText()).get("message").asText();
            assertThat(result.problem().message()).isEqualTo(expectedMessage);
            return;
        }
        assertThat(result.problem()).as("render problem").isNull();
        JsonNode expected = c.get("expected");
        boolean checkedSomething = false;
        if (expected != null && !expected.isNull()) {
            if ("json".equals(c.get("compare").asText())) {
                assertThat(JSON.readTree(result.output())).isEqualTo(JSON.readTree(expected.asText()));
            } else {
                assertThat(result.output()).isEqualTo(expected.asText());
            }
            checkedSomething = true;
        }
        if (c.has("expectedOverrides")) {
            checkOverrides(c.get("expectedOverrides"), result.overrides());
            checkedSomething = true;
        }
        if (c.has("expectedValidJson")) {
            boolean valid = isJson(result.output());
            assertThat(valid).as("output is valid JSON").isEqualTo(c.get("expectedValidJson").asBoolean());
        }
        if (!checkedSomething) {
            fail("case has no expectation to check; exclude it with a reason instead");
        }
    }

    private static void checkOverrides(JsonNode expected, Overrides actual) {
        JsonNode request = expected.path("requestOverride");
        JsonNode response = expected.path("responseOverride");
        assertThat(actual.requestHeaders()).isEqualTo(strings(request.path("header")));
        assertThat(actual.requestPath()).isEqualTo(strings(request.path("path")));
        assertThat(actual.requestQuerystring()).isEqualTo(strings(request.path("querystring")));
        assertThat(actual.responseHeaders()).isEqualTo(strings(response.path("header")));
        assertThat(actual.responseStatus()).isEqualTo(response.has("status") ? response.get("status").asInt() : null);
    }

    /** Lists in expected overrides are multi-value headers, which API Gateway sends comma-joined. */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().isArray()
                    ? StreamSupport.stream(e.getValue().spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(","))
                    : e.getValue().asText());
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static TemplateInput input(JsonNode c) {
        JsonNode params = c.get("params");
        return new TemplateInput(c.get("body").asText(),
                JSON.convertValue(params.get("path"), Map.class),
                JSON.convertValue(params.get("querystring"), Map.class),
                JSON.convertValue(params.get("header"), Map.class),
                c.has("stageVariables") ? JSON.convertValue(c.get("stageVariables"), Map.class) : Map.of(),
                c.has("context") ? JSON.convertValue(c.get("context"), LinkedHashMap.class) : Map.of());
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> exclusions() throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode e : JSON.readTree(VtlConformanceTest.class.getResourceAsStream("/vtl/conformance-exclusions.json")).get("exclusions")) {
            result.put(e.get("id").asText(), e.get("reason").asText());
        }
        return result;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = VtlConformanceTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }
}
