package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A JSON or YAML text parsed into a tree, with the position of every element.
 *
 * @param duplicateKeys pointers of members that appear twice in one object (the later one wins, as in
 *     most parsers; both API Gateway and the user usually meant something else)
 * @param tags the YAML local tags met, in document order; CloudFormation short forms among them are already
 *     in their long form in {@code root}
 * @param mayReferenceUrls false only when the parser saw every {@code $ref} member and none names a URL, so that
 *     nothing needs to walk the tree for one; true when unknown
 * @param reuse the YAML merge keys and aliases met, already expanded in {@code root}
 */
public record ParsedDocument(String text, JsonNode root, SourceMap sourceMap, LineIndex lines, List<String> duplicateKeys,
        List<YamlTag> tags, boolean mayReferenceUrls, YamlReuse reuse) {

    public ParsedDocument(String text, JsonNode root, SourceMap sourceMap, LineIndex lines, List<String> duplicateKeys,
            List<YamlTag> tags) {
        this(text, root, sourceMap, lines, duplicateKeys, tags, true, YamlReuse.NONE);
    }

    public ParsedDocument(String text, JsonNode root, SourceMap sourceMap, LineIndex lines, List<String> duplicateKeys) {
        this(text, root, sourceMap, lines, duplicateKeys, List.of());
    }

    /** The same document with another tree and its positions (a definition with its references inlined, values filled in). */
    public ParsedDocument withTree(JsonNode newRoot, SourceMap newSourceMap) {
        return new ParsedDocument(text, newRoot, newSourceMap, lines, duplicateKeys, tags, mayReferenceUrls, reuse);
    }
}
