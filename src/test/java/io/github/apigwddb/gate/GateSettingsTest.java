package io.github.apigwddb.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec file globs, unknown parameter names and the up-to-date fingerprint. */
class GateSettingsTest {

    @TempDir
    Path dir;

    @Test
    void globsMatchRelativeToTheSpecDirectoryAndExcludesWin() throws Exception {
        SpecFileFilter filter = SpecFileFilter.of(List.of("**/*.yaml"), List.of("legacy/**"));
        assertThat(filter.accepts(dir, dir.resolve("api.yaml"))).isTrue();
        assertThat(filter.accepts(dir, dir.resolve("v2/api.yaml"))).isTrue();
        assertThat(filter.accepts(dir, dir.resolve("api.json"))).isFalse();
        assertThat(filter.accepts(dir, dir.resolve("legacy/old.yaml"))).isFalse();
        assertThat(SpecFileFilter.of(null, null).accepts(dir, dir.resolve("x.json"))).isTrue();
        assertThatThrownBy(() -> SpecFileFilter.of(List.of("[a"), List.of())).hasMessageContaining("is not a valid glob");
    }

    @Test
    void unknownNamesFailWithASuggestionAndTheValidNames() {
        assertThatThrownBy(() -> ConfigurationNames.requireKnown("apigw:check", List.of("failOn", "failon"), List.of("failOn", "rules")))
                .hasMessage("Unknown parameter <failon> (did you mean <failOn>?) in the configuration of apigw:check; valid parameters: failOn, rules");
    }

    @Test
    void fingerprintChangesWithAReferencedFileAnExampleAndTheConfiguration() throws Exception {
        Path spec = dir.resolve("api.yaml");
        Path schema = dir.resolve("schemas/item.yaml");
        Path examples = dir.resolve("examples");
        Files.createDirectories(schema.getParent());
        Files.createDirectories(examples);
        Files.writeString(spec, "openapi: 3.0.1\ncomponents:\n  schemas:\n    Item: {$ref: 'schemas/item.yaml#/Item'}\n");
        Files.writeString(schema, "Item: {type: object}\n");
        Files.writeString(examples.resolve("putItem.yaml"), "- name: a\n");
        InputsFingerprint fingerprint = new InputsFingerprint();
        String first = fingerprint.compute(List.of(spec), examples, List.of(), "c", "1.0");

        assertThat(fingerprint.compute(List.of(spec), examples, List.of(), "c", "1.0")).isEqualTo(first);
        assertThat(fingerprint.compute(List.of(spec), examples, List.of(), "other", "1.0")).isNotEqualTo(first);
        assertThat(fingerprint.compute(List.of(spec), examples, List.of(), "c", "1.1")).isNotEqualTo(first);
        Files.writeString(schema, "Item: {type: string}\n");
        String afterSchema = fingerprint.compute(List.of(spec), examples, List.of(), "c", "1.0");
        assertThat(afterSchema).isNotEqualTo(first);
        Files.writeString(examples.resolve("putItem.yaml"), "- name: b\n");
        assertThat(fingerprint.compute(List.of(spec), examples, List.of(), "c", "1.0")).isNotEqualTo(afterSchema);
    }

    @Test
    void rememberedDigestsSpareReadingUnchangedFilesButNotRacyOrChangedOnes() throws Exception {
        Path spec = dir.resolve("api.yaml");
        Path schema = dir.resolve("item.yaml");
        Files.writeString(spec, "openapi: 3.0.1\ncomponents: {schemas: {Item: {$ref: 'item.yaml#/Item'}}}\n");
        Files.writeString(schema, "Item: {type: object}\n");
        FileTime anHourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(spec, anHourAgo);
        Files.setLastModifiedTime(schema, anHourAgo);
        UpToDateStamp stamp = new UpToDateStamp(dir.resolve("target/apigw"));
        FileDigests first = stamp.digests();
        String recorded = new InputsFingerprint(first).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0");
        stamp.remember(first);

        // same size and time as recorded, long before the digest was taken: the remembered digest stands, the file is not read
        Files.writeString(schema, "Item: {type: string}\n"); // as long as before
        Files.setLastModifiedTime(schema, anHourAgo);
        assertThat(new InputsFingerprint(stamp.digests()).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0"))
                .isEqualTo(recorded);
        // another time: read again
        Files.setLastModifiedTime(schema, FileTime.fromMillis(anHourAgo.toMillis() + 1_000));
        assertThat(new InputsFingerprint(stamp.digests()).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0"))
                .isNotEqualTo(recorded);
        // written within the racy margin of the digest: never trusted, however equal size and time are
        Files.writeString(schema, "Item: {type: object}\n");
        FileDigests racy = FileDigests.none();
        String now = new InputsFingerprint(racy).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0");
        racy.write(dir.resolve("racy.digests"));
        FileTime sameTime = Files.getLastModifiedTime(schema);
        Files.writeString(schema, "Item: {type: number}\n"); // as long as before
        Files.setLastModifiedTime(schema, sameTime);
        assertThat(new InputsFingerprint(FileDigests.read(dir.resolve("racy.digests"))).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0"))
                .isNotEqualTo(now);
        assertThat(FileDigests.read(dir.resolve("missing.digests"))).as("a missing file is no error").isNotNull();
    }

    @Test
    void stampMatchesOnlyWhatWasRecorded() throws Exception {
        UpToDateStamp stamp = new UpToDateStamp(dir.resolve("target/apigw"));
        assertThat(stamp.matches("abc")).isFalse();
        stamp.record("abc");
        assertThat(stamp.matches("abc")).isTrue();
        assertThat(stamp.matches("abd")).isFalse();
        stamp.clear();
        assertThat(stamp.matches("abc")).isFalse();
    }
}
