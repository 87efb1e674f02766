package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootTest {

    @TempDir
    Path dir;

    /**
     * Files under the root are read, where links lead too; a link in the repository to a file outside is outside; a spec
     * directory that is a link to a shared one keeps the files beside its definitions (crash hunt: its own $refs were
     * refused).
     */
    @Test
    void holdsTheRepositorysFilesWhereLinksLead() throws Exception {
        Path repository = dir.resolve("repo");
        Path outside = dir.resolve("outside");
        Path shared = dir.resolve("shared-specs");
        Files.createDirectories(repository.resolve("src/main"));
        Files.createDirectories(outside);
        Files.createDirectories(shared);
        Files.writeString(outside.resolve("creds.json"), "{}");
        Files.writeString(shared.resolve("api.yaml"), "openapi: 3.0.1\n");
        Files.writeString(shared.resolve("common.yaml"), "Item: {}\n");
        Files.createSymbolicLink(repository.resolve("src/main/apigateway"), shared);
        Files.createSymbolicLink(repository.resolve("src/main/secrets"), outside);
        SourceRoot bound = SourceRoot.of(repository);
        Path definition = repository.resolve("src/main/apigateway/api.yaml");

        assertThat(bound.holds(repository.resolve("src/main/apigateway/common.yaml"), definition)).isTrue();
        assertThat(bound.holds(repository.resolve("src/main/secrets/creds.json"), definition)).isFalse();
        assertThat(bound.holds(outside.resolve("creds.json"), definition)).isFalse();
        assertThat(bound.holds(repository.resolve("missing.yaml"), definition)).as("nothing to read: said broken").isTrue();
        assertThat(SourceRoot.NONE.holds(outside.resolve("creds.json"), definition)).isTrue();
    }
}
