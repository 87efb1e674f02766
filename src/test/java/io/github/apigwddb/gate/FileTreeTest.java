package io.github.apigwddb.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {

    @TempDir
    Path dir;

    /**
     * Linked directories are walked (a spec directory linked to a shared one); a file reached through a link too is
     * listed once, by its own path (review: latest -> v2 checked the definition twice); a loop ends; a broken link is listed
     * for the caller to say so.
     */
    @Test
    void followsLinksListingEachFileOnce() throws Exception {
        Path shared = dir.resolve("shared");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("orders.yaml"), "openapi: 3.0.1\n");
        Path tree = dir.resolve("apigateway");
        Files.createDirectories(tree.resolve("v2"));
        Files.writeString(tree.resolve("v2/items.yaml"), "openapi: 3.0.1\n");
        Files.createSymbolicLink(tree.resolve("latest"), tree.resolve("v2"));
        Files.createSymbolicLink(tree.resolve("orders"), shared);
        Files.createSymbolicLink(tree.resolve("v2/up"), tree);
        Files.createSymbolicLink(tree.resolve("moved.yaml"), dir.resolve("nowhere.yaml"));

        assertThat(FileTree.files(tree)).containsExactly(tree.resolve("moved.yaml"), tree.resolve("orders/orders.yaml"),
                tree.resolve("v2/items.yaml"));
        // every path that reaches a file, for a filter that names it by one of them (latest/**)
        assertThat(FileTree.entries(tree)).contains(tree.resolve("latest/items.yaml"), tree.resolve("v2/items.yaml"));
    }
}
