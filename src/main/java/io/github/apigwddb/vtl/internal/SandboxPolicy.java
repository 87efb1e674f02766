package io.github.apigwddb.vtl.internal;

import org.apache.velocity.runtime.directive.Scope;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What a template may call. Allowed receivers: strings, numbers, booleans, characters, maps, collections,
 * iterators, arrays, map entries and our own {@code $input}/{@code $util}. On strings and numbers only
 * listed methods are allowed (no {@code format}, {@code getInteger} reading system properties, or
 * {@code BigInteger.pow}); {@code getClass} and the monitor methods are never allowed.
 */
final class SandboxPolicy {

    private static final Set<String> NEVER = Set.of("getClass", "wait", "notify", "notifyAll", "class");

    private static final Set<String> STRING_METHODS = Set.of(
            "length", "isEmpty", "isBlank", "charAt", "codePointAt", "substring", "subSequence", "indexOf",
            "lastIndexOf", "contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "contentEquals",
            "compareTo", "compareToIgnoreCase", "regionMatches", "matches", "toLowerCase", "toUpperCase", "trim",
            "strip", "stripLeading", "stripTrailing", "replace", "replaceAll", "replaceFirst", "split", "concat",
            "repeat", "toString", "hashCode", "valueOf", "toCharArray", "intern");

    private static final Set<String> NUMBER_METHODS = Set.of(
            "intValue", "longValue", "doubleValue", "floatValue", "shortValue", "byteValue", "toString", "equals",
            "hashCode", "compareTo", "compare", "parseInt", "parseLong", "parseDouble", "parseFloat", "valueOf",
            "isNaN", "isInfinite", "max", "min", "sum", "abs", "signum", "toHexString", "toBinaryString",
            "toPlainString", "negate", "add", "subtract", "multiply", "divide", "remainder", "scale", "precision",
            "stripTrailingZeros", "setScale", "intValueExact", "longValueExact");

    private static final Set<String> BOOLEAN_METHODS = Set.of(
            "booleanValue", "toString", "equals", "hashCode", "compareTo", "compare", "parseBoolean", "valueOf",
            "logicalAnd", "logicalOr", "logicalXor", "charValue", "isDigit", "isLetter", "isLetterOrDigit",
            "isWhitespace", "isUpperCase", "isLowerCase", "toUpperCase", "toLowerCase");

    private static final Set<String> COLLECTION_METHODS = Set.of(
            "size", "isEmpty", "get", "getOrDefault", "containsKey", "containsValue", "keySet", "values", "entrySet",
            "put", "putAll", "putIfAbsent", "remove", "clear", "contains", "containsAll", "add", "addAll",
            "removeAll", "retainAll", "indexOf", "lastIndexOf", "subList", "set", "iterator", "listIterator",
            "hasNext", "next", "hasPrevious", "previous", "nextIndex", "previousIndex", "getKey", "getValue",
            "setValue", "equals", "hashCode", "toString", "toArray", "first", "last", "getFirst", "getLast");

    /** {@code $foreach} and other directive scopes: loop state and stopping. */
    private static final Set<String> SCOPE_METHODS = Set.of(
            "hasNext", "getHasNext", "getIndex", "getCount", "isFirst", "isLast", "getFirst", "getLast", "index", "count",
            "first", "last", "getParent", "getTopmost", "getDepth", "stop", "get", "put", "containsKey", "size", "isEmpty",
            "toString");

    /** Collection methods that do not walk all elements, so they stay cheap on huge lazy ranges. */
    static final Set<String> CONSTANT_TIME = Set.of("size", "isEmpty", "get", "iterator", "listIterator",
            "subList", "hasNext", "next", "getKey", "getValue", "getFirst", "getLast", "first", "last");

    /** Collection methods that store their arguments without walking the receiver's elements. */
    static final Set<String> INSERTING = Set.of("add", "addAll", "put", "putAll", "putIfAbsent", "set", "setValue", "clear");

    /** Collection methods that test every element of the receiver against a collection argument. */
    static final Set<String> PAIRWISE = Set.of("removeAll", "retainAll", "containsAll");

    /** Element pairs a {@link #PAIRWISE} call may compare: about a tenth of a second. */
    static final long MAX_PAIRWISE_STEPS = 10_000_000;

    /**
     * Character comparisons a string search ({@code indexOf}, {@code lastIndexOf}, {@code contains}, {@code replace})
     * may make at worst: about a quarter of a second. The JDK compares the text against the needle at every position,
     * in a loop that no deadline (nor even SIGTERM) interrupts.
     */
    static final long MAX_SEARCH_STEPS = 1_000_000_000;

    private SandboxPolicy() {
    }

    /** A short description of a value for messages, without naming our implementation classes. */
    static String describe(Object receiver) {
        if (receiver instanceof InputVariable) {
            return "$input";
        }
        if (receiver instanceof UtilVariable) {
            return "$util";
        }
        if (receiver instanceof Map) {
            return "a map";
        }
        if (receiver instanceof Collection || receiver.getClass().isArray()) {
            return "a list";
        }
        if (receiver instanceof String) {
            return "a string";
        }
        if (receiver instanceof Number) {
            return "a number";
        }
        if (receiver instanceof Boolean) {
            return "a boolean";
        }
        if (receiver instanceof Character) {
            return "a character";
        }
        if (receiver instanceof Iterator) {
            return "an iterator";
        }
        if (receiver instanceof Map.Entry) {
            return "a map entry";
        }
        // a template names values, not Java classes: what else it reaches is the engine's own ($foreach, $bodyContent)
        return "an object of the template engine";
    }

    static boolean receiverAllowed(Object receiver) {
        return receiver instanceof String || receiver instanceof Number || receiver instanceof Boolean
                || receiver instanceof Character || receiver instanceof Map || receiver instanceof Collection
                || receiver instanceof Iterator || receiver instanceof Map.Entry || receiver.getClass().isArray()
                || receiver instanceof InputVariable || receiver instanceof UtilVariable;
    }

    /** Whether a method name (as resolved by Velocity) may be called on this receiver. */
    static boolean methodAllowed(Object receiver, String name) {
        if (NEVER.contains(name)) {
            return false;
        }
        if (receiver instanceof String) {
            return STRING_METHODS.contains(name);
        }
        if (receiver instanceof Number) {
            if (receiver instanceof BigInteger || receiver instanceof BigDecimal) {
                // arithmetic on unbounded numbers could run for minutes (pow, shiftLeft): keep to reading
                return NUMBER_METHODS.contains(name) && !name.equals("multiply") && !name.equals("setScale");
            }
            return NUMBER_METHODS.contains(name);
        }
        if (receiver instanceof Boolean || receiver instanceof Character) {
            return BOOLEAN_METHODS.contains(name);
        }
        if (receiver instanceof Scope) {
            return SCOPE_METHODS.contains(name);
        }
        if (receiver instanceof InputVariable || receiver instanceof UtilVariable) {
            return !name.equals("hashCode") && !name.equals("equals");
        }
        return COLLECTION_METHODS.contains(name);
    }
}
