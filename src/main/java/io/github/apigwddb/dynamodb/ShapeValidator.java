package io.github.apigwddb.dynamodb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.apigwddb.dynamodb.AttributeValueValidator.MessageContext;

/**
 * Walks a request against its {@link Shape}: required members (DDB001), unknown members (DDB002), JSON types
 * (DDB003), model constraints (DDB004), union structures and batch sizes (DDB010), and hands every
 * AttributeValue to {@link AttributeValueValidator}. Key and item maps also get the size and key checks (DDB009).
 */
final class ShapeValidator {

    static final long MAX_ITEM_BYTES = 400 * 1024;
    static final long MAX_PARTITION_KEY_BYTES = 2048;

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Pattern TABLE_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255}");

    private final Violations violations;

    ShapeValidator(Violations violations) {
        this.violations = violations;
    }

    void validate(JsonNode value, Shape shape, RequestPath path) {
        switch (shape.kind) {
            case ANY -> { }
            case STRING -> string(value, shape, path);
            case INTEGER -> integer(value, shape, path);
            case BOOLEAN -> report(RuleIds.JSON_TYPE, path, JsonTypeMessages.forBoolean(value));
            case LIST -> list(value, shape, path);
            case MAP -> map(value, shape, path);
            case STRUCTURE -> structure(value, shape, path);
            case ATTRIBUTE_VALUE -> new AttributeValueValidator(violations, MessageContext.PLAIN).validate(value, path, 0);
        }
    }

    private void structure(JsonNode value, Shape shape, RequestPath path) {
        if (report(RuleIds.JSON_TYPE, path, JsonTypeMessages.forStructure(value, shape))) {
            return;
        }
        for (String required : shape.required) {
            JsonNode member = value.get(required);
            if (member == null || member.isNull()) {
                RequestPath memberPath = path.member(required);
                violations.add(RuleIds.REQUIRED, memberPath,
                        "Value null at '" + memberPath.awsPath() + "' failed to satisfy constraint: Member must not be null");
            }
        }
        int present = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Shape memberShape = shape.members.get(field.getKey());
            RequestPath memberPath = path.member(field.getKey());
            if (memberShape == null) {
                String suggestion = Suggestions.nearest(field.getKey(), shape.memberNames());
                violations.add(RuleIds.UNKNOWN_MEMBER, memberPath, "Unknown member '" + field.getKey() + "' in "
                        + shape.name + "; DynamoDB ignores it"
                        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
            } else if (!field.getValue().isNull()) {
                present++;
                validate(field.getValue(), memberShape, memberPath);
            }
        }
        if (shape.exactlyOneMember && present != 1) {
            violations.add(RuleIds.BATCH_TRANSACTION, path, present == 0 ? shape.noMemberMessage : shape.manyMembersMessage);
        }
    }

    private void string(JsonNode value, Shape shape, RequestPath path) {
        if (report(RuleIds.JSON_TYPE, path, JsonTypeMessages.forString(value))) {
            return;
        }
        for (String phrase : stringConstraintPhrases(value.asText(), shape)) {
            violations.add(RuleIds.CONSTRAINT, path, constraintMessage(value.asText(), path, phrase));
        }
    }

    /** The constraint phrases a string breaks, in DynamoDB's wording; empty when it is valid. */
    static List<String> stringConstraintPhrases(String text, Shape shape) {
        List<String> phrases = new ArrayList<>();
        if (shape.tableNameOrArn && !text.startsWith("arn:")) {
            // a plain table name: the TableName shape's constraints (facts §3)
            if (text.length() < 3) {
                phrases.add("Member must have length greater than or equal to 3");
            }
            if (text.length() > 255) {
                phrases.add("Member must have length less than or equal to 255");
            }
            if (!text.isEmpty() && !TABLE_NAME.matcher(text).matches()) {
                phrases.add("Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
            }
            return phrases;
        }
        if (shape.tableNameOrArn && !TABLE_ARN.matcher(text).matches()) {
            phrases.add("Member must be a table name or a DynamoDB table ARN "
                    + "(arn:<partition>:dynamodb:<region>:<account-id>:table/<table-name>)");
        }
        int length = text.codePointCount(0, text.length());
        if (shape.min != null && length < shape.min) {
            phrases.add("Member must have length greater than or equal to " + shape.min);
        }
        if (shape.max != null && length > shape.max) {
            phrases.add("Member must have length less than or equal to " + shape.max);
        }
        if (shape.pattern != null && !shape.pattern.matcher(text).matches()) {
            phrases.add("Member must satisfy regular expression pattern: " + shape.pattern.pattern());
        }
        if (!shape.enumValues.isEmpty() && !shape.enumValues.contains(text)) {
            phrases.add("Member must satisfy enum value set: [" + String.join(", ", shape.enumValues) + "]");
        }
        return phrases;
    }

    private void integer(JsonNode value, Shape shape, RequestPath path) {
        if (report(RuleIds.JSON_TYPE, path, JsonTypeMessages.forInteger(value))) {
            return;
        }
        long number = value.asLong();
        if (shape.min != null && number < shape.min) {
            violations.add(RuleIds.CONSTRAINT, path, constraintMessage(value.asText(), path,
                    "Member must have value greater than or equal to " + shape.min));
        }
        if (shape.max != null && number > shape.max) {
            violations.add(RuleIds.CONSTRAINT, path, constraintMessage(value.asText(), path,
                    "Member must have value less than or equal to " + shape.max));
        }
    }

    private void list(JsonNode value, Shape shape, RequestPath path) {
        if (report(RuleIds.JSON_TYPE, path, JsonTypeMessages.forList(value))) {
            return;
        }
        checkCount(value, shape, path);
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isNull()) {
                validate(element, shape.element, path.index(i));
            }
        }
    }

    private void map(JsonNode value, Shape shape, RequestPath path) {
        if (report(RuleIds.JSON_TYPE, path, JsonTypeMessages.forMap(value, shape))) {
            return;
        }
        checkCount(value, shape, path);
        long itemSize = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            RequestPath entryPath = path.key(key);
            for (String phrase : stringConstraintPhrases(key, shape.mapKey)) {
                violations.add(RuleIds.CONSTRAINT, entryPath, constraintMessage(key, path,
                        "Map keys must satisfy constraint: [" + phrase + "]"));
            }
            if (entry.getValue().isNull()) {
                continue;
            }
            if (shape.mapValue.kind == Shape.Kind.ATTRIBUTE_VALUE) {
                long size = new AttributeValueValidator(violations, contextFor(shape.role, key))
                        .validate(entry.getValue(), entryPath, 0);
                itemSize += AttributeValueValidator.utf8Length(key) + size;
                // an ExclusiveStartKey holds key attributes only: the table's and, querying an index, the index's
                if (shape.role == Shape.Role.KEY || shape.role == Shape.Role.START_KEY) {
                    checkKeyAttribute(key, entry.getValue(), size, entryPath);
                }
            } else {
                validate(entry.getValue(), shape.mapValue, entryPath);
            }
        }
        if (shape.role == Shape.Role.KEY && (value.size() == 0 || value.size() > 2)) {
            // a key has a partition key and at most one sort key
            violations.add(RuleIds.SIZE_DEPTH_KEY, path, "The provided key element does not match the schema");
        }
        if (shape.role == Shape.Role.ITEM && itemSize > MAX_ITEM_BYTES) {
            violations.add(RuleIds.SIZE_DEPTH_KEY, path, "Item size has exceeded the maximum allowed size (estimated "
                    + itemSize + " bytes, limit " + MAX_ITEM_BYTES + ")");
        }
    }

    private void checkKeyAttribute(String name, JsonNode value, long size, RequestPath path) {
        if (!value.isObject() || value.size() != 1) {
            return; // already reported as an AttributeValue problem
        }
        String type = value.fieldNames().next();
        JsonNode content = value.get(type);
        if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
            violations.add(RuleIds.SIZE_DEPTH_KEY, path, "The provided key element does not match the schema"
                    + " (key attributes must be of type S, N or B, found " + type + ")");
            return;
        }
        if ((type.equals("S") || type.equals("B")) && content.isTextual() && content.asText().isEmpty()) {
            violations.add(RuleIds.SIZE_DEPTH_KEY, path, "One or more parameter values are not valid. The AttributeValue "
                    + "for a key attribute cannot contain an empty string value. Key: " + name);
        }
        // Without the table schema the partition key is not known; 2048 bytes is the larger of the two limits.
        if (size > MAX_PARTITION_KEY_BYTES) {
            violations.add(RuleIds.SIZE_DEPTH_KEY, path, "One or more parameter values were invalid: Size of hashkey "
                    + "has exceeded the maximum size limit of2048 bytes");
        }
    }

    private static MessageContext contextFor(Shape.Role role, String key) {
        return switch (role) {
            case EXPRESSION_VALUES -> MessageContext.expressionValue(key);
            case START_KEY -> MessageContext.START_KEY;
            default -> MessageContext.PLAIN;
        };
    }

    private void checkCount(JsonNode value, Shape shape, RequestPath path) {
        if (shape.min != null && value.size() < shape.min) {
            violations.add(shape.lengthRuleId, path, constraintMessage(rendered(value), path,
                    "Member must have length greater than or equal to " + shape.min));
        }
        if (shape.max != null && value.size() > shape.max) {
            violations.add(shape.lengthRuleId, path, constraintMessage(rendered(value), path,
                    "Member must have length less than or equal to " + shape.max));
        }
    }

    /** A list or map as a message shows it; serialised only for a violation, as it can be large. */
    private static String rendered(JsonNode value) {
        return value.size() == 0 ? (value.isArray() ? "[]" : "{}") : abbreviate(value.toString());
    }

    static String constraintMessage(String value, RequestPath path, String phrase) {
        return "Value '" + abbreviate(value) + "' at '" + path.awsPath() + "' failed to satisfy constraint: " + phrase;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Adds a violation when {@code message} is not null; returns whether it did. */
    private boolean report(String ruleId, RequestPath path, String message) {
        if (message == null) {
            return false;
        }
        violations.add(ruleId, path, message);
        return true;
    }
}
