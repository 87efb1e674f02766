package io.github.apigwddb.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.spec.JsonPointers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads example objects (contract §3) from a JSON tree, reporting members of the wrong shape instead of guessing. */
final class ExampleReader {

    static final Set<String> MEMBERS = Set.of("name", "body", "contentType", "path", "querystring", "headers",
            "stageVariables", "context", "dynamodbResponse", "expect");
    static final Set<String> EXPECT_MEMBERS = Set.of("request", "requestText", "status", "response", "responseText");
    static final Set<String> RESPONSE_MEMBERS = Set.of("status", "body");

    /** "Unknown example member 'statuss' (did you mean 'status'?); known members: ...", as the POM's names are said. */
    private static String unknownMember(String of, String member, Set<String> known) {
        String closest = Suggestions.nearest(member, known);
        return "Unknown " + of + " member '" + member + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)") + "; known members: "
                + String.join(", ", new java.util.TreeSet<>(known));
    }

    /** A problem in an example object, by pointer inside its file. */
    record Problem(String message, String pointer) {
    }

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    List<Example> readList(JsonNode list, String pointer, ExampleSource source, Path file, String namePrefix) {
        List<Example> examples = new ArrayList<>();
        if (!list.isArray()) {
            problems.add(new Problem("Examples must be a list of example objects", pointer));
            return examples;
        }
        for (int i = 0; i < list.size(); i++) {
            Example example = read(list.get(i), JsonPointers.child(pointer, i), source, file, namePrefix + (i + 1));
            if (example != null) {
                examples.add(example);
            }
        }
        return examples;
    }

    Example read(JsonNode node, String pointer, ExampleSource source, Path file, String defaultName) {
        if (!node.isObject()) {
            problems.add(new Problem("An example must be an object with members such as name, body, path", pointer));
            return null;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String member = names.next();
            if (!MEMBERS.contains(member)) {
                problems.add(new Problem(unknownMember("example", member, MEMBERS), JsonPointers.child(pointer, member)));
            }
        }
        String name = node.path("name").isTextual() ? node.get("name").asText() : defaultName;
        String contentType = node.path("contentType").isTextual() ? node.get("contentType").asText() : Example.DEFAULT_CONTENT_TYPE;
        JsonNode body = node.get("body");
        // a form's fields written as an object are sent as a browser sends the form (re-trial: sent as JSON text)
        String bodyText = body != null && body.isObject() && FormBodies.isUrlEncoded(contentType) ? FormBodies.encoded(body) : bodyText(body);
        return new Example(
                name,
                source,
                bodyText,
                contentType,
                stringMap(node.get("path"), JsonPointers.child(pointer, "path")),
                stringMap(node.get("querystring"), JsonPointers.child(pointer, "querystring")),
                stringMap(node.get("headers"), JsonPointers.child(pointer, "headers")),
                stringMap(node.get("stageVariables"), JsonPointers.child(pointer, "stageVariables")),
                objectMap(node.get("context"), JsonPointers.child(pointer, "context")),
                dynamoDbResponse(node.get("dynamodbResponse"), JsonPointers.child(pointer, "dynamodbResponse")),
                expectation(node.get("expect"), JsonPointers.child(pointer, "expect")),
                file,
                pointer);
    }

    /** A JSON value is sent as its compact JSON text; a string is the raw body itself. */
    static String bodyText(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return null;
        }
        return body.isTextual() ? body.asText() : body.toString();
    }

    private Map<String, String> stringMap(JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            String member = pointer.substring(pointer.lastIndexOf('/') + 1);
            problems.add(new Problem(member + " must be an object of names to values, such as " + member + ": {name: value}", pointer));
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                problems.add(new Problem("Value of '" + field.getKey() + "' must be a string", JsonPointers.child(pointer, field.getKey())));
                continue;
            }
            map.put(field.getKey(), value.isNull() ? "" : value.asText());
        }
        return Collections.unmodifiableMap(map);
    }

    private Map<String, Object> objectMap(JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problems.add(new Problem("context must be an object", pointer));
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(node);
        return map;
    }

    /** JSON to plain Java values (LinkedHashMap, ArrayList, String, Number, Boolean) for $context. */
    static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(e -> list.add(plain(e)));
            return list;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }

    private Example.DynamoDbResponse dynamoDbResponse(JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem("dynamodbResponse must be an object with status and body", pointer));
            return null;
        }
        node.fieldNames().forEachRemaining(member -> {
            if (!RESPONSE_MEMBERS.contains(member)) {
                problems.add(new Problem(unknownMember("dynamodbResponse", member, RESPONSE_MEMBERS), JsonPointers.child(pointer, member)));
            }
        });
        int status = 200;
        if (node.has("status")) {
            if (!node.get("status").canConvertToInt() || node.get("status").asInt() < 100 || node.get("status").asInt() > 599) {
                problems.add(new Problem("dynamodbResponse.status must be an HTTP status such as 200 or 400", JsonPointers.child(pointer, "status")));
            } else {
                status = node.get("status").asInt();
            }
        }
        String body = bodyText(node.get("body"));
        return new Example.DynamoDbResponse(status, body == null ? "{}" : body);
    }

    private Example.Expectation expectation(JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem("expect must be an object", pointer));
            return null;
        }
        node.fieldNames().forEachRemaining(member -> {
            if (!EXPECT_MEMBERS.contains(member)) {
                problems.add(new Problem(unknownMember("expect", member, EXPECT_MEMBERS), JsonPointers.child(pointer, member)));
            }
        });
        Integer status = null;
        if (node.has("status")) {
            if (node.get("status").canConvertToInt()) {
                status = node.get("status").asInt();
            } else {
                problems.add(new Problem("expect.status must be a number", JsonPointers.child(pointer, "status")));
            }
        }
        return new Example.Expectation(
                node.get("request"),
                node.path("requestText").isTextual() ? node.get("requestText").asText() : null,
                status,
                node.get("response"),
                node.path("responseText").isTextual() ? node.get("responseText").asText() : null,
                pointer);
    }
}
