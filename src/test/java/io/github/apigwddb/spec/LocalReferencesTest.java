package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LocalReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void followsAChainOfLocalReferences() throws Exception {
        JsonNode root = JSON.readTree("{\"components\": {\"schemas\": {\"a\": {\"$ref\": \"#/components/schemas/b\"},"
                + " \"b\": {\"type\": \"string\"}}}}");

        JsonNode resolved = LocalReferences.resolve(root, JSON.readTree("{\"$ref\": \"#/components/schemas/a\"}"));

        assertThat(resolved.path("type").asText()).isEqualTo("string");
    }

    @Test
    void aReferenceIsPercentDecodedAsSpec004ReadsIt() throws Exception {
        JsonNode root = JSON.readTree("{\"components\": {\"schemas\": {\"My Item\": {\"type\": \"object\"}}}}");

        JsonNode resolved = LocalReferences.resolve(root, JSON.readTree("{\"$ref\": \"#/components/schemas/My%20Item\"}"));

        assertThat(resolved.path("type").asText()).isEqualTo("object");
    }

    @Test
    void aFragmentWithoutItsLeadingSlashIsNoPointerAndNamesNothing() throws Exception {
        JsonNode root = JSON.readTree("{\"components\": {\"responses\": {\"Ok\": {\"description\": \"ok\"}}}}");
        JsonNode broken = JSON.readTree("{\"$ref\": \"#components/responses/Ok\"}");

        assertThat(LocalReferences.resolve(root, broken).isMissingNode()).isTrue();
        assertThat(LocalReferences.target(root, broken)).isNull();
        assertThat(LocalReferences.target(root, JSON.readTree("{\"$ref\": \"#/components/responses/Ok\"}"))).isEqualTo("/components/responses/Ok");
    }

    @Test
    void aNodeWithoutReferenceIsItself() throws Exception {
        JsonNode node = JSON.readTree("{\"type\": \"integer\"}");
        assertThat(LocalReferences.resolve(JSON.readTree("{}"), node)).isSameAs(node);
    }

    @Test
    void referencesIntoOtherFilesOrNowhereGiveAMissingNode() throws Exception {
        JsonNode root = JSON.readTree("{}");
        assertThat(LocalReferences.resolve(root, JSON.readTree("{\"$ref\": \"other.yaml#/x\"}")).isMissingNode()).isTrue();
        assertThat(LocalReferences.resolve(root, JSON.readTree("{\"$ref\": \"#/nowhere\"}")).isMissingNode()).isTrue();
    }

    @Test
    void aCycleEnds() throws Exception {
        JsonNode root = JSON.readTree("{\"a\": {\"$ref\": \"#/b\"}, \"b\": {\"$ref\": \"#/a\"}}");
        assertThat(LocalReferences.resolve(root, root.get("a")).has("$ref")).isTrue();
    }
}
