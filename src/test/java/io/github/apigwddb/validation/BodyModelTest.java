package io.github.apigwddb.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUOTE = "\"";
    private static final String EMOJI = "\uD83D\uDE00";

    private static StringRule rule(String schema, Object... path) throws Exception {
        JsonNode root = JSON.readTree("{\"definitions\": {\"name\": {\"type\": \"string\", \"maxLength\": 3}}}");
        return new BodyModel(root, JSON.readTree(schema)).stringAt(List.of(path));
    }

    @Test
    void anEnumAllowsOnlyItsStrings() throws Exception {
        StringRule rule = rule("{\"properties\": {\"c\": {\"enum\": [\"Thai\", 1]}}}", "c");

        assertThat(rule.allows("Thai")).isTrue();
        assertThat(rule.allows("1")).as("the number 1 is no string").isFalse();
        assertThat(rule.allows(QUOTE)).isFalse();
    }

    @Test
    void aPatternMatchesAnywhereUnlessAnchored() throws Exception {
        assertThat(rule("{\"properties\": {\"id\": {\"pattern\": \"[0-9]\"}}}", "id").allows("7\",\"x")).isTrue();
        assertThat(rule("{\"properties\": {\"id\": {\"pattern\": \"^[0-9]+$\"}}}", "id").allows("7\",\"x")).isFalse();
        assertThat(rule("{\"properties\": {\"id\": {\"pattern\": \"^[0-9]+$\"}}}", "id").allows("7")).isTrue();
    }

    @Test
    void aPatternJavaCannotReadRejectsNothing() throws Exception {
        assertThat(rule("{\"properties\": {\"id\": {\"pattern\": \"(unclosed\"}}}", "id").allows(QUOTE)).isTrue();
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() throws Exception {
        StringRule one = rule("{\"properties\": {\"s\": {\"maxLength\": 1}}}", "s");
        assertThat(one.allows(EMOJI)).isTrue();
        assertThat(one.allows("ab")).isFalse();
        assertThat(rule("{\"properties\": {\"s\": {\"minLength\": 2}}}", "s").allows(QUOTE)).isFalse();
    }

    @Test
    void aPlaceThatIsNoStringAllowsNoString() throws Exception {
        assertThat(rule("{\"properties\": {\"n\": {\"type\": \"integer\"}}}", "n").allows("1")).isFalse();
        assertThat(rule("{\"properties\": {\"n\": {\"type\": [\"integer\", \"string\"]}}}", "n").allows("x")).isTrue();
    }

    @Test
    void referencesAllOfAndItemsLeadToThePlace() throws Exception {
        String schema = "{\"allOf\": [{\"properties\": {\"tags\": {\"items\": {\"$ref\": \"#/definitions/name\"}}}},"
                + " {\"properties\": {\"tags\": {\"items\": {\"pattern\": \"^[a-z]*$\"}}}}],"
                + " \"properties\": {\"pair\": {\"items\": [{\"enum\": [\"a\"]}], \"additionalItems\": {\"maxLength\": 1}}}}";

        StringRule tag = rule(schema, "tags", 5);
        assertThat(tag.allows("abc")).isTrue();
        assertThat(tag.allows("abcd")).as("maxLength of the $ref").isFalse();
        assertThat(tag.allows("A")).as("pattern of the other allOf part").isFalse();
        assertThat(rule(schema, "pair", 0).allows("b")).isFalse();
        assertThat(rule(schema, "pair", 1).allows("b")).isTrue();
        assertThat(rule(schema, "pair", 1).allows("bc")).isFalse();
    }

    @Test
    void aPlaceTheSchemaDoesNotDescribeIsUnconstrained() throws Exception {
        String schema = "{\"properties\": {\"a\": {\"enum\": [\"x\"]}}, \"additionalProperties\": {\"enum\": [\"y\"]},"
                + " \"anyOf\": [{\"properties\": {\"b\": {\"enum\": [\"z\"]}}}]}";

        assertThat(rule(schema, "b").allows(QUOTE)).isTrue();
        assertThat(rule(schema, "a", "deeper").allows(QUOTE)).isTrue();
    }
}
