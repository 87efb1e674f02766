package io.github.apigwddb.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.check.RenderedExample;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;

/**
 * What the render goal prints: the chosen template, the DynamoDB request, DynamoDB's answer, the selected
 * integration response and what the client gets, and the findings, as lines for a terminal. Headings go
 * through a styler so the caller decides about colour.
 */
public final class RenderFormat {

    private static final String INDENT = "    ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnaryOperator<String> heading;

    /** @param heading styles a heading (e.g. bold when the terminal has colour); identity for plain text */
    public RenderFormat(UnaryOperator<String> heading) {
        this.heading = heading;
    }

    /** Headings as {@code == Heading ==}, no escape codes. */
    public static RenderFormat plain() {
        return new RenderFormat(text -> "== " + text + " ==");
    }

    public List<String> lines(RenderedExample r) {
        List<String> out = new ArrayList<>();
        out.add(heading.apply(r.operation().display() + " -> DynamoDB " + (r.action() == null ? "(no action)" : r.action())));
        out.add(INDENT + "spec:    " + r.file());
        out.add(INDENT + "example: " + r.example().name() + (r.example().file() == null ? " (given on the command line)"
                : " (" + r.example().source().name().toLowerCase(Locale.ROOT) + ")"));
        String contentType = r.example().contentType() == null ? "application/json" : r.example().contentType();
        // a WebSocket route's messages have no Content-Type, and what it sends back has no status
        boolean route = IntegrationExtractor.ROUTE_METHOD_NAME.equals(r.operation().method());
        out.add("");
        clientRequest(r, route, contentType, out);
        out.add("");

        if (r.requestTemplate() == null) {
            out.add(heading.apply("Request template"));
            out.add(INDENT + (route ? "none selected for the route's messages" : "none selected for Content-Type " + contentType)
                    + " (see the findings)");
        } else {
            out.add(heading.apply("Request template" + (route ? " (the one the route's messages get)" : " (" + r.requestTemplate().contentType() + ")")));
            template(r.requestTemplate(), out);
        }
        out.add("");
        out.add(heading.apply("DynamoDB request"));
        if (r.renderedRequest() == null) {
            out.add(INDENT + "nothing was rendered (see the findings)");
        } else if (r.requestIsJson()) {
            json(r.renderedRequest(), out);
        } else {
            out.add(INDENT + "NOT VALID JSON, sent as rendered:");
            int[] error = jsonError(r);
            text(r.renderedRequest(), out, error[0], error[1]);
        }
        if (r.dynamoDbStatus() != null) {
            out.add("");
            out.add(heading.apply("DynamoDB answer: " + r.dynamoDbAnswer()));
            json(r.dynamoDbBody(), out);
            out.add("");
            if (r.selectedResponse() == null && route) {
                out.add(heading.apply("Integration response"));
                out.add(INDENT + "none: a one-way route (or one whose integration responses match no " + r.dynamoDbStatus()
                        + ") sends the client nothing; two-way routes need a RouteResponseSelectionExpression and a RouteResponse");
            } else if (r.selectedResponse() == null) {
                out.add(heading.apply("Integration response"));
                out.add(INDENT + "none selected: no pattern matches " + r.dynamoDbStatus() + " and there is no default (API Gateway answers 500)");
            } else {
                out.add(heading.apply("Integration response '" + r.selectedResponse().selectionPattern() + "'"
                        + (route ? "" : r.selectedResponse().statusCode() == null ? " -> no statusCode (MAP007)"
                        : " -> status " + r.selectedResponse().statusCode())));
                if (r.responseTemplate() == null) {
                    out.add(INDENT + "no response template: DynamoDB's answer passes through unchanged");
                } else {
                    out.add(INDENT + "template (" + r.responseTemplate().contentType() + "):");
                    template(r.responseTemplate(), out);
                }
                out.add("");
                out.add(heading.apply(route ? "Message sent back to the client"
                        : "Client response: " + (r.clientStatus() == null ? "status unknown (the integration response has no statusCode)" : "status " + r.clientStatus())));
                if (r.clientResponse() == null) {
                    out.add(INDENT + "nothing was rendered (see the findings)");
                } else if (r.clientResponse().isBlank()) {
                    out.add(INDENT + "(empty body)");
                } else if (isJson(r.clientResponse())) {
                    json(r.clientResponse(), out);
                } else {
                    text(r.clientResponse(), out, -1, -1);
                }
            }
        }
        out.add("");
        List<Finding> findings = new ArrayList<>(r.findings());
        out.add(heading.apply("Findings of this example (" + findings.size() + ")"));
        if (findings.isEmpty()) {
            out.add(INDENT + "none");
        }
        for (Finding finding : findings) {
            finding(finding, out);
        }
        if (!r.staticFindings().isEmpty()) {
            out.add(heading.apply("Findings of the operation itself (" + r.staticFindings().size() + ")"));
            for (Finding finding : r.staticFindings()) {
                finding(finding, out);
            }
        }
        if (!r.accepted().isEmpty()) {
            out.add(heading.apply("Accepted findings, not counted (" + r.accepted().size() + ")"));
            for (RenderedExample.Accepted accepted : r.accepted()) {
                finding(accepted.finding(), out);
                out.add(INDENT + INDENT + accepted.why());
            }
        }
        return out;
    }

