package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.spec.JsonPointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A readable list of differences between two JSON values, for failed expectations. */
final class JsonDiff {

    private static final int MAX_DIFFERENCES = 10;

    private JsonDiff() {
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, out);
        if (out.size() > MAX_DIFFERENCES) {
            int more = out.size() - MAX_DIFFERENCES;
            out = new ArrayList<>(out.subList(0, MAX_DIFFERENCES));
            out.add("... and " + more + " more");
        }
        return out;
    }

    private static void walk(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
        String where = pointer.isEmpty() ? "/" : pointer;
        if (expected.isObject() && actual.isObject()) {
            Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String child = JsonPointers.child(pointer, name);
                if (!actual.has(name)) {
                    out.add(child + ": expected " + expected.get(name) + ", missing");
                } else {
                    walk(child, expected.get(name), actual.get(name), out);
                }
            }
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    out.add(JsonPointers.child(pointer, name) + ": unexpected " + actual.get(name));
                }
            });
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(where + ": expected " + expected.size() + " elements, got " + actual.size());
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                walk(JsonPointers.child(pointer, i), expected.get(i), actual.get(i), out);
            }
        } else if (!equalValues(expected, actual)) {
            out.add(where + ": expected " + expected + ", got " + actual);
        }
    }

    /** Numbers compare by value ({@code 1} equals {@code 1.0}); everything else exactly. */
    private static boolean equalValues(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
