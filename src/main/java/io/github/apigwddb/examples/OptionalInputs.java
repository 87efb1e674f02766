package io.github.apigwddb.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.SpecKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a client may leave out of an example: the query string and header parameters the operation declares
 * as not {@code required}, and the body members its request schema does not list in {@code required}
 * (recursively, through local {@code $ref}s and {@code allOf}), but as many as an object's {@code minProperties} asks for. Path parameters are never optional.
 * Undeclared parameters are kept: nothing says the client may omit them.
 */
public final class OptionalInputs {

    /**
     * One input the example gives and a client may omit.
     *
     * @param where {@code querystring}, {@code header} or {@code body member}
     * @param name the parameter name, or the member's path in the body ({@code address.street}, {@code tags[].label})
     */
    public record Input(String where, String name) {
        @Override
        public String toString() {
            return where + " '" + name + "'";
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OptionalInputs() {
    }

    /** The optional inputs present in the example, in example order. */
    public static List<Input> present(LoadedSpec spec, ApiOperation operation, Example example) {
        List<Input> inputs = new ArrayList<>();
        SchemaSampler sampler = new SchemaSampler(spec.root());
        List<JsonNode> parameters = ExampleCollector.parameters(operation, sampler);
        for (String name : example.querystring().keySet()) {
            if (isOptional(parameters, "query", name)) {
                inputs.add(new Input("querystring", name));
            }
        }
        for (String name : example.headers().keySet()) {
            if (isOptional(parameters, "header", name)) {
                inputs.add(new Input("header", name));
            }
        }
        JsonNode body = jsonBody(example);
        JsonNode schema = bodySchema(spec, operation, example, sampler);
        if (body != null && schema != null) {
            collectOptionalMembers(body, schema, "", sampler, inputs, 0);
        }
        return inputs;
    }

    /** The example with the given inputs left out (the rest as given). */
    public static Example without(Example example, Collection<Input> absent) {
        Set<Input> gone = new LinkedHashSet<>(absent);
        Map<String, String> query = new LinkedHashMap<>(example.querystring());
        Map<String, String> headers = new LinkedHashMap<>(example.headers());
        for (Input input : gone) {
            if ("querystring".equals(input.where())) {
                query.remove(input.name());
            } else if ("header".equals(input.where())) {
                headers.remove(input.name());
            }
        }
        String body = example.body();
        JsonNode json = jsonBody(example);
        if (json != null && gone.stream().anyMatch(i -> "body member".equals(i.where()))) {
            JsonNode copy = json.deepCopy();
            removeMembers(copy, "", gone);
            body = copy.toString();
        }
        return new Example(example.name(), example.source(), body, example.contentType(), example.path(), query, headers,
                example.stageVariables(), example.context(), example.dynamodbResponse(), null, example.file(), example.pointer());
    }

    private static boolean isOptional(List<JsonNode> parameters, String in, String name) {
        for (JsonNode parameter : parameters) {
            String declared = parameter.path("name").asText();
            boolean same = "header".equals(in) ? declared.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) : declared.equals(name);
            if (in.equals(parameter.path("in").asText()) && same) {
                return !parameter.path("required").asBoolean(false);
            }
        }
        return false;
    }

    private static JsonNode jsonBody(Example example) {
        if (example.body() == null || example.body().isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(example.body());
            return node != null && node.isContainerNode() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode bodySchema(LoadedSpec spec, ApiOperation operation, Example example, SchemaSampler sampler) {
        if (spec.kind() == SpecKind.OPENAPI3) {
            JsonNode content = sampler.resolve(operation.node().path("requestBody")).path("content");
            String type = example.contentType() == null ? Example.DEFAULT_CONTENT_TYPE : example.contentType();
            JsonNode media = content.has(type) ? content.get(type) : content.get(Example.DEFAULT_CONTENT_TYPE);
            return media == null || !media.has("schema") ? null : media.get("schema");
        }
        for (JsonNode parameter : ExampleCollector.parameters(operation, sampler)) {
            if ("body".equals(parameter.path("in").asText()) && parameter.has("schema")) {
                return parameter.get("schema");
            }
        }
        return null;
    }

    private static void collectOptionalMembers(JsonNode value, JsonNode rawSchema, String prefix, SchemaSampler sampler,
            List<Input> inputs, int depth) {
        if (depth > 20) {
            return;
        }
        JsonNode schema = sampler.resolve(rawSchema);
        if (value.isObject()) {
            Set<String> required = new LinkedHashSet<>();
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            gather(schema, sampler, required, properties, 0);
            if (properties.isEmpty() && required.isEmpty()) {
                return; // a free-form object: nothing declared optional
            }
            // minProperties: a body with fewer members is not one the spec allows; the first optional ones stay to make it up
            long requiredPresent = value.properties().stream().filter(field -> required.contains(field.getKey())).count();
            long toKeep = Math.max(0, minProperties(schema, sampler, 0) - requiredPresent);
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                if (!required.contains(field.getKey()) && toKeep > 0) {
                    toKeep--;
                } else if (!required.contains(field.getKey())) {
                    inputs.add(new Input("body member", path));
                } else if (properties.containsKey(field.getKey())) {
                    collectOptionalMembers(field.getValue(), properties.get(field.getKey()), path, sampler, inputs, depth + 1);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            // the members of every element share one name: leaving one out means leaving it out of each element
            List<Input> perElement = new ArrayList<>();
            for (JsonNode element : value) {
                collectOptionalMembers(element, schema.get("items"), prefix + "[]", sampler, perElement, depth + 1);
            }
            perElement.stream().distinct().forEach(inputs::add);
        }
    }

    /** The largest minProperties of a schema and its allOf parts, all of which the body must meet. */
    private static long minProperties(JsonNode schema, SchemaSampler sampler, int depth) {
        long min = schema.path("minProperties").asLong(0);
        if (depth <= 10) {
            for (JsonNode part : schema.path("allOf")) {
                min = Math.max(min, minProperties(sampler.resolve(part), sampler, depth + 1));
            }
        }
        return min;
    }

    /** Required names and properties of a schema, merged over allOf. */
    private static void gather(JsonNode schema, SchemaSampler sampler, Set<String> required, Map<String, JsonNode> properties, int depth) {
        if (depth > 10) {
            return;
        }
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(p -> properties.putIfAbsent(p.getKey(), p.getValue()));
        for (JsonNode part : schema.path("allOf")) {
            gather(sampler.resolve(part), sampler, required, properties, depth + 1);
        }
    }

    private static void removeMembers(JsonNode value, String prefix, Set<Input> gone) {
        if (value instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                if (gone.contains(new Input("body member", path))) {
                    object.remove(name);
                } else {
                    removeMembers(object.get(name), path, gone);
                }
            }
        } else if (value instanceof ArrayNode array) {
            for (JsonNode element : array) {
                removeMembers(element, prefix + "[]", gone);
            }
        }
    }
}
