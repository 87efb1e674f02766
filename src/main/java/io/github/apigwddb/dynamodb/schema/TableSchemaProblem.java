package io.github.apigwddb.dynamodb.schema;

import java.nio.file.Path;

import io.github.apigwddb.spec.TextPosition;

/**
 * A table definition file, or a definition in it, that cannot be used.
 *
 * @param syntax   true when the file is not well-formed JSON/YAML (or cannot be read), false when a definition in it is invalid
 * @param file     the file
 * @param position where in the file
 * @param message  what is wrong
 */
public record TableSchemaProblem(boolean syntax, Path file, TextPosition position, String message) {
}
