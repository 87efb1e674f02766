package io.github.apigwddb.spec;

import java.util.List;

/**
 * What reading one file gave: the spec (null when the file could not be parsed or is not a definition),
 * the problems found, and why a file was passed over without problems (null otherwise).
 */
public record LoadResult(LoadedSpec spec, List<SpecProblem> problems, String skippedBecause) {

    public LoadResult(LoadedSpec spec, List<SpecProblem> problems) {
        this(spec, problems, null);
    }
}
