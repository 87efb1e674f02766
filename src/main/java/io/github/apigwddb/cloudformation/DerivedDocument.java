package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SourceMap;
import io.github.apigwddb.spec.SpecKind;
import io.github.apigwddb.spec.TextPosition;
import java.util.List;
import java.util.Map;

/**
 * Builds an API definition derived from parts of a source document (an embedded body, Method resources) as a
 * {@link LoadedSpec} whose pointers resolve to positions in the source file: every rule and locator works on
 * it unchanged, and findings land in the template.
 */
final class DerivedDocument {

    private final LoadedSpec source;
    private final Map<String, String> replaced;
    private final SourceMap map = new SourceMap();

    /**
     * @param replaced from the resolver that evaluated the source: an intrinsic's pointer → its template string's
     *     pointer, so a resolved template string still starts where its text is written
     */
    DerivedDocument(LoadedSpec source, Map<String, String> replaced) {
        this.source = source;
        this.replaced = replaced;
    }

    /** The source's subtree at {@code from} stands at {@code to} in the derived tree. */
    void map(String from, String to) {
        map.copySubtree(source.sourceMap(), from, to);
        for (Map.Entry<String, String> entry : replaced.entrySet()) {
            String pointer = entry.getKey();
            if (pointer.equals(from) || pointer.startsWith(from + "/")) {
                TextPosition start = source.sourceMap().valueStart(entry.getValue());
                if (start != null) {
                    map.putValue(to + pointer.substring(from.length()), start);
                }
            }
        }
    }

    LoadedSpec build(JsonNode root) {
        ParsedDocument document = new ParsedDocument(source.document().text(), root, map, source.document().lines(), List.of(), List.of());
        return new LoadedSpec(source.file(), source.format(), SpecKind.of(root), document);
    }
}
