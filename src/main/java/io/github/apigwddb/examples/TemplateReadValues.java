package io.github.apigwddb.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.internal.path.ArrayIndexOperation;
import com.jayway.jsonpath.internal.path.ArrayIndexToken;
import com.jayway.jsonpath.internal.path.CompiledPath;
import com.jayway.jsonpath.internal.path.PathCompiler;
import com.jayway.jsonpath.internal.path.PathToken;
import com.jayway.jsonpath.internal.path.PropertyPathToken;
import com.jayway.jsonpath.internal.path.WildcardPathToken;
import io.github.apigwddb.vtl.InputParamCall;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.OutputSlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Values made up for what a request template reads, for the example made up when an operation has none: the body
 * members and parameters that the schemas do not give. Each value fits where the template writes it
 * ({@link OutputSlot}):
 * <ul>
 * <li>the string of a DynamoDB number ({@code "N": "$input.path('$.n')"}) or of a binary: {@code "1"}, base64 text;
 * <li>a bare AttributeValue of another type ({@code "BOOL": $input.json('$.on')}, {@code "SS": ...}): a value of
 *     that type ({@code true}, {@code ["example-tags"]}, {@code []}, ...);
 * <li>the bare value of any other member ({@code "Limit": $input.params('limit')}): the number 1, since a bare
 *     string would need quotes;
 * <li>anything else: the text {@code example-<name>}, as the schema sampler makes up strings.
 * </ul>
 * A body member or parameter read in several places takes the value of its first read that says more than text.
 * Parameter values are text: {@code 1}, {@code true}, {@code example-<name>}.
 */
final class TemplateReadValues {

    /** What a made-up value must be to fit where the template writes it. */
    enum Kind {
        TEXT, NUMBER_TEXT, NUMBER, BOOLEAN, BINARY, STRING_SET, NUMBER_SET, BINARY_SET, LIST, MAP, TEXT_LIST
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BASE64 = "ZXhhbXBsZQ==";

    private TemplateReadValues() {
    }

    static Kind kindOf(OutputSlot slot) {
        if (!slot.isKnown()) {
            return Kind.TEXT;
        }
        String member = slot.member();
        if ("N".equals(member)) {
            return Kind.NUMBER_TEXT;
        }
        if ("B".equals(member)) {
            return Kind.BINARY;
        }
        if (slot.quoted()) {
            return Kind.TEXT;
        }
        return switch (member) {
            case "S" -> Kind.TEXT;
            case "BOOL", "NULL" -> Kind.BOOLEAN;
            case "SS" -> Kind.STRING_SET;
            case "NS" -> Kind.NUMBER_SET;
            case "BS" -> Kind.BINARY_SET;
            case "L" -> Kind.LIST;
            case "M" -> Kind.MAP;
            default -> Kind.NUMBER;
        };
    }

    /** A later read decides the kind only while the earlier ones said no more than text. */
    private static Kind merge(Kind earlier, Kind later) {
        return earlier == null || earlier == Kind.TEXT ? later : earlier;
    }

    static JsonNode bodyValue(Kind kind, String name) {
        return switch (kind) {
            case NUMBER_TEXT -> NODES.textNode("1");
            case NUMBER -> NODES.numberNode(1);
            case BOOLEAN -> NODES.booleanNode(true);
            case BINARY -> NODES.textNode(BASE64);
            case STRING_SET -> NODES.arrayNode().add(text(name));
            case NUMBER_SET -> NODES.arrayNode().add("1");
            case BINARY_SET -> NODES.arrayNode().add(BASE64);
            case LIST -> NODES.arrayNode();
            case MAP -> NODES.objectNode();
            case TEXT -> NODES.textNode(text(name));
            case TEXT_LIST -> NODES.arrayNode().add(text(name));
        };
    }

    static String parameterValue(Kind kind, String name) {
        return switch (kind) {
            case NUMBER_TEXT, NUMBER -> "1";
            case BOOLEAN -> "true";
            case BINARY -> BASE64;
            default -> text(name);
        };
    }

    private static String text(String name) {
        return name == null || name.isEmpty() ? "example" : "example-" + name;
    }

    /** One step of a JSONPath into the body: a member name or an array position (with the array's least size). */
    private record Step(String member, int index, int size) {
        boolean isMember() {
            return member != null;
        }
    }

