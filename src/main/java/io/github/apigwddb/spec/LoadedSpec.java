package io.github.apigwddb.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** A file read and parsed, with what kind of document it is. */
public record LoadedSpec(Path file, SpecFormat format, SpecKind kind, ParsedDocument document) {

    public JsonNode root() {
        return document.root();
    }

    public SourceMap sourceMap() {
        return document.sourceMap();
    }

    /** A position in a file: the spec's own, or another that a part of it was read from. */
    public record Place(Path file, TextPosition position) {
    }

    /**
     * The file and position to report for the element at {@code pointer}: in the other file when it lies in a part read
     * from one ({@link SourceMap#inlinedFrom}), else {@link #locate} in this one.
     */
    public Place place(String pointer) {
        return place(file, document, pointer);
    }

    /** {@link #place(String)} in {@code document}, read from {@code file}. */
    public static Place place(Path file, ParsedDocument document, String pointer) {
        SourceMap.Inlined from = document.sourceMap().inlinedFrom(pointer);
        return from == null ? new Place(file, document.sourceMap().locate(pointer))
                : new Place(from.file(), from.document().sourceMap().locate(from.pointer()));
    }

    /** The position to report for the element at {@code pointer} in this file (or its closest existing ancestor). */
    public TextPosition locate(String pointer) {
        return document.sourceMap().locate(pointer);
    }
}
