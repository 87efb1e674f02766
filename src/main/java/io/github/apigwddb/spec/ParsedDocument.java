package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A JSON or YAML text parsed into a tree, with the position of every element.
 *
 * @param duplicateKeys pointers of members that appear twice in one object (the later one wins, as in
 *     most parsers; both API Gateway and the user usually meant something else)
 */
public record ParsedDocument(String text, JsonNode root, SourceMap sourceMap, LineIndex lines, List<String> duplicateKeys) {
}
