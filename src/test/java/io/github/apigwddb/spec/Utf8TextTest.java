package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.apigwddb.cloudformation.ParameterFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a user names are read with one-line messages that follow the file's name. */
class Utf8TextTest {

    @TempDir
    Path dir;

    @Test
    void aNamedFileIsReadWithoutItsByteOrderMarkOrSaysPlainlyWhyNot() throws Exception {
        Path file = dir.resolve("values.properties");
        Files.writeString(file, "\uFEFFtable=Widgets\n");
        assertThat(Utf8Text.readNamedFile(file)).isEqualTo("table=Widgets\n");

        assertThatThrownBy(() -> Utf8Text.readNamedFile(dir.resolve("none.properties"))).isInstanceOf(IOException.class)
                .hasMessage("does not exist");
        Files.write(file, "table=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Utf8Text.readNamedFile(file)).hasMessageStartingWith("is not UTF-8 text: byte 0xE9 at line 1, column 10");
    }

    @Test
    void aParametersFileThatIsNotJsonIsOneLineWithItsPosition() throws Exception {
        Path file = dir.resolve("params.json");
        Files.writeString(file, "{\"Table\": ");
        assertThatThrownBy(() -> ParameterFiles.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("is not valid JSON at line 1, column 11: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Source"));
    }

    @Test
    void aHugeFileOrADeviceIsNotReadAndSaysWhy() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024); // sparse: no disk used
        }
        assertThatThrownBy(() -> Utf8Text.readNamedFile(huge)).isInstanceOf(IOException.class)
                .hasMessage("is 3072.0 MB; files over 16 MB are not read");

        Path device = dir.resolve("zero.json");
        Files.createSymbolicLink(device, Path.of("/dev/zero"));
        assertThatThrownBy(() -> Utf8Text.readNamedFile(device)).hasMessage("is not a regular file (a device or a pipe)");
        assertThatThrownBy(() -> Utf8Text.readNamedFile(dir)).hasMessage("is a directory");
    }
}
