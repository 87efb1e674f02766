package io.github.apigwddb.gate;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files under a directory as a build reads them: links to directories are followed (a spec directory, or a
 * folder in it, is often a link to a shared one), a link that leads back up the tree is not walked again, and a file
 * reached by several paths ({@code latest -> v2}) is listed once, by its own path where one leads to it without a link.
 */
public final class FileTree {

    private FileTree() {
    }

    /** {@link #entries} with each file once ({@link #once}): what a caller without a filter reads. */
    public static List<Path> files(Path root) throws IOException {
        return once(entries(root));
    }

    /**
     * Every entry under {@code root} that is not a directory, sorted, by every path that reaches it (a filter such as
     * {@code latest/**} may name the file by one of them): regular files, and what is named like one but is not (a broken
     * link, a pipe), for the caller to say so. {@code root} itself when it is no directory.
     */
    public static List<Path> entries(Path root) throws IOException {
        List<Path> entries = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                entries.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE; // its files are listed where the link leads
                }
                throw e;
            }
        });
        entries.sort(null);
        return entries;
    }

    /** The entries with a file reached by several paths once: by its own path (v2/api.yaml, not latest/api.yaml), else the first. */
    public static List<Path> once(List<Path> entries) {
        Map<Path, Path> byRealPath = new HashMap<>();
        for (Path entry : entries) {
            Path real = realOrItself(entry);
            Path kept = byRealPath.get(real);
            if (kept == null || !kept.toAbsolutePath().normalize().equals(real) && entry.toAbsolutePath().normalize().equals(real)) {
                byRealPath.put(real, entry);
            }
        }
        List<Path> once = new ArrayList<>(byRealPath.values());
        once.sort(null);
        return once;
    }

    /** The file's real path; the path itself when it has none (a broken link). */
    private static Path realOrItself(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
