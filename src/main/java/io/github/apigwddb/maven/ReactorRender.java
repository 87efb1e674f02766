package io.github.apigwddb.maven;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** What the modules reported so far: which ones (a module with two executions counts once), and what. */
    private record State(Set<String> reported, boolean rendered, List<String> misses) {
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
        report(true, null);
    }

    /**
     * This module has no such operation (or no definitions: {@code why} null).
     *
     * @return the modules' reasons when this was the last module to report and none rendered it; else null
     */
    List<String> missed(String why) {
        State state = report(false, why);
        boolean all = session.getProjects().stream().allMatch(project -> state.reported().contains(project.getId()));
        return all && !state.rendered() ? state.misses() : null;
    }

    private State report(boolean rendered, String why) {
        SessionData data = session.getRepositorySession().getData();
        synchronized (data) {
            State last = data.get(KEY) instanceof State state ? state : new State(Set.of(), false, List.of());
            List<String> misses = new ArrayList<>(last.misses());
            if (why != null) {
                misses.add(session.getCurrentProject().getArtifactId() + ": " + why);
            }
            Set<String> reported = new HashSet<>(last.reported());
            reported.add(session.getCurrentProject().getId());
            State next = new State(Set.copyOf(reported), last.rendered() || rendered, List.copyOf(misses));
            data.set(KEY, next);
            return next;
        }
    }
}
