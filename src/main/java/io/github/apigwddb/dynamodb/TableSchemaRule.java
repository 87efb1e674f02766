package io.github.apigwddb.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.apigwddb.dynamodb.expression.Ast;
import io.github.apigwddb.dynamodb.expression.ExpressionParser;
import io.github.apigwddb.dynamodb.expression.ExpressionSyntaxException;
import io.github.apigwddb.dynamodb.partiql.PartiQlStatement;
import io.github.apigwddb.dynamodb.schema.KeyAttribute;
import io.github.apigwddb.dynamodb.schema.SecondaryIndex;
import io.github.apigwddb.dynamodb.schema.TableSchema;
import io.github.apigwddb.dynamodb.schema.TableSchemas;

/**
 * DDB013: the request against the table definitions of {@code apigw.tables}. Table names, key attributes and
 * their types in keys and items (also the keys of the indexes an item belongs to), index names, key
 * conditions on the queried table's or index's keys, filters and updates that touch key attributes, and
 * consistent reads on global indexes. Follows the order and wording of DynamoDB's checks as dynalite
 * reproduces them ({@code db/index.js} validateKey/validateItem/validateUpdates, {@code actions/query.js}).
 * Problems a request has whatever the table (empty key values in a {@code Key}, key sizes) are DDB009's.
 */
final class TableSchemaRule {

    static final String ID = "DDB013";
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private final TableSchemas schemas;
    private final Violations violations;
    private final Set<String> reportedPaths;

    /**
     * @param earlier what the other checks found: a member they already report (DynamoDB stops at its first
     *                error) is not reported again from the schema's side
     */
    TableSchemaRule(TableSchemas schemas, Violations violations, List<RequestViolation> earlier) {
        this.schemas = schemas;
        this.violations = violations;
        this.reportedPaths = new HashSet<>();
        earlier.forEach(v -> reportedPaths.add(v.path()));
    }

    private void report(RequestPath path, String message) {
        if (!reportedPaths.contains(path.dotted())) {
            violations.add(ID, path, message);
        }
    }

    void check(String action, ObjectNode request) {
        RequestPath root = RequestPath.ROOT;
        switch (action) {
            case "GetItem", "DeleteItem" -> {
                TableSchema table = table(request, root);
                if (table != null) {
                    key(table, request.get("Key"), root.member("Key"));
                }
            }
            case "UpdateItem" -> {
                TableSchema table = table(request, root);
                if (table != null && key(table, request.get("Key"), root.member("Key"))) {
                    updates(table, request, root);
                }
            }
            case "PutItem" -> {
                TableSchema table = table(request, root);
                if (table != null) {
                    item(table, request.get("Item"), root.member("Item"));
                }
            }
            case "Query" -> {
                TableSchema table = table(request, root);
                if (table != null) {
                    query(table, request, root);
                }
            }
            case "Scan" -> {
                TableSchema table = table(request, root);
                if (table != null) {
                    SecondaryIndex index = index(table, request, root);
                    if (index != null || !request.has("IndexName")) {
                        startKey(table, index, request, root);
                    }
                }
            }
            case "DescribeTable", "DescribeTimeToLive", "DeleteTable", "UpdateTable", "DescribeContinuousBackups" -> table(request, root);
            case "BatchGetItem" -> forEachTable(request, root, (table, entry, path) -> {
                JsonNode keys = entry.get("Keys");
                if (keys != null && keys.isArray()) {
                    for (int i = 0; i < keys.size(); i++) {
                        key(table, keys.get(i), path.member("Keys").index(i));
                    }
                }
            });
            case "BatchWriteItem" -> forEachTable(request, root, (table, entry, path) -> {
                if (!entry.isArray()) {
                    return;
                }
                for (int i = 0; i < entry.size(); i++) {
                    JsonNode write = entry.get(i);
                    RequestPath at = path.index(i);
                    if (write.has("PutRequest")) {
                        item(table, write.get("PutRequest").get("Item"), at.member("PutRequest").member("Item"));
                    } else if (write.has("DeleteRequest")) {
                        key(table, write.get("DeleteRequest").get("Key"), at.member("DeleteRequest").member("Key"));
                    }
                }
            });
            case "TransactGetItems", "TransactWriteItems" -> transaction(request, root);
            case "ExecuteStatement" -> statementTable(request, root);
            case "BatchExecuteStatement", "ExecuteTransaction" -> {
                String list = PartiQlRule.statementList(action);
                JsonNode statements = request.get(list);
                if (statements != null && statements.isArray()) {
                    for (int i = 0; i < statements.size(); i++) {
                        statementTable(statements.get(i), root.member(list).index(i));
                    }
                }
            }
            default -> { }
        }
    }

