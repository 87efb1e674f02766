package io.github.apigwddb.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fingerprint of the inputs of the last successful check, kept in the output directory. Removed when a
 * check starts and written only when it passes, so a failed or interrupted check is never taken as up to date.
 */
public final class UpToDateStamp {

    public static final String FILE_NAME = "apigw-inputs.sha256";
    /** The digests of the input files, to tell unchanged ones without reading them (see {@link FileDigests}). */
    public static final String DIGESTS_FILE_NAME = "apigw-inputs.digests";

    private final Path file;
    private final Path digestsFile;

    public UpToDateStamp(Path outputDirectory) {
        this.file = outputDirectory.resolve(FILE_NAME);
        this.digestsFile = outputDirectory.resolve(DIGESTS_FILE_NAME);
    }

    /** The file digests remembered from the last build. */
    public FileDigests digests() {
        return FileDigests.read(digestsFile);
    }

    /** Keeps the digests of this build's files for the next one (whatever the check's outcome: they describe files). */
    public void remember(FileDigests digests) throws IOException {
        digests.write(digestsFile);
    }

    public Path file() {
        return file;
    }

    public boolean matches(String fingerprint) {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    public void record(String fingerprint) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, fingerprint + "\n", StandardCharsets.UTF_8);
    }
}
