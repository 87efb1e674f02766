package io.github.apigwddb.dynamodb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DDB004 for the legacy conditions: {@code Expected} (PutItem, UpdateItem, DeleteItem) and {@code KeyConditions},
 * {@code QueryFilter}, {@code ScanFilter}. Argument counts per ComparisonOperator, one type per
 * AttributeValueList, the types each operator takes, and how {@code Exists}, {@code Value},
 * {@code AttributeValueList} and {@code ComparisonOperator} combine in {@code Expected}. DynamoDB's messages
 * (dynamodb-facts.md §3, as dynalite's {@code validateConditions}/{@code validateAttributeConditions} record them).
 */
final class LegacyConditionRule implements RequestRule {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> SCALARS = Set.of("S", "N", "B");
    private static final Set<String> EQUALITY_TYPES = Set.of("S", "N", "B", "SS", "NS", "BS");

    @Override
    public String ruleId() {
        return RuleIds.CONSTRAINT;
    }

    @Override
    public void check(String action, ObjectNode request, Violations violations) {
        for (String member : List.of("KeyConditions", "QueryFilter", "ScanFilter")) {
            if (request.get(member) instanceof ObjectNode conditions) {
                forEach(conditions, RequestPath.ROOT.member(member), (name, condition, path) -> condition(condition, path, violations));
            }
        }
        if (request.get("Expected") instanceof ObjectNode expected) {
            forEach(expected, RequestPath.ROOT.member("Expected"), (name, condition, path) -> expected(name, condition, path, violations));
        }
    }

    private interface Visitor {
        void visit(String name, ObjectNode condition, RequestPath path);
    }

    private static void forEach(ObjectNode map, RequestPath path, Visitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue() instanceof ObjectNode condition) {
                visitor.visit(entry.getKey(), condition, path.key(entry.getKey()));
            }
        }
    }

    /** A Condition of KeyConditions/QueryFilter/ScanFilter: operator with its AttributeValueList. */
    private static void condition(ObjectNode condition, RequestPath path, Violations violations) {
        String operator = condition.path("ComparisonOperator").asText(null);
        if (operator == null) {
            return; // DDB001/DDB004 report a missing or invalid operator
        }
        List<String> types = types(condition.get("AttributeValueList"));
        if (types == null) {
            return;
        }
        operands(operator, types, path, violations);
    }

    private static void expected(String name, ObjectNode condition, RequestPath path, Violations violations) {
        boolean hasList = condition.has("AttributeValueList");
        boolean hasValue = condition.has("Value") && !condition.get("Value").isNull();
        if (hasList && hasValue) {
            violations.add(RuleIds.CONSTRAINT, path, INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + name);
            return;
        }
        if (condition.has("ComparisonOperator")) {
            String operator = condition.get("ComparisonOperator").asText();
            if (condition.has("Exists")) {
                violations.add(RuleIds.CONSTRAINT, path, INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + name);
                return;
            }
            if (!operator.equals("NULL") && !operator.equals("NOT_NULL") && !hasList && !hasValue) {
                violations.add(RuleIds.CONSTRAINT, path, INVALID + "Value or AttributeValueList must be used with ComparisonOperator: "
                        + operator + " for Attribute: " + name);
                return;
            }
            List<String> types = hasValue ? types(List.of(condition.get("Value"))) : types(condition.get("AttributeValueList"));
            if (types != null) {
                operands(operator, types, path, violations);
            }
        } else if (hasList) {
            violations.add(RuleIds.CONSTRAINT, path, INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
        } else {
            JsonNode exists = condition.get("Exists");
            boolean mustExist = exists == null || exists.isNull() || exists.asBoolean(true);
            if (mustExist && !hasValue) {
                violations.add(RuleIds.CONSTRAINT, path, INVALID + "Value must be provided when Exists is "
                        + (exists == null || exists.isNull() ? "null" : "true") + " for Attribute: " + name);
            } else if (!mustExist && hasValue) {
                violations.add(RuleIds.CONSTRAINT, path, INVALID + "Value cannot be used when Exists is false for Attribute: " + name);
            }
        }
    }

    /** Argument count, one type, and the types the operator takes. */
    private static void operands(String operator, List<String> types, RequestPath path, Violations violations) {
        int count = types.size();
        boolean countOk = switch (operator) {
            case "NULL", "NOT_NULL" -> count == 0;
            case "IN" -> count >= 1;
            case "BETWEEN" -> count == 2;
            case "EQ", "NE", "LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH" -> count == 1;
            default -> true; // an unknown operator is DDB004's enum check
        };
        if (!countOk) {
            violations.add(RuleIds.CONSTRAINT, path, INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
            return;
        }
        if (types.stream().distinct().count() > 1) {
            violations.add(RuleIds.CONSTRAINT, path, INVALID + "AttributeValues inside AttributeValueList must be of same type");
            return;
        }
        Set<String> allowed = switch (operator) {
            case "EQ", "NE" -> EQUALITY_TYPES;
            case "BEGINS_WITH" -> Set.of("S", "B");
            case "NULL", "NOT_NULL" -> null;
            default -> SCALARS;
        };
        for (String type : types) {
            if (allowed != null && !allowed.contains(type)) {
                violations.add(RuleIds.CONSTRAINT, path, INVALID + "ComparisonOperator " + operator + " is not valid for " + type
                        + " AttributeValue type");
                return;
            }
        }
    }

    /** The data type of each AttributeValue; null when one is malformed (DDB006 reports it). */
    private static List<String> types(Iterable<JsonNode> values) {
        List<String> types = new ArrayList<>();
        if (values == null) {
            return types;
        }
        if (values instanceof JsonNode node && !node.isArray()) {
            return null;
        }
        for (JsonNode value : values) {
            if (value == null || !value.isObject() || value.size() != 1) {
                return null;
            }
            types.add(value.fieldNames().next());
        }
        return types;
    }
}
