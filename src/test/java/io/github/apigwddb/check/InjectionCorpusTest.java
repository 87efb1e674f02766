package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The probe on the public definitions of the corpus: the holes read in their templates are found (spot-checked
 * below), and with {@code -Dapigw.corpus.print=true} the injectable operations are listed per file.
 */
class InjectionCorpusTest {

    @Test
    void theInjectableOperationsOfTheCorpusAreFound() throws Exception {
        CheckResult result = new CheckEngine().run(new CheckRequest(CorpusTest.corpusFiles(), null, Map.of(), 2), CheckLog.SILENT);
        List<Finding> sec = result.findings().stream().filter(f -> f.rule().name().startsWith("SEC")).toList();

        if (Boolean.getBoolean("apigw.corpus.print")) {
            Map<String, TreeSet<String>> byFile = new TreeMap<>();
            for (Finding f : sec) {
                byFile.computeIfAbsent(f.position().file().getFileName().toString(), k -> new TreeSet<>())
                        .add(f.operation().display() + " " + f.rule() + " " + input(f));
            }
            byFile.forEach((file, ops) -> ops.forEach(op -> System.out.println(file + ": " + op)));
        }
        // 001: "Key": {"id": {"S": "$input.params().path.id"}} in GET, PUT and DELETE /{id}
        assertThat(sec).filteredOn(f -> file(f).startsWith("001-") && f.rule() == Rule.SEC001)
                .extracting(f -> f.operation().display()).anySatisfy(op -> assertThat(op).startsWith("GET /{id}"))
                .anySatisfy(op -> assertThat(op).startsWith("DELETE /{id}"));
        // 003: $input.path("$.description") unescaped in ExpressionAttributeValues, and when_no_match everywhere
        assertThat(sec).filteredOn(f -> file(f).startsWith("003-") && f.rule() == Rule.SEC001)
                .anySatisfy(f -> assertThat(f.message()).contains("'body $.description'").contains("/ExpressionAttributeValues/:description"));
        assertThat(sec).filteredOn(f -> file(f).startsWith("003-") && f.rule() == Rule.SEC003).hasSize(5);
        // 016: the undeclared header X-App-Env, read by $input.params().header.get('X-App-Env') inside JSON strings
        assertThat(sec).filteredOn(f -> file(f).startsWith("016-") && f.rule() == Rule.SEC001)
                .filteredOn(f -> f.message().contains("'header X-App-Env'")).hasSize(4);
        // 030: a CloudFormation method has no body schema; the body members its templates read unescaped are probed
        assertThat(sec).filteredOn(f -> file(f).startsWith("030-") && f.rule() == Rule.SEC001)
                .anySatisfy(f -> assertThat(f.message()).contains("'body $.EventCount'").contains("/Item/EventCount"));
        // 004: $.cuisine is as unescaped as $.name, but the body validator's model makes it an enum: no hostile value gets through
        assertThat(sec).filteredOn(f -> file(f).startsWith("004-") && f.operation().display().startsWith("POST /restaurants"))
                .extracting(InjectionCorpusTest::input).contains("body $.name").doesNotContain("body $.cuisine");
        // 018: the client's User-Agent header, $context.identity.userAgent, unescaped in ExpressionAttributeValues
        // at the reference, on the template's line that writes it
        assertThat(sec).filteredOn(f -> file(f).startsWith("018-") && f.rule() == Rule.SEC001)
                .anySatisfy(f -> {
                    assertThat(f.message()).contains("'$context.identity.userAgent'").contains("/ExpressionAttributeValues/:userAgent");
                    assertThat(f.position().line()).isEqualTo(136);
                    assertThat(f.position().column()).isEqualTo(417);
                });
        // 005: $util.urlDecode($input.params('artist')): the advice is to escape what the decoding returns
        assertThat(sec).filteredOn(f -> file(f).startsWith("005-") && f.rule() == Rule.SEC001)
                .filteredOn(f -> f.message().contains("'path artist'")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.message()).contains("so escape what the decoding returns"));
        // 030: templates joined with Fn::Join: each finding at its read, in the part of the join that holds it
        assertThat(sec).filteredOn(f -> file(f).startsWith("030-") && f.rule() == Rule.SEC001 && f.position().line() == 267)
                .extracting(f -> f.position().column()).containsExactlyInAnyOrder(66, 188, 269);
        // 023: a Terraform ${table} earlier on the line is counted as written, not as filled in
        assertThat(sec).filteredOn(f -> file(f).startsWith("023-") && f.rule() == Rule.SEC001 && f.position().line() == 131)
                .extracting(f -> f.position().column()).containsExactly(113, 197, 243, 288);
        // 031: the text/plain template, which no example selects, has the same unescaped $input.params('id')
        assertThat(sec).filteredOn(f -> file(f).startsWith("031-") && f.rule() == Rule.SEC001)
                .anySatisfy(f -> assertThat(f.message()).startsWith("Client input 'path id' in the text/plain request template"));
        // 024 (Swagger 2): path id straight into the key
        assertThat(sec).filteredOn(f -> file(f).startsWith("024-") && f.rule() == Rule.SEC001).isNotEmpty();
        // SEC findings are warnings: they never fail a build on their own
        assertThat(sec).allSatisfy(f -> assertThat(f.severity()).isEqualTo(f.rule().defaultSeverity()));
    }

    private static String file(Finding f) {
        return f.position().file().getFileName().toString();
    }

    private static String input(Finding f) {
        int start = f.message().indexOf('\'');
        int end = start < 0 ? -1 : f.message().indexOf('\'', start + 1);
        return end < 0 ? "(passthrough)" : f.message().substring(start + 1, end);
    }
}
