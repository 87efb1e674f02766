package io.github.apigwddb.maven;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * What the check notes for the length of one build, shared by all its modules and executions (bundle's check, then
 * check's): kept in the repository session's data, which lives as long as the build. Without a session (a unit test)
 * nothing is kept, and nothing was checked or written earlier.
 */
final class BuildRecords {

    private static final Object CHECKED_IN_THIS_BUILD = CheckMojo.class.getName() + ".checked";
    private static final Object OUTPUT_DIRECTORIES_OF_MODULES = CheckMojo.class.getName() + ".outputDirectories";
    private static final Object SHARED_OUTPUT_DIRECTORIES_SAID = CheckMojo.class.getName() + ".sharedOutputDirectoriesSaid";

    /** Null without a session. */
    private final SessionData data;

    BuildRecords(MavenSession session) {
        this.data = session == null || session.getRepositorySession() == null ? null : session.getRepositorySession().getData();
    }

    /** Whether this build checked with the stamp {@code stampFile} (one per module and configuration) already. */
    boolean checkedEarlier(Path stampFile) {
        return data != null && withStampsChecked(checked -> checked.contains(key(stampFile)));
    }

    /** Notes that this build checked with the stamp {@code stampFile}; returns whether it had already. */
    boolean noteChecked(Path stampFile) {
        return data != null && withStampsChecked(checked -> !checked.add(key(stampFile)));
    }

    /**
     * Notes that {@code module} writes its reports to {@code directory}; returns the other module that does too, when that is
     * to be said: once per directory and build, not again by each execution of each module. Null otherwise.
     */
    @SuppressWarnings("unchecked")
    String otherModuleWritingTo(Path directory, String module) {
        if (data == null) {
            return null;
        }
        synchronized (data) {
            Map<Path, String> used = kept(OUTPUT_DIRECTORIES_OF_MODULES, Map.class, HashMap::new);
            String other = used.putIfAbsent(directory, module);
            Set<Path> warned = kept(SHARED_OUTPUT_DIRECTORIES_SAID, Set.class, HashSet::new);
            return other == null || other.equals(module) || !warned.add(directory) ? null : other;
        }
    }

    @SuppressWarnings("unchecked")
    private <R> R withStampsChecked(Function<Set<Path>, R> use) {
        synchronized (data) {
            return use.apply(kept(CHECKED_IN_THIS_BUILD, Set.class, HashSet::new));
        }
    }

    /** The value kept under {@code key}, made and kept when there is none of its type yet; call with {@link #data} locked. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private <T> T kept(Object key, Class<? super T> type, Supplier<? extends T> fresh) {
        Object known = data.get(key);
        T value = type.isInstance(known) ? (T) known : fresh.get();
        data.set(key, value);
        return value;
    }

    private static Path key(Path stampFile) {
        return stampFile.toAbsolutePath().normalize();
    }
}
