package io.github.apigwddb.dynamodb.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SpecFormat;

/**
 * The DynamoDB tables of a CloudFormation/SAM template: {@code AWS::DynamoDB::Table},
 * {@code AWS::DynamoDB::GlobalTable} and {@code AWS::Serverless::SimpleTable}, in CreateTable form.
 * Self-contained on purpose (one class, so a general CloudFormation reader can replace it): it reads YAML
 * short-form tags ({@code !Ref}, {@code !Sub}, …) as their long form. A table's name is the one the caller gives for its
 * logical id (the template's own integrations name it with {@code apigw.parameters} and stand-ins); else one given by
 * {@code Ref} or {@code Fn::Sub} is resolved from parameter defaults where it can; otherwise it stays unknown.
 */
final class CloudFormationTables {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationTables() {
    }

    static List<TableDefinition> extract(ParsedDocument document, SpecFormat format, Map<String, String> names,
            BiConsumer<String, String> problems) {
        JsonNode root = format == SpecFormat.YAML ? withLongFormTags(document) : document.root();
        List<TableDefinition> tables = new ArrayList<>();
        JsonNode resources = root.get("Resources");
        if (resources == null || !resources.isObject()) {
            problems.accept("", "The CloudFormation template has no Resources object");
            return tables;
        }
        JsonNode parameters = root.path("Parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String pointer = JsonPointers.child("/Resources", resource.getKey());
            String type = resource.getValue().path("Type").asText("");
            JsonNode properties = resource.getValue().path("Properties");
            String propertiesPointer = JsonPointers.child(pointer, "Properties");
            switch (type) {
                case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> {
                    if (!properties.isObject()) {
                        problems.accept(pointer, resource.getKey() + " (" + type + ") has no Properties");
                        continue;
                    }
                    String name = names.getOrDefault(resource.getKey(), resolveName(properties.get("TableName"), parameters));
                    tables.add(new TableDefinition(properties, propertiesPointer, name, name != null ? name : resource.getKey()));
                }
                case "AWS::Serverless::SimpleTable" -> {
                    ObjectNode definition = simpleTable(properties.isObject() ? properties : NODES.objectNode());
                    if (definition == null) {
                        problems.accept(JsonPointers.child(propertiesPointer, "PrimaryKey"), resource.getKey()
                                + " (AWS::Serverless::SimpleTable): PrimaryKey needs a Name and a Type of String, Number or Binary");
                        continue;
                    }
                    String name = names.getOrDefault(resource.getKey(), resolveName(properties.get("TableName"), parameters));
                    tables.add(new TableDefinition(definition, propertiesPointer, name, name != null ? name : resource.getKey()));
                }
                default -> { }
            }
        }
        return tables;
    }

    /** SAM's SimpleTable: one partition key, {@code id} of type String unless PrimaryKey says otherwise. */
    private static ObjectNode simpleTable(JsonNode properties) {
        JsonNode primaryKey = properties.get("PrimaryKey");
        String name = primaryKey == null ? "id" : primaryKey.path("Name").asText(null);
        String type = primaryKey == null ? "String" : primaryKey.path("Type").asText(null);
        String scalar = type == null ? null : switch (type) {
            case "String" -> "S";
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> null;
        };
        if (name == null || scalar == null) {
            return null;
        }
        ObjectNode definition = NODES.objectNode();
        definition.putArray("AttributeDefinitions").addObject().put("AttributeName", name).put("AttributeType", scalar);
        definition.putArray("KeySchema").addObject().put("AttributeName", name).put("KeyType", "HASH");
        return definition;
    }

    /** A literal name, a {@code Ref} to a parameter with a default, or an {@code Fn::Sub} over such parameters; else null. */
    static String resolveName(JsonNode name, JsonNode parameters) {
        if (name == null || name.isNull()) {
            return null;
        }
        if (name.isTextual()) {
            return name.asText();
        }
        if (name.isObject() && name.size() == 1 && name.has("Ref")) {
            return parameterDefault(name.get("Ref").asText(), parameters);
        }
        if (name.isObject() && name.size() == 1 && name.has("Fn::Sub") && name.get("Fn::Sub").isTextual()) {
            return substitute(name.get("Fn::Sub").asText(), parameters);
        }
        return null;
    }

    private static String parameterDefault(String parameter, JsonNode parameters) {
        JsonNode value = parameters.path(parameter).get("Default");
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String substitute(String template, JsonNode parameters) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("${", i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                return null;
            }
            out.append(template, i, open);
            String variable = template.substring(open + 2, close);
            if (variable.startsWith("!")) {
                out.append("${").append(variable.substring(1)).append('}'); // ${!Literal} escapes
            } else {
                String value = parameterDefault(variable, parameters);
                if (value == null) {
                    return null; // pseudo parameters, resources and parameters without default: not known at build time
                }
                out.append(value);
            }
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * Re-reads a YAML template keeping its short-form tags as long form ({@code !Ref X} → {@code {"Ref": "X"}},
     * {@code !Sub s} → {@code {"Fn::Sub": "s"}}), which the position-keeping parse drops. Pointers of untagged
     * nodes are unchanged, so positions still come from the document's source map.
     */
    private static JsonNode withLongFormTags(ParsedDocument document) {
        try (JsonParser parser = new YAMLFactory().createParser(document.text())) {
            JsonToken first = parser.nextToken();
            return first == null ? NODES.missingNode() : read(parser, 0);
        } catch (IOException | RuntimeException e) {
            return document.root(); // parsed once already; fall back to the tag-less tree
        }
    }

    private static JsonNode read(JsonParser parser, int depth) throws IOException {
        if (depth > 500) {
            throw new IOException("nesting too deep");
        }
        Object typeId = parser.getTypeId();
        String tag = typeId == null ? null : typeId.toString();
        JsonNode value;
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    object.set(field, read(parser, depth + 1));
                }
                value = object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, depth + 1));
                }
                value = array;
            }
            case VALUE_NULL -> value = NODES.nullNode();
            case VALUE_TRUE, VALUE_FALSE -> value = NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = NODES.numberNode(parser.getDecimalValue());
            default -> value = NODES.textNode(parser.getText());
        }
        if (tag == null || tag.contains(":")) { // no tag, or a standard one such as tag:yaml.org,2002:str
            return value;
        }
        ObjectNode longForm = NODES.objectNode();
        longForm.set(tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag, value);
        return longForm;
    }
}
