package io.github.apigwddb.dynamodb.schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.spec.Utf8Text;

/**
 * Reads the table definition files of {@code apigw.tables}. Each file holds a CreateTable request (JSON or YAML),
 * an array of them, a DescribeTable response ({@code {"Table": …}}) or a CloudFormation/SAM template. Nothing
 * throws: unreadable files and invalid definitions come back as {@link TableSchemaProblem}s with their position.
 */
public final class TableSchemaReader {

    private static final Set<String> KEY_TYPES = Set.of("S", "N", "B");

    private final DocumentParser parser = new DocumentParser();

    public TableSchemas read(List<Path> files) {
        return read(files, Map.of());
    }

    /**
     * @param cloudFormationNames the names of a CloudFormation template's tables by logical id, as its integrations see
     *     them; a table not in it is named from its parameters' defaults where it can be
     */
    public TableSchemas read(List<Path> files, Map<String, String> cloudFormationNames) {
        List<TableSchema> tables = new ArrayList<>();
        List<TableSchemaProblem> problems = new ArrayList<>();
        for (Path file : files) {
            readFile(file, cloudFormationNames, tables, problems);
        }
        Set<String> seen = new HashSet<>();
        for (TableSchema table : tables) {
            if (table.name() != null && !seen.add(table.name())) {
                problems.add(new TableSchemaProblem(false, table.file(), table.position(),
                        "Table " + table.name() + " is defined more than once; the first definition is used"));
            }
        }
        return new TableSchemas(tables, problems);
    }

