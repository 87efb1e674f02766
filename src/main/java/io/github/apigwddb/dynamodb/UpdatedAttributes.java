package io.github.apigwddb.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.dynamodb.expression.Ast.Arithmetic;
import io.github.apigwddb.dynamodb.expression.Ast.FunctionCall;
import io.github.apigwddb.dynamodb.expression.Ast.Index;
import io.github.apigwddb.dynamodb.expression.Ast.Name;
import io.github.apigwddb.dynamodb.expression.Ast.Operand;
import io.github.apigwddb.dynamodb.expression.Ast.ParenthesizedOperand;
import io.github.apigwddb.dynamodb.expression.Ast.Path;
import io.github.apigwddb.dynamodb.expression.Ast.PathElement;
import io.github.apigwddb.dynamodb.expression.Ast.Section;
import io.github.apigwddb.dynamodb.expression.Ast.UpdateAction;
import io.github.apigwddb.dynamodb.expression.Ast.UpdateExpression;
import io.github.apigwddb.dynamodb.expression.Ast.ValueRef;
import io.github.apigwddb.dynamodb.expression.ExpressionParser;
import io.github.apigwddb.dynamodb.expression.ExpressionSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes an UpdateItem request writes, as far as the request itself tells: its UpdateExpression, parsed,
 * with {@code #names} resolved through ExpressionAttributeNames and {@code :values} through
 * ExpressionAttributeValues (or the legacy AttributeUpdates). What DynamoDB returns for {@code ReturnValues} is made
 * of these.
 *
 * @param written top-level attribute name → the AttributeValue SET or ADD gives it, in expression order; a nested
 *     path ({@code SET a.b = :v}) gives the top-level attribute a map or list holding the value; a value computed from
 *     other attributes ({@code SET a = b}) is not known and not listed
 * @param removed the top-level attributes REMOVE takes away
 */
public record UpdatedAttributes(Map<String, JsonNode> written, Set<String> removed) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final UpdatedAttributes NONE = new UpdatedAttributes(Map.of(), Set.of());

    /** What the request writes; nothing when its UpdateExpression does not parse (DDX001 says why). */
    public static UpdatedAttributes of(JsonNode request) {
        if (request.path("UpdateExpression").isTextual()) {
            UpdateExpression expression;
            try {
                expression = ExpressionParser.parseUpdate(request.get("UpdateExpression").asText());
            } catch (ExpressionSyntaxException e) {
                return NONE;
            }
            return fromExpression(expression, request.path("ExpressionAttributeNames"), request.path("ExpressionAttributeValues"));
        }
        return fromAttributeUpdates(request.path("AttributeUpdates"));
    }

    private static UpdatedAttributes fromExpression(UpdateExpression expression, JsonNode names, JsonNode values) {
        Map<String, JsonNode> written = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        for (UpdateAction action : expression.actions()) {
            List<String> steps = resolve(action.path(), names);
            if (steps == null) {
                continue;
            }
            String attribute = steps.get(0);
            if (action.section() == Section.REMOVE) {
                if (action.path().elements().size() == 1) {
                    removed.add(attribute);
                    written.remove(attribute);
                }
                continue;
            }
            if (action.section() == Section.DELETE) {
                continue; // takes elements out of a set: the attribute stays, with a value the request does not tell
            }
            JsonNode value = value(action.value(), values);
            if (value == null) {
                continue;
            }
            JsonNode nested = nest(action.path().elements(), names, value);
            written.merge(attribute, nested, UpdatedAttributes::mergeMaps);
            removed.remove(attribute);
        }
        return new UpdatedAttributes(written, removed);
    }

    /** The legacy form: {@code "AttributeUpdates": {"a": {"Action": "PUT", "Value": {"S": "x"}}}}. */
    private static UpdatedAttributes fromAttributeUpdates(JsonNode updates) {
        Map<String, JsonNode> written = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        updates.fields().forEachRemaining(update -> {
            String action = update.getValue().path("Action").asText("PUT");
            JsonNode value = update.getValue().get("Value");
            if ("DELETE".equals(action) && value == null) {
                removed.add(update.getKey());
            } else if (!"DELETE".equals(action) && value != null && value.isObject()) {
                written.put(update.getKey(), value.deepCopy());
            }
        });
        return new UpdatedAttributes(written, removed);
    }

    /** The path's names with placeholders resolved, indexes left out; null when a placeholder is not defined. */
    private static List<String> resolve(Path path, JsonNode names) {
        List<String> steps = new ArrayList<>();
        for (PathElement element : path.elements()) {
            if (element instanceof Name name) {
                String resolved = name.placeholder() ? names.path(name.text()).asText(null) : name.text();
                if (resolved == null) {
                    return null;
                }
                steps.add(resolved);
            }
        }
        return steps.isEmpty() ? null : steps;
    }

    /**
     * The AttributeValue an operand gives, as far as the request tells: a {@code :value}'s own; for
     * {@code if_not_exists(a, :v)} and {@code list_append} the value given; for arithmetic a number.
     */
    private static JsonNode value(Operand operand, JsonNode values) {
        if (operand instanceof ValueRef ref) {
            JsonNode value = values.get(ref.name());
            return value != null && value.isObject() && value.size() == 1 ? value.deepCopy() : null;
        }
        if (operand instanceof ParenthesizedOperand parenthesized) {
            return value(parenthesized.inner(), values);
        }
        if (operand instanceof FunctionCall call) {
            for (int i = call.arguments().size() - 1; i >= 0; i--) {
                JsonNode value = value(call.arguments().get(i), values);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
        if (operand instanceof Arithmetic arithmetic) {
            JsonNode left = value(arithmetic.left(), values);
            JsonNode right = value(arithmetic.right(), values);
            JsonNode number = left != null && left.has("N") ? left : right != null && right.has("N") ? right : null;
            return number != null ? number : NODES.objectNode().put("N", "1");
        }
        return null; // another attribute's value
    }

    /** The value as the top-level attribute holds it: {@code a.b[0]} = v is {"M": {"b": {"L": [v]}}}. */
    private static JsonNode nest(List<PathElement> elements, JsonNode names, JsonNode value) {
        JsonNode inner = value;
        for (int i = elements.size() - 1; i > 0; i--) {
            if (elements.get(i) instanceof Index) {
                inner = NODES.objectNode().set("L", NODES.arrayNode().add(inner));
            } else {
                Name name = (Name) elements.get(i);
                ObjectNode map = NODES.objectNode();
                map.set(name.placeholder() ? names.path(name.text()).asText() : name.text(), inner);
                inner = NODES.objectNode().set("M", map);
            }
        }
        return inner;
    }

    /** Two writes of one attribute: nested maps are merged, otherwise the later one wins. */
    private static JsonNode mergeMaps(JsonNode earlier, JsonNode later) {
        if (earlier.path("M").isObject() && later.path("M").isObject()) {
            ObjectNode merged = earlier.deepCopy();
            later.get("M").fields().forEachRemaining(member -> {
                JsonNode before = merged.get("M").get(member.getKey());
                ((ObjectNode) merged.get("M")).set(member.getKey(), before == null ? member.getValue() : mergeMaps(before, member.getValue()));
            });
            return merged;
        }
        return later;
    }
}
