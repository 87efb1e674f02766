package io.github.apigwddb.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.apigwddb.spec.SourceRoot;
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
                .hasMessage("Unknown parameter <failon> (did you mean <failOn>?) in the configuration of apigw:check; its parameters: failOn, rules");
        // the other goals' names are accepted (a plugin-level configuration is shared), and not listed as the goal's
        assertThatThrownBy(() -> ConfigurationNames.requireKnown("apigw:check", List.of("body", "failon"), List.of("body", "failOn", "rules"),
                List.of("failOn", "rules"), List.of()))
                .hasMessage("Unknown parameter <failon> (did you mean <failOn>?) in the configuration of apigw:check; its parameters: failOn,"
                        + " rules (the other goals' are accepted too, for a configuration they share)");
    }

    /** Maven 3.9 calls a configured {@code <basedir>} read-only: the build's error says so too, not "unknown" (Maven 3.9 trial). */
    @Test
    void aReadOnlyParameterIsSaidToBeSetByMaven() {
        assertThatThrownBy(() -> ConfigurationNames.requireKnown("apigw:check", List.of("failOn", "basedir"), List.of("failOn"),
                List.of("failOn"), List.of("basedir", "project")))
                .hasMessage("Parameter <basedir> is read-only: Maven sets it; remove it from the configuration of apigw:check");
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
        // one InputsFingerprint per build, as the Mojo makes it: within a build a file read once is not read again,
        // and an edit of the same size in the same millisecond would not be seen by the same instance
        String first = new InputsFingerprint().compute(List.of(spec), examples, List.of(), "c", "1.0");

        assertThat(new InputsFingerprint().compute(List.of(spec), examples, List.of(), "c", "1.0")).isEqualTo(first);
        assertThat(new InputsFingerprint().compute(List.of(spec), examples, List.of(), "other", "1.0")).isNotEqualTo(first);
        assertThat(new InputsFingerprint().compute(List.of(spec), examples, List.of(), "c", "1.1")).isNotEqualTo(first);
        Files.writeString(schema, "Item: {type: string}\n");
        String afterSchema = new InputsFingerprint().compute(List.of(spec), examples, List.of(), "c", "1.0");
        assertThat(afterSchema).isNotEqualTo(first);
        Files.writeString(examples.resolve("putItem.yaml"), "- name: b\n");
        assertThat(new InputsFingerprint().compute(List.of(spec), examples, List.of(), "c", "1.0")).isNotEqualTo(afterSchema);
    }

    /** Examples in a linked directory are read through the link, so an edit there is a change (user trial: a false green). */
    @Test
    void examplesInALinkedDirectoryCount() throws Exception {
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, "openapi: 3.0.1\n");
        Path shared = dir.resolve("shared-examples");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("getOrder.yaml"), "- name: a\n");
        Path examples = dir.resolve("examples");
        Files.createSymbolicLink(examples, shared);
        String first = new InputsFingerprint().compute(List.of(spec), examples, List.of(), "c", "1.0");

        Files.writeString(shared.resolve("getOrder.yaml"), "- name: b\n");

        assertThat(new InputsFingerprint().compute(List.of(spec), examples, List.of(), "c", "1.0")).isNotEqualTo(first);
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
        String recorded = new InputsFingerprint(first, SourceRoot.NONE).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0");
        stamp.remember(first);

        // untouched since, long before the digest was taken: the remembered digest stands
        assertThat(new InputsFingerprint(stamp.digests(), SourceRoot.NONE).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0"))
                .isEqualTo(recorded);
        // rewritten with the same size and its old time put back (an unpack of a reproducible archive does that): the
        // status change time tells, where the file system has one (user trial: a false green)
        Files.writeString(schema, "Item: {type: string}\n"); // as long as before
        Files.setLastModifiedTime(schema, anHourAgo);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            assertThat(new InputsFingerprint(stamp.digests(), SourceRoot.NONE).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0"))
                    .isNotEqualTo(recorded);
        }
        // another time: read again
        Files.setLastModifiedTime(schema, FileTime.fromMillis(anHourAgo.toMillis() + 1_000));
        assertThat(new InputsFingerprint(stamp.digests(), SourceRoot.NONE).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0"))
                .isNotEqualTo(recorded);
        // written within the racy margin of the digest: never trusted, however equal size and time are
        Files.writeString(schema, "Item: {type: object}\n");
        FileDigests racy = FileDigests.none();
        String now = new InputsFingerprint(racy, SourceRoot.NONE).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0");
        racy.write(dir.resolve("racy.digests"));
        FileTime sameTime = Files.getLastModifiedTime(schema);
        Files.writeString(schema, "Item: {type: number}\n"); // as long as before
        Files.setLastModifiedTime(schema, sameTime);
        assertThat(new InputsFingerprint(FileDigests.read(dir.resolve("racy.digests")), SourceRoot.NONE).compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0"))
                .isNotEqualTo(now);
        assertThat(FileDigests.read(dir.resolve("missing.digests"))).as("a missing file is no error").isNotNull();
    }

    @Test
    void aHugeInputIsFingerprintedBySizeAndTimeWithoutBeingRead() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024); // read whole, it would exhaust the heap
        }
        String first = new InputsFingerprint(FileDigests.read(dir.resolve("a.digests")), SourceRoot.NONE).compute(List.of(huge), dir.resolve("none"), List.of(),
                "c", "1.0");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024 + 1);
        }
        assertThat(new InputsFingerprint(FileDigests.read(dir.resolve("b.digests")), SourceRoot.NONE).compute(List.of(huge), dir.resolve("none"), List.of(),
                "c", "1.0")).isNotEqualTo(first);
    }

    @Test
    void stampKeepsWhatTheCheckReadWroteAndCountedAndIsGoneWhenCleared() throws Exception {
        UpToDateStamp stamp = new UpToDateStamp(dir.resolve("target/apigw"));
        assertThat(stamp.read()).isEmpty();
        Path sarif = dir.resolve("target/apigw/apigw.sarif");
        String fingerprint = "a".repeat(64);
        stamp.record(new UpToDateStamp.Entry(fingerprint, List.of(dir.resolve("include.yaml")), List.of(sarif),
                new UpToDateStamp.Counts(0, 5, 1, 0, 2)));

        UpToDateStamp.Entry read = stamp.read().orElseThrow();
        assertThat(read.fingerprint()).isEqualTo(fingerprint);
        assertThat(read.filesRead()).containsExactly(dir.resolve("include.yaml"));
        assertThat(read.counts().describe()).isEqualTo("0 errors, 5 warnings, 1 info, 2 baselined");
        assertThat(read.staleReports()).containsExactly(sarif);
        Files.writeString(sarif, "{}");
        assertThat(read.staleReports()).as("recorded before the report existed: only its absence counts").isEmpty();

        // recorded with the report as the check wrote it: another check's rewrite makes it stale
        stamp.record(new UpToDateStamp.Entry(fingerprint, List.of(), List.of(sarif), new UpToDateStamp.Counts(0, 0, 0, 0, 0)));
        assertThat(stamp.read().orElseThrow().staleReports()).isEmpty();
        Files.writeString(sarif, "{\"runs\": []}");
        assertThat(stamp.read().orElseThrow().staleReports()).containsExactly(sarif);

        stamp.clear();
        assertThat(stamp.read()).isEmpty();
    }

    @Test
    void theLinesACheckPrintedAreKeptAsWrittenAndReadBackUpToALimit() throws Exception {
        UpToDateStamp stamp = new UpToDateStamp(dir.resolve("target/apigw"), UpToDateStamp.keyOf("c"));
        assertThat(stamp.console(10).lines()).as("no check yet").isEmpty();
        List<String> printed = List.of("FINDING WARNING SEC001 a.yaml:[1,2] SEC001 'x\\'\ty'", "NOTE INFO - two\nlines\r", "FILE INFO - third");
        stamp.recordConsole(printed);

        assertThat(stamp.console(10).lines()).isEqualTo(printed);
        UpToDateStamp.Console first = stamp.console(2);
        assertThat(first.lines()).isEqualTo(printed.subList(0, 2));
        assertThat(first.total()).isEqualTo(3);
        assertThat(new UpToDateStamp(dir.resolve("target/apigw"), UpToDateStamp.keyOf("other")).console(10).lines())
                .as("another configuration's").isEmpty();
    }

    @Test
    void eachConfigurationHasItsOwnStamp() throws Exception {
        Path out = dir.resolve("target/apigw");
        UpToDateStamp lenient = new UpToDateStamp(out, UpToDateStamp.keyOf("failOn=error"));
        UpToDateStamp strict = new UpToDateStamp(out, UpToDateStamp.keyOf("failOn=warning"));
        lenient.record(new UpToDateStamp.Entry("b".repeat(64), List.of(), List.of(), new UpToDateStamp.Counts(0, 0, 0, 0, 0)));
        assertThat(strict.read()).isEmpty();
        assertThat(strict.file()).isNotEqualTo(lenient.file());
        assertThat(new UpToDateStamp(out, UpToDateStamp.keyOf("failOn=error")).read()).as("the same configuration, another execution").isPresent();
        assertThat(UpToDateStamp.keyOf("failOn=error")).matches("[0-9a-f]{16}");
    }

    @Test
    void aStampOfAnotherFormatIsNoStamp() throws Exception {
        UpToDateStamp stamp = new UpToDateStamp(dir.resolve("target/apigw"));
        Files.createDirectories(stamp.file().getParent());
        Files.writeString(stamp.file(), "c".repeat(64) + "\n"); // the one-line stamp of earlier versions: no counts
        assertThat(stamp.read()).isEmpty();
    }

    @Test
    void otherFilesCountWithTheirReferencesAndWhetherTheyExist() throws Exception {
        Path spec = dir.resolve("api.yaml");
        Path template = dir.resolve("include.yaml");
        Path schema = dir.resolve("item.yaml");
        Path missing = dir.resolve("later.yaml");
        Files.writeString(spec, "openapi: 3.0.1\n");
        Files.writeString(template, "openapi: 3.0.1\ncomponents: {schemas: {Item: {$ref: 'item.yaml#/Item'}}}\n");
        Files.writeString(schema, "Item: {type: object}\n");
        InputsFingerprint fingerprint = new InputsFingerprint();
        String before = fingerprint.compute(List.of(spec), dir.resolve("none"), List.of(template, missing), "c", "1.0");

        Files.writeString(schema, "Item: {type: string}\n");
        String afterSchema = new InputsFingerprint().compute(List.of(spec), dir.resolve("none"), List.of(template, missing), "c", "1.0");
        assertThat(afterSchema).as("a file a pulled-in file refers to").isNotEqualTo(before);

        Files.writeString(missing, "x: 1\n");
        assertThat(new InputsFingerprint().compute(List.of(spec), dir.resolve("none"), List.of(template, missing), "c", "1.0"))
                .as("a file looked for that now exists").isNotEqualTo(afterSchema);
    }

    /** A $ref the check refuses (out of the repository) is not read for the fingerprint either (hostile-input review). */
    @Test
    void aReferenceOutOfTheRepositoryIsNotReadForTheFingerprint() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Path secret = Files.writeString(dir.resolve("secret.json"), "{\"a\": 1}");
        Path spec = Files.writeString(repository.resolve("api.yaml"), "openapi: 3.0.1\npaths:\n  /x: {$ref: '../secret.json'}\n");
        InputsFingerprint fingerprint = new InputsFingerprint(FileDigests.none(), SourceRoot.of(repository));
        String first = fingerprint.compute(List.of(spec), dir.resolve("none"), List.of(), "c", "1.0");

        Files.writeString(secret, "{\"a\": 2}");

        assertThat(new InputsFingerprint(FileDigests.none(), SourceRoot.of(repository)).compute(List.of(spec), dir.resolve("none"), List.of(),
                "c", "1.0")).isEqualTo(first);
        assertThat(new InputsFingerprint().referencedClosure(List.of(spec))).as("unbounded, as before").contains(secret);
    }
}
