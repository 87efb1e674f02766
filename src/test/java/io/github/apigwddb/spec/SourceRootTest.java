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

    /**
     * A file found in a spec or examples directory is read where its links lead only under the root or that directory's
     * own real place: a spec directory linked to a shared one keeps its files, a link in it to a file or a directory
     * elsewhere does not (hostile-input review).
     */
    @Test
    void aFileFoundInADirectoryIsHeldUnderTheRootOrThatDirectoryAlone() throws Exception {
        Path repository = dir.resolve("repo");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path shared = Files.createDirectories(dir.resolve("shared-specs"));
        Path specs = Files.createDirectories(repository.resolve("src/main/apigateway"));
        Files.writeString(outside.resolve("config.json"), "{}");
        Files.writeString(shared.resolve("api.yaml"), "openapi: 3.0.1\n");
        Files.writeString(specs.resolve("api.yaml"), "openapi: 3.0.1\n");
        Files.createSymbolicLink(specs.resolve("creds.json"), outside.resolve("config.json"));
        Files.createSymbolicLink(specs.resolve("docker"), outside);
        Files.createSymbolicLink(repository.resolve("src/main/shared"), shared);
        SourceRoot bound = SourceRoot.of(repository);

        assertThat(bound.holdsFound(specs.resolve("api.yaml"), specs)).isTrue();
        assertThat(bound.holdsFound(specs.resolve("creds.json"), specs)).isFalse();
        assertThat(bound.holdsFound(specs.resolve("docker/config.json"), specs)).isFalse();
        assertThat(bound.holdsFound(repository.resolve("src/main/shared/api.yaml"), repository.resolve("src/main/shared")))
                .as("a directory of the repository that is a link elsewhere is elsewhere").isFalse();
        assertThat(bound.holdsFound(shared.resolve("api.yaml"), shared)).as("a directory the build names outside").isTrue();
        Files.createSymbolicLink(shared.resolve("creds.json"), outside.resolve("config.json"));
        assertThat(bound.holdsFound(shared.resolve("creds.json"), shared)).isFalse();
        assertThat(SourceRoot.NONE.holdsFound(specs.resolve("creds.json"), specs)).isTrue();
    }
}
