package io.github.apigwddb.gate;

import io.github.apigwddb.spec.Utf8Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The SHA-256 of input files, remembered between builds with each file's size and modification time, so that
 * an unchanged project is recognised without reading its (possibly many megabytes of) definitions again. A file
 * is read again when its size or time differs, and also when its time is too close to the moment its digest was
 * taken to tell a later edit apart (git's "racily clean" rule): an edit within the file system's time
 * granularity after the last check can have the same time. Where the file system tells it (POSIX), the file's
 * status change time and inode count too, as for git: a copy or an unpack that restores the old modification time
 * (reproducible archives give every file one fixed time) still changes them. Kept in a file of its own; a missing or
 * unreadable one, or one of another version, just means every file is read.
 */
public final class FileDigests {

    /** Coarser than any file system's time granularity that matters here (FAT: 2 s). */
    static final long RACY_MARGIN_MILLIS = 2_000;

    /** What is known of one file: its digest, and the local files it refers to (for definitions). */
    public record Entry(long size, long modified, String changed, long takenAt, String sha256, List<String> references) {
    }

    private static final String HEADER = "# apigw 2: sha256, size, modified, changed, taken at, references (- when not read for them), path,"
            + " references";

    private final Map<String, Entry> known;
    private final Map<String, Entry> used = new LinkedHashMap<>();

    private FileDigests(Map<String, Entry> known) {
        this.known = known;
    }

    /** No remembered digests: every file is read. */
    public static FileDigests none() {
        return new FileDigests(Map.of());
    }

    /** The digests remembered in {@code file}; none when it is missing or unreadable. */
    public static FileDigests read(Path file) {
        Map<String, Entry> known = new LinkedHashMap<>();
        try {
            List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            if (!lines.isEmpty() && lines.get(0).equals(HEADER)) {
                for (String line : lines.subList(1, lines.size())) {
                    if (!line.isEmpty()) {
                        String[] f = line.split("\t", -1);
                        List<String> references = f[5].equals("-") ? null : List.of(f).subList(7, f.length);
                        known.put(f[6], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], Long.parseLong(f[4]), f[0], references));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            known.clear(); // unreadable or from another version: every file is read
        }
        return new FileDigests(known);
    }

    /**
     * Writes the digests of the files asked for in this build (not the others: a removed file is forgotten), a
     * line each, as plain text: reading it must cost next to nothing in a build that then has nothing to do.
     */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        used.forEach((path, entry) -> {
            List<String> fields = new ArrayList<>(List.of(entry.sha256(), Long.toString(entry.size()), Long.toString(entry.modified()),
                    entry.changed(), Long.toString(entry.takenAt()), entry.references() == null ? "-" : "+", path));
            if (entry.references() != null) {
                fields.addAll(entry.references());
            }
            if (fields.stream().noneMatch(f -> f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0)) {
                text.append(String.join("\t", fields)).append('\n');
            }
        });
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * The digest of {@code file}, and with {@code references} given, the local files it refers to; from memory
     * when the file is unchanged, else by reading it. Null when the file cannot be read.
     *
     * @param references what a file's text refers to, or null when that is not wanted
     */
    public Entry of(Path file, Function<byte[], List<String>> references) {
        String key = file.toString();
        Status status = Status.of(file);
        if (status == null) {
            return null;
        }
        long size = status.size();
        long modified = status.modified();
        Entry taken = used.get(key);
        if (taken != null && taken.size() == size && taken.modified() == modified && taken.changed().equals(status.changed())
                && (references == null || taken.references() != null)) {
            return taken; // read already in this build
        }
        Entry remembered = known.get(key);
        if (remembered != null && remembered.size() == size && remembered.modified() == modified && remembered.changed().equals(status.changed())
                && status.latest() < remembered.takenAt() - RACY_MARGIN_MILLIS && (references == null || remembered.references() != null)) {
            used.put(key, remembered);
            return remembered;
        }
        long takenAt = System.currentTimeMillis();
        if (!status.regular() || size > Utf8Text.MAX_BYTES) {
            // never read whole (a device never ends; its reader refuses a huge file and says so): its size and time tell
            Entry entry = new Entry(size, modified, status.changed(), takenAt, "unread:" + size + ":" + modified,
                    references == null ? null : List.of());
            used.put(key, entry);
            return entry;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        Entry entry = new Entry(size, modified, status.changed(), takenAt, sha256(bytes),
                references == null ? null : List.copyOf(references.apply(bytes)));
        used.put(key, entry);
        return entry;
    }

    /**
     * A file's status: size, modification time, and where the file system tells them (POSIX), the status change time
     * (in milliseconds) and inode, as {@code changed}; {@code latest} is the later of the two times.
     */
    private record Status(long size, long modified, String changed, long latest, boolean regular) {

        static Status of(Path file) {
            if (!file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                return basic(file); // no POSIX view (Windows): size and time
            }
            try {
                Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev,isRegularFile");
                if (!(unix.get("lastModifiedTime") instanceof FileTime modifiedTime) || !(unix.get("ctime") instanceof FileTime changeTime)
                        || !(unix.get("size") instanceof Long size) || !(unix.get("isRegularFile") instanceof Boolean regular)) {
                    return basic(file);
                }
                long modified = modifiedTime.toMillis();
                long ctime = changeTime.toMillis();
                return new Status(size, modified, ctime + ":" + unix.get("dev") + ":" + unix.get("ino"), Math.max(modified, ctime), regular);
            } catch (IOException e) {
                return null;
            }
        }

        private static Status basic(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                long modified = attributes.lastModifiedTime().toMillis();
                return new Status(attributes.size(), modified, "-", modified, attributes.isRegularFile());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * The files asked for in this build whose digest differs from the one remembered, or that were not remembered, and
     * the remembered ones not asked for: what changed since the last build, for saying why a check runs.
     */
    public List<String> changedSinceLastBuild() {
        List<String> changed = new ArrayList<>();
        used.forEach((path, entry) -> {
            Entry before = known.get(path);
            if (before == null || !before.sha256().equals(entry.sha256())) {
                changed.add(path);
            }
        });
        known.keySet().stream().filter(path -> !used.containsKey(path)).forEach(changed::add);
        return changed;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
