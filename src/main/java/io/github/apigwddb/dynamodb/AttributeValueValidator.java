package io.github.apigwddb.dynamodb;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks one AttributeValue and everything nested in it: JSON types (DDB003), exactly one data type
 * (DDB006), numbers (DDB007), sets, NULL and base64 (DDB008) and nesting depth (DDB009). Returns an
 * estimate of the value's stored size so callers can check the 400 KB item limit.
 */
final class AttributeValueValidator {

    static final List<String> TYPES = List.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
    static final int MAX_DEPTH = 32;

    /** Rewrites DynamoDB's AttributeValue messages for the context they occur in (facts §7). */
    interface MessageContext {
        MessageContext PLAIN = (message, wrapsNumbers) -> message;

        String wrap(String message, boolean numberOrDuplicate);

        static MessageContext expressionValue(String key) {
            return (message, numberOrDuplicate) ->
                    "ExpressionAttributeValues contains invalid value: " + message + " for key " + key;
        }

        /** DynamoDB omits the prefix for the number and duplicate messages of a starting key. */
        MessageContext START_KEY = (message, numberOrDuplicate) ->
                numberOrDuplicate ? message : "The provided starting key is invalid: " + message;
    }

    private final Violations violations;
    private final MessageContext context;

    AttributeValueValidator(Violations violations, MessageContext context) {
        this.violations = violations;
        this.context = context;
    }

