package io.github.apigwddb.bundle;

import java.nio.file.Path;

/** Why a bundle cannot be written, with where: an unresolved placeholder, a reference that cannot be inlined. */
public record BundleProblem(String message, Path file, int line, int column) {

    @Override
    public String toString() {
        return file + ":[" + line + "," + column + "] " + message;
    }
}
