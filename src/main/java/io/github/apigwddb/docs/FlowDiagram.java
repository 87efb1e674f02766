package io.github.apigwddb.docs;

import io.github.apigwddb.integration.MappingTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The flow of one operation: client → API Gateway (the mapping) → DynamoDB table (the action) and back,
 * as inline SVG for HTML (no script, no external resource) and as a Mermaid flowchart for Markdown.
 */
final class FlowDiagram {

    /** How many 12px monospace characters fit in a line of the API Gateway box. */
    private static final int GATEWAY_CHARS = 33;

    private final String request;
    private final String action;
    private final String role;
    private final List<String> mapping;
    private final String tables;
    private final String responses;
    private final List<String> responseItems;

    FlowDiagram(ApiDocs.Operation operation) {
        this.request = operation.ref().method() + " " + operation.ref().path();
        this.action = operation.action() == null ? "no action" : operation.action();
        this.role = operation.roleName() == null ? "no role" : "as " + operation.roleName();
        this.mapping = new ArrayList<>();
        List<String> types = operation.requestTemplates().stream().map(MappingTemplate::contentType).toList();
        mapping.add(types.isEmpty() ? "no request template" : "request: " + String.join(", ", types));
        mapping.add("passthrough: " + (operation.passthrough() == null ? "when_no_match (default)" : operation.passthrough()));
        this.tables = operation.tables().isEmpty() ? "table not named" : String.join(", ", operation.tables());
        this.responseItems = operation.responses().stream()
                .map(r -> r.selectionPattern() + "\u2192" + (r.statusCode() == null ? "?" : r.statusCode())).toList();
        this.responses = String.join(", ", responseItems);
        mapping.add(responses.isEmpty() ? "no integration responses" : "responses: " + responses);
    }

    String svg(String id) {
        List<String> gatewayLines = new ArrayList<>(mapping.subList(0, 2));
        List<Integer> indents = new ArrayList<>(List.of(0, 0));
        List<String> wrapped = wrap("responses: ", responseItems, GATEWAY_CHARS);
        for (int i = 0; i < wrapped.size(); i++) {
            gatewayLines.add(wrapped.get(i));
            indents.add(i == 0 ? 0 : 2);
        }
        int gatewayHeight = 56 + gatewayLines.size() * 18;
        int height = Math.max(180, gatewayHeight + 30);
        int middle = height / 2;
        int forward = middle - 12;
        int back = middle + 26;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow\" viewBox=\"0 0 960 ").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title\">\n");
        svg.append("<title id=\"").append(id).append("-title\">").append(Text.html(
                "Client sends " + request + " to API Gateway, which maps it with " + mapping.get(0) + " to DynamoDB " + action
                        + " on " + tables + ", and maps the answer back (" + (responses.isEmpty() ? "no responses" : responses) + ")"))
                .append("</title>\n");
        // client
        svg.append(String.format(Locale.ROOT, "<rect class=\"node\" x=\"10\" y=\"%d\" width=\"120\" height=\"90\" rx=\"14\"/>%n", middle - 45));
        label(svg, "node-title", 70, middle + 6, "middle", "Client", 14);
        // API Gateway with its mapping
        int top = middle - gatewayHeight / 2;
        svg.append(String.format(Locale.ROOT, "<rect class=\"node gateway\" x=\"330\" y=\"%d\" width=\"270\" height=\"%d\" rx=\"6\"/>%n",
                top, gatewayHeight));
        label(svg, "node-title", 465, top + 26, "middle", "API Gateway", 30);
        for (int i = 0; i < gatewayLines.size(); i++) {
            label(svg, "node-text", 342 + indents.get(i) * 8, top + 50 + i * 18, "start", gatewayLines.get(i), GATEWAY_CHARS - indents.get(i));
        }
        // DynamoDB table as a cylinder
        svg.append(String.format(Locale.ROOT, "<path class=\"node table\" d=\"M790 %d a80 14 0 0 1 160 0 v88 a80 14 0 0 1 -160 0 z\"/>%n", middle - 44));
        svg.append(String.format(Locale.ROOT, "<path class=\"node-edge\" d=\"M790 %d a80 14 0 0 0 160 0\"/>%n", middle - 44));
        label(svg, "node-title", 870, middle + 4, "middle", "DynamoDB", 20);
        label(svg, "node-text", 870, middle + 24, "middle", tables, 20);
        // requests, left to right
        arrow(svg, 130, 330, forward, false);
        label(svg, "edge-label", 230, forward - 8, "middle", request, 28);
        arrow(svg, 600, 790, forward, false);
        label(svg, "edge-label strong", 695, forward - 8, "middle", action, 26);
        label(svg, "edge-label", 695, forward + 20, "middle", role, 26);
        // answers, right to left
        arrow(svg, 790, 600, back, true);
        label(svg, "edge-label", 695, back + 18, "middle", "status + JSON", 26);
        arrow(svg, 330, 130, back, true);
        label(svg, "edge-label", 230, back + 18, "middle", "mapped response", 28);
        svg.append("</svg>");
        return svg.toString();
    }

    /** Items after a prefix, joined with commas, over as many lines as needed to stay within {@code width}. */
    static List<String> wrap(String prefix, List<String> items, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(prefix);
        boolean empty = true;
        for (String item : items) {
            String piece = empty ? item : ", " + item;
            if (!empty && line.length() + piece.length() + 1 > width) {
                lines.add(line.append(',').toString());
                line = new StringBuilder(item);
            } else {
                line.append(piece);
            }
            empty = false;
        }
        if (empty) {
            line.append("none");
        }
        lines.add(line.toString());
        return lines;
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
