package io.github.apigwddb.dynamodb;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DDX012: static PartiQL checks that need no PartiQL parser (dynamodb-facts.md §10): the number of {@code ?}
 * markers equals the number of Parameters, and the statements of a batch or transaction are all reads or all
 * writes (a transaction may mix in EXISTS checks).
 */
final class PartiQlRule implements RequestRule {

    @Override
    public String ruleId() {
        return "DDX012";
    }

    @Override
    public void check(String action, ObjectNode request, Violations violations) {
        switch (action) {
            case "ExecuteStatement" -> checkParameters(request, RequestPath.ROOT, violations);
            case "BatchExecuteStatement" -> checkList(request.get("Statements"), RequestPath.ROOT.member("Statements"),
                    false, violations);
            case "ExecuteTransaction" -> checkList(request.get("TransactStatements"),
                    RequestPath.ROOT.member("TransactStatements"), true, violations);
            default -> { }
        }
    }

    private void checkList(JsonNode statements, RequestPath path, boolean transaction, Violations violations) {
        if (statements == null || !statements.isArray()) {
            return;
        }
        String firstKind = null;
        for (int i = 0; i < statements.size(); i++) {
            if (!(statements.get(i) instanceof ObjectNode statement)) {
                continue;
            }
            RequestPath statementPath = path.index(i);
            checkParameters(statement, statementPath, violations);
            String kind = kindOf(RequestRule.text(statement, "Statement"));
            if (kind == null || (transaction && kind.equals("EXISTS"))) {
                continue;
            }
            if (firstKind == null) {
                firstKind = kind;
            } else if (!firstKind.equals(kind)) {
                violations.add(ruleId(), statementPath.member("Statement"), (transaction ? "A transaction" : "A batch")
                        + " must contain only read statements or only write statements; this one is a " + kind.toLowerCase(Locale.ROOT)
                        + " after a " + firstKind.toLowerCase(Locale.ROOT));
            }
        }
    }

    private void checkParameters(ObjectNode statement, RequestPath path, Violations violations) {
        String text = RequestRule.text(statement, "Statement");
        if (text == null) {
            return;
        }
        int markers = countMarkers(text);
        JsonNode parameters = statement.get("Parameters");
        int supplied = parameters != null && parameters.isArray() ? parameters.size() : 0;
        if (markers != supplied) {
            violations.add(ruleId(), path.member(supplied > 0 ? "Parameters" : "Statement"), "The statement has " + markers
                    + " parameter marker(s) '?' but Parameters supplies " + supplied + " value(s)");
        }
    }

    /** Counts {@code ?} outside single-quoted strings and double-quoted identifiers ('' and "" escape a quote). */
    static int countMarkers(String statement) {
        int count = 0;
        char quote = 0;
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    if (i + 1 < statement.length() && statement.charAt(i + 1) == quote) {
                        i++;
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                count++;
            }
        }
        return count;
    }

    /** READ or WRITE by the leading keyword, EXISTS for transaction checks, null when unrecognised. */
    private static String kindOf(String statement) {
        if (statement == null) {
            return null;
        }
        String head = statement.stripLeading().toUpperCase(Locale.ROOT);
        if (head.startsWith("SELECT")) {
            return "READ";
        }
        if (head.startsWith("INSERT") || head.startsWith("UPDATE") || head.startsWith("DELETE")) {
            return "WRITE";
        }
        if (head.startsWith("EXISTS")) {
            return "EXISTS";
        }
        return null;
    }
}