    private void readFile(Path file, Map<String, String> cloudFormationNames, List<TableSchema> tables, List<TableSchemaProblem> problems) {
        ParsedDocument document;
        try {
            String text = Utf8Text.readNamedFile(file);
            document = parser.parse(text, SpecFormat.of(file));
        } catch (IOException e) {
            problems.add(new TableSchemaProblem(true, file, TextPosition.START, "The table definition file " + e.getMessage()));
            return;
        } catch (DocumentSyntaxException e) {
            problems.add(new TableSchemaProblem(true, file, e.position(),
                    "The table definition file is not valid " + SpecFormat.of(file) + ": " + e.getMessage()));
            return;
        }
        Problems sink = new Problems(file, document, problems);
        List<TableDefinition> definitions = new ArrayList<>();
        JsonNode root = document.root();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                createTable(root.get(i), JsonPointers.child("", i), definitions, sink);
            }
        } else if (root.isObject() && root.has("Table")) {
            createTable(root.get("Table"), "/Table", definitions, sink);
        } else if (root.isObject() && (root.has("Resources") || root.has("AWSTemplateFormatVersion"))) {
            definitions.addAll(CloudFormationTables.extract(document, SpecFormat.of(file), cloudFormationNames, sink::add));
        } else if (root.isObject() && (root.has("TableName") || root.has("KeySchema"))) {
            createTable(root, "", definitions, sink);
        } else {
            sink.add("", "Not a table definition: expected a CreateTable request, an array of them, a DescribeTable response"
                    + " ({\"Table\": …}) or a CloudFormation/SAM template with AWS::DynamoDB::Table resources");
        }
        for (TableDefinition definition : definitions) {
            TableSchema schema = toSchema(definition, sink);
            if (schema != null) {
                tables.add(schema);
            }
        }
    }

    private static void createTable(JsonNode node, String pointer, List<TableDefinition> out, Problems sink) {
        if (node == null || !node.isObject()) {
            sink.add(pointer, "A table definition must be an object with TableName, KeySchema and AttributeDefinitions");
            return;
        }
        JsonNode name = node.get("TableName");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            sink.add(pointer, "The table definition has no TableName");
            return;
        }
        out.add(new TableDefinition(node, pointer, name.asText(), name.asText()));
    }

    /** Checks a CreateTable-shaped definition the way CreateTable would, as far as keys and indexes go. */
    private static TableSchema toSchema(TableDefinition table, Problems sink) {
        JsonNode node = table.definition();
        String at = table.pointer();
        Map<String, String> types = new LinkedHashMap<>();
        JsonNode definitions = node.get("AttributeDefinitions");
        if (definitions == null || !definitions.isArray()) {
            sink.add(at, "Table " + table.label() + ": AttributeDefinitions must be a list of {AttributeName, AttributeType}");
            return null;
        }
        boolean valid = true;
        for (int i = 0; i < definitions.size(); i++) {
            JsonNode definition = definitions.get(i);
            String pointer = JsonPointers.child(JsonPointers.child(at, "AttributeDefinitions"), i);
            String name = text(definition, "AttributeName");
            String type = text(definition, "AttributeType");
            if (name == null || type == null || !KEY_TYPES.contains(type)) {
                sink.add(pointer, "Table " + table.label() + ": each attribute definition needs an AttributeName and an"
                        + " AttributeType of S, N or B");
                valid = false;
            } else {
                types.put(name, type);
            }
        }
        KeyAttribute[] key = keySchema(node.get("KeySchema"), JsonPointers.child(at, "KeySchema"), types, table.label(), sink);
        if (key == null || !valid) {
            return null;
        }
        List<SecondaryIndex> indexes = new ArrayList<>();
        valid &= indexes(node, at, "GlobalSecondaryIndexes", true, types, table.label(), indexes, sink);
        valid &= indexes(node, at, "LocalSecondaryIndexes", false, types, table.label(), indexes, sink);
        if (!valid) {
            return null;
        }
        return new TableSchema(table.name(), table.label(), key[0], key[1], types, indexes, sink.file, sink.position(at));
    }

    private static boolean indexes(JsonNode table, String at, String member, boolean global, Map<String, String> types,
            String label, List<SecondaryIndex> out, Problems sink) {
        JsonNode list = table.get(member);
        if (list == null || list.isNull()) {
            return true;
        }
        String listPointer = JsonPointers.child(at, member);
        if (!list.isArray()) {
            sink.add(listPointer, "Table " + label + ": " + member + " must be a list");
            return false;
        }
        boolean valid = true;
        for (int i = 0; i < list.size(); i++) {
            JsonNode index = list.get(i);
            String pointer = JsonPointers.child(listPointer, i);
            String name = text(index, "IndexName");
            if (name == null) {
                sink.add(pointer, "Table " + label + ": an index in " + member + " has no IndexName");
                valid = false;
                continue;
            }
            KeyAttribute[] key = keySchema(index.get("KeySchema"), JsonPointers.child(pointer, "KeySchema"), types,
                    label + " index " + name, sink);
            if (key == null) {
                valid = false;
                continue;
            }
            JsonNode projection = index.get("Projection");
            List<String> nonKey = new ArrayList<>();
            JsonNode nonKeyNode = projection == null ? null : projection.get("NonKeyAttributes");
            if (nonKeyNode != null && nonKeyNode.isArray()) {
                nonKeyNode.forEach(n -> nonKey.add(n.asText()));
            }
            out.add(new SecondaryIndex(name, global, key[0], key[1], text(projection, "ProjectionType"), nonKey));
        }
        return valid;
    }

    /** The HASH and RANGE (or null) key of a KeySchema, typed from the attribute definitions; null when invalid. */
    private static KeyAttribute[] keySchema(JsonNode keySchema, String pointer, Map<String, String> types, String label,
            Problems sink) {
        if (keySchema == null || !keySchema.isArray() || keySchema.isEmpty() || keySchema.size() > 2) {
            sink.add(pointer, label + ": KeySchema must list one HASH key and at most one RANGE key");
            return null;
        }
        KeyAttribute[] key = new KeyAttribute[2];
        for (int i = 0; i < keySchema.size(); i++) {
            JsonNode element = keySchema.get(i);
            String name = text(element, "AttributeName");
            String keyType = text(element, "KeyType");
            int slot = "HASH".equals(keyType) ? 0 : "RANGE".equals(keyType) ? 1 : -1;
            String elementPointer = JsonPointers.child(pointer, i);
            if (name == null || slot < 0 || slot != i) {
                sink.add(elementPointer, label + ": KeySchema must list the HASH key first, then at most one RANGE key,"
                        + " each as {AttributeName, KeyType}");
                return null;
            }
            String type = types.get(name);
            if (type == null) {
                // CreateTable's own message
                sink.add(elementPointer, label + ": One or more parameter values were invalid: Some index key attributes"
                        + " are not defined in AttributeDefinitions. Keys: [" + name + "]");
                return null;
            }
            key[slot] = new KeyAttribute(name, type);
        }
        return key;
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** Collects problems of one file, positioned by pointer. */
    static final class Problems {
        final Path file;
        private final ParsedDocument document;
        private final List<TableSchemaProblem> problems;

        Problems(Path file, ParsedDocument document, List<TableSchemaProblem> problems) {
            this.file = file;
            this.document = document;
            this.problems = problems;
        }

        void add(String pointer, String message) {
            problems.add(new TableSchemaProblem(false, file, position(pointer), message));
        }

        TextPosition position(String pointer) {
            TextPosition position = document.sourceMap().locate(pointer);
            return position == null ? TextPosition.START : position;
        }
    }
}
