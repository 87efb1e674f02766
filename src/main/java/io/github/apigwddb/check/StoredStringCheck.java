package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.apigwddb.dynamodb.schema.TableSchema;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.VariableRead;
import io.github.apigwddb.vtl.RenderResult;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * RSP005: the success response the client gets is JSON for DynamoDB's answer as the example has it, but not once a
 * string of the table holds a double quote or an apostrophe, which any text a user stored may: the template writes
 * the value into a JSON string unescaped ({@code "$item.title.S"}), or escapes it with {@code $util.escapeJavaScript},
 * which turns {@code '} into {@code \'}, which JSON does not allow. The answer is rendered again with each string
 * attribute value ({@code S}, {@code SS}) ending in the character, then attribute by attribute; reported once per
 * template, naming the character and the attributes (but the request's key) that break it alone.
 */
final class StoredStringCheck implements ExampleCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIX = "$util.escapeJavaScript(...).replaceAll(\"\\\\'\",\"'\")";
    /** Stands in for an attribute's stored text in the renders that test it one by one. */
    private static final String STORED = "stored text";
    /** Attributes tried one by one at most per template: each costs a render. */
    private static final int MAX_ATTRIBUTES = 16;

    private final TemplateRunner runner;
    private final DocumentParser json = new DocumentParser();

    StoredStringCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        MappingTemplate template = run.responseTemplate;
        if (!ResponseRenderCheck.successRenderedAsJson(run, template, json) || run.reportedOnce.contains("RSP005|" + template.pointer())) {
            return;
        }
        for (String character : new String[] {"\"", "'"}) {
            String answer = withStringsEndingIn(run.dynamoDbBody, character, null, false);
            if (answer == null) {
                return; // no string attribute in the answer
            }
            if (brokenBy(run, template, answer) == null) {
                continue;
            }
            // which attributes break it alone: the finding names them, for the reader to judge which can hold such text; key
            // attributes are left out (see keyAttributes)
            Set<String> key = keyAttributes(run);
            Set<String> breaking = new LinkedHashSet<>();
            String output = null; // the render the finding points into: the first attribute's
            DocumentSyntaxException first = null;
            int tried = 0;
            for (String name : stringAttributes(run.dynamoDbBody)) {
                if (key.contains(name) || tried++ >= MAX_ATTRIBUTES) {
                    continue;
                }
                // the attribute's strings become a text of our own, so that the output shows whether the template writes it
                String rendered = render(run, template, withStringsEndingIn(run.dynamoDbBody, STORED + character, Set.of(name), true));
                DocumentSyntaxException error = writes(rendered, character) ? ResponseRenderCheck.syntaxError(json, rendered) : null;
                if (error != null) {
                    breaking.add(name);
                    if (first == null) {
                        first = error;
                        output = rendered;
                    }
                }
            }
            if (first == null) {
                continue;
            }
            run.reportedOnce.add("RSP005|" + template.pointer());
            String outputLine = OutputText.line(output, first.position().line());
            int line = new OutputLineMapper(template.text()).templateLineFor(first.position().line(), outputLine, first.position().column());
            String what = "\"".equals(character) ? "a double quote (\")" : "an apostrophe (')";
            String why = "\"".equals(character) ? "the value is written without escaping; inside a JSON string write it as " + FIX
                    + ", and outside one (a JSON document stored as text) it must be valid JSON itself"
                    : "$util.escapeJavaScript turns it into \\', which JSON does not allow; add .replaceAll(\"\\\\'\",\"'\")";
            String which = (breaking.size() == 1 ? "attribute " : "attributes ") + String.join(", ", breaking.stream().map(n -> "'" + n + "'").toList());
            run.inTemplate(Rule.RSP005, "When " + which + " of DynamoDB's answer " + (breaking.size() == 1 ? "holds " : "hold ") + what + ", as text users store may, the "
                    + ResponseRenderCheck.name(run, template, run.clientStatus) + " is not valid JSON (" + first.getMessage() + " at output line "
                    + first.position().line() + ": " + OutputText.excerpt(outputLine, first.position().column()) + "): " + why, template,
                    line, columnOfRead(template, line, breaking));
            return;
        }
    }

    /**
     * The key attributes: those of the rendered request's {@code Key}, and the key of its table when the table
     * definitions know it (a Query's items hold it too, and a key is most often made by the API, such as from
     * {@code $context.requestId}).
     */
    static Set<String> keyAttributes(ExampleRun run) {
        Set<String> names = new LinkedHashSet<>();
        if (run.requestJson != null) {
            JsonNode request = run.requestJson.root();
            request.path("Key").fieldNames().forEachRemaining(names::add);
            Set<String> tableNames = new LinkedHashSet<>();
            tableNames.add(request.path("TableName").asText(""));
            // BatchGetItem and the transactions name their tables and keys per request item
            request.path("RequestItems").fields().forEachRemaining(table -> {
                tableNames.add(table.getKey());
                table.getValue().path("Keys").forEach(key -> key.fieldNames().forEachRemaining(names::add));
            });
            request.path("TransactItems").forEach(item -> item.forEach(action -> {
                tableNames.add(action.path("TableName").asText(""));
                action.path("Key").fieldNames().forEachRemaining(names::add);
            }));
            if (run.tables != null) {
                // the named tables, and every table whose name is known only at deployment (it may be one of them)
                Set<TableSchema> named = new HashSet<>();
                tableNames.forEach(name -> run.tables.find(name).ifPresent(named::add));
                run.tables.tables().stream().filter(t -> t.name() == null || named.contains(t))
                        .forEach(t -> t.keys().forEach(key -> names.add(key.name())));
            }
        }
        return names;
    }

    /** The template's render of the answer; "" when it fails (reported where it renders). */
    private String render(ExampleRun run, MappingTemplate template, String answer) {
        RenderResult result = runner.renderResponse(run.variant(run.example), template, answer);
        return result == null || !result.ok() ? "" : result.output();
    }

    /** Why the render of the answer is no JSON; null when it is, or fails, or is empty. */
    private DocumentSyntaxException brokenBy(ExampleRun run, MappingTemplate template, String answer) {
        return ResponseRenderCheck.syntaxError(json, render(run, template, answer));
    }

    /** Where on the line the template reads the answer, for the finding; 1 when it reads nothing there. */
    /**
     * Where on the line the template writes the attribute: an {@code $input.path} read, else a variable the template
     * writes whose names hold one of the breaking attributes ({@code $item.createdAt.S} in a loop); 1 when neither.
     */
    private int columnOfRead(MappingTemplate template, int line, Set<String> breaking) {
        CompiledTemplate compiled = runner.compiled(template);
        if (compiled == null) {
            return 1;
        }
        List<InputPathCall> onLine = compiled.inputPathCalls().stream().filter(call -> call.line() == line).toList();
        for (InputPathCall call : onLine) {
            String path = call.jsonPath().replace("['", ".").replace("']", "") + ".";
            if (breaking.stream().anyMatch(name -> path.contains("." + name + "."))) {
                return call.column();
            }
        }
        for (VariableRead read : compiled.variableReads()) {
            if (read.line() == line && read.written() && breaking.stream().anyMatch(name -> ("." + read.path() + ".").contains("." + name + "."))) {
                return read.column();
            }
        }
        return onLine.isEmpty() ? 1 : onLine.get(0).column();
    }

    /** The names of the attributes of the answer that hold a string ({@code S}) or a string set ({@code SS}), in order. */
    static Set<String> stringAttributes(String answer) {
        Set<String> names = new LinkedHashSet<>();
        walk(tree(answer), (name, value) -> names.add(name));
        return names;
    }

    /**
     * Whether the output holds the probe's text with the character after it, as written or escaped: the template writes
     * the value. A value the template only tests takes it down another branch, which is not this rule's.
     */
    private static boolean writes(String output, String character) {
        return output.contains(STORED + character) || output.contains(STORED + "\\" + character);
    }

    /**
     * The answer with the {@code S} value and {@code SS} elements of the named attributes (all when {@code names} is null)
     * ending in {@code ending}, or replaced by it; a stored JSON document is left as it is. Null when nothing changed.
     */
    static String withStringsEndingIn(String answer, String ending, Set<String> names, boolean replace) {
        JsonNode root = tree(answer);
        boolean[] changed = {false};
        walk(root, (name, value) -> {
            if (names != null && !names.contains(name)) {
                return;
            }
            JsonNode text = value.get("S");
            if (text != null && text.isTextual() && !isJsonDocument(text.textValue())) {
                value.set("S", TextNode.valueOf((replace ? "" : text.textValue()) + ending));
                changed[0] = true;
            }
            if (value.get("SS") instanceof ArrayNode set) {
                for (int i = 0; i < set.size(); i++) {
                    if (set.get(i).isTextual()) {
                        set.set(i, TextNode.valueOf((replace ? "" : set.get(i).textValue()) + ending));
                        changed[0] = true;
                    }
                }
            }
        });
        return changed[0] ? root.toString() : null;
    }

    /** A stored JSON document ({@code {...}}, {@code [...]}): written as it is, it is meant to be JSON, quotes and all. */
    private static boolean isJsonDocument(String text) {
        String t = text.strip();
        return (t.startsWith("{") || t.startsWith("[")) && tree(t).isContainerNode();
    }

    /** DynamoDB's answer as a tree; a null node when it is no JSON. */
    static JsonNode tree(String answer) {
        try {
            JsonNode root = MAPPER.readTree(answer);
            return root == null ? MAPPER.nullNode() : root;
        } catch (IOException e) {
            return MAPPER.nullNode();
        }
    }

    /**
     * Calls {@code visit} with each named attribute value holding {@code S} or {@code SS}, and with the strings of a
     * list attribute under the list's name; without recursion.
     */
    private static void walk(JsonNode root, BiConsumer<String, ObjectNode> visit) {
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    if (member.getValue() instanceof ObjectNode value && (value.has("S") || value.has("SS"))) {
                        visit.accept(member.getKey(), value);
                    } else if (member.getValue() instanceof ObjectNode value && value.get("L") instanceof ArrayNode list) {
                        // the strings of a list attribute are the attribute's
                        for (JsonNode element : list) {
                            if (element instanceof ObjectNode string && (string.has("S") || string.has("SS"))) {
                                visit.accept(member.getKey(), string);
                            } else if (element.isContainerNode()) {
                                work.push(element);
                            }
                        }
                    } else if (member.getValue().isContainerNode()) {
                        work.push(member.getValue());
                    }
                }
            } else if (node instanceof ArrayNode array) {
                array.forEach(work::push);
            }
        }
    }
}
