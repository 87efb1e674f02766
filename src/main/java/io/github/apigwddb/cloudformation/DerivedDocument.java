package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SourceMap;
import io.github.apigwddb.spec.SpecKind;
import io.github.apigwddb.spec.TextPosition;
import java.util.ArrayList;
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
    private final Map<String, List<IntrinsicResolver.JoinPart>> joins;
    private final Map<String, IntrinsicResolver.SubText> subs;
    private final java.util.Set<String> standIns;
    private final SourceMap map = new SourceMap();

    /**
     * @param resolver the resolver that evaluated the source: its {@link IntrinsicResolver#replaced()} lets a resolved
     *     template string start where its text is written, and its {@link IntrinsicResolver#joins()} let a position
     *     inside an Fn::Join's string find the part that has it
     */
    DerivedDocument(LoadedSpec source, IntrinsicResolver resolver) {
        this.source = source;
        this.replaced = resolver.replaced();
        this.joins = resolver.joins();
        this.subs = resolver.subs();
        this.standIns = resolver.wholeStandIns();
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
        for (Map.Entry<String, List<IntrinsicResolver.JoinPart>> join : joins.entrySet()) {
            String pointer = join.getKey();
            if (pointer.equals(from) || pointer.startsWith(from + "/")) {
                List<SourceMap.Piece> pieces = new ArrayList<>();
                for (IntrinsicResolver.JoinPart part : join.getValue()) {
                    TextPosition start = part.literal() ? source.sourceMap().valueStart(part.pointer()) : source.sourceMap().locate(part.pointer());
                    if (start == null) {
                        pieces = null; // a part without a position: the string's start is all there is
                        break;
                    }
                    pieces.add(new SourceMap.Piece(part.offset(), start, part.literal()));
                }
                if (pieces != null) {
                    map.putPieces(to + pointer.substring(from.length()), pieces);
                }
            }
        }
        mapSubs(from, to);
        for (String pointer : standIns) {
            if (pointer.equals(from) || pointer.startsWith(from + "/")) {
                map.putStandIn(to + pointer.substring(from.length()));
            }
        }
    }

    /** Called by {@link #map}: the Fn::Subs under {@code from} keep their text as written, for positions inside them. */
    private void mapSubs(String from, String to) {
        for (Map.Entry<String, IntrinsicResolver.SubText> sub : subs.entrySet()) {
            String pointer = sub.getKey();
            if (pointer.equals(from) || pointer.startsWith(from + "/")) {
                map.putRewritten(to + pointer.substring(from.length()), sub.getValue().written(), sub.getValue().edits(), false);
            }
        }
    }

    LoadedSpec build(JsonNode root) {
        ParsedDocument document = new ParsedDocument(source.document().text(), root, map, source.document().lines(), List.of(), List.of());
        return new LoadedSpec(source.file(), source.format(), SpecKind.of(root), document);
    }
}
