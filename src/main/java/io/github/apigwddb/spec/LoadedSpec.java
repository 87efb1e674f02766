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

    /** The position to report for the element at {@code pointer} (or its closest existing ancestor). */
    public TextPosition locate(String pointer) {
        return document.sourceMap().locate(pointer);
    }
}
