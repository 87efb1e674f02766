package io.github.apigwddb.vtl;

/**
 * A {@code #set($context.responseOverride.status = 404)}: the status API Gateway answers with when the template runs it.
 *
 * @param status the status set, when it is a literal number (or a string of one); null when computed
 * @param line   1-based line of {@code $context.responseOverride.status} in the template
 * @param column 1-based column of it
 */
public record StatusOverride(Integer status, int line, int column) {
}
