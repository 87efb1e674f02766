package io.github.apigwddb.rules;

import java.nio.file.Path;

/** A place in a file; line and column are 1-based. */
public record SourcePosition(Path file, int line, int column) {

    public static SourcePosition startOf(Path file) {
        return new SourcePosition(file, 1, 1);
    }
}