    /**
     * The body with every member the template reads and the body lacks, made up; the JSONPaths of what was added are
     * appended to {@code added}. A member the schema closes out ({@code additionalProperties: false}) is not added, nor
     * one where the body holds something else (a string where the path needs an object). Paths that select more than
     * one place (deep scans, filters, unions) are not followed.
     *
     * @param body   the body made up from the schema, or null when there is none
     * @param schema the body's schema, or null
     * @return the completed body (a new tree), or {@code body} when nothing was added
     */
    static JsonNode completeBody(JsonNode body, JsonNode schema, SchemaSampler sampler, List<InputPathCall> reads, Set<String> iterated,
            List<String> added) {
        Map<List<Step>, Kind> kinds = new LinkedHashMap<>();
        Map<List<Step>, String> firstPath = new LinkedHashMap<>();
        for (InputPathCall read : reads) {
            List<Step> steps = steps(read.jsonPath());
            if (steps == null || steps.isEmpty()) {
                continue; // the whole body, or a path that names no one place
            }
            // a list a #foreach goes over gets one element: text would make the loop never run (a batch of no keys)
            kinds.merge(steps, iterated.contains(read.jsonPath()) ? Kind.TEXT_LIST : kindOf(read.slot()), TemplateReadValues::merge);
            firstPath.putIfAbsent(steps, read.jsonPath());
        }
        JsonNode result = body;
        for (Map.Entry<List<Step>, Kind> read : kinds.entrySet()) {
            List<Step> steps = read.getKey();
            String name = lastMember(steps);
            // placed in a copy, so a read that does not fit leaves no empty objects behind
            ArrayNode holder = NODES.arrayNode().add(result == null ? NODES.nullNode() : result.deepCopy());
            if (place(holder, steps, bodyValue(read.getValue(), name), schema, sampler)) {
                result = holder.get(0);
                added.add(firstPath.get(steps));
            }
        }
        return result;
    }

    private static boolean place(ArrayNode holder, List<Step> steps, JsonNode value, JsonNode schema, SchemaSampler sampler) {
        JsonNode container = holder;
        Object key = 0;
        JsonNode at = schema == null ? NODES.missingNode() : sampler.resolve(schema);
        for (Step step : steps) {
            JsonNode current = child(container, key);
            if (current == null || current.isNull()) {
                current = step.isMember() ? NODES.objectNode() : NODES.arrayNode();
                put(container, key, current);
            } else if (step.isMember() ? !current.isObject() : !current.isArray()) {
                return false;
            }
            if (step.isMember()) {
                Map<String, JsonNode> properties = sampler.properties(at);
                JsonNode given = current.get(step.member());
                if ((given == null || given.isNull()) && !properties.containsKey(step.member()) && sampler.isClosed(at)) {
                    return false;
                }
                JsonNode additional = at.path("additionalProperties");
                at = sampler.resolve(properties.containsKey(step.member()) ? properties.get(step.member())
                        : additional.isObject() ? additional : NODES.missingNode());
                key = step.member();
            } else {
                ArrayNode array = (ArrayNode) current;
                while (array.size() < step.size()) {
                    array.addNull();
                }
                at = sampler.resolve(at.path("items"));
                key = step.index();
            }
            container = current;
        }
        JsonNode given = child(container, key);
        if (given != null && !given.isNull()) {
            return false; // the schema or an earlier read gave it
        }
        put(container, key, value);
        return true;
    }

    private static JsonNode child(JsonNode container, Object key) {
        return key instanceof Integer i ? container.get(i) : container.get((String) key);
    }

    private static void put(JsonNode container, Object key, JsonNode value) {
        if (container instanceof ArrayNode array) {
            array.set((Integer) key, value);
        } else {
            ((ObjectNode) container).set((String) key, value);
        }
    }

