package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentParserTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void jsonPositionsPointAtKeysAndValues() throws Exception {
        String json = "{\n  \"paths\": {\n    \"/items\": {\n      \"post\": {\"x\": [1, \"two\"]}\n    }\n  }\n}";
        ParsedDocument doc = parser.parse(json, SpecFormat.JSON);

        assertThat(doc.root().at("/paths/~1items/post/x/1").asText()).isEqualTo("two");
        assertThat(doc.sourceMap().locate("/paths")).extracting(TextPosition::line, TextPosition::column).containsExactly(2, 3);
        assertThat(doc.sourceMap().locate("/paths/~1items/post")).extracting(TextPosition::line, TextPosition::column).containsExactly(4, 7);
        assertThat(doc.sourceMap().valueStart("/paths/~1items/post/x/1")).extracting(TextPosition::line, TextPosition::column).containsExactly(4, 25);
    }

    @Test
    void syntaxMessagesCarryNoJacksonInternals() {
        assertThatThrownBy(() -> parser.parse("{\"a\": {\"b\": 1", SpecFormat.JSON))
                .isInstanceOf(DocumentSyntaxException.class)
                .hasMessage("Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 7)");
        assertThatThrownBy(() -> parser.parseJsonValue("[1, {\"b\": 1"))
                .hasMessageNotContaining("Source").hasMessageContaining("start marker at line 1, column 5");
    }

    @Test
    void tooDeepNestingIsSaidInWordsWhereTheLimitWasHit() {
        for (SpecFormat format : SpecFormat.values()) {
            String text = "a:\n  - " + "[".repeat(600) + "]".repeat(600);
            String document = format == SpecFormat.JSON ? "{\"a\":\n " + "[".repeat(600) + "]".repeat(600) + "}" : text;
            assertThatThrownBy(() -> parser.parse(document, format)).as(format.toString())
                    .isInstanceOfSatisfying(DocumentSyntaxException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("nested more than 500 levels deep (objects and arrays within each other);"
                                + " no API definition needs that");
                        assertThat(e.position().line()).isEqualTo(2);
                        assertThat(e.position().column()).isGreaterThan(400);
                    });
        }
    }

    @Test
    void everyReaderIgnoresAByteOrderMark() throws Exception {
        // examples, table definitions and suppressions are read with parse() too, not only definitions
        ParsedDocument doc = parser.parse("\uFEFF- name: plain\n  body: {id: 1}\n", SpecFormat.YAML);
        assertThat(doc.root().at("/0/name").asText()).isEqualTo("plain");
        assertThat(doc.sourceMap().locate("/0/body")).extracting(TextPosition::line, TextPosition::column).containsExactly(2, 3);
        assertThat(doc.text()).doesNotStartWith("\uFEFF");
    }

    @Test
    void largeObjectsDuplicatesAndArrayIndexesResolveLikeTheTree() throws Exception {
        StringBuilder json = new StringBuilder("{\"paths\": {");
        for (int i = 0; i < 40; i++) {
            json.append(i == 0 ? "" : ",").append("\n\"/r").append(i).append("\": [").append(i).append(", {\"a~b/c\": ").append(i).append("}]");
        }
        json.append(",\n\"/r7\": [\"again\"]}}");
        ParsedDocument doc = parser.parse(json.toString(), SpecFormat.JSON);

        assertThat(doc.duplicateKeys()).containsExactly("/paths/~1r7");
        assertThat(doc.sourceMap().locate("/paths/~1r30/1/a~0b~1c")).extracting(TextPosition::line).isEqualTo(32);
        assertThat(doc.sourceMap().valueStart("/paths/~1r30/0")).extracting(TextPosition::line, TextPosition::column).containsExactly(32, 10);
        assertThat(doc.sourceMap().keyAt("/paths/~1r7")).extracting(TextPosition::line).as("the later member").isEqualTo(42);
        assertThat(doc.sourceMap().valueStart("/paths/~1r7/1")).as("the earlier value is gone").isNull();
        assertThat(doc.sourceMap().valueStart("/paths/~1r30/01")).isNull();
        assertThat(doc.sourceMap().valueStart("/paths/~1r30/2")).isNull();
        assertThat(doc.sourceMap().keyAt("/paths/~1r30/0")).as("array elements have no key").isNull();
        assertThat(doc.sourceMap().valueStart("")).isEqualTo(TextPosition.START);
    }

    @Test
    void missingPointerFallsBackToClosestAncestor() throws Exception {
        ParsedDocument doc = parser.parse("{\n  \"a\": {\n    \"b\": 1\n  }\n}", SpecFormat.JSON);
        assertThat(doc.sourceMap().locate("/a/nothere/deeper")).extracting(TextPosition::line).isEqualTo(2);
    }

    @Test
    void yamlPositionsAndBlockScalars() throws Exception {
        String yaml = "openapi: 3.0.1\npaths:\n  /items:\n    post:\n      template: |\n        {\n          \"TableName\": \"T\"\n        }\n";
        ParsedDocument doc = parser.parse(yaml, SpecFormat.YAML);
        assertThat(doc.root().at("/paths/~1items/post/template").asText()).startsWith("{\n  \"TableName\"");
        assertThat(doc.sourceMap().locate("/paths/~1items/post/template")).extracting(TextPosition::line, TextPosition::column).containsExactly(5, 7);
    }

    @Test
    void keepsDecimalsAndBigIntegersExactly() throws Exception {
        ParsedDocument doc = parser.parse("{\"price\": 10.00, \"big\": 123456789012345678901234567890}", SpecFormat.JSON);
        assertThat(doc.root().get("price").toString()).isEqualTo("10.00");
        assertThat(doc.root().get("big").toString()).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void reportsDuplicateKeys() throws Exception {
        ParsedDocument doc = parser.parse("{\"a\": 1, \"a\": 2}", SpecFormat.JSON);
        assertThat(doc.duplicateKeys()).containsExactly("/a");
        assertThat(doc.root().get("a").asInt()).isEqualTo(2);
    }

    @Test
    void syntaxErrorsCarryTheirPosition() {
        assertThatThrownBy(() -> parser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}", SpecFormat.JSON))
                .isInstanceOfSatisfying(DocumentSyntaxException.class, e -> {
                    assertThat(e.position().line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("Unexpected character");
                });
    }

    @Test
    void refusesStackExhaustingNesting() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> parser.parse(deep, SpecFormat.JSON))
                .isInstanceOf(DocumentSyntaxException.class)
                .hasMessageContaining("nested more than 500 levels deep");
    }

    @Test
    void yamlAliasesShareTheAnchoredNode() throws Exception {
        ParsedDocument doc = parser.parse("base: &i {type: aws, uri: u}\nget: *i\nlist: [*i, &s [x], *s]\n", SpecFormat.YAML);
        assertThat(doc.root().get("get")).isEqualTo(doc.root().get("base"));
        assertThat(doc.root().get("list").toString()).isEqualTo("[{\"type\":\"aws\",\"uri\":\"u\"},[\"x\"],[\"x\"]]");
        // an alias has no lines of its own: positions inside it are the alias's
        assertThat(doc.sourceMap().locate("/get/uri").line()).isEqualTo(2);
    }

    /** YAML 1.1's merge key, as hand-written definitions share one integration block (user trial of 11-28). */
    @Test
    void yamlMergeKeysMergeMembersTheMappingDoesNotHaveItself() throws Exception {
        String yaml = """
                base: &b {type: aws, httpMethod: GET, uri: u}
                more: &m {httpMethod: PUT, timeoutInMillis: 2900, uri: v}
                one:
                  httpMethod: POST
                  <<: *b
                two:
                  <<: [*m, *b]
                  uri: own
                three:
                  <<: {inline: x}
                """;
        ParsedDocument doc = parser.parse(yaml, SpecFormat.YAML);

        // the mapping's own members win wherever written; of several merged mappings, the first
        assertThat(doc.root().get("one").toString()).isEqualTo("{\"httpMethod\":\"POST\",\"type\":\"aws\",\"uri\":\"u\"}");
        assertThat(doc.root().get("two").toString())
                .isEqualTo("{\"uri\":\"own\",\"httpMethod\":\"PUT\",\"timeoutInMillis\":2900,\"type\":\"aws\"}");
        assertThat(doc.root().get("three").toString()).isEqualTo("{\"inline\":\"x\"}");
        // merged members stand at their merge key; the mapping's own keep their lines
        assertThat(doc.sourceMap().locate("/one/type").line()).isEqualTo(5);
        assertThat(doc.sourceMap().locate("/one/httpMethod").line()).isEqualTo(4);
        assertThat(doc.reuse().mergeKeys()).containsExactly("/one/<<", "/two/<<", "/three/<<");
        // what a merge key merges is no alias of its own
        assertThat(doc.reuse().aliases()).isEmpty();
        assertThat(doc.duplicateKeys()).isEmpty();
    }

    /** Crash hunt: two '<<' in one mapping merged the second only, and MAP007 followed for what the first gave. */
    @Test
    void twoMergeKeysInOneMappingMergeBothTheFirstWinning() throws Exception {
        ParsedDocument doc = parser.parse("""
                a: &a {statusCode: "200", x: a}
                b: &b {responseTemplates: {}, x: b}
                r:
                  <<: *a
                  <<: *b
                """, SpecFormat.YAML);
        assertThat(doc.root().get("r").toString()).isEqualTo("{\"statusCode\":\"200\",\"x\":\"a\",\"responseTemplates\":{}}");
        assertThat(doc.duplicateKeys()).isEmpty();
        assertThat(doc.reuse().mergeKeys()).containsExactly("/r/<<");
    }

    @Test
    void aMergeKeyWithoutMappingsAndAJsonMemberNamedSoStayMembers() throws Exception {
        ParsedDocument yaml = parser.parse("a: {<<: text, b: 1}\nc: &c {d: 1}\ne: {<<: [*c, 1]}\n", SpecFormat.YAML);
        assertThat(yaml.root().get("a").toString()).isEqualTo("{\"<<\":\"text\",\"b\":1}");
        assertThat(yaml.root().get("e").toString()).isEqualTo("{\"<<\":[{\"d\":1},1]}");
        assertThat(yaml.reuse().mergeKeys()).isEmpty();
        // which YAML 1.1 tools refuse (SPEC007 says so)
        assertThat(yaml.reuse().refusedMerges()).containsExactly("/a/<<", "/e/<<");
        assertThat(parser.parse("a: {<<: [], b: 1}\n", SpecFormat.YAML).root().get("a").toString()).isEqualTo("{\"b\":1}");
        ParsedDocument json = parser.parse("{\"a\": {\"<<\": {\"b\": 1}}}", SpecFormat.JSON);
        assertThat(json.root().get("a").has("<<")).isTrue();
        assertThat(json.reuse()).isEqualTo(YamlReuse.NONE);
    }

    /** Crash hunt and review: an emoji before an anchor put every later position two chars early; a quoted '<<' is a key. */
    @Test
    void positionsAfterCharactersBeyondTheBasicPlaneAndQuotedMergeKeys() throws Exception {
        ParsedDocument doc = parser.parse("""
                title: "items \uD83D\uDCE6\uD83D\uDCE6"
                role: &role arn:aws:iam::123456789012:role/r
                b: &b {x: 1}
                plain: {<<: *b}
                quoted: {'<<': *b}
                credentials: *role
                """, SpecFormat.YAML);
        assertThat(doc.root().get("credentials").asText()).isEqualTo("arn:aws:iam::123456789012:role/r");
        assertThat(doc.sourceMap().valueStart("/role")).extracting(TextPosition::line, TextPosition::column).containsExactly(2, 7);
        assertThat(doc.root().get("plain").toString()).isEqualTo("{\"x\":1}");
        assertThat(doc.root().get("quoted").has("<<")).isTrue();
        assertThat(doc.reuse().mergeKeys()).containsExactly("/plain/<<");
        // a syntax error after one stands where it stands after a plain character
        String broken = "t: %s%s%s\nx: {a: [1, 2}\n";
        TextPosition afterEmoji = syntaxErrorAt(broken.formatted("\uD83D\uDE00", "\uD83D\uDE00", "\uD83D\uDE00"));
        TextPosition afterLetters = syntaxErrorAt(broken.formatted("a", "b", "c"));
        assertThat(afterEmoji).extracting(TextPosition::line, TextPosition::column)
                .containsExactly(afterLetters.line(), afterLetters.column());
        assertThat(afterEmoji.line()).isEqualTo(2);
    }

    private TextPosition syntaxErrorAt(String yaml) {
        try {
            parser.parse(yaml, SpecFormat.YAML);
        } catch (DocumentSyntaxException e) {
            return e.position();
        }
        throw new AssertionError("no syntax error in " + yaml);
    }

    @Test
    void aliasesAreListedWhereTheyStand() throws Exception {
        ParsedDocument doc = parser.parse("a: &s [1]\nb: {c: *s}\nd: [*s]\n", SpecFormat.YAML);
        assertThat(doc.reuse().aliases()).containsExactly("/b/c", "/d/0");
    }

    /** Jackson drops a plain value's anchor; the text has it (user trial: a shared role ARN was "not valid YAML"). */
    @Test
    void aliasesOfPlainValuesResolveWithTagsAndStylesAround() throws Exception {
        ParsedDocument doc = parser.parse("""
                role: &role arn:aws:iam::123456789012:role/r
                quoted: &q 'a, b'
                tagged: !Sub &t ${AWS::Region}
                before: &b !Ref Table
                block: &k |
                  line
                list: [&i one, two]
                choice: &c !If [Prod, a, b]
                uses: [*role, *q, *t, *b, *k, *i, *c]
                """, SpecFormat.YAML);
        // an alias of a CloudFormation short form stands for its long form, tag and all (crash hunt: credentials: *role lost the !GetAtt)
        assertThat(doc.root().get("uses").toString()).isEqualTo("[\"arn:aws:iam::123456789012:role/r\",\"a, b\","
                + "{\"Fn::Sub\":\"${AWS::Region}\"},{\"Ref\":\"Table\"},\"line\\n\",\"one\",{\"Fn::If\":[\"Prod\",\"a\",\"b\"]}]");
        assertThat(doc.reuse().aliases()).hasSize(7);
        assertThatThrownBy(() -> parser.parse("a: &r !If [x, *r]\n", SpecFormat.YAML)).isInstanceOf(DocumentSyntaxException.class)
                .hasMessageContaining("recursive");
    }

    @Test
    void undefinedAndRecursiveAliasesAreSyntaxErrors() {
        assertThatThrownBy(() -> parser.parse("a: *nothing\n", SpecFormat.YAML)).isInstanceOf(DocumentSyntaxException.class)
                .hasMessageContaining("alias *nothing refers to no value anchored before it (&nothing)");
        assertThatThrownBy(() -> parser.parse("a: &r [1, *r]\n", SpecFormat.YAML)).isInstanceOf(DocumentSyntaxException.class)
                .hasMessageContaining("recursive");
    }

    @Test
    void yamlAliasBombsAreRefused() throws Exception {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        // 10^12 leaves if aliases were expanded: refused while counting, at the line of the alias that tips it
        assertThatThrownBy(() -> parser.parse(yaml.toString(), SpecFormat.YAML)).isInstanceOfSatisfying(DocumentSyntaxException.class, e -> {
            assertThat(e.getMessage()).contains("alias bomb");
            assertThat(e.position().line()).isBetween(2, 12);
        });
    }

    @Test
    void contentAfterTheJsonValueIsASyntaxError() {
        assertThatThrownBy(() -> parser.parse("{\"a\": 1}\n}", SpecFormat.JSON))
                .isInstanceOfSatisfying(DocumentSyntaxException.class, e -> assertThat(e.position().line()).isEqualTo(2));
        assertThatThrownBy(() -> parser.parseJsonValue("{\"a\": 1} {\"b\": 2}"))
                .isInstanceOf(DocumentSyntaxException.class).hasMessageContaining("after the end of the JSON value");
    }

    @Test
    void jsonValuesGetTheirPositionsOnlyWhenAsked() throws Exception {
        ParsedDocument doc = parser.parseJsonValue("{\n  \"Item\": {\"price\": {\"N\": 10.00}}\n}");
        assertThat(doc.root().at("/Item/price/N").toString()).isEqualTo("10.00");
        assertThat(doc.sourceMap().locate("/Item/price")).extracting(TextPosition::line, TextPosition::column).containsExactly(2, 12);
        assertThatThrownBy(() -> parser.parseJsonValue("{\"a\": }"))
                .isInstanceOfSatisfying(DocumentSyntaxException.class, e -> assertThat(e.position().column()).isEqualTo(7));
    }

    @Test
    void notesWhetherAnyRefNamesAUrlWhileReading() throws Exception {
        assertThat(parser.parse("{\"a\": {\"$ref\": \"#/components/schemas/A\"}, \"b\": [\"$ref\", \"https://x.test/a\"]}",
                SpecFormat.JSON).mayReferenceUrls()).as("local references and strings elsewhere").isFalse();
        assertThat(parser.parse("{\"a\": [{\"\\u0024ref\": \"https://x.test/a.json\"}]}", SpecFormat.JSON).mayReferenceUrls())
                .as("a key spelled with an escape").isTrue();
        assertThat(parser.parse("a:\n  b: &shared\n    $ref: 'http://x.test/b.yaml'\n  c: *shared\n", SpecFormat.YAML).mayReferenceUrls())
                .isTrue();
        assertThat(parser.parse("a:\n  $ref: './local.yaml#/B'\n", SpecFormat.YAML).mayReferenceUrls()).isFalse();
    }
}
