package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.apigwddb.dynamodb.DynamoDbActions;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.vtl.BranchReads;
import io.github.apigwddb.vtl.RenderResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * MAP012 for a template that copies DynamoDB's typed JSON to the client ({@code $input.json('$.Items')},
 * {@code "raw": $input.path('$.Items')}, {@code $input.body}): a read's success answer is rendered again with the values
 * of its items marked (strings and numbers ending in a probe, an item without either given a probe attribute), and the
 * client JSON is searched for AttributeValues holding a mark. Only a value that comes from the answer's items counts, so
 * a client API of its own with a member named {@code S}, or a cursor made of {@code LastEvaluatedKey}, is not reported.
 * Writes' {@code Attributes} are not judged: the rule is about reads, as its other half (no template at all) is.
 * Once per template, at the reference that writes the value.
 */
final class TypedJsonResponseCheck implements ExampleCheck {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Ends every string of the probed items; and the number mark, digits after the point of every number. */
    static final String MARK = "~apigw-typed";
    static final String NUMBER_MARK = "000271828";
    /** Given to an item with no string or number to mark (a made-up item of a Scan is often empty). */
    static final String PROBE_ATTRIBUTE = "apigwTypedProbe";
    private static final Set<String> TYPES = OutputPathMatcher.TYPES;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FIX = "map each attribute to a plain value (#set($item = $input.path('$.Item')) ... \"title\":"
            + " \"$util.escapeJavaScript($item.title.S).replaceAll(\"\\\\'\",\"'\")\"), and #foreach over the items of a list";

    private final TemplateRunner runner;
    private final DocumentParser json = new DocumentParser();

    TypedJsonResponseCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        MappingTemplate template = run.responseTemplate;
        String key = "MAP012|" + (template == null ? "" : template.pointer());
        if (!DynamoDbActions.isRead(run.action()) || !ResponseRenderCheck.successRenderedAsJson(run, template, json)
                || run.reportedOnce.contains(key)) {
            return;
        }
        String probe = marked(run.dynamoDbBody);
        if (probe == null) {
            return; // no item in the answer: nothing of it to copy
        }
        JsonNode original = json.treeOrNull(run.clientResponse);
        if (!probe.contains(PROBE_ATTRIBUTE) && first(original, TypedJsonResponseCheck::isAttributeValue) == null) {
            return; // marks change values, not shapes: a response without an AttributeValue's shape gets none from them
        }
        RenderResult result = runner.renderResponse(run.variant(run.example), template, probe);
        ParsedDocument output;
        try {
            output = result == null || !result.ok() || result.output().isBlank() ? null : json.parseJson(result.output());
        } catch (DocumentSyntaxException e) {
            output = null; // the marks took the render down another branch; the example's own render is judged as it is
        }
        String pointer = output == null ? null : first(output.root(), node -> isAttributeValue(node) && holdsMark(node));
        if (pointer == null) {
            return;
        }
        run.reportedOnce.add(key);
        // the probe attribute stands for the item that holds it: the client gets that item as DynamoDB has it
        boolean wholeItem = pointer.endsWith("/" + PROBE_ATTRIBUTE);
        String named = wholeItem ? pointer.substring(0, pointer.lastIndexOf('/')) : pointer;
        JsonNode shown = original == null ? null : original.at(named);
        String where = named.isEmpty() ? "as its whole body" : "at " + named;
        String what = wholeItem ? "an item of DynamoDB's answer as it is (each attribute an AttributeValue such as {\"S\": ...}) " + where
                : "the DynamoDB AttributeValue " + (shown != null && !shown.isMissingNode() && isAttributeValue(shown) ? excerpt(shown)
                        : "{\"" + output.root().at(pointer).fieldNames().next() + "\": ...}") + " " + where;
        TextPosition at = output.sourceMap().valueStart(pointer);
        // the writer: a read of the answer's items, else a variable written whole or by a member that is no type
        // ($root.Items, not $item.title.S)
        int[] place = ValueWriter.of(runner, run, template, output.text(), at == null ? TextPosition.START : at,
                TypedJsonResponseCheck::readsItems, read -> !TYPES.contains(read.lastName()));
        run.inTemplate(Rule.MAP012, run.action() + " answers in DynamoDB JSON, and the template copies it to the client: the "
                + ResponseRenderCheck.name(run, template, run.clientStatus) + " holds " + what + "; " + FIX, template, place[0], place[1]);
    }

    /**
     * The answer with the values of its items marked (see {@link #MARK}); null when it has no item. The items: GetItem's
     * {@code Item}, {@code Items} (Query, Scan, ExecuteStatement), BatchGetItem's {@code Responses} by table, and the
     * {@code Item} of each of {@code Responses} (TransactGetItems, ExecuteTransaction, BatchExecuteStatement).
     */
    static String marked(String answer) {
        if (!(StoredStringCheck.tree(answer) instanceof ObjectNode root)) {
            return null;
        }
        List<ObjectNode> items = new ArrayList<>();
        addItem(root.get("Item"), items);
        if (root.get("Items") instanceof ArrayNode list) {
            list.forEach(item -> addItem(item, items));
        }
        JsonNode responses = root.get("Responses");
        if (responses instanceof ObjectNode byTable) {
            byTable.forEach(list -> list.forEach(item -> addItem(item, items)));
        } else if (responses instanceof ArrayNode list) {
            list.forEach(response -> addItem(response.get("Item"), items));
        }
        if (items.isEmpty()) {
            return null;
        }
        for (ObjectNode item : items) {
            boolean[] any = {false};
            item.forEach(value -> any[0] |= mark(value));
            if (!any[0]) {
                item.set(PROBE_ATTRIBUTE, NODES.objectNode().put("S", MARK));
            }
        }
        return root.toString();
    }

    private static void addItem(JsonNode node, List<ObjectNode> items) {
        if (node instanceof ObjectNode item) {
            items.add(item);
        }
    }

    /** Marks the strings and plain numbers in an AttributeValue; whether it marked any. Without recursion. */
    private static boolean mark(JsonNode value) {
        boolean any = false;
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(value);
        while (!work.isEmpty()) {
            if (!(work.pop() instanceof ObjectNode attribute)) {
                continue;
            }
            JsonNode s = attribute.get("S");
            JsonNode n = attribute.get("N");
            if (s != null && s.isTextual()) {
                attribute.set("S", TextNode.valueOf(s.textValue() + MARK));
                any = true;
            } else if (n != null && n.isTextual() && PLAIN_NUMBER.matcher(n.textValue()).matches()) {
                attribute.set("N", TextNode.valueOf(markNumber(n.textValue())));
                any = true;
            } else if (attribute.get("SS") instanceof ArrayNode set) {
                for (int i = 0; i < set.size(); i++) {
                    set.set(i, TextNode.valueOf(set.get(i).asText() + MARK));
                    any = true;
                }
            } else if (attribute.get("NS") instanceof ArrayNode set) {
                for (int i = 0; i < set.size(); i++) {
                    if (PLAIN_NUMBER.matcher(set.get(i).asText()).matches()) {
                        set.set(i, TextNode.valueOf(markNumber(set.get(i).asText())));
                        any = true;
                    }
                }
            } else if (attribute.get("M") instanceof ObjectNode map) {
                map.forEach(work::push);
            } else if (attribute.get("L") instanceof ArrayNode list) {
                list.forEach(work::push);
            }
        }
        return any;
    }

    /** Still a number, and one DynamoDB could hold: {@code 1} becomes {@code 1.000271828}. */
    private static String markNumber(String number) {
        return (number.contains(".") ? number : number + ".") + NUMBER_MARK;
    }

    /** The pointer of the first node (in document order) that is {@code wanted}, outermost first; null when none. */
    static String first(JsonNode root, Predicate<JsonNode> wanted) {
        if (root == null) {
            return null;
        }
        Deque<Map.Entry<String, JsonNode>> work = new ArrayDeque<>();
        work.push(Map.entry("", root));
        while (!work.isEmpty()) {
            Map.Entry<String, JsonNode> next = work.pop();
            JsonNode node = next.getValue();
            if (wanted.test(node)) {
                return next.getKey();
            }
            // children pushed last first, so that they come out in document order
            List<Map.Entry<String, JsonNode>> children = new ArrayList<>();
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    children.add(Map.entry(JsonPointers.child(next.getKey(), member.getKey()), member.getValue()));
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    children.add(Map.entry(JsonPointers.child(next.getKey(), i), array.get(i)));
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                work.push(children.get(i));
            }
        }
        return null;
    }

    /**
     * Whether the node has the shape of an AttributeValue: one member, named by a type, with a value of that type's shape
     * (a map's members and a list's elements AttributeValues too). Judged without recursion.
     */
    static boolean isAttributeValue(JsonNode root) {
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (!(node instanceof ObjectNode object) || object.size() != 1) {
                return false;
            }
            String type = object.fieldNames().next();
            JsonNode value = object.get(type);
            boolean fits = switch (TYPES.contains(type) ? type : "") {
                case "S", "N", "B" -> value.isTextual();
                case "BOOL" -> value.isBoolean();
                case "NULL" -> value.isBoolean() && value.booleanValue();
                case "SS", "NS", "BS" -> value.isArray() && !value.isEmpty() && allText(value);
                case "M" -> value.isObject();
                case "L" -> value.isArray();
                default -> false;
            };
            if (!fits) {
                return false;
            }
            if (type.equals("M") || type.equals("L")) {
                value.forEach(work::push);
            }
        }
        return true;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Whether an AttributeValue holds a string or number of the probed items. */
    private static boolean holdsMark(JsonNode value) {
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(value);
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node.isTextual() && (node.textValue().endsWith(MARK) || node.textValue().endsWith(NUMBER_MARK))) {
                return true;
            }
            node.forEach(work::push);
        }
        return false;
    }

    private static String excerpt(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    /** Whether a JSONPath reads the whole answer or its items ({@code $}, {@code $.Item}, {@code $.Items[0]}, {@code $.Responses}). */
    static boolean readsItems(String jsonPath) {
        String path = BranchReads.normalPath(jsonPath);
        return path != null && (path.equals("$") || path.startsWith("$['Item']") || path.startsWith("$['Items']")
                || path.startsWith("$['Responses']"));
    }
}
