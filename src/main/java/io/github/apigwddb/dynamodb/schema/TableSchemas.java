package io.github.apigwddb.dynamodb.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The table definitions given to a check ({@code apigw.tables}), and what could not be read from them.
 * Immutable and thread-safe.
 */
public final class TableSchemas {

    public static final TableSchemas NONE = new TableSchemas(List.of(), List.of());

    private final List<TableSchema> tables;
    private final List<TableSchemaProblem> problems;
    private final Set<String> standInNames;
    private final boolean allTables;

    public TableSchemas(List<TableSchema> tables, List<TableSchemaProblem> problems) {
        this(tables, problems, Set.of(), true);
    }

    /**
     * @param standInNames names that stand in for ones known only at deployment (a CloudFormation table without
     *     TableName, or one named from a parameter without value): matched, but a request naming another table may
     *     still mean it
     * @param allTables whether the definitions are meant to be every table the requests name ({@code apigw.tables});
     *     false for the tables a CloudFormation template defines itself, as its API may also use another stack's tables
     */
    public TableSchemas(List<TableSchema> tables, List<TableSchemaProblem> problems, Set<String> standInNames, boolean allTables) {
        this.tables = List.copyOf(tables);
        this.problems = List.copyOf(problems);
        this.standInNames = Set.copyOf(standInNames);
        this.allTables = allTables;
    }

    /**
     * Whether a table name no definition has is one DynamoDB will not find: when the user gave the definitions. Without
     * them, a template's own tables are not all its API may use (a table of another stack, an imported name).
     */
    public boolean allTables() {
        return allTables;
    }

    /** The names that stand in for ones known only at deployment. */
    public Set<String> standInNames() {
        return standInNames;
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
     * fixed name (a CloudFormation table without {@code TableName}, or named by a stand-in, could be the one the request
     * means).
     */
    public boolean allNamesKnown() {
        return !tables.isEmpty() && tables.stream().allMatch(t -> t.name() != null && !standInNames.contains(t.name()));
    }

    /** The table name inside a table ARN ({@code arn:aws:dynamodb:<region>:<account>:table/<name>}), else the text itself. */
    public static String tableName(String tableNameOrArn) {
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
