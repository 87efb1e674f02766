package io.github.apigwddb.check;

import io.github.apigwddb.examples.Example;
import io.github.apigwddb.examples.ExampleCollector;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.SourcePosition;
import io.github.apigwddb.spec.LineIndex;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SourceMap;
import io.github.apigwddb.spec.StringContentLocator;
import io.github.apigwddb.spec.TextPosition;
import java.nio.file.Path;
import java.util.List;

/** Turns "rule, message, where" into a {@link Finding} with file, line and column, for one spec file. */
public final class Locator {

    private final LoadedSpec spec;
    private final boolean fromTemplate;
    /** Where the examples of sidecar files are; null: at their files' start. */
    private final ExampleCollector sidecars;

    public Locator(LoadedSpec spec) {
        this(spec, false);
    }

    /** @param fromTemplate the definition comes out of a CloudFormation/SAM template, its intrinsics already evaluated */
    public Locator(LoadedSpec spec, boolean fromTemplate) {
        this(spec, fromTemplate, null);
    }

    /** @param sidecars the collector that read the examples, which knows where those of sidecar files are */
    Locator(LoadedSpec spec, boolean fromTemplate, ExampleCollector sidecars) {
        this.spec = spec;
        this.fromTemplate = fromTemplate;
        this.sidecars = sidecars;
    }

    /**
     * Whether the check gave a placeholder of this string that stands alone on its line a stand-in: the block of text it
     * inserts at deployment is unknown, and may set variables.
     */
    public boolean hasUnknownBlock(String pointer) {
        SourceMap.Rewritten rewritten = spec.sourceMap().rewritten(pointer);
        return rewritten != null && rewritten.unknownBlock();
    }

    /** Whether the value at the pointer is wholly a stand-in for one known only at deployment: nothing to judge there. */
    public boolean isStandIn(String pointer) {
        return spec.sourceMap().isStandIn(pointer);
    }

    public boolean fromTemplate() {
        return fromTemplate;
    }

    public LoadedSpec spec() {
        return spec;
    }

    /** At the element a JSON pointer names (or its closest existing ancestor). */
    public Finding at(Rule rule, String message, String pointer, OperationRef op, String example) {
        return new Finding(rule, rule.defaultSeverity(), message, position(spec.place(pointer)), op, example);
    }

    /** At a 1-based line and column inside a mapping template. */
    public Finding inTemplate(Rule rule, String message, MappingTemplate template, int line, int column, OperationRef op, String example) {
        SourceMap.Rewritten rewritten = spec.sourceMap().rewritten(template.pointer());
        if (rewritten != null) {
            // placeholders or an Fn::Sub were filled in: the position in the text as written
            TextPosition written = rewritten.edits().writtenPosition(template.text(), rewritten.written(), line, column);
            line = written.line();
            column = written.column();
        }
        List<SourceMap.Piece> pieces = spec.sourceMap().pieces(template.pointer());
        if (!pieces.isEmpty()) {
            return new Finding(rule, rule.defaultSeverity(), message,
                    position(spec.file(), inPieces(pieces, template.text(), Math.max(1, line), Math.max(1, column))), op, example);
        }
        // a template in a part read from another file is written there
        SourceMap.Inlined from = spec.sourceMap().inlinedFrom(template.pointer());
        Path file = from == null ? spec.file() : from.file();
        ParsedDocument document = from == null ? spec.document() : from.document();
        String pointer = from == null ? template.pointer() : from.pointer();
        TextPosition start = document.sourceMap().valueStart(pointer);
        TextPosition where = start == null ? document.sourceMap().locate(pointer)
                : StringContentLocator.locate(document, start, Math.max(1, line), Math.max(1, column));
        return new Finding(rule, rule.defaultSeverity(), message, position(file, where), op, example);
    }

    /** A line and column of a template joined from parts, in the part that holds it, counted from that part's start. */
    private TextPosition inPieces(List<SourceMap.Piece> pieces, String text, int line, int column) {
        LineIndex lines = new LineIndex(text);
        int offset = Math.min(text.length(), lines.lineStart(line) + column - 1);
        SourceMap.Piece piece = pieces.get(0);
        for (SourceMap.Piece next : pieces) {
            if (next.offset() <= offset) {
                piece = next;
            }
        }
        if (!piece.literal()) {
            return piece.start();
        }
        TextPosition at = lines.positionOf(offset);
        TextPosition partStart = lines.positionOf(piece.offset());
        int partLine = at.line() - partStart.line() + 1;
        int partColumn = partLine == 1 ? at.column() - partStart.column() + 1 : at.column();
        return StringContentLocator.locate(spec.document(), piece.start(), partLine, partColumn);
    }

    /** At the example itself (or the member of it named by {@code member}, when it is in the spec). */
    public Finding atExample(Rule rule, String message, Example example, String member, OperationRef op) {
        if (example.file() != null && example.file().equals(spec.file())) {
            String pointer = member == null ? example.pointer() : example.pointer() + "/" + member;
            return new Finding(rule, rule.defaultSeverity(), message, position(spec.place(pointer)), op, example.name());
        }
        Path file = example.file() == null ? spec.file() : example.file();
        TextPosition where = sidecars == null || example.file() == null ? TextPosition.START : sidecars.locateInSidecar(example, member);
        return new Finding(rule, rule.defaultSeverity(), message, position(file, where), op, example.name());
    }

    static SourcePosition position(LoadedSpec.Place place) {
        return position(place.file(), place.position());
    }

    static SourcePosition position(Path file, TextPosition position) {
        return new SourcePosition(file, position.line(), position.column());
    }
}
