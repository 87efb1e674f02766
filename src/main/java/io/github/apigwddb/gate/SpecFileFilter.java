package io.github.apigwddb.gate;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Include and exclude globs for spec files, matched against a file's path relative to the spec directory it
 * was found in, with {@code /} as separator ({@code **}{@code /*.yaml}, {@code legacy/**}). As in Maven's
 * own includes, a leading {@code **}{@code /} also matches no directory at all, so {@code **}{@code /*.yaml}
 * matches {@code api.yaml}. No includes = every file; an exclude wins over an include.
 */
public final class SpecFileFilter {

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final String canonical;

    private SpecFileFilter(List<PathMatcher> includes, List<PathMatcher> excludes, String canonical) {
        this.includes = includes;
        this.excludes = excludes;
        this.canonical = canonical;
    }

    /** @throws GateConfigurationException when a pattern is not a valid glob */
    public static SpecFileFilter of(List<String> includes, List<String> excludes) throws GateConfigurationException {
        List<String> in = clean(includes);
        List<String> out = clean(excludes);
        return new SpecFileFilter(compile("includes", in), compile("excludes", out), "includes=" + in + ";excludes=" + out);
    }

    public static SpecFileFilter all() {
        return new SpecFileFilter(List.of(), List.of(), "includes=[];excludes=[]");
    }

    private static List<String> clean(List<String> patterns) {
        return patterns == null ? List.of() : patterns.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
    }

    private static List<PathMatcher> compile(String parameter, List<String> patterns) throws GateConfigurationException {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
                if (pattern.startsWith("**/")) {
                    matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
                }
            } catch (IllegalArgumentException e) {
                throw new GateConfigurationException("'" + pattern + "' in <" + parameter + "> (apigw." + parameter + ") is not a valid glob: "
                        + e.getMessage(), e);
            }
        }
        return matchers;
    }

    /** Whether {@code file}, found under {@code root}, is checked. */
    public boolean accepts(Path root, Path file) {
        Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        boolean included = includes.isEmpty() || includes.stream().anyMatch(m -> m.matches(relative));
        return included && excludes.stream().noneMatch(m -> m.matches(relative));
    }

    /** The patterns as text, for the up-to-date fingerprint. */
    public String canonical() {
        return canonical;
    }
}
