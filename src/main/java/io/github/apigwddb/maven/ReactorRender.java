package io.github.apigwddb.maven;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * What {@code apigw:render} run at the root of a multi-module build found in each module: the operation lives in one
 * module, so the others skip it; the build fails only when no module had it. Kept in the build's session data, shared by
 * the modules; the module that reports last (whatever the order of a parallel build) decides.
 */
final class ReactorRender {

    private static final Object KEY = ReactorRender.class.getName();

    /**
     * What the modules reported so far: which ones (a module with two executions counts once), whether one rendered the
     * operation, why each other did not (by module), and whether one of them looked and did not find it.
     */
    private record State(Set<String> reported, boolean rendered, Map<String, String> misses, boolean looked) {
    }

    private final MavenSession session;

    ReactorRender(MavenSession session) {
        this.session = session;
    }

    /** Whether this is a build of several modules, where a module without the operation is skipped. */
    static boolean isMultiModule(MavenSession session) {
        return session != null && session.getProjects() != null && session.getProjects().size() > 1;
    }

    /** This module rendered the operation. */
    void rendered() {
        report(true, null, false);
    }

    /**
     * This module skips the goal ({@code apigw.skip}): it looks for nothing, and a build of skipping modules passes.
     *
     * @return as {@link #missed}, for when this is the last module to report
     */
    List<String> skipped() {
        return decided(report(false, null, false));
    }

    /**
     * This module has no such operation (or no definitions: {@code why} null).
     *
     * @return the modules' reasons when this was the last module to report and none rendered it (but one looked); else null
     */
    List<String> missed(String why) {
        return decided(report(false, why, true));
    }

    private List<String> decided(State state) {
        boolean all = session.getProjects().stream().allMatch(project -> state.reported().contains(project.getId()));
        return all && !state.rendered() && state.looked()
                ? state.misses().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList() : null;
    }

    private State report(boolean rendered, String why, boolean looked) {
        SessionData data = session.getRepositorySession().getData();
        synchronized (data) {
            State last = data.get(KEY) instanceof State state ? state : new State(Set.of(), false, Map.of(), false);
            Map<String, String> misses = new LinkedHashMap<>(last.misses());
            if (why != null) {
                misses.putIfAbsent(session.getCurrentProject().getArtifactId(), why);
            }
            Set<String> reported = new HashSet<>(last.reported());
            reported.add(session.getCurrentProject().getId());
            State next = new State(Set.copyOf(reported), last.rendered() || rendered, Collections.unmodifiableMap(misses),
                    last.looked() || looked);
            data.set(KEY, next);
            return next;
        }
    }
}
