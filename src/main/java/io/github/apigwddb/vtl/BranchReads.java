package io.github.apigwddb.vtl;

import com.jayway.jsonpath.JsonPath;
import java.util.Set;

/**
 * What a template's control flow may depend on: the request values its {@code #if} and {@code #elseif} conditions and
 * the lists of its computed loops read, and those passed to a method that may fail for some values ({@code substring},
 * {@code $util.parseJson}), as a failing call ends the render. Conservative: anything the analysis cannot follow (a
 * variable, a whole-body read, a macro) makes {@link #anything()} true.
 *
 * @param anything     whether any value may steer the template
 * @param parameters   names read with {@code $input.params(...)} in a condition, in any location
 * @param bodyPaths    literal JSONPaths read with {@code $input.path}/{@code $input.json} in a condition, in the
 *     bracket form of {@link #normalPath}
 * @param contextPaths {@code $context} paths read in a condition (see {@link ContextRead#path()})
 */
public record BranchReads(boolean anything, Set<String> parameters, Set<String> bodyPaths, Set<String> contextPaths) {

    public static final BranchReads NONE = new BranchReads(false, Set.of(), Set.of(), Set.of());

    public BranchReads {
        parameters = Set.copyOf(parameters);
        bodyPaths = Set.copyOf(bodyPaths);
        contextPaths = Set.copyOf(contextPaths);
    }

    /** Whether a request parameter of this name may steer the template. */
    public boolean mayReadParameter(String name) {
        return anything || parameters.contains(name);
    }

    /**
     * Whether the body value at {@code jsonPath} ({@code $.a.b}, {@code $['a-b']}) may steer the template: a condition
     * reads it, a member that holds it, or a part of it; true for a path that is not definite.
     */
    public boolean mayReadBody(String jsonPath) {
        if (anything) {
            return true;
        }
        if (bodyPaths.isEmpty()) {
            return false; // the usual case: no JSONPath to compile for each input the probe tries
        }
        String path = normalPath(jsonPath);
        return path == null || bodyPaths.stream().anyMatch(read -> path.startsWith(read) || read.startsWith(path));
    }

    /**
     * One spelling of a definite JSONPath, Jayway's {@code $['a'][0]} for {@code $.a[0]}, {@code $["a"][0]} or
     * {@code a[0]}; null for a path with wildcards, filters or deep scans, or none at all.
     */
    public static String normalPath(String jsonPath) {
        try {
            JsonPath compiled = JsonPath.compile(jsonPath);
            // Jayway keeps the quotes a bracket was written with: $["a"] and $['a'] are one path
            return compiled.isDefinite() ? compiled.getPath().replace("[\"", "['").replace("\"]", "']") : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code $context.<path>} may steer the template. */
    public boolean mayReadContext(String path) {
        return anything || contextPaths.stream().anyMatch(read -> ContextRead.covers(read, path));
    }
}
