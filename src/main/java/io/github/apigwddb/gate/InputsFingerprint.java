package io.github.apigwddb.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.SourceRoot;
import io.github.apigwddb.spec.SpecFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One SHA-256 over everything a check's outcome depends on: the spec files, the local files they reach
 * through {@code $ref} (transitively), every file in the examples directory, further files (the baseline, table
 * definitions, parameter and value files, the files a template pulls in) with the files they reach through
 * {@code $ref}, the configuration text and the plugin version. A file that does not exist counts as missing,
 * so its appearing changes the fingerprint. Equal fingerprints mean the check would find
 * the same again. Each file counts by its own digest, which {@link FileDigests} may remember from the last build.
 */
public final class InputsFingerprint {

    private final FileDigests digests;
    /** Made when a changed file has references to follow; an unchanged project needs none. */
    private DocumentParser parser;

    /** The files it may read: a {@code $ref} or an example link that leads elsewhere is left out, as the check leaves it. */
    private final SourceRoot bound;

    /** Reads every file. */
    public InputsFingerprint() {
        this(FileDigests.none(), SourceRoot.NONE);
    }

    /**
     * Reads only the files that {@code digests} does not know unchanged, and of those only the ones {@code bound} holds
     * (hostile-input review: it read and stored the digest of /etc/passwd, which a $ref named and the check refused).
     */
    public InputsFingerprint(FileDigests digests, SourceRoot bound) {
        this.digests = digests;
        this.bound = bound;
    }

    /**
     * @param specFiles the spec files to be checked
     * @param examplesDirectory where sidecar examples are read (may not exist)
     * @param otherFiles further inputs (may not exist); their {@code $ref}s are followed too
     * @param configuration every setting that changes the outcome, as stable text
     * @param pluginIdentity the plugin version, and for snapshots a digest of its jar
     */
    public String compute(List<Path> specFiles, Path examplesDirectory, List<Path> otherFiles, String configuration, String pluginIdentity) {
        MessageDigest digest = sha256();
        update(digest, "plugin", pluginIdentity);
        update(digest, "configuration", configuration);
        for (Path file : referencedClosure(specFiles)) {
            updateFile(digest, "spec", file);
        }
        for (Path file : filesUnder(examplesDirectory, bound)) {
            updateFile(digest, "example", file);
        }
        for (Path file : referencedClosure(otherFiles)) {
            updateFile(digest, "input", file);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The spec files and every local file reached from them by {@code $ref}, sorted. */
    Set<Path> referencedClosure(List<Path> specFiles) {
        Set<Path> seen = new TreeSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        specFiles.forEach(f -> todo.add(f.toAbsolutePath().normalize()));
        while (!todo.isEmpty()) {
            Path file = todo.poll();
            if (!seen.add(file) || !Files.isRegularFile(file) || !isStructured(file)) {
                continue;
            }
            FileDigests.Entry entry = digests.of(file, bytes -> localReferences(bytes, file));
            if (entry != null) {
                entry.references().stream().map(Path::of).filter(target -> bound.holds(target, file)).forEach(todo::add);
            }
        }
        return seen;
    }

    /** The local files a definition's {@code $ref}s name; it is parsed only when the text has a {@code $ref} at all. */
    private List<String> localReferences(byte[] bytes, Path file) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.contains("$ref")) {
            return List.of();
        }
        if (parser == null) {
            parser = new DocumentParser();
        }
        JsonNode root;
        try {
            root = parser.parse(text, SpecFormat.of(file)).root();
        } catch (Exception e) {
            return List.of(); // the check reports unreadable files; their bytes are still in the fingerprint
        }
        Deque<Path> targets = new ArrayDeque<>();
        collectRefs(root, file.getParent(), targets);
        return targets.stream().map(Path::toString).toList();
    }

    private static boolean isStructured(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static void collectRefs(JsonNode node, Path directory, Deque<Path> todo) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                Path target = localTarget(ref.asText(), directory);
                if (target != null) {
                    todo.add(target);
                }
            }
            node.elements().forEachRemaining(child -> collectRefs(child, directory, todo));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, directory, todo));
        }
    }

    /** The file a {@code $ref} names, when it names a local file; null for in-document and remote references. */
    private static Path localTarget(String ref, Path directory) {
        int hash = ref.indexOf('#');
        String location = hash < 0 ? ref : ref.substring(0, hash);
        if (location.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(location);
            if (uri.getScheme() != null && !"file".equalsIgnoreCase(uri.getScheme())) {
                return null;
            }
            return (uri.getScheme() == null ? directory.resolve(uri.getPath()) : Path.of(uri)).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Path> filesUnder(Path directory, SourceRoot bound) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try {
            // through links, as the examples are read, but not out of the repository
            return FileTree.files(directory).stream().filter(Files::isRegularFile).filter(file -> bound.holdsFound(file, directory))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private void updateFile(MessageDigest digest, String kind, Path file) {
        update(digest, kind, file.toString());
        FileDigests.Entry entry = Files.isRegularFile(file) ? digests.of(file, null) : null;
        update(digest, "sha256", entry == null ? (Files.exists(file) ? "<unreadable>" : "<missing>") : entry.sha256());
    }

    private static void update(MessageDigest digest, String label, String value) {
        digest.update((label + "=" + value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A digest of a file's bytes (the plugin jar of a snapshot), or {@code <none>} when there is no such file. */
    public String digestOf(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return "<none>";
        }
        FileDigests.Entry entry = digests.of(file.toAbsolutePath().normalize(), null);
        return entry == null ? "<unreadable>" : entry.sha256();
    }
}
