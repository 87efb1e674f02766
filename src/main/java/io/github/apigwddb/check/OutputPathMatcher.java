package io.github.apigwddb.check;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.internal.path.ArrayPathToken;
import com.jayway.jsonpath.internal.path.CompiledPath;
import com.jayway.jsonpath.internal.path.PathCompiler;
import com.jayway.jsonpath.internal.path.PathToken;
import com.jayway.jsonpath.internal.path.PropertyPathToken;
import com.jayway.jsonpath.internal.path.WildcardPathToken;
import io.github.apigwddb.dynamodb.OutputShape;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a JSONPath can ever select something in a DynamoDB output shape. The path is compiled by Jayway
 * JsonPath, the library API Gateway itself runs (vtl-facts §2), and its tokens walked against the shape;
 * the token classes are Jayway's internal API, the only place its parsed form is available.
 * Deep scans, filters and functions are not judged (they may match).
 */
final class OutputPathMatcher {

    private OutputPathMatcher() {
    }

    /** @return why the path never matches, or null when it may (or cannot be judged) */
    static String neverMatches(String jsonPath, OutputShape shape) {
        PathToken first;
        try {
            if (!(PathCompiler.compile(jsonPath) instanceof CompiledPath compiled)) {
                return null;
            }
            first = compiled.getRoot().getNext();
        } catch (InvalidPathException | IllegalArgumentException e) {
            return null; // a syntax error is reported where the template renders
        }
        return walk(first, shape, "$");
    }

    private static final Set<String> ITEM_HOLDERS = Set.of("Item", "Items", "Attributes");
    /** An AttributeValue's data types. */
    static final Set<String> TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");

    /**
     * The attribute a path such as {@code $.Item.name.S} or {@code $.Items[0].count.N} reads, with its type
     * ({@code S} when the path stops at the attribute), so a made-up answer can hold it.
     */
    static void attributeRead(String jsonPath, Map<String, String> into) {
        PathToken token;
        try {
            if (!(PathCompiler.compile(jsonPath) instanceof CompiledPath compiled)) {
                return;
            }
            token = compiled.getRoot().getNext();
        } catch (InvalidPathException | IllegalArgumentException e) {
            return;
        }
        if (!(token instanceof PropertyPathToken holder) || !holder.singlePropertyCase()
                || !ITEM_HOLDERS.contains(holder.getProperties().get(0))) {
            return;
        }
        token = token.getNext();
        while (token instanceof ArrayPathToken || token instanceof WildcardPathToken) {
            token = token.getNext();
        }
        if (!(token instanceof PropertyPathToken attribute) || !attribute.singlePropertyCase()) {
            return;
        }
        String type = token.getNext() instanceof PropertyPathToken t && t.singlePropertyCase() && TYPES.contains(t.getProperties().get(0))
                ? t.getProperties().get(0) : "S";
        into.putIfAbsent(attribute.getProperties().get(0), type);
    }

    private static String walk(PathToken token, OutputShape shape, String at) {
        if (token == null || shape.kind() == OutputShape.Kind.ANY) {
            return null;
        }
        if (token instanceof PropertyPathToken property) {
            return property(property, shape, at);
        }
        if (token instanceof ArrayPathToken) {
            if (shape.kind() != OutputShape.Kind.LIST) {
                return at + " is " + describe(shape) + ", not a list";
            }
            return walk(token.getNext(), shape.element(), at + "[]");
        }
        if (token instanceof WildcardPathToken) {
            return switch (shape.kind()) {
                case LIST, MAP -> walk(token.getNext(), shape.element(), at + "[*]");
                case SCALAR -> at + " is a single value, it has no members";
                default -> null;
            };
        }
        return null; // deep scan, filter, function: not judged
    }

    private static String property(PropertyPathToken token, OutputShape shape, String at) {
        List<String> names = token.getProperties();
        String firstReason = null;
        for (String name : names) {
            String where = at + "." + name;
            String reason = switch (shape.kind()) {
                case MAP -> walk(token.getNext(), shape.element(), at + ".<name>");
                case STRUCTURE, ATTRIBUTE_VALUE -> shape.members().containsKey(name)
                        ? walk(token.getNext(), shape.members().get(name), where)
                        : "'" + name + "' is not a member of " + describe(shape) + (at.equals("$") ? "" : " at " + at)
                                + " (members: " + String.join(", ", shape.members().keySet()) + ")";
                case LIST -> at + " is a list: index it (" + at + "[0]." + name + ") or iterate it";
                case SCALAR -> at + " is a single value, it has no member '" + name + "'";
                case ANY -> null;
            };
            if (reason == null) {
                return null;
            }
            firstReason = firstReason == null ? reason : firstReason;
        }
        return firstReason;
    }

    private static String describe(OutputShape shape) {
        return switch (shape.kind()) {
            case STRUCTURE -> "the output";
            case ATTRIBUTE_VALUE -> "an AttributeValue";
            case LIST -> "a list";
            case MAP -> "a map";
            case SCALAR -> "a single value";
            case ANY -> "anything";
        };
    }
}
