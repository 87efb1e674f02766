package io.github.apigwddb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import com.networknt.schema.regex.RegularExpression;

/**
 * What the schemas that apply to one place of a body allow for a string there: {@code type}, {@code enum},
 * {@code pattern}, {@code minLength} and {@code maxLength}, as JSON Schema draft 4 defines them. {@code format} is not
 * read: AWS does not say that API Gateway's validator checks any format. Immutable and thread-safe.
 */
public final class StringRule {

    /** Any string: nothing constrains the place, or nothing the validator is known to check. */
    public static final StringRule ANY = new StringRule(false, List.of(), List.of(), 0, Long.MAX_VALUE);

    private final boolean noString;
    private final List<JsonNode> enums;
    private final List<RegularExpression> patterns;
    private final long minLength;
    private final long maxLength;

    private StringRule(boolean noString, List<JsonNode> enums, List<RegularExpression> patterns, long minLength, long maxLength) {
        this.noString = noString;
        this.enums = enums;
        this.patterns = patterns;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** The rule of all {@code schemas} at once: a value must satisfy each of them. */
    static StringRule of(List<JsonNode> schemas) {
        boolean noString = false;
        List<JsonNode> enums = new ArrayList<>();
        List<RegularExpression> patterns = new ArrayList<>();
        long minLength = 0;
        long maxLength = Long.MAX_VALUE;
        for (JsonNode schema : schemas) {
            noString |= !allowsStringType(schema.get("type"));
            JsonNode values = schema.get("enum");
            if (values != null && values.isArray()) {
                enums.add(values);
            }
            JsonNode pattern = schema.get("pattern");
            if (pattern != null && pattern.isTextual()) {
                // bounded as the validator's: an ECMA 262 pattern Java cannot read, or one that backtracks without end, rejects nothing
                patterns.add(BoundedPatterns.INSTANCE.getRegularExpression(pattern.textValue()));
            }
            JsonNode min = schema.get("minLength");
            if (min != null && min.isIntegralNumber()) {
                minLength = Math.max(minLength, min.longValue());
            }
            JsonNode max = schema.get("maxLength");
            if (max != null && max.isIntegralNumber()) {
                maxLength = Math.min(maxLength, max.longValue());
            }
        }
        return new StringRule(noString, List.copyOf(enums), List.copyOf(patterns), minLength, maxLength);
    }

    private static boolean allowsStringType(JsonNode type) {
        if (type == null) {
            return true;
        }
        if (type.isTextual()) {
            return "string".equals(type.textValue());
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("string".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** Whether a body holding {@code value} at this place can pass validation, as far as this place goes. */
    public boolean allows(String value) {
        if (noString) {
            return false;
        }
        for (JsonNode values : enums) {
            if (!contains(values, value)) {
                return false;
            }
        }
        for (RegularExpression pattern : patterns) {
            if (!pattern.matches(value)) { // a search: JSON Schema patterns are not anchored
                return false;
            }
        }
        // draft 4 counts characters, not UTF-16 units: an emoji is one
        long length = value.codePointCount(0, value.length());
        return length >= minLength && length <= maxLength;
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode allowed : values) {
            if (allowed.isTextual() && allowed.textValue().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
