package io.github.apigwddb.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The files that {@code $ref}s name, read as definitions are (size limit, strict UTF-8, byte order mark) and each
 * once. The check (SPEC004) and the bundle follow a reference alike through it, so what one resolves the other does.
 * Not thread-safe: one per walk over a definition.
 */
public final class ReferencedFiles {

    private static final DocumentParser PARSER = new DocumentParser(); // thread-safe

    private final Map<Path, Result> files = new HashMap<>();

    /** @param definition the file whose references are followed, already read: a reference back to it reads no file */
    public ReferencedFiles(Path definition, ParsedDocument document) {
        files.put(definition.toAbsolutePath().normalize(), new Result(document, null));
    }

    /** A referenced file's document, or why there is none ({@code document} null). */
    public record Result(ParsedDocument document, String problem) {
        public boolean ok() {
            return document != null;
        }
    }

    /** A reference to another file, split: the file, absolute and normalized, and the JSON pointer after '#', or null. */
    public record Target(Path file, String pointer) {
    }

    /** Whether the reference names a URL rather than a file; neither the check nor the bundle reads those. */
    public static boolean isRemote(String ref) {
        return RemoteReferences.isUrl(ref) || ref.startsWith("//");
    }

    /**
     * Where a reference written in {@code referringFile} leads. A reference is a URI: {@code my%20item.yaml} names
     * {@code my item.yaml}, relative to the folder of the file that holds it.
     *
     * @param ref a reference to another file: not a URL and not starting with '#'
     * @throws InvalidPathException when the part before '#' cannot be a path on this machine
     */
    public static Target target(Path referringFile, String ref) {
        int hash = ref.indexOf('#');
        String path = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? null : LocalReferences.decode(ref.substring(hash + 1));
        Path file = referringFile.toAbsolutePath().getParent().resolve(LocalReferences.decode(path)).normalize();
        return new Target(file, pointer);
    }

    /**
     * The document of {@code file}, read on the first call only.
     *
     * @param referringFile the file whose reference names it, for the message when it does not exist
     */
    public Result load(Path file, Path referringFile) {
        return files.computeIfAbsent(file, f -> read(f, referringFile));
    }

    private static Result read(Path file, Path referringFile) {
        if (!Files.isRegularFile(file)) {
            return problem(file + " does not exist" + (Files.exists(file) ? " as a file" : "")
                    + "; a relative reference is resolved from the folder of " + referringFile.getFileName());
        }
        try {
            if (Files.size(file) > SpecLoader.MAX_FILE_BYTES) {
                return problem(file + " is over " + SpecLoader.MAX_FILE_BYTES / (1024 * 1024) + " MB, too large for a definition");
            }
            return new Result(PARSER.parse(Utf8Text.read(file), SpecFormat.of(file)), null);
        } catch (IOException e) {
            return problem(file + " cannot be read (" + e.getMessage() + ")");
        } catch (Utf8Text.NotUtf8Exception e) {
            return problem(file + " is " + e.getMessage());
        } catch (DocumentSyntaxException e) {
            return problem(file + " is not valid " + SpecFormat.of(file) + " at [" + e.position().line() + ","
                    + e.position().column() + "]: " + e.getMessage());
        }
    }

    private static Result problem(String why) {
        return new Result(null, why);
    }
}
