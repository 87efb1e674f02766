package io.github.apigwddb.gate;

import io.github.apigwddb.spec.Utf8Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 * granularity after the last check can have the same time. Kept in a file of its own; a missing or unreadable
 * one just means every file is read.
 */
public final class FileDigests {

    /** Coarser than any file system's time granularity that matters here (FAT: 2 s). */
    static final long RACY_MARGIN_MILLIS = 2_000;

    /** What is known of one file: its digest, and the local files it refers to (for definitions). */
    public record Entry(long size, long modified, long takenAt, String sha256, List<String> references) {
    }

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
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        String[] f = line.split("\t", -1);
                        List<String> references = f[4].equals("-") ? null : List.of(f).subList(6, f.length);
                        known.put(f[5], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[0], references));
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
        StringBuilder text = new StringBuilder("# apigw: sha256, size, modified, taken at, references (- when not read for them), path, references\n");
        used.forEach((path, entry) -> {
            List<String> fields = new ArrayList<>(List.of(entry.sha256(), Long.toString(entry.size()), Long.toString(entry.modified()),
                    Long.toString(entry.takenAt()), entry.references() == null ? "-" : "+", path));
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
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        Entry taken = used.get(key);
        if (taken != null && taken.size() == size && taken.modified() == modified && (references == null || taken.references() != null)) {
            return taken; // read already in this build
        }
        Entry remembered = known.get(key);
        if (remembered != null && remembered.size() == size && remembered.modified() == modified
                && modified < remembered.takenAt() - RACY_MARGIN_MILLIS && (references == null || remembered.references() != null)) {
            used.put(key, remembered);
            return remembered;
        }
        long takenAt = System.currentTimeMillis();
        if (!attributes.isRegularFile() || size > Utf8Text.MAX_BYTES) {
            // never read whole (a device never ends; its reader refuses a huge file and says so): its size and time tell
            Entry entry = new Entry(size, modified, takenAt, "unread:" + size + ":" + modified, references == null ? null : List.of());
            used.put(key, entry);
            return entry;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        Entry entry = new Entry(size, modified, takenAt, sha256(bytes), references == null ? null : List.copyOf(references.apply(bytes)));
        used.put(key, entry);
        return entry;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
