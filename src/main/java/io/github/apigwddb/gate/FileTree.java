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
import java.util.List;

/**
 * The files under a directory as a build reads them: links to directories are followed (a spec directory, or a
 * folder in it, is often a link to a shared one), a link that leads back into the tree is walked once.
 */
public final class FileTree {

    private FileTree() {
    }

    /**
     * Every entry under {@code root} that is not a directory, sorted: regular files, and what is named like one but
     * is not (a broken link, a pipe), for the caller to say so. {@code root} itself when it is no directory.
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
}
