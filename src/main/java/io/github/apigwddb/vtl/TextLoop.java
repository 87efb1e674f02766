package io.github.apigwddb.vtl;

/**
 * A {@code #foreach} over text: {@code $input.json(...)}, {@code $input.body} or {@code $input.params(...)} give a string,
 * which Velocity does not iterate, so the loop's body never runs ({@code $input.path(...)} gives the list).
 *
 * @param list   the loop's list as written ({@code $input.json('$.ids')})
 * @param line   1-based line of the list in the template
 * @param column 1-based column of the list in the template
 */
public record TextLoop(String list, int line, int column) {
}