    private static String lastMember(List<Step> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).isMember()) {
                return steps.get(i).member();
            }
        }
        return null;
    }

    /**
     * The steps of a JSONPath that names one place, compiled by Jayway JsonPath as API Gateway does; null for any
     * other path. A wildcard index is read as the first element.
     */
    private static List<Step> steps(String jsonPath) {
        PathToken token;
        try {
            if (!(PathCompiler.compile(jsonPath) instanceof CompiledPath compiled)) {
                return null;
            }
            token = compiled.getRoot().getNext();
        } catch (InvalidPathException | IllegalArgumentException e) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        for (; token != null; token = token.getNext()) {
            if (token instanceof PropertyPathToken property && property.singlePropertyCase()) {
                steps.add(new Step(property.getProperties().get(0), 0, 0));
            } else if (token instanceof WildcardPathToken) {
                steps.add(new Step(null, 0, 1));
            } else if (token instanceof ArrayIndexToken array && index(array) != null) {
                int index = index(array);
                // a negative index counts from the end: [-2] is the first of two elements
                steps.add(index >= 0 ? new Step(null, index, index + 1) : new Step(null, 0, -index));
            } else {
                return null;
            }
        }
        return steps;
    }

    /**
     * The single index of an array step. Jayway keeps the parsed index private; its fragment ({@code [2]}) is the
     * token's text without the text of the tokens after it, and is parsed again by Jayway's own parser.
     */
    private static Integer index(ArrayIndexToken token) {
        String text = token.toString();
        String tail = token.getNext() == null ? "" : token.getNext().toString();
        if (!text.endsWith(tail) || text.length() - tail.length() < 2) {
            return null;
        }
        String fragment = text.substring(1, text.length() - tail.length() - 1);
        try {
            ArrayIndexOperation operation = ArrayIndexOperation.parse(fragment);
            return operation.isSingleIndexOperation() ? operation.indexes().get(0) : null;
        } catch (InvalidPathException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Gives every parameter the template reads and the example lacks a value, where the template reads it; a read of
     * any location ({@code $input.params('x')}) goes where the operation declares {@code x}, else into the query
     * string. A declared parameter's value comes from its schema. A path parameter outside the path template is left
     * out: no client can send one.
     *
     * @param params    location ({@code path}, {@code query}, {@code header}, as the spec names them) → name → value
     * @param declared  the operation's parameters, resolved
     * @param pathNames the names in the path template
     * @param added     receives {@code querystring q}, {@code header X-App-Env}, ... for each value added
     */
    static void completeParameters(Map<String, Map<String, String>> params, List<InputParamCall> reads, List<JsonNode> declared,
            Set<String> pathNames, SchemaSampler sampler, List<String> added) {
        Map<List<String>, Kind> kinds = new LinkedHashMap<>();
        // whether a read writes the value itself, undecoded, at a place that says what it must be
        Map<List<String>, Boolean> writtenPlainly = new LinkedHashMap<>();
        for (InputParamCall read : reads) {
            String in = read.location() == null ? declaredLocation(declared, pathNames, read.name()) : specLocation(read.location());
            kinds.merge(List.of(in, read.name()), kindOf(read.slot()), TemplateReadValues::merge);
            // a test (#if($input.params('nextToken') != "")) writes nothing
            writtenPlainly.merge(List.of(in, read.name()), !read.decoded() && read.slot().isKnown(), Boolean::logicalOr);
        }
        for (Map.Entry<List<String>, Kind> read : kinds.entrySet()) {
            String in = read.getKey().get(0);
            String name = read.getKey().get(1);
            if ("path".equals(in) && !pathNames.contains(name) || has(params, in, name)) {
                continue;
            }
            JsonNode parameter = declaration(declared, in, name);
            String value;
            if (!writtenPlainly.get(read.getKey()) && reads.stream().anyMatch(r -> r.base64Decoded() && r.name().equals(name))) {
                // a token the template decodes ($util.base64Decode of a page's key): no made-up text stands for one, so an
                // optional one is left out, as a first page has none, and a required one is the encoding of {}
                if (parameter != null && !parameter.path("required").asBoolean(false)) {
                    continue;
                }
                value = PageToken.STAND_IN;
            } else if (parameter != null && saysNothing(parameter) && !writtenPlainly.get(read.getKey())) {
                // written only through a variable (#set($from = $input.params('from')) ... {"N": "$from"}), or only tested:
                // a number fits more places than a word does
                value = "1";
            } else if (parameter == null || saysNothing(parameter)) {
                value = parameterValue(read.getValue(), name);
            } else {
                value = sampler.sample(parameter.has("schema") ? parameter.get("schema") : parameter, name).asText();
            }
            params.computeIfAbsent(in, k -> new LinkedHashMap<>()).put(name, value);
            added.add(("query".equals(in) ? "querystring" : in) + " " + name);
        }
    }

    /** What in a parameter's schema says more about its value than "text". */
    private static final Set<String> TELLING = Set.of("example", "x-example", "examples", "default", "enum", "const", "pattern", "format",
            "minimum", "maximum", "minLength", "maxLength");

    /**
     * Whether a declared parameter says nothing of its value but that it is text ({@code type: string} and no more, as
     * console exports declare every parameter): then where the template writes it decides, a number inside {"N": ...}.
     */
    static boolean saysNothing(JsonNode parameter) {
        JsonNode schema = parameter.has("schema") ? parameter.get("schema") : parameter;
        if (schema.has("$ref") || !"string".equals(schema.path("type").asText("string"))) {
            return false;
        }
        for (String keyword : TELLING) {
            if (schema.has(keyword) || parameter.has(keyword)) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code $input.params('x')} finds x for this operation: API Gateway looks in the path, query string, headers. */
    private static String declaredLocation(List<JsonNode> declared, Set<String> pathNames, String name) {
        if (pathNames.contains(name)) {
            return "path";
        }
        for (String in : new String[] {"path", "query", "header"}) {
            if (declaration(declared, in, name) != null) {
                return in;
            }
        }
        return "query";
    }

    private static String specLocation(String templateLocation) {
        return "querystring".equals(templateLocation) ? "query" : templateLocation;
    }

    /** The declared parameter of that location and name (a header's in any case); null when none is declared. */
    static JsonNode declaration(List<JsonNode> declared, String in, String name) {
        for (JsonNode parameter : declared) {
            if (in.equals(parameter.path("in").asText()) && sameName(in, parameter.path("name").asText(), name)) {
                return parameter;
            }
        }
        return null;
    }

    private static boolean has(Map<String, Map<String, String>> params, String in, String name) {
        return params.getOrDefault(in, Map.of()).keySet().stream().anyMatch(given -> sameName(in, given, name));
    }

    /** Header names ignore case, as HTTP says; other names are exact. */
    private static boolean sameName(String in, String a, String b) {
        return "header".equals(in) ? a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) : a.equals(b);
    }
}
