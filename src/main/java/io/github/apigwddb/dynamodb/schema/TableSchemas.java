package io.github.apigwddb.dynamodb.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The table definitions given to a check ({@code apigw.tables}), and what could not be read from them.
 * Immutable and thread-safe.
 */
public final class TableSchemas {

    public static final TableSchemas NONE = new TableSchemas(List.of(), List.of());

    private final List<TableSchema> tables;
    private final List<TableSchemaProblem> problems;

    public TableSchemas(List<TableSchema> tables, List<TableSchemaProblem> problems) {
        this.tables = List.copyOf(tables);
        this.problems = List.copyOf(problems);
    }

    public List<TableSchema> tables() {
        return tables;
    }

    public List<TableSchemaProblem> problems() {
        return problems;
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /** The table a request's {@code TableName} (a name or a table ARN) refers to. */
    public Optional<TableSchema> find(String tableNameOrArn) {
        String name = tableName(tableNameOrArn);
        return tables.stream().filter(t -> Objects.equals(t.name(), name)).findFirst();
    }

    /**
     * Whether a name that matches no definition is certainly unknown: only when every definition has a
     * fixed name (a CloudFormation table without {@code TableName} could be the one the request means).
     */
    public boolean allNamesKnown() {
        return !tables.isEmpty() && tables.stream().allMatch(t -> t.name() != null);
    }

    /** The table name inside a table ARN ({@code arn:aws:dynamodb:<region>:<account>:table/<name>}), else the text itself. */
    static String tableName(String tableNameOrArn) {
        if (tableNameOrArn != null && tableNameOrArn.startsWith("arn:")) {
            int at = tableNameOrArn.indexOf(":table/");
            if (at >= 0) {
                String rest = tableNameOrArn.substring(at + ":table/".length());
                int slash = rest.indexOf('/');
                return slash < 0 ? rest : rest.substring(0, slash);
            }
        }
        return tableNameOrArn;
    }

    /** The names of the defined tables, for messages. */
    public List<String> names() {
        return tables.stream().map(TableSchema::label).toList();
    }
}
