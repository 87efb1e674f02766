package io.github.apigwddb.vtl;

/**
 * A read of a stage variable by literal name, found in a template's syntax tree: {@code $stageVariables.table},
 * {@code ${stageVariables.table}}, {@code $stageVariables['table']}, {@code $stageVariables.get('table')}.
 *
 * @param name   the variable's name
 * @param line   1-based line of the read in the template
 * @param column 1-based column of the read in the template
 */
public record StageVariableRead(String name, int line, int column) {
}
