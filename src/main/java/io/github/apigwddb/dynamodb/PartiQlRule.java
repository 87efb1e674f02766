package io.github.apigwddb.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.dynamodb.partiql.PartiQlStatement;

/**
 * PartiQL statements (dynamodb-facts.md §10), read with {@link PartiQlStatement}. DDX013: a statement DynamoDB cannot
 * read (a quote left open, no statement keyword, a keyword its form needs missing). DDX012: the number of {@code ?}
 * markers differs from the number of Parameters, or a batch or transaction mixes reads and writes (a transaction may
 * mix in EXISTS checks).
 */
final class PartiQlRule implements RequestRule {

    private static final String MALFORMED = "DDX013";

    @Override
    public String ruleId() {
        return "DDX012";
    }

    @Override
    public void check(String action, ObjectNode request, Violations violations) {
        String list = statementList(action);
        if ("ExecuteStatement".equals(action)) {
            checkStatement(request, RequestPath.ROOT, false, violations);
        } else if (list != null) {
            checkList(request.get(list), RequestPath.ROOT.member(list), action.equals("ExecuteTransaction"), violations);
        }
    }

    /** The member holding an action's list of statements: {@code Statements} of a batch, {@code TransactStatements}; else null. */
    static String statementList(String action) {
        return switch (action) {
            case "BatchExecuteStatement" -> "Statements";
            case "ExecuteTransaction" -> "TransactStatements";
            default -> null;
        };
    }

    private void checkList(JsonNode statements, RequestPath path, boolean transaction, Violations violations) {
        if (statements == null || !statements.isArray()) {
            return;
        }
        PartiQlStatement.Kind first = null;
        for (int i = 0; i < statements.size(); i++) {
            if (!(statements.get(i) instanceof ObjectNode statement)) {
                continue;
            }
            RequestPath statementPath = path.index(i);
            PartiQlStatement.Kind kind = checkStatement(statement, statementPath, transaction, violations);
            if (kind == null || kind == PartiQlStatement.Kind.EXISTS) {
                continue; // a check of a transaction; in a batch DDX013 says it has no place there
            }
            if (first == null) {
                first = kind;
            } else if (first.reads() != kind.reads()) {
                violations.add(ruleId(), statementPath.member("Statement"), (transaction ? "A transaction" : "A batch")
                        + " must contain only read statements or only write statements; this one is a " + nameOf(kind)
                        + " after a " + nameOf(first));
            }
        }
    }

    /** @return the statement's kind, null when it has none DynamoDB knows */
    private PartiQlStatement.Kind checkStatement(ObjectNode statement, RequestPath path, boolean transaction, Violations violations) {
        String text = RequestRule.text(statement, "Statement");
        if (text == null) {
            return null;
        }
        PartiQlStatement read = PartiQlStatement.read(text);
        String problem = read.problem(transaction);
        if (problem != null && !text.isEmpty()) { // "" is too short for DynamoDB's model: DDB004
            violations.add(MALFORMED, path.member("Statement"), problem);
        }
        int markers = read.parameterMarkers();
        JsonNode parameters = statement.get("Parameters");
        int supplied = parameters != null && parameters.isArray() ? parameters.size() : 0;
        if (markers >= 0 && markers != supplied) {
            violations.add(ruleId(), path.member(supplied > 0 ? "Parameters" : "Statement"), "The statement has " + markers
                    + " parameter marker(s) '?' but Parameters supplies " + supplied + " value(s)");
        }
        return read.kind();
    }

    private static String nameOf(PartiQlStatement.Kind kind) {
        return kind.reads() ? "read" : "write";
    }
}
