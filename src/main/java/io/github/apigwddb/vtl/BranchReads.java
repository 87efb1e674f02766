package io.github.apigwddb.vtl;

import java.util.Set;

/**
 * What a template's control flow may depend on: the request values its {@code #if} and {@code #elseif} conditions and
 * the lists of its computed loops read. Conservative: anything the analysis cannot follow (a variable, a whole-body
 * read, a macro) makes {@link #anything()} true.
 *
 * @param anything     whether any value may steer the template
 * @param parameters   names read with {@code $input.params(...)} in a condition, in any location
 * @param bodyPaths    literal JSONPaths read with {@code $input.path}/{@code $input.json} in a condition
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
     * Whether the body value at {@code jsonPath} ({@code $.a.b}) may steer the template: a condition reads it, a member
     * that holds it, or a part of it. Compared as text: {@code $.a} also counts for {@code $.ab}, erring towards caution.
     */
    public boolean mayReadBody(String jsonPath) {
        return anything || bodyPaths.stream().anyMatch(read -> jsonPath.startsWith(read) || read.startsWith(jsonPath));
    }

    /** Whether {@code $context.<path>} may steer the template. */
    public boolean mayReadContext(String path) {
        return anything || contextPaths.stream().anyMatch(read -> new ContextRead(read, 0, 0).mayRead(path));
    }
}