    private static void finding(Finding finding, List<String> out) {
        out.add(INDENT + finding.severity().id().toUpperCase(Locale.ROOT) + " " + finding.rule().id() + " "
                + finding.message().replace('\n', ' '));
        out.add(INDENT + INDENT + "at " + finding.position().file().getFileName() + ":[" + finding.position().line() + ","
                + finding.position().column() + "]");
    }

    /** Output line and column of the VTL002 JSON error, from its message; -1 when unknown. */
    private static int[] jsonError(RenderedExample r) {
        for (Finding finding : r.findings()) {
            String message = finding.message();
            int at = message.indexOf(" at output line ");
            if (finding.rule() == Rule.VTL002 && at >= 0) {
                String rest = message.substring(at + " at output line ".length());
                int line = leadingNumber(rest);
                int comma = rest.indexOf(", column ");
                int column = comma < 0 ? -1 : leadingNumber(rest.substring(comma + ", column ".length()));
                return new int[] {line, column};
            }
        }
        return new int[] {-1, -1};
    }

    private static int leadingNumber(String text) {
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(text.substring(0, end));
    }

    private static void template(MappingTemplate template, List<String> out) {
        String[] lines = template.text().split("\r?\n", -1);
        int count = lines.length > 1 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        int width = String.valueOf(count).length();
        for (int i = 0; i < count; i++) {
            out.add(INDENT + String.format("%" + width + "d | ", i + 1) + lines[i]);
        }
    }

    /** Text with line numbers; line {@code mark} (1-based) gets an arrow, and a caret under {@code column} when known. */
    private static void text(String text, List<String> out, int mark, int column) {
        String[] lines = text.split("\r?\n", -1);
        int width = String.valueOf(lines.length).length();
        for (int i = 0; i < lines.length; i++) {
            boolean marked = i + 1 == mark;
            out.add(INDENT + (marked ? ">> " : "   ") + String.format("%" + width + "d | ", i + 1) + lines[i]);
            if (marked && column >= 1) {
                out.add(INDENT + "   " + " ".repeat(width) + "   " + " ".repeat(column - 1) + "^");
            }
        }
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** What the client sends, as the example gives it: what the templates read. */
    private void clientRequest(RenderedExample r, boolean route, String contentType, List<String> out) {
        Example example = r.example();
        out.add(heading.apply(route ? "Message the client sends" : "Client request"));
        if (!route) {
            String path = r.operation().path();
            for (Map.Entry<String, String> parameter : example.path().entrySet()) {
                path = path.replace("{" + parameter.getKey() + "}", encoded(parameter.getValue()))
                        .replace("{" + parameter.getKey() + "+}", parameter.getValue()); // a greedy variable keeps its slashes
            }
            String query = example.querystring().entrySet().stream().map(e -> encoded(e.getKey()) + "=" + encoded(e.getValue()))
                    .collect(Collectors.joining("&"));
            String method = r.operation().method().startsWith("x-") ? "ANY" : r.operation().method().toUpperCase(Locale.ROOT);
            out.add(INDENT + method + " " + path + (query.isEmpty() ? "" : "?" + query));
            example.headers().forEach((name, value) -> out.add(INDENT + name + ": " + value));
        }
        if (example.body() == null || example.body().isEmpty()) {
            out.add(INDENT + "(no body)");
        } else {
            if (!route && example.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                out.add(INDENT + "Content-Type: " + contentType);
            }
            if (isJson(example.body())) {
                json(example.body(), out);
            } else {
                text(example.body(), out, -1, -1);
            }
        }
    }

    /** A path segment or query string part as a client writes it on the wire (values are given decoded). */
    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void json(String text, List<String> out) {
        try {
            JsonNode node = JSON.readTree(text);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)).withObjectIndenter(new DefaultIndenter("  ", "\n"));
            for (String line : JSON.writer(printer).writeValueAsString(node).split("\n")) {
                out.add(INDENT + line);
            }
        } catch (JsonProcessingException e) {
            text(text, out, -1, -1);
        }
    }
}
