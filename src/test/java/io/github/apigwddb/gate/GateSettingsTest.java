package io.github.apigwddb.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