    /**
     * The table a PartiQL statement names, reported as a TableName is when no definition has it. A name that differs
     * from a defined one in case only is passed over: whether DynamoDB's PartiQL folds an unquoted name's case is not in
     * the facts.
     */
    private void statementTable(JsonNode statement, RequestPath path) {
        String text = statement instanceof ObjectNode object ? RequestRule.text(object, "Statement") : null;
        PartiQlStatement read = text == null ? null : PartiQlStatement.read(text);
        String name = read == null ? null : read.table();
        if (name != null && schemas.names().stream().noneMatch(defined -> defined.equalsIgnoreCase(name))) {
            table(name, path.member("Statement"));
        }
        String indexName = read == null ? null : read.index();
        TableSchema table = name == null || indexName == null ? null : schemas.find(name).orElse(null);
        if (table != null && table.index(indexName).isEmpty()) {
            String nearest = typoOf(indexName, table.indexes().stream().map(SecondaryIndex::name).toList());
            report(path.member("Statement"), "The table does not have the specified index: " + indexName
                    + (nearest == null ? "" : "; did you mean " + nearest + "?"));
        }
    }

    private interface TableEntry {
        void check(TableSchema table, JsonNode entry, RequestPath path);
    }

    private void forEachTable(ObjectNode request, RequestPath root, TableEntry check) {
        JsonNode items = request.get("RequestItems");
        if (items == null || !items.isObject()) {
            return;
        }
        RequestPath path = root.member("RequestItems");
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            TableSchema table = table(entry.getKey(), path.key(entry.getKey()));
            if (table != null && entry.getValue() != null) {
                check.check(table, entry.getValue(), path.key(entry.getKey()));
            }
        }
    }

    private void transaction(ObjectNode request, RequestPath root) {
        JsonNode items = request.get("TransactItems");
        if (items == null || !items.isArray()) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode element = items.get(i);
            if (!(element instanceof ObjectNode object)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> action = it.next();
                if (!(action.getValue() instanceof ObjectNode body)) {
                    continue;
                }
                RequestPath path = root.member("TransactItems").index(i).member(action.getKey());
                TableSchema table = table(body, path);
                if (table == null) {
                    continue;
                }
                switch (action.getKey()) {
                    case "Put" -> item(table, body.get("Item"), path.member("Item"));
                    case "Update" -> {
                        if (key(table, body.get("Key"), path.member("Key"))) {
                            updates(table, body, path);
                        }
                    }
                    default -> key(table, body.get("Key"), path.member("Key"));
                }
            }
        }
    }

    /** The schema of the request's table; reports a table that no definition names. Null when there is nothing to check against. */
    private TableSchema table(ObjectNode body, RequestPath path) {
        JsonNode name = body.get("TableName");
        return name != null && name.isTextual() ? table(name.asText(), path.member("TableName")) : null;
    }

    private TableSchema table(String name, RequestPath path) {
        TableSchema table = schemas.find(name).orElse(null);
        if (table == null && schemas.allNamesKnown()) {
            // the definitions come from apigw.tables and from the template that holds the API: say which files
            List<String> files = schemas.tables().stream().map(t -> String.valueOf(t.file().getFileName())).distinct().toList();
            String typoOf = typoOf(TableSchemas.tableName(name));
            if (schemas.allTables()) {
                report(path, "Requested resource not found: Table: " + name + " not found (the table definitions name "
                        + String.join(", ", schemas.names()) + ", in " + String.join(", ", files) + ")"
                        + (typoOf == null ? "" : "; did you mean " + typoOf + "?"));
            } else if (typoOf != null) {
                // only the template's own tables are known: another name may be another stack's table, a near miss is a typo
                report(path, "Requested resource not found: Table: " + name + " not found; did you mean " + typoOf + ", which "
                        + String.join(", ", files) + " defines? (A table of another stack is not checked: give its definition in"
                        + " apigw.tables to check its keys.)");
            }
        }
        return table;
    }

    /**
     * The defined table one typing slip away from {@code name} (a letter more, less, changed or swapped, or case); else
     * null. Names that differ in digits only ({@code orders-v1}, {@code orders-v2}) are versions, not typos.
     */
    private String typoOf(String name) {
        return typoOf(name, schemas.names());
    }

    /** {@link #typoOf(String)} among {@code candidates} (an index's name among the table's). */
    private static String typoOf(String name, Collection<String> candidates) {
        for (String defined : candidates) {
            String a = name == null ? null : name.toLowerCase(Locale.ROOT);
            String b = defined.toLowerCase(Locale.ROOT);
            // case alone is a slip (ByTag for byTag); digits alone are another version (gsi1 for gsi2)
            if (a != null && (a.equals(b) || Suggestions.distance(a, b) <= 1 && !a.replaceAll("[0-9]", "").equals(b.replaceAll("[0-9]", "")))) {
                return defined;
            }
        }
        return null;
    }

    /** A primary key: exactly the table's key attributes, with their types. Returns whether it matched. */
    private boolean key(TableSchema table, JsonNode key, RequestPath path) {
        if (key == null || !key.isObject() || !attributeValues(key)) {
            return false; // missing or malformed: DDB001/DDB003/DDB006 report it
        }
        List<KeyAttribute> keys = table.keys();
        String mismatch = null;
        if (key.size() != keys.size()) {
            mismatch = "the key has " + names(key) + ", the table's key is " + describe(keys);
        } else {
            for (KeyAttribute attribute : keys) {
                JsonNode value = key.get(attribute.name());
                if (value == null) {
                    mismatch = "the key has no " + attribute.name() + "; the table's key is " + describe(keys);
                } else if (!value.has(attribute.type())) {
                    mismatch = attribute.name() + " is " + typeOf(value) + ", the table defines it as " + attribute.type();
                }
                if (mismatch != null) {
                    break;
                }
            }
        }
        if (mismatch != null) {
            report(path, "The provided key element does not match the schema (" + mismatch + ")");
            return false;
        }
        if (table.sortKey() != null) {
            sortKeySize(table.sortKey(), key.get(table.sortKey().name()), path.key(table.sortKey().name()));
        }
        return true;
    }

    /** An item: the table's key attributes present with their types, non-empty; index keys with their types. */
    private void item(TableSchema table, JsonNode item, RequestPath path) {
        if (item == null || !item.isObject() || !attributeValues(item)) {
            return;
        }
        for (KeyAttribute attribute : table.keys()) {
            JsonNode value = item.get(attribute.name());
            RequestPath at = path.key(attribute.name());
            if (value == null) {
                report(path, "One or more parameter values were invalid: Missing the key " + attribute.name() + " in the item");
                return;
            }
            if (!value.has(attribute.type())) {
                report(at, "One or more parameter values were invalid: Type mismatch for key " + attribute.name()
                        + " expected: " + attribute.type() + " actual: " + typeOf(value));
                return;
            }
            if (isEmptyScalar(value, attribute.type())) {
                report(at, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot"
                        + " contain an empty " + (attribute.type().equals("S") ? "string" : "binary") + " value. Key: " + attribute.name());
                return;
            }
            if (attribute == table.partitionKey()) {
                if (byteLength(value, attribute.type()) > MAX_PARTITION_KEY_BYTES) {
                    report(at, "One or more parameter values were invalid: Size of hashkey has exceeded the maximum"
                            + " size limit of2048 bytes");
                    return;
                }
            } else if (sortKeySize(attribute, value, at)) {
                return;
            }
        }
        for (SecondaryIndex index : table.indexes()) {
            // an LSI shares the table's partition key, so only its sort key can differ
            for (KeyAttribute attribute : index.global() ? index.keys() : List.of(index.sortKey())) {
                JsonNode value = item.get(attribute.name());
                if (value == null || !value.isObject()) {
                    continue; // the item is simply not in this index
                }
                RequestPath at = path.key(attribute.name());
                if (!value.has(attribute.type())) {
                    report(at, "One or more parameter values were invalid: Type mismatch for Index Key "
                            + attribute.name() + " Expected: " + attribute.type() + " Actual: " + typeOf(value) + " IndexName: " + index.name());
                    return;
                }
                if (isEmptyScalar(value, attribute.type())) {
                    report(at, "One or more parameter values are not valid. A value specified for a secondary index key"
                            + " is not supported. The AttributeValue for a key attribute cannot contain an empty string value."
                            + " IndexName: " + index.name() + ", IndexKey: " + attribute.name());
                    return;
                }
            }
        }
    }

    /** UpdateItem: no update of a key attribute, index keys set to values of their type. */
    private void updates(TableSchema table, ObjectNode request, RequestPath path) {
        Map<String, String> names = stringMap(request.get("ExpressionAttributeNames"));
        JsonNode values = request.get("ExpressionAttributeValues");
        JsonNode expression = request.get("UpdateExpression");
        JsonNode attributeUpdates = request.get("AttributeUpdates");
        Map<String, String> setTypes = new LinkedHashMap<>(); // top-level attribute -> type of the value it is set to
        List<String> updated = new ArrayList<>();
        RequestPath at;
        if (expression != null && expression.isTextual()) {
            at = path.member("UpdateExpression");
            Ast.UpdateExpression update;
            try {
                update = ExpressionParser.parseUpdate(expression.asText());
            } catch (ExpressionSyntaxException e) {
                return; // DDX001
            }
            for (Ast.UpdateAction action : update.actions()) {
                String head = head(action.path(), names);
                if (head == null) {
                    continue;
                }
                updated.add(head);
                if (action.path().elements().size() == 1 && action.value() instanceof Ast.ValueRef ref && values != null
                        && values.get(ref.name()) instanceof ObjectNode value && value.size() == 1) {
                    setTypes.putIfAbsent(head, typeOf(value));
                }
            }
        } else if (attributeUpdates != null && attributeUpdates.isObject()) {
            at = path.member("AttributeUpdates");
            attributeUpdates.fields().forEachRemaining(e -> {
                updated.add(e.getKey());
                if (e.getValue().get("Value") instanceof ObjectNode value && value.size() == 1) {
                    setTypes.put(e.getKey(), typeOf(value));
                }
            });
        } else {
            return;
        }
        for (KeyAttribute attribute : table.keys()) {
            if (updated.contains(attribute.name())) {
                report(at, "One or more parameter values were invalid: Cannot update attribute " + attribute.name()
                        + ". This attribute is part of the key");
                return;
            }
        }
        for (SecondaryIndex index : table.indexes()) {
            for (KeyAttribute attribute : index.global() ? index.keys() : List.of(index.sortKey())) {
                String type = setTypes.get(attribute.name());
                if (type != null && !type.equals(attribute.type())) {
                    report(at, "One or more parameter values were invalid: Type mismatch for Index Key "
                            + attribute.name() + " Expected: " + attribute.type() + " Actual: " + type + " IndexName: " + index.name());
                    return;
                }
            }
        }
    }

    /**
     * "; the condition is on the keys of index byTag: add IndexName byTag" when a Query of the table (no IndexName) has its
     * condition on the partition key of one of its indexes, the usual slip; empty otherwise.
     */
    private static String indexKeyedBy(TableSchema table, SecondaryIndex queried, Set<String> conditionAttributes) {
        if (queried != null) {
            return "";
        }
        List<String> indexes = table.indexes().stream().filter(i -> conditionAttributes.contains(i.partitionKey().name())
                && (i.sortKey() == null ? conditionAttributes.size() == 1 : conditionAttributes.stream()
                        .allMatch(a -> a.equals(i.partitionKey().name()) || a.equals(i.sortKey().name()))))
                .map(SecondaryIndex::name).toList();
        return indexes.size() != 1 ? "" : "; the condition is on the keys of index " + indexes.get(0) + ": add \"IndexName\": \""
                + indexes.get(0) + "\"";
    }

    /** Query: the index, then the key condition on its keys, then a filter that avoids them. */
    private void query(TableSchema table, ObjectNode request, RequestPath path) {
        SecondaryIndex index = request.has("IndexName") ? index(table, request, path) : null;
        if (request.has("IndexName") && index == null) {
            return;
        }
        if (!startKey(table, index, request, path)) {
            return;
        }
        List<KeyAttribute> keys = index == null ? table.keys() : index.keys();
        Map<String, String> names = stringMap(request.get("ExpressionAttributeNames"));
        JsonNode values = request.get("ExpressionAttributeValues");
        Map<String, KeyCondition> conditions = new LinkedHashMap<>();
        RequestPath at;
        JsonNode text = request.get("KeyConditionExpression");
        if (text != null && text.isTextual()) {
            at = path.member("KeyConditionExpression");
            if (!keyConditions(text.asText(), names, values, conditions)) {
                return; // not a plain conjunction of key conditions: DDX001/DDX007 report it
            }
        } else if (request.get("KeyConditions") instanceof ObjectNode legacy) {
            at = path.member("KeyConditions");
            legacy.fields().forEachRemaining(e -> {
                List<JsonNode> operands = new ArrayList<>();
                e.getValue().path("AttributeValueList").forEach(operands::add);
                conditions.put(e.getKey(), new KeyCondition(e.getValue().path("ComparisonOperator").asText(""), operands));
            });
        } else {
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            KeyAttribute key = keys.get(i);
            boolean partition = i == 0;
            if (partition && keys.size() == 1 && conditions.size() > 1) {
                report(at, "Query key condition not supported (the " + describeKeyOwner(table, index)
                        + " has only the partition key " + key.name() + "; conditions on " + String.join(", ", conditions.keySet()) + ")"
                        + indexKeyedBy(table, index, conditions.keySet()));
                return;
            }
            KeyCondition condition = conditions.get(key.name());
            if (condition == null) {
                if (partition || conditions.size() > 1) {
                    report(at, "Query condition missed key schema element: " + key.name() + indexKeyedBy(table, index, conditions.keySet()));
                    return;
                }
                continue;
            }
            if (List.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN").contains(condition.operator())) {
                report(at, "Attempted conditional constraint is not an indexable operation");
                return;
            }
            for (JsonNode operand : condition.operands()) {
                if (operand != null && operand.isObject() && operand.size() == 1 && !operand.has(key.type())) {
                    report(at, "One or more parameter values were invalid: Condition parameter type does not match"
                            + " schema type (" + key.name() + " is " + key.type() + ", compared with " + typeOf(operand) + ")");
                    return;
                }
            }
            if (partition && !condition.operator().equals("EQ")) {
                report(at, "Query key condition not supported (the partition key " + key.name()
                        + " takes only an equality condition)");
                return;
            }
        }
        filterOnKeys(request, keys, names, path);
    }

    private record KeyCondition(String operator, List<JsonNode> operands) {
    }

    /** Splits a KeyConditionExpression into per-attribute conditions; false when it is not a conjunction of simple conditions. */
    private static boolean keyConditions(String text, Map<String, String> names, JsonNode values, Map<String, KeyCondition> out) {
        Ast.Condition condition;
        try {
            condition = ExpressionParser.parseCondition(text);
        } catch (ExpressionSyntaxException e) {
            return false;
        }
        List<Ast.Condition> conjuncts = new ArrayList<>();
        if (!flatten(condition, conjuncts)) {
            return false;
        }
        for (Ast.Condition conjunct : conjuncts) {
            String attribute;
            String operator;
            List<Ast.Operand> operands;
            if (conjunct instanceof Ast.Comparison c) {
                attribute = c.left() instanceof Ast.Path p ? head(p, names) : null;
                operator = switch (c.operator()) {
                    case "=" -> "EQ";
                    case "<" -> "LT";
                    case "<=" -> "LE";
                    case ">" -> "GT";
                    case ">=" -> "GE";
                    default -> "NE";
                };
                operands = List.of(c.right());
            } else if (conjunct instanceof Ast.Between b) {
                attribute = b.operand() instanceof Ast.Path p ? head(p, names) : null;
                operator = "BETWEEN";
                operands = List.of(b.lower(), b.upper());
            } else if (conjunct instanceof Ast.FunctionCondition f && f.call().name().equals("begins_with")
                    && f.call().arguments().size() == 2) {
                attribute = f.call().arguments().get(0) instanceof Ast.Path p ? head(p, names) : null;
                operator = "BEGINS_WITH";
                operands = List.of(f.call().arguments().get(1));
            } else {
                return false;
            }
            if (attribute == null || out.containsKey(attribute)) {
                return false;
            }
            List<JsonNode> resolved = new ArrayList<>();
            for (Ast.Operand operand : operands) {
                resolved.add(operand instanceof Ast.ValueRef ref && values != null ? values.get(ref.name()) : null);
            }
            out.put(attribute, new KeyCondition(operator, resolved));
        }
        return true;
    }

    private static boolean flatten(Ast.Condition condition, List<Ast.Condition> out) {
        if (condition instanceof Ast.ParenthesizedCondition p) {
            return flatten(p.inner(), out);
        }
        if (condition instanceof Ast.And and) {
            return flatten(and.left(), out) && flatten(and.right(), out);
        }
        if (condition instanceof Ast.Or || condition instanceof Ast.Not) {
            return false;
        }
        out.add(condition);
        return true;
    }

    private void filterOnKeys(ObjectNode request, List<KeyAttribute> keys, Map<String, String> names, RequestPath path) {
        JsonNode filter = request.get("FilterExpression");
        JsonNode legacy = request.get("QueryFilter");
        List<String> heads = new ArrayList<>();
        RequestPath at;
        String label;
        if (filter != null && filter.isTextual()) {
            at = path.member("FilterExpression");
            label = "Filter Expression";
            try {
                collectHeads(ExpressionParser.parseCondition(filter.asText()), names, heads);
            } catch (ExpressionSyntaxException e) {
                return;
            }
        } else if (legacy != null && legacy.isObject()) {
            at = path.member("QueryFilter");
            label = "QueryFilter";
            legacy.fieldNames().forEachRemaining(heads::add);
        } else {
            return;
        }
        for (KeyAttribute key : keys) {
            if (heads.contains(key.name())) {
                report(at, label + " can only contain non-primary key attributes: Primary key attribute: " + key.name());
                return;
            }
        }
    }

    private static void collectHeads(Ast.Condition condition, Map<String, String> names, List<String> heads) {
        if (condition instanceof Ast.Comparison c) {
            collectHeads(c.left(), names, heads);
            collectHeads(c.right(), names, heads);
        } else if (condition instanceof Ast.Between b) {
            collectHeads(b.operand(), names, heads);
            collectHeads(b.lower(), names, heads);
            collectHeads(b.upper(), names, heads);
        } else if (condition instanceof Ast.In in) {
            collectHeads(in.operand(), names, heads);
            in.candidates().forEach(c -> collectHeads(c, names, heads));
        } else if (condition instanceof Ast.FunctionCondition f) {
            collectHeads(f.call(), names, heads);
        } else if (condition instanceof Ast.And and) {
            collectHeads(and.left(), names, heads);
            collectHeads(and.right(), names, heads);
        } else if (condition instanceof Ast.Or or) {
            collectHeads(or.left(), names, heads);
            collectHeads(or.right(), names, heads);
        } else if (condition instanceof Ast.Not not) {
            collectHeads(not.inner(), names, heads);
        } else if (condition instanceof Ast.ParenthesizedCondition p) {
            collectHeads(p.inner(), names, heads);
        }
    }

    private static void collectHeads(Ast.Operand operand, Map<String, String> names, List<String> heads) {
        if (operand instanceof Ast.Path p) {
            String head = head(p, names);
            if (head != null) {
                heads.add(head);
            }
        } else if (operand instanceof Ast.FunctionCall f) {
            f.arguments().forEach(a -> collectHeads(a, names, heads));
        } else if (operand instanceof Ast.Arithmetic a) {
            collectHeads(a.left(), names, heads);
            collectHeads(a.right(), names, heads);
        } else if (operand instanceof Ast.ParenthesizedOperand p) {
            collectHeads(p.inner(), names, heads);
        }
    }

    /** Query/Scan IndexName: the index exists, no consistent read on a GSI, ALL_ATTRIBUTES only on a full projection. */
    private SecondaryIndex index(TableSchema table, ObjectNode request, RequestPath path) {
        JsonNode name = request.get("IndexName");
        if (name == null || !name.isTextual()) {
            return null;
        }
        SecondaryIndex index = table.index(name.asText()).orElse(null);
        if (index == null) {
            String nearest = typoOf(name.asText(), table.indexes().stream().map(SecondaryIndex::name).toList());
            report(path.member("IndexName"), "The table does not have the specified index: " + name.asText()
                    + (nearest == null ? "" : "; did you mean " + nearest + "?"));
            return null;
        }
        JsonNode consistent = request.get("ConsistentRead");
        if (index.global() && consistent != null && consistent.asBoolean(false)) {
            report(path.member("ConsistentRead"), "Consistent reads are not supported on global secondary indexes");
            return null;
        }
        JsonNode select = request.get("Select");
        if (index.global() && select != null && "ALL_ATTRIBUTES".equals(select.asText()) && index.projectionType() != null
                && !"ALL".equals(index.projectionType())) {
            report(path.member("Select"), "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is"
                    + " not supported for global secondary index " + index.name() + " because its projection type is not ALL");
            return null;
        }
        return index;
    }

    /** Query/Scan ExclusiveStartKey: the table's key attributes, plus the index's when reading an index. Returns whether it matched. */
    private boolean startKey(TableSchema table, SecondaryIndex index, ObjectNode request, RequestPath path) {
        if (!(request.get("ExclusiveStartKey") instanceof ObjectNode key) || !attributeValues(key)) {
            return true;
        }
        List<KeyAttribute> expected = new ArrayList<>(table.keys());
        if (index != null) {
            index.keys().stream().filter(k -> expected.stream().noneMatch(e -> e.name().equals(k.name()))).forEach(expected::add);
        }
        boolean matches = key.size() == expected.size()
                && expected.stream().allMatch(k -> key.get(k.name()) != null && key.get(k.name()).has(k.type()));
        if (!matches) {
            report(path.member("ExclusiveStartKey"), "The provided starting key is invalid"
                    + (index == null ? ": The provided key element does not match the schema" : "")
                    + " (expected " + describe(expected) + ", found " + names(key) + ")");
        }
        return matches;
    }

    /** Reports a sort key over 1024 bytes; returns whether it did. */
    private boolean sortKeySize(KeyAttribute attribute, JsonNode value, RequestPath path) {
        if (value != null && byteLength(value, attribute.type()) > MAX_SORT_KEY_BYTES) {
            report(path, "One or more parameter values were invalid: Aggregated size of all range keys has exceeded"
                    + " the size limit of 1024 bytes");
            return true;
        }
        return false;
    }

    private static long byteLength(JsonNode value, String type) {
        JsonNode content = value.get(type);
        if (content == null || !content.isTextual() || type.equals("N")) {
            return 0;
        }
        if (type.equals("B")) {
            try {
                return Base64.getDecoder().decode(content.asText()).length;
            } catch (IllegalArgumentException e) {
                return 0; // DDB008 reports bad base64
            }
        }
        return content.asText().getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isEmptyScalar(JsonNode value, String type) {
        JsonNode content = value.get(type);
        return (type.equals("S") || type.equals("B")) && content != null && content.isTextual() && content.asText().isEmpty();
    }

    /** Whether every member is a well-formed single-type AttributeValue (otherwise DDB006 speaks first). */
    private static boolean attributeValues(JsonNode map) {
        for (JsonNode value : map) {
            if (!value.isObject() || value.size() != 1) {
                return false;
            }
        }
        return true;
    }

    /** The top-level attribute a path starts at, with {@code #name} resolved; null when undefined. */
    private static String head(Ast.Path path, Map<String, String> names) {
        if (path.elements().isEmpty() || !(path.elements().get(0) instanceof Ast.Name name)) {
            return null;
        }
        return name.placeholder() ? names.get(name.text()) : name.text();
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    map.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return map;
    }

    private static String typeOf(JsonNode attributeValue) {
        return attributeValue.fieldNames().hasNext() ? attributeValue.fieldNames().next() : "?";
    }

    private static String names(JsonNode map) {
        List<String> names = new ArrayList<>();
        map.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "no attributes" : String.join(", ", names);
    }

    private static String describe(List<KeyAttribute> keys) {
        return String.join(", ", keys.stream().map(KeyAttribute::toString).toList());
    }

    private static String describeKeyOwner(TableSchema table, SecondaryIndex index) {
        return index == null ? "table " + table.label() : "index " + index.name();
    }
}
