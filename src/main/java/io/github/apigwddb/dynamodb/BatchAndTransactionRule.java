package io.github.apigwddb.dynamodb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DDB010: limits across a whole batch or transaction and items addressed twice. Per-list lengths and the
 * one-action-per-entry shape are checked by the shape walk; this rule adds totals over all tables and
 * duplicates. Without the table schema, two requests address the same item when their keys are equal, or
 * when one's key attributes all appear with equal values in the other's item.
 */
final class BatchAndTransactionRule implements RequestRule {

    static final int MAX_BATCH_GET_KEYS = 100;
    static final int MAX_BATCH_WRITES = 25;
    private static final String DUPLICATE_KEYS = "Provided list of item keys contains duplicates";
    private static final String SAME_ITEM_TWICE = "Transaction request cannot include multiple operations on one item";

    /** One addressed item: its table, its key (or null for a Put), its whole item (or null). */
    private record Target(String table, ObjectNode key, ObjectNode item, RequestPath path) {
        boolean sameItemAs(Target other) {
            if (!table.equals(other.table)) {
                return false;
            }
            if (key != null && other.key != null) {
                return key.equals(other.key);
            }
            if (item != null && other.item != null) {
                return item.equals(other.item);
            }
            ObjectNode someKey = key != null ? key : other.key;
            ObjectNode someItem = item != null ? item : other.item;
            return containsAll(someItem, someKey);
        }
    }

    @Override
    public String ruleId() {
        return RuleIds.BATCH_TRANSACTION;
    }

    @Override
    public void check(String action, ObjectNode request, Violations violations) {
        switch (action) {
            case "BatchGetItem" -> batchGet(request, violations);
            case "BatchWriteItem" -> batchWrite(request, violations);
            case "TransactWriteItems" -> transactWrite(request, violations);
            case "TransactGetItems" -> transactGet(request, violations);
            default -> { }
        }
    }

    private void batchGet(ObjectNode request, Violations violations) {
        if (!(request.get("RequestItems") instanceof ObjectNode tables)) {
            return;
        }
        RequestPath itemsPath = RequestPath.ROOT.member("RequestItems");
        int total = 0;
        int mostOfOneTable = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            JsonNode keys = table.getValue().path("Keys");
            if (!keys.isArray()) {
                continue;
            }
            total += keys.size();
            mostOfOneTable = Math.max(mostOfOneTable, keys.size());
            List<Target> targets = new ArrayList<>();
            RequestPath keysPath = itemsPath.key(table.getKey()).member("Keys");
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) instanceof ObjectNode key) {
                    targets.add(new Target(table.getKey(), key, null, keysPath.index(i)));
                }
            }
            reportDuplicates(targets, DUPLICATE_KEYS, violations);
        }
        // one table over the limit is a length constraint of the request's shape, which DynamoDB says first, and alone
        if (total > MAX_BATCH_GET_KEYS && mostOfOneTable <= MAX_BATCH_GET_KEYS) {
            violations.add(ruleId(), itemsPath, "Too many items requested for the BatchGetItem call (" + total
                    + " keys, limit " + MAX_BATCH_GET_KEYS + ")");
        }
    }

    private void batchWrite(ObjectNode request, Violations violations) {
        if (!(request.get("RequestItems") instanceof ObjectNode tables)) {
            return;
        }
        RequestPath itemsPath = RequestPath.ROOT.member("RequestItems");
        int total = 0;
        int mostOfOneTable = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            if (!table.getValue().isArray()) {
                continue;
            }
            total += table.getValue().size();
            mostOfOneTable = Math.max(mostOfOneTable, table.getValue().size());
            List<Target> targets = new ArrayList<>();
            RequestPath listPath = itemsPath.key(table.getKey());
            for (int i = 0; i < table.getValue().size(); i++) {
                JsonNode writeRequest = table.getValue().get(i);
                RequestPath path = listPath.index(i);
                if (writeRequest.path("PutRequest").path("Item") instanceof ObjectNode item) {
                    targets.add(new Target(table.getKey(), null, item, path));
                } else if (writeRequest.path("DeleteRequest").path("Key") instanceof ObjectNode key) {
                    targets.add(new Target(table.getKey(), key, null, path));
                }
            }
            reportDuplicates(targets, DUPLICATE_KEYS, violations);
        }
        if (total > MAX_BATCH_WRITES && mostOfOneTable <= MAX_BATCH_WRITES) {
            violations.add(ruleId(), itemsPath, "Too many items requested for the BatchWriteItem call (" + total
                    + " requests, limit " + MAX_BATCH_WRITES + ")");
        }
    }

    private void transactWrite(ObjectNode request, Violations violations) {
        JsonNode items = request.path("TransactItems");
        if (!items.isArray()) {
            return;
        }
        List<Target> targets = new ArrayList<>();
        RequestPath listPath = RequestPath.ROOT.member("TransactItems");
        for (int i = 0; i < items.size(); i++) {
            JsonNode entry = items.get(i);
            for (String action : List.of("ConditionCheck", "Put", "Delete", "Update")) {
                JsonNode operation = entry.path(action);
                String table = operation.path("TableName").isTextual() ? operation.path("TableName").asText() : null;
                if (table == null) {
                    continue;
                }
                ObjectNode key = operation.path("Key") instanceof ObjectNode k ? k : null;
                ObjectNode item = operation.path("Item") instanceof ObjectNode it ? it : null;
                if (key != null || item != null) {
                    targets.add(new Target(table, key, item, listPath.index(i)));
                }
            }
        }
        reportDuplicates(targets, SAME_ITEM_TWICE, violations);
    }

    private void transactGet(ObjectNode request, Violations violations) {
        JsonNode items = request.path("TransactItems");
        if (!items.isArray()) {
            return;
        }
        List<Target> targets = new ArrayList<>();
        RequestPath listPath = RequestPath.ROOT.member("TransactItems");
        for (int i = 0; i < items.size(); i++) {
            JsonNode get = items.get(i).path("Get");
            if (get.path("TableName").isTextual() && get.path("Key") instanceof ObjectNode key) {
                targets.add(new Target(get.path("TableName").asText(), key, null, listPath.index(i)));
            }
        }
        reportDuplicates(targets, SAME_ITEM_TWICE, violations);
    }

    private void reportDuplicates(List<Target> targets, String message, Violations violations) {
        for (int i = 1; i < targets.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (targets.get(i).sameItemAs(targets.get(j))) {
                    violations.add(ruleId(), targets.get(i).path(), message + " (same item as "
                            + targets.get(j).path().dotted() + ")");
                    break;
                }
            }
        }
    }

    private static boolean containsAll(ObjectNode item, ObjectNode key) {
        if (key.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = key.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            if (!attribute.getValue().equals(item.get(attribute.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
