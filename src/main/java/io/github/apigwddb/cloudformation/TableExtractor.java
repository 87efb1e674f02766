package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of a template: {@code AWS::DynamoDB::Table}, {@code AWS::DynamoDB::GlobalTable} and
 * {@code AWS::Serverless::SimpleTable} (whose {@code PrimaryKey} defaults to {@code id} of type String).
 */
public final class TableExtractor {

    private TableExtractor() {
    }

    public static List<TableDefinition> tables(CloudFormationTemplate template, IntrinsicResolver resolver) {
        List<TableDefinition> tables = new ArrayList<>();
        for (CloudFormationTemplate.Resource resource : template.resources().values()) {
            switch (resource.type()) {
                case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> tables.add(table(resource, resolver));
                case "AWS::Serverless::SimpleTable" -> tables.add(simpleTable(resource, resolver));
                default -> {
                }
            }
        }
        return tables;
    }

    private static TableDefinition table(CloudFormationTemplate.Resource resource, IntrinsicResolver resolver) {
        JsonNode properties = resolver.resolve(resource.properties(), resource.propertiesPointer());
        Map<String, String> types = new HashMap<>();
        properties.path("AttributeDefinitions").forEach(a -> types.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
        JsonNode keys = properties.path("KeySchema");
        return new TableDefinition(resolver.physicalName(resource, null), resource.logicalId(),
                key(keys, "HASH", types), key(keys, "RANGE", types),
                indexes(properties.path("GlobalSecondaryIndexes"), types), indexes(properties.path("LocalSecondaryIndexes"), types),
                resource.pointer());
    }

    private static TableDefinition simpleTable(CloudFormationTemplate.Resource resource, IntrinsicResolver resolver) {
        JsonNode primary = resolver.resolve(resource.properties().path("PrimaryKey"), resource.property("PrimaryKey"));
        String name = primary.path("Name").asText("id");
        // SAM: PrimaryKey Type is String, Number or Binary; default {Name: id, Type: String}.
        String type = switch (primary.path("Type").asText("String")) {
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> "S";
        };
        return new TableDefinition(resolver.physicalName(resource, null), resource.logicalId(), new TableDefinition.KeyAttribute(name, type),
                null, List.of(), List.of(), resource.pointer());
    }

    private static List<TableDefinition.Index> indexes(JsonNode declared, Map<String, String> types) {
        List<TableDefinition.Index> indexes = new ArrayList<>();
        for (JsonNode index : declared) {
            JsonNode keys = index.path("KeySchema");
            indexes.add(new TableDefinition.Index(index.path("IndexName").asText(), key(keys, "HASH", types), key(keys, "RANGE", types),
                    index.path("Projection").path("ProjectionType").asText("KEYS_ONLY")));
        }
        return indexes;
    }

    private static TableDefinition.KeyAttribute key(JsonNode keySchema, String keyType, Map<String, String> types) {
        for (JsonNode key : keySchema) {
            if (keyType.equals(key.path("KeyType").asText())) {
                String name = key.path("AttributeName").asText();
                return new TableDefinition.KeyAttribute(name, types.get(name));
            }
        }
        return null;
    }
}
