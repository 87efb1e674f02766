package io.github.apigwddb.docs;

import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The flow of one operation: client → API Gateway (the mapping) → DynamoDB table (the action) and back,
 * as inline SVG for HTML (no script, no external resource) and as a Mermaid flowchart for Markdown.
 */
final class FlowDiagram {

    /** Average glyph width of the 12px sans-serif labels, for cutting labels that would overflow. */
    private static final double CHAR_WIDTH = 6.9;

    private final String request;
    private final String action;
    private final String role;
    private final List<String> mapping;
    private final String tables;
    private final String responses;

    FlowDiagram(ApiDocs.Operation operation) {
        this.request = operation.ref().method() + " " + operation.ref().path();
        this.action = operation.action() == null ? "no action" : operation.action();
        this.role = operation.roleName() == null ? "no role" : "as " + operation.roleName();
        this.mapping = new ArrayList<>();
        List<String> types = operation.requestTemplates().stream().map(MappingTemplate::contentType).toList();
        mapping.add(types.isEmpty() ? "no request template" : "request template: " + String.join(", ", types));
        mapping.add("passthrough: " + (operation.passthrough() == null ? "when_no_match (default)" : operation.passthrough()));
        this.tables = operation.tables().isEmpty() ? "table not named" : String.join(", ", operation.tables());
        this.responses = responseSummary(operation.responses());
        mapping.add(responses.isEmpty() ? "no integration responses" : "responses: " + responses);
    }

    /** {@code default→201, 4\d{2}→400}: selection pattern to client status. */
    private static String responseSummary(List<IntegrationResponse> responses) {
        List<String> parts = new ArrayList<>();
        for (IntegrationResponse response : responses) {
            parts.add(response.selectionPattern() + "\u2192" + (response.statusCode() == null ? "?" : response.statusCode()));
        }
        return String.join(", ", parts);
    }

    String svg(String id) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow\" viewBox=\"0 0 960 180\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-title\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(Text.html(
                "Client sends " + request + " to API Gateway, which maps it with " + mapping.get(0) + " to DynamoDB " + action
                        + " on " + tables + ", and maps the answer back (" + (responses.isEmpty() ? "no responses" : responses) + ")"))
                .append("</title>\n");
        // client
        svg.append("<rect class=\"node\" x=\"10\" y=\"45\" width=\"130\" height=\"90\" rx=\"14\"/>\n");
        label(svg, "node-title", 75, 95, "middle", "Client", 18);
        // API Gateway with its mapping
        svg.append("<rect class=\"node gateway\" x=\"370\" y=\"30\" width=\"260\" height=\"120\" rx=\"6\"/>\n");
        label(svg, "node-title", 500, 56, "middle", "API Gateway", 36);
        for (int i = 0; i < mapping.size(); i++) {
            label(svg, "node-text", 382, 82 + i * 20, "start", mapping.get(i), 36);
        }
        // DynamoDB table as a cylinder
        svg.append("<path class=\"node table\" d=\"M790 48 a80 14 0 0 1 160 0 v88 a80 14 0 0 1 -160 0 z\"/>\n");
        svg.append("<path class=\"node-edge\" d=\"M790 48 a80 14 0 0 0 160 0\"/>\n");
        label(svg, "node-title", 870, 92, "middle", "DynamoDB", 22);
        label(svg, "node-text", 870, 114, "middle", tables, 22);
        // requests, left to right
        arrow(svg, 140, 370, 76, false);
        label(svg, "edge-label", 255, 68, "middle", request, (int) (226 / CHAR_WIDTH));
        arrow(svg, 630, 790, 76, false);
        label(svg, "edge-label strong", 710, 68, "middle", action, (int) (156 / CHAR_WIDTH));
        label(svg, "edge-label", 710, 96, "middle", role, (int) (156 / CHAR_WIDTH));
        // answers, right to left
        arrow(svg, 790, 630, 118, true);
        label(svg, "edge-label", 710, 138, "middle", "status + JSON", 22);
        arrow(svg, 370, 140, 118, true);
        label(svg, "edge-label", 255, 138, "middle", "mapped response", 32);
        svg.append("</svg>");
        return svg.toString();
    }

    /** A horizontal arrow with its head drawn as a polygon (no markers: they need url() references). */
    private static void arrow(StringBuilder svg, int from, int to, int y, boolean answer) {
        int direction = to > from ? 1 : -1;
        int shaftEnd = to - direction * 9;
        svg.append(String.format(Locale.ROOT, "<line class=\"edge%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                answer ? " answer" : "", from, y, shaftEnd, y));
        svg.append(String.format(Locale.ROOT, "<polygon class=\"head\" points=\"%d,%d %d,%d %d,%d\"/>\n",
                to, y, shaftEnd, y - 5, shaftEnd, y + 5));
    }

    /** A text, cut with an ellipsis when longer than {@code maxChars}; the full text then shows as a tooltip. */
    private static void label(StringBuilder svg, String cssClass, int x, int y, String anchor, String text, int maxChars) {
        boolean cut = text.length() > maxChars;
        String shown = cut ? text.substring(0, Math.max(1, maxChars - 1)) + "\u2026" : text;
        svg.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">", cssClass, x, y, anchor));
        if (cut) {
            svg.append("<title>").append(Text.html(text)).append("</title>");
        }
        svg.append(Text.html(shown)).append("</text>\n");
    }

    String mermaid() {
        StringBuilder m = new StringBuilder("flowchart LR\n");
        m.append("  client([\"Client\"])\n");
        m.append("  apigw[\"API Gateway<br/>").append(String.join("<br/>", mapping.stream().map(FlowDiagram::mermaidText).toList())).append("\"]\n");
        m.append("  table[(\"DynamoDB<br/>").append(mermaidText(tables)).append("\")]\n");
        m.append("  client -- \"").append(mermaidText(request)).append("\" --> apigw\n");
        m.append("  apigw -- \"").append(mermaidText(action + " " + role)).append("\" --> table\n");
        m.append("  table -. \"status + JSON\" .-> apigw\n");
        m.append("  apigw -. \"mapped response\" .-> client\n");
        return m.toString();
    }

    /** Mermaid labels in double quotes take entity codes for quotes and angle brackets. */
    private static String mermaidText(String text) {
        return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
