package io.github.apigwddb.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a check may read: those under the repository's root. A {@code $ref}, a template's DefinitionUri or an
 * included file outside it is not opened, so a definition cannot pull the build machine's other files (credentials, the
 * environment) into a report. Links count where they lead: a link in the repository to a file or directory outside it
 * is outside; a directory the build names outside the repository is read as named.
 */
public final class SourceRoot {

    /** No bound: every file may be read (tests, and callers without a repository). */
    public static final SourceRoot NONE = new SourceRoot(null);

    private final Path root;

    private SourceRoot(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /** The bound of {@code root}; {@link #NONE} for null. */
    public static SourceRoot of(Path root) {
        return root == null ? NONE : new SourceRoot(root);
    }

    /** The root, or null when there is none. */
    public Path root() {
        return root;
    }

    /**
     * Whether {@code target} may be read for {@code definition}, the file of the check that names it: under the root
     * as written and where links lead, or, where links lead, in the directory tree of the definition itself.
     */
    public boolean holds(Path target, Path definition) {
        if (root == null) {
            return true;
        }
        Path file = target.toAbsolutePath().normalize();
        if (!file.startsWith(root)) {
            return false;
        }
        if (!Files.exists(file)) {
            return true; // nothing is read: the reference is reported as broken
        }
        try {
            Path real = file.toRealPath();
            return real.startsWith(root.toRealPath()) || definition != null && real.startsWith(definition.toRealPath().getParent());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether {@code file}, found by listing {@code foundUnder} (a spec or examples directory), may be read: where links
     * lead, under the root, or under the directory itself when the build names one outside the repository ({@code
     * <specs>/srv/shared/specs</specs>}, the user's own choice). A link in the repository to a file or directory
     * elsewhere ({@code creds.json -> ~/.docker/config.json}, a spec directory {@code -> ~/.aws}) is not: the check
     * would print parts of it (hostile-input review).
     */
    public boolean holdsFound(Path file, Path foundUnder) {
        if (root == null) {
            return true;
        }
        try {
            Path real = file.toRealPath();
            if (real.startsWith(root.toRealPath())) {
                return true;
            }
            boolean namedOutside = !foundUnder.toAbsolutePath().normalize().startsWith(root);
            return namedOutside && real.startsWith(foundUnder.toRealPath());
        } catch (IOException e) {
            return true; // nothing there to read: said where it is read
        }
    }

    /** Where the file really is, for messages: through links; as given when it does not exist. */
    public static Path real(Path file) {
        try {
            return Files.exists(file) ? file.toRealPath() : file;
        } catch (IOException e) {
            return file;
        }
    }

    /** Why a file outside is not read, for findings. */
    public String refusal(String what, Path target) {
        return what + " leads to " + real(target) + ", outside " + root + ": only files of the repository are read (a build must"
                + " not read the machine's other files); move the file into it";
    }
}
