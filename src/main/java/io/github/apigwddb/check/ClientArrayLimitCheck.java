package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.vtl.BranchReads;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.RenderResult;
import io.github.apigwddb.vtl.VariableRead;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * DDB015: a batch or transaction whose entries a template makes from an array of the client's body, with nothing to
 * bound them, exceeds DynamoDB's limit for a client that sends a longer array. The request is rendered again with each
 * array of the example's body grown past the action's limit (its elements repeated); reported once per template and
 * array when the request then has more entries than DynamoDB takes. A request model's {@code maxItems} does not bound
 * it: API Gateway's simple request validation does not apply it (integration-facts.md, known issues).
 */
final class ClientArrayLimitCheck implements ExampleCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Arrays of a body tried at most: each costs a render. */
    private static final int MAX_ARRAYS = 8;

    /** DynamoDB's limit per action, and what it counts (dynamodb-facts.md §3, §4, §10). */
    private record Limit(int max, String what) {
    }

    private static final Map<String, Limit> LIMITS = Map.of(
            "BatchWriteItem", new Limit(25, "put and delete requests"),
            "BatchGetItem", new Limit(100, "keys"),
            "TransactWriteItems", new Limit(100, "TransactItems"),
            "TransactGetItems", new Limit(100, "TransactItems"),
            "BatchExecuteStatement", new Limit(25, "Statements"),
            "ExecuteTransaction", new Limit(100, "TransactStatements"));

    private final TemplateRunner runner;

    ClientArrayLimitCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        Limit limit = run.action() == null ? null : LIMITS.get(run.action());
        MappingTemplate template = run.requestTemplate;
        if (limit == null || template == null || run.requestJson == null || run.example.body() == null) {
            return;
        }
        int entries = entries(run.action(), run.requestJson.root());
        JsonNode body = tree(run.example.body());
        if (entries < 0 || entries > limit.max() || body == null) {
            return; // no entries to count, or already too many: DDB010 says so
        }
        List<String> arrays = new ArrayList<>();
        collectArrays(body, "", arrays);
        for (String pointer : arrays.subList(0, Math.min(arrays.size(), MAX_ARRAYS))) {
            String key = "DDB015|" + template.pointer() + "|" + pointer;
            if (run.reportedOnce.contains(key)) {
                continue;
            }
            JsonNode grown = body.deepCopy();
            ArrayNode array = (ArrayNode) grown.at(pointer);
            List<JsonNode> elements = new ArrayList<>();
            array.forEach(elements::add);
            for (int i = elements.size(); i <= limit.max(); i++) {
                array.add(elements.get(i % elements.size()).deepCopy());
            }
            RenderResult result = runner.render(run.variant(run.example), template, grown.toString());
            JsonNode request = result == null || !result.ok() ? null : tree(result.output());
            int grownEntries = request == null ? -1 : entries(run.action(), request);
            if (grownEntries > limit.max() && grownEntries > entries) {
                run.reportedOnce.add(key);
                String path = "$" + pointer.replace("/", ".");
                int[] at = readOf(run, template, path);
                run.findings.add(run.locator.inTemplate(Rule.DDB015, "The template makes the " + limit.what() + " of " + run.action()
                        + " from the client's array " + path + " and does not bound it: a client that sends " + array.size()
                        + " elements gets a request with " + grownEntries + ", and DynamoDB takes at most " + limit.max()
                        + " (ValidationException). Bound it in the template (#if($input.path('" + path + "').size() <= "
                        + limit.max() + ")), or split the work; a model's maxItems does not: an imported model's maxItems is left out"
                        + " of API Gateway's request validation (known issue: only editing the model after the import restores it)",
                        template, at[0], at[1], run.operation(), run.example.name()));
            }
        }
    }

    /** The number of entries the action's limit counts; -1 when the request has none where they go. */
    static int entries(String action, JsonNode request) {
        return switch (action) {
            case "BatchWriteItem" -> sumOfArrays(request.path("RequestItems"), null);
            case "BatchGetItem" -> sumOfArrays(request.path("RequestItems"), "Keys");
            case "TransactWriteItems", "TransactGetItems" -> sizeOf(request.path("TransactItems"));
            case "BatchExecuteStatement" -> sizeOf(request.path("Statements"));
            case "ExecuteTransaction" -> sizeOf(request.path("TransactStatements"));
            default -> -1;
        };
    }

    private static int sizeOf(JsonNode array) {
        return array.isArray() ? array.size() : -1;
    }

    /** The summed sizes of each table's array ({@code member} of each table's entry, or the entry itself); -1 when none. */
    private static int sumOfArrays(JsonNode byTable, String member) {
        if (!byTable.isObject()) {
            return -1;
        }
        int sum = 0;
        for (JsonNode entry : byTable) {
            JsonNode array = member == null ? entry : entry.path(member);
            sum += array.isArray() ? array.size() : 0;
        }
        return sum;
    }

    /** Pointers of the non-empty arrays of the body, outermost first. */
    private static void collectArrays(JsonNode node, String pointer, List<String> out) {
        if (node.isArray()) {
            if (!node.isEmpty()) {
                out.add(pointer);
            }
            return; // an array inside an element grows with it; its own entries would be another template's loop
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                collectArrays(member.getValue(), JsonPointers.child(pointer, member.getKey()), out);
            }
        }
    }

    /** Line and column of the template's read of the array ({@code $input.path('$.lines')}); else the template's start. */
    private int[] readOf(ExampleRun run, MappingTemplate template, String path) {
        TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
        CompiledTemplate compiled = runner.compiled(template, deployed);
        String wanted = BranchReads.normalPath(path);
        if (compiled != null && wanted != null) {
            for (InputPathCall call : compiled.inputPathCalls()) {
                if (wanted.equals(BranchReads.normalPath(call.jsonPath()))) {
                    return deployed.written(template.text(), call.line(), call.column());
                }
            }
            // read through a variable ($b.lines after #set($b = $input.path('$'))): the first read of a member of its name
            String member = path.substring(path.lastIndexOf('.') + 1);
            for (VariableRead read : compiled.variableReads()) {
                if (!read.path().isEmpty() && read.lastName().equals(member)) {
                    return deployed.written(template.text(), read.line(), read.column());
                }
            }
        }
        return new int[] {1, 1};
    }

    private static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
