package io.github.apigwddb.dynamodb;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DynamoDB's SerializationException wording for a JSON value of the wrong type (dynamodb-facts.md §6).
 * Each method returns null when the value is acceptable. Where DynamoDB's wording is not on record the
 * message says plainly what was expected.
 */
final class JsonTypeMessages {

    /** Strings DynamoDB's deserializer accepts for a boolean (facts §6). */
    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "1", "0", "yes", "no");

    private JsonTypeMessages() {
    }

    static String forString(JsonNode value) {
        if (value.isTextual()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return "NUMBER_VALUE cannot be converted to String";
        }
        if (value.isNumber()) {
            return "DECIMAL_VALUE cannot be converted to String";
        }
        if (value.isBoolean()) {
            return (value.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to String";
        }
        return structural(value, "class java.lang.String");
    }

    static String forInteger(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() ? null : "Expected a 32-bit integer, found " + value.asText();
        }
        if (value.isNumber()) {
            return "Expected an integer, found the decimal number " + value.asText();
        }
        if (value.isTextual()) {
            return "STRING_VALUE cannot be converted to Integer";
        }
        if (value.isBoolean()) {
            return (value.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to Integer";
        }
        return structural(value, "class java.lang.Integer");
    }

    static String forBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return null;
        }
        if (value.isTextual()) {
            return BOOLEAN_WORDS.contains(value.asText().toLowerCase(Locale.ROOT))
                    ? null : "Unexpected token received from parser";
        }
        if (value.isNumber()) {
            return "Expected a JSON boolean, found the number " + value.asText();
        }
        return structural(value, "class java.lang.Boolean");
    }

    /** True when a boolean-typed value (possibly a string DynamoDB accepts) means true. */
    static boolean booleanValue(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().toLowerCase(Locale.ROOT);
        return text.equals("true") || text.equals("1") || text.equals("yes");
    }

    static String forList(JsonNode value) {
        if (value.isArray()) {
            return null;
        }
        if (value.isObject()) {
            return "Expected a JSON array, found an object";
        }
        return "Unexpected field type";
    }

    static String forMap(JsonNode value, Shape shape) {
        if (value.isObject()) {
            return null;
        }
        if (value.isArray()) {
            return "Unrecognized collection type " + shape.javaTypeName();
        }
        return "Unexpected field type";
    }

    static String forStructure(JsonNode value, Shape shape) {
        if (value.isObject()) {
            return null;
        }
        if (value.isArray()) {
            return "Unrecognized collection type class " + shape.javaTypeName();
        }
        return "Unexpected value type in payload";
    }

    static String forBlob(JsonNode value) {
        return value.isTextual() ? null : "only base-64-encoded strings are convertible to bytes";
    }

    private static String structural(JsonNode value, String collectionClass) {
        if (value.isObject()) {
            return "Start of structure or map found where not expected";
        }
        if (value.isArray()) {
            return "Unrecognized collection type " + collectionClass;
        }
        return "Unexpected JSON value " + value;
    }

    /** How a JSON value is named in messages. */
    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
