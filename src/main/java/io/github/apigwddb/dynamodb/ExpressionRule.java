package io.github.apigwddb.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.apigwddb.dynamodb.expression.ExpressionAnalyzer;
import io.github.apigwddb.dynamodb.expression.ExpressionKind;
import io.github.apigwddb.dynamodb.expression.ExpressionProblem;

/**
 * Runs the expression checks (DDX001–DDX011) on every structure of the request that carries expressions: the
 * request itself, each BatchGetItem table entry and each transaction action. The placeholder maps are checked
 * here (DDX003 unused, DDX004 keys and presence); the expressions themselves by {@link ExpressionAnalyzer}.
 */
final class ExpressionRule implements RequestRule {

    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");
    static final int MAX_PLACEHOLDER_BYTES = 255;
    static final int MAX_PLACEHOLDER_MAPS_BYTES = 2 * 1024 * 1024;
    private static final int BYTES_AROUND_ELEMENT = 16;
    /** Shapes are built once and never change, so this holds one entry per structure shape of the model. */
    private static final Map<Shape, Map<String, ExpressionKind>> EXPRESSION_MEMBERS = new ConcurrentHashMap<>();

    @Override
    public String ruleId() {
        return "DDX001-DDX011";
    }

    @Override
    public void check(String action, ObjectNode request, Violations violations) {
        Shape input = DynamoDbModel.input(action);
        if (input != null) {
            visit(request, input, RequestPath.ROOT, violations);
        }
    }

    /** Finds the structures whose shape has expression members, following the shape through lists and maps. */
    private void visit(JsonNode node, Shape shape, RequestPath path, Violations violations) {
        switch (shape.kind) {
            case STRUCTURE -> {
                if (!(node instanceof ObjectNode object)) {
                    return;
                }
                if (!expressionMembers(shape).isEmpty()) {
                    checkStructure(object, shape, path, violations);
                }
                shape.members.forEach((name, memberShape) -> {
                    JsonNode member = object.get(name);
                    if (member != null && (memberShape.kind == Shape.Kind.STRUCTURE || memberShape.kind == Shape.Kind.LIST
                            || (memberShape.kind == Shape.Kind.MAP && memberShape.mapValue.kind != Shape.Kind.ATTRIBUTE_VALUE))) {
                        visit(member, memberShape, path.member(name), violations);
                    }
                });
            }
            case LIST -> {
                if (node.isArray()) {
                    for (int i = 0; i < node.size(); i++) {
                        visit(node.get(i), shape.element, path.index(i), violations);
                    }
                }
            }
            case MAP -> {
                if (node.isObject()) {
                    node.fields().forEachRemaining(e -> visit(e.getValue(), shape.mapValue, path.key(e.getKey()), violations));
                }
            }
            default -> { }
        }
    }

    private void checkStructure(ObjectNode node, Shape shape, RequestPath path, Violations violations) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        JsonNode nameMap = node.get("ExpressionAttributeNames");
        JsonNode valueMap = node.get("ExpressionAttributeValues");
        if (nameMap != null && nameMap.isObject()) {
            nameMap.fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        }
        // an action without ExpressionAttributeValues (GetItem) drops the member unread: DDB002 warns about it
        if (valueMap != null && valueMap.isObject() && shape.members.containsKey("ExpressionAttributeValues")) {
            valueMap.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        }

        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(names, values);
        boolean allParsed = true;
        boolean anyExpression = false;
        boolean anyValueExpression = false;
        List<String> valueExpressionMembers = new ArrayList<>();
        for (Map.Entry<String, ExpressionKind> expressionMember : expressionMembers(shape).entrySet()) {
            String member = expressionMember.getKey();
            ExpressionKind kind = expressionMember.getValue();
            if (kind.usesValues()) {
                valueExpressionMembers.add(member);
            }
            JsonNode text = node.get(member);
            if (text == null || text.isNull() || !text.isTextual()) {
                continue;
            }
            anyExpression = true;
            anyValueExpression |= kind.usesValues();
            for (ExpressionProblem problem : analyzer.analyze(kind, text.asText())) {
                violations.add(problem.ruleId(), path.member(member), problem.message(), problem.ofValuesAlone());
                allParsed &= !problem.ruleId().equals("DDX001");
            }
        }

