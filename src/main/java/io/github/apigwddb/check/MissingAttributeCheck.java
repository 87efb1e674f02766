package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.dynamodb.ConditionAttributes;
import io.github.apigwddb.dynamodb.UpdatedAttributes;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.RenderResult;
import io.github.apigwddb.vtl.VariableRead;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RSP006: the success response is JSON for DynamoDB's answer as the example has it, but not for an item that lacks
 * one of its attributes. DynamoDB stores no schema: only key attributes are in every item, and an item written before
 * an attribute existed, or without an optional one, comes back without it. A template that writes a number or a list
 * size outside quotes ({@code "count": $item.count.N}) then gives {@code "count": ,}. The answer is rendered again with
 * each non-key attribute left out of every item, one at a time; reported once per template, naming the attributes
 * whose absence alone breaks it.
 */
final class MissingAttributeCheck implements ExampleCheck {

    /** Attributes tried per template at most: each costs a render. */
    private static final int MAX_ATTRIBUTES = 16;
    /** The members that make an object an AttributeValue. */
    private static final Set<String> TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");

    private final TemplateRunner runner;
    private final DocumentParser json = new DocumentParser();

    MissingAttributeCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        MappingTemplate template = run.responseTemplate;
        if (!ResponseRenderCheck.successRenderedAsJson(run, template, json) || run.reportedOnce.contains("RSP006|" + template.pointer())) {
            return;
        }
        JsonNode answer = StoredStringCheck.tree(run.dynamoDbBody);
        // in every item: the key attributes (the request's key, the table's, those a page's start key names), and what an
        // update sets
        Set<String> alwaysThere = new LinkedHashSet<>(StoredStringCheck.keyAttributes(run));
        answer.path("LastEvaluatedKey").fieldNames().forEachRemaining(alwaysThere::add);
        if (run.requestJson != null) {
            JsonNode request = run.requestJson.root();
            request.path("ExclusiveStartKey").fieldNames().forEachRemaining(alwaysThere::add);
            // what an update sets is in the item it returns (ALL_NEW, UPDATED_NEW)
            if ("UpdateItem".equals(run.action()) && request.path("ReturnValues").asText().endsWith("_NEW")) {
                alwaysThere.addAll(UpdatedAttributes.of(request).written().keySet());
            }
            // what the key condition and the filter need is in every item they let through; an index holds only the items
            // that have its keys (a sparse index)
            for (String condition : List.of("KeyConditionExpression", "FilterExpression")) {
                if (request.path(condition).isTextual()) {
                    alwaysThere.addAll(ConditionAttributes.required(request.get(condition).asText(), request.path("ExpressionAttributeNames")));
                }
            }
            if (run.tables != null && request.path("IndexName").isTextual()) {
                run.tables.find(request.path("TableName").asText("")).flatMap(table -> table.index(request.get("IndexName").asText()))
                        .ifPresent(index -> {
                            alwaysThere.add(index.partitionKey().name());
                            if (index.sortKey() != null) {
                                alwaysThere.add(index.sortKey().name());
                            }
                        });
            }
        }
        Set<String> breaking = new LinkedHashSet<>();
        String output = null;
        DocumentSyntaxException first = null;
        int tried = 0;
        for (String name : attributes(answer)) {
            if (alwaysThere.contains(name) || tried++ >= MAX_ATTRIBUTES) {
                continue;
            }
            JsonNode without = answer.deepCopy();
            items(without).forEach(item -> item.remove(name));
            RenderResult result = runner.renderResponse(run.variant(run.example), template, without.toString());
            if (result == null || !result.ok() || result.output().isBlank()) {
                continue; // a failing render is the render checks' to report, with the answer that makes it
            }
            DocumentSyntaxException error = ResponseRenderCheck.syntaxError(json, result.output());
            if (error != null) {
                breaking.add(name);
                if (first == null) {
                    first = error;
                    output = result.output();
                }
            }
        }
        if (first == null) {
            return;
        }
        run.reportedOnce.add("RSP006|" + template.pointer());
        String outputLine = OutputText.line(output, first.position().line());
        int line = new OutputLineMapper(template.text()).templateLineForError(output, first.position());
        String which = (breaking.size() == 1 ? "attribute " : "attributes ") + String.join(", ", breaking.stream().map(n -> "'" + n + "'").toList());
        run.inTemplate(Rule.RSP006, "When an item lacks " + which + " (DynamoDB keeps no schema: only key attributes are in every"
                + " item), the " + ResponseRenderCheck.name(run, template, run.clientStatus) + " is not valid JSON (" + first.getMessage()
                + " at output line " + first.position().line() + ": " + OutputText.excerpt(outputLine, first.position().column())
                + "): write it only when the item has it, with a default otherwise (" + guard(template, line, breaking.iterator().next())
                + "), or in quotes", template, line, 1);
    }

    /** The names of the non-nested attributes of the answer's items, in order of appearance. */
    static Set<String> attributes(JsonNode answer) {
        Set<String> names = new LinkedHashSet<>();
        items(answer).forEach(item -> item.fieldNames().forEachRemaining(names::add));
        return names;
    }

    /**
     * The items of an answer: objects whose every member is an AttributeValue ({@code Item}, each of {@code Items}, of a
     * batch's {@code Responses}, {@code Attributes}), not looking inside them (a map attribute's members are the item's).
     */
    static List<ObjectNode> items(JsonNode answer) {
        List<ObjectNode> items = new ArrayList<>();
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(answer);
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node instanceof ObjectNode object && object.size() > 0 && isItem(object)) {
                items.add(object);
            } else if (node.isContainerNode()) {
                node.forEach(work::add);
            }
        }
        return items;
    }

    private static boolean isItem(ObjectNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue();
            if (!(value instanceof ObjectNode attribute) || attribute.size() != 1 || !TYPES.contains(attribute.fieldNames().next())) {
                return false;
            }
        }
        return true;
    }


    /**
     * The condition that writes the attribute only where the item has it, with the reference the template itself uses
     * ({@code #if($a.updatedAt)}, user trial: the advice named {@code $item} where the template's variable was {@code $a}).
     */
    private String guard(MappingTemplate template, int line, String attribute) {
        CompiledTemplate compiled = runner.compiled(template);
        if (compiled != null) {
            for (VariableRead read : compiled.variableReads()) {
                List<String> path = List.of(read.path().split("\\."));
                int at = path.indexOf(attribute);
                if (read.line() == line && read.written() && at >= 0) {
                    String reference = "$" + read.variable() + "." + String.join(".", path.subList(0, at + 1));
                    return "#if(" + reference + ")...#{else}null#end";
                }
            }
        }
        return "#if($item." + attribute + ")...#{else}null#end, with the template's own variable";
    }
}