    /** Validates the value at {@code path}; depth 0 is a top-level attribute. Returns the estimated size in bytes. */
    long validate(JsonNode value, RequestPath path, int depth) {
        String typeProblem = value.isObject() ? null
                : value.isArray() ? "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"
                : "Unexpected value type in payload";
        if (typeProblem != null) {
            violations.add(RuleIds.JSON_TYPE, path, typeProblem);
            return 0;
        }
        List<String> present = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (!TYPES.contains(name)) {
                String suggestion = Suggestions.nearest(name, TYPES);
                violations.add(RuleIds.UNKNOWN_MEMBER, path.member(name), "Unknown AttributeValue member '" + name
                        + "'; DynamoDB ignores it" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
            } else if (!field.getValue().isNull()) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            violations.add(RuleIds.ATTRIBUTE_VALUE_TYPE, path, context.wrap(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes", false));
            return 0;
        }
        if (present.size() > 1) {
            violations.add(RuleIds.ATTRIBUTE_VALUE_TYPE, path, context.wrap(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
                    false));
        }
        long size = 0;
        for (String type : present) {
            size += validateMember(type, value.get(type), path.member(type), depth);
        }
        return size;
    }

    private long validateMember(String type, JsonNode member, RequestPath path, int depth) {
        return switch (type) {
            case "S" -> string(member, path);
            case "N" -> number(member, path);
            case "B" -> binary(member, path);
            case "SS", "NS", "BS" -> set(type, member, path);
            case "M" -> map(member, path, depth);
            case "L" -> list(member, path, depth);
            case "NULL" -> nullValue(member, path);
            case "BOOL" -> booleanValue(member, path);
            default -> 0;
        };
    }

    private long string(JsonNode member, RequestPath path) {
        String problem = JsonTypeMessages.forString(member);
        if (problem != null) {
            violations.add(RuleIds.JSON_TYPE, path, problem);
            return 0;
        }
        return utf8Length(member.asText());
    }

    private long number(JsonNode member, RequestPath path) {
        String problem = JsonTypeMessages.forString(member);
        if (problem != null) {
            violations.add(RuleIds.JSON_TYPE, path, problem);
            return 0;
        }
        String numberProblem = DynamoNumber.problem(member.asText());
        if (numberProblem != null) {
            violations.add(RuleIds.NUMBER, path, context.wrap(numberProblem, true));
            return 0;
        }
        return DynamoNumber.estimatedSize(member.asText());
    }

    private long binary(JsonNode member, RequestPath path) {
        String problem = JsonTypeMessages.forBlob(member);
        if (problem != null) {
            violations.add(RuleIds.JSON_TYPE, path, problem);
            return 0;
        }
        return base64(member.asText(), path);
    }

    /** Validates base64 as DynamoDB's Jackson-based deserializer does; returns the decoded length. */
    private long base64(String text, RequestPath path) {
        if (text.length() % 4 != 0) {
            violations.add(RuleIds.SET_NULL_BINARY, path, context.wrap(
                    "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length(), false));
            return 0;
        }
        try {
            return Base64.getDecoder().decode(text).length;
        } catch (IllegalArgumentException e) {
            violations.add(RuleIds.SET_NULL_BINARY, path, context.wrap(
                    "Invalid last non-pad Base64 character dectected", false));
            return 0;
        }
    }

    private long set(String type, JsonNode member, RequestPath path) {
        String problem = JsonTypeMessages.forList(member);
        if (problem != null) {
            violations.add(RuleIds.JSON_TYPE, path, problem);
            return 0;
        }
        if (member.isEmpty()) {
            String message = switch (type) {
                case "SS" -> "One or more parameter values were invalid: An string set  may not be empty";
                case "NS" -> "One or more parameter values were invalid: An number set  may not be empty";
                default -> "One or more parameter values were invalid: Binary sets should not be empty";
            };
            violations.add(RuleIds.SET_NULL_BINARY, path, context.wrap(message, false));
            return 0;
        }
        long size = 0;
        boolean allValid = true;
        Set<String> seen = new HashSet<>();
        boolean duplicate = false;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < member.size(); i++) {
            JsonNode element = member.get(i);
            RequestPath elementPath = path.index(i);
            String elementProblem = type.equals("BS") ? JsonTypeMessages.forBlob(element) : JsonTypeMessages.forString(element);
            if (elementProblem != null) {
                violations.add(RuleIds.JSON_TYPE, elementPath, elementProblem);
                allValid = false;
                continue;
            }
            String text = element.asText();
            texts.add(text);
            switch (type) {
                case "SS" -> {
                    size += utf8Length(text);
                    duplicate |= !seen.add(text);
                }
                case "NS" -> {
                    String numberProblem = DynamoNumber.problem(text);
                    if (numberProblem != null) {
                        violations.add(RuleIds.NUMBER, elementPath, context.wrap(numberProblem, true));
                        allValid = false;
                    } else {
                        size += DynamoNumber.estimatedSize(text);
                        duplicate |= !seen.add(DynamoNumber.canonical(text));
                    }
                }
                default -> {
                    int before = violations.list().size();
                    size += base64(text, elementPath);
                    allValid &= violations.list().size() == before;
                    duplicate |= !seen.add(text);
                }
            }
        }
        if (allValid && duplicate) {
            String listed = "[" + String.join(", ", texts) + "]";
            String message = switch (type) {
                case "SS" -> "One or more parameter values were invalid: Input collection " + listed + " contains duplicates.";
                case "NS" -> "Input collection contains duplicates";
                default -> "One or more parameter values were invalid: Input collection " + listed + "of type BS contains duplicates.";
            };
            violations.add(RuleIds.SET_NULL_BINARY, path, context.wrap(message, true));
        }
        return size;
    }

    private long map(JsonNode member, RequestPath path, int depth) {
        if (!member.isObject()) {
            violations.add(RuleIds.JSON_TYPE, path, member.isArray()
                    ? "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>"
                    : "Unexpected field type");
            return 0;
        }
        if (tooDeep(path, depth)) {
            return 0;
        }
        long size = 3; // map overhead, per DynamoDB's item-size documentation
        for (Iterator<Map.Entry<String, JsonNode>> it = member.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            size += 1 + utf8Length(field.getKey());
            if (!field.getValue().isNull()) {
                size += validate(field.getValue(), path.key(field.getKey()), depth + 1);
            }
        }
        return size;
    }

    private long list(JsonNode member, RequestPath path, int depth) {
        String problem = JsonTypeMessages.forList(member);
        if (problem != null) {
            violations.add(RuleIds.JSON_TYPE, path, problem);
            return 0;
        }
        if (tooDeep(path, depth)) {
            return 0;
        }
        long size = 3;
        for (int i = 0; i < member.size(); i++) {
            size += 1 + validate(member.get(i), path.index(i), depth + 1);
        }
        return size;
    }

    private boolean tooDeep(RequestPath path, int depth) {
        if (depth + 1 > MAX_DEPTH) {
            violations.add(RuleIds.SIZE_DEPTH_KEY, path, "Nested attribute depth exceeds DynamoDB's limit of "
                    + MAX_DEPTH + " levels");
            return true;
        }
        return false;
    }

    private long nullValue(JsonNode member, RequestPath path) {
        String problem = JsonTypeMessages.forBoolean(member);
        if (problem != null) {
            violations.add(RuleIds.JSON_TYPE, path, problem);
            return 0;
        }
        if (!JsonTypeMessages.booleanValue(member)) {
            violations.add(RuleIds.SET_NULL_BINARY, path, context.wrap(
                    "One or more parameter values were invalid: Null attribute value types must have the value of true", false));
        }
        return 1;
    }

    private long booleanValue(JsonNode member, RequestPath path) {
        String problem = JsonTypeMessages.forBoolean(member);
        if (problem != null) {
            violations.add(RuleIds.JSON_TYPE, path, problem);
        }
        return 1;
    }

    /** What {@code text.getBytes(UTF_8).length} gives (a lone surrogate becomes one '?'), counted without the copy. */
    static long utf8Length(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 2; // four bytes for the two chars
                i++;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            }
        }
        return bytes;
    }
}
