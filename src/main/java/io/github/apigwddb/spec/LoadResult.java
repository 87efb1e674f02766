package io.github.apigwddb.spec;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What reading one file gave: the spec (null when the file could not be parsed or is not a definition),
 * the problems found, and why a file was passed over without problems (null otherwise).
 *
 * @param structureProblems swagger-parser's findings on the definition's structure: part of {@code problems}
 *     when the file was read with {@link SpecLoader#load(java.nio.file.Path)}, still coming when it was read with
 *     {@link SpecLoader#load(java.nio.file.Path, java.util.concurrent.Executor)}
 */
public record LoadResult(LoadedSpec spec, List<SpecProblem> problems, String skippedBecause,
        CompletableFuture<List<SpecProblem>> structureProblems) {

    private static final CompletableFuture<List<SpecProblem>> NONE = CompletableFuture.completedFuture(List.of());

    public LoadResult(LoadedSpec spec, List<SpecProblem> problems, String skippedBecause) {
        this(spec, problems, skippedBecause, NONE);
    }

    public LoadResult(LoadedSpec spec, List<SpecProblem> problems) {
        this(spec, problems, null, NONE);
    }
}