        if (nameMap != null && nameMap.isObject()) {
            checkPlaceholderMap("ExpressionAttributeNames", nameMap, NAME_KEY, anyExpression,
                    "ExpressionAttributeNames can only be specified when using expressions", path, violations);
            List<String> unused = names.keySet().stream().filter(k -> !analyzer.usedNames().contains(k)).toList();
            if (allParsed && anyExpression && !unused.isEmpty()) {
                violations.add("DDX003", path.member("ExpressionAttributeNames"),
                        "Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unused) + "}");
            }
        }
        // an action without ExpressionAttributeValues (GetItem) drops the member unread: DDB002 warns about it
        if (valueMap != null && valueMap.isObject() && shape.members.containsKey("ExpressionAttributeValues")) {
            String notUsing = "ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressionMembers) + (valueExpressionMembers.size() == 1 ? " is null" : " are null");
            checkPlaceholderMap("ExpressionAttributeValues", valueMap, VALUE_KEY, anyValueExpression, notUsing, path, violations);
            List<String> unused = values.keySet().stream().filter(k -> !analyzer.usedValues().contains(k)).toList();
            if (allParsed && anyValueExpression && !unused.isEmpty()) {
                violations.add("DDX003", path.member("ExpressionAttributeValues"),
                        "Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unused) + "}");
            }
        }
        // serialising the maps to measure them is costly; only when a cheap upper bound reaches the limit
        if (jsonBytesAtMost(nameMap) + jsonBytesAtMost(valueMap) > MAX_PLACEHOLDER_MAPS_BYTES) {
            long mapBytes = jsonBytes(nameMap) + jsonBytes(valueMap);
            if (mapBytes > MAX_PLACEHOLDER_MAPS_BYTES) {
                violations.add("DDX011", path, "ExpressionAttributeNames and ExpressionAttributeValues together take about "
                        + mapBytes + " bytes; DynamoDB allows at most 2 MB");
            }
        }
    }

    /** The members of a structure that hold expressions, in the model's order; worked out once per shape. */
    private static Map<String, ExpressionKind> expressionMembers(Shape shape) {
        return EXPRESSION_MEMBERS.computeIfAbsent(shape, s -> {
            Map<String, ExpressionKind> members = new LinkedHashMap<>();
            for (String member : s.members.keySet()) {
                ExpressionKind kind = ExpressionKind.ofMember(member);
                if (kind != null) {
                    members.put(member, kind);
                }
            }
            return Collections.unmodifiableMap(members);
        });
    }

    private static long jsonBytes(JsonNode node) {
        return node == null ? 0 : node.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * At least {@link #jsonBytes}: a character of a name or value takes at most 6 bytes in UTF-8 JSON (a control
     * character's unicode escape), and quotes, separators, brackets and literals at most
     * {@value #BYTES_AROUND_ELEMENT} per member or element.
     */
    private static long jsonBytesAtMost(JsonNode node) {
        long bytes = 0;
        Deque<JsonNode> work = new ArrayDeque<>();
        if (node != null) {
            work.push(node);
        }
        while (!work.isEmpty()) {
            JsonNode next = work.pop();
            bytes += BYTES_AROUND_ELEMENT;
            if (next.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = next.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    bytes += BYTES_AROUND_ELEMENT + 6L * member.getKey().length();
                    work.push(member.getValue());
                }
            } else if (next.isArray()) {
                next.elements().forEachRemaining(work::push);
            } else if (next.isTextual() || next.isNumber()) {
                bytes += 6L * next.asText().length();
            }
        }
        return bytes;
    }

    private void checkPlaceholderMap(String member, JsonNode map, Pattern keyPattern, boolean expressionsPresent,
                                     String notUsingMessage, RequestPath path, Violations violations) {
        RequestPath mapPath = path.member(member);
        if (!expressionsPresent) {
            violations.add("DDX004", mapPath, notUsingMessage);
            return;
        }
        if (map.isEmpty()) {
            violations.add("DDX004", mapPath, member + " must not be empty");
            return;
        }
        for (Iterator<String> keys = map.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!keyPattern.matcher(key).matches()) {
                violations.add("DDX004", mapPath.key(key), member + " contains invalid key: Syntax error; key: \"" + key + "\"");
            } else if (key.getBytes(StandardCharsets.UTF_8).length > MAX_PLACEHOLDER_BYTES) {
                violations.add("DDX011", mapPath.key(key), "The placeholder " + key.substring(0, 20) + "… is longer than "
                        + MAX_PLACEHOLDER_BYTES + " bytes, DynamoDB's limit");
            }
        }
    }
}
