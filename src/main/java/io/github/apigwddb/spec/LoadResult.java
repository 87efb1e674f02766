package io.github.apigwddb.spec;

import java.util.List;

/** What reading one file gave: the spec (null when the file could not be parsed) and the problems found. */
public record LoadResult(LoadedSpec spec, List<SpecProblem> problems) {
}
