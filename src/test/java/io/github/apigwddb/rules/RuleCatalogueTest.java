package io.github.apigwddb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue and its documentation agree: every rule has a complete page and a description, every page a rule.
 * That the pages' examples behave as the pages say is {@link RuleDocsExamplesTest}.
 */
class RuleCatalogueTest {

    private static final Path PAGES = Path.of("docs/rules");

    private static final List<String> SECTIONS = List.of("## What it checks", "## Why", "## Failing example", "## Passing example",
            "## How to fix");

    @Test
    void everyRuleHasItsPage() {
        List<String> missing = Arrays.stream(Rule.values())
                .filter(rule -> !Files.isRegularFile(page(rule)))
                .map(Rule::id).toList();
        assertThat(missing).as("rules without docs/rules/<ID>.md").isEmpty();
    }

    @Test
    void everyPageNamesAnExistingRule() throws IOException {
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> files = Files.list(PAGES)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                    .map(n -> n.substring(0, n.length() - 3)).filter(id -> Rule.byId(id).isEmpty() || !Rule.byId(id).get().id().equals(id))
                    .forEach(orphans::add);
        }
        assertThat(orphans).as("pages whose name is no rule id").isEmpty();
    }

    @Test
    void everyPageHasItsTitleAndAllSections() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            if (!Files.isRegularFile(page(rule))) {
                continue;
            }
            String text = Files.readString(page(rule));
            if (!text.startsWith("# " + rule.id() + ": " + rule.title() + "\n")) {
                problems.add(rule.id() + ": first line is not '# " + rule.id() + ": " + rule.title() + "'");
            }
            if (!text.contains("\n\nDefault severity: **" + rule.defaultSeverity().id() + "**")) {
                problems.add(rule.id() + ": third line does not say 'Default severity: **" + rule.defaultSeverity().id() + "**'");
            }
            int previous = -1;
            for (String section : SECTIONS) {
                int at = text.indexOf("\n" + section + "\n");
                if (at < 0) {
                    problems.add(rule.id() + ": no section '" + section + "'");
                } else if (at < previous) {
                    problems.add(rule.id() + ": section '" + section + "' out of order");
                } else {
                    previous = at;
                    String body = text.substring(at + section.length() + 2).split("\n## ", 2)[0];
                    if (body.isBlank()) {
                        problems.add(rule.id() + ": section '" + section + "' is empty");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theIndexListsEveryRuleAndNoOther() throws IOException {
        String index = Files.readString(PAGES.resolve("README.md"));
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("^\\| \\[([A-Z]+\\d{3})]\\(\\1\\.md\\) \\| (\\w+) \\| (.*) \\|$", Pattern.MULTILINE).matcher(index);
        while (m.find()) {
            listed.add(m.group(1));
            Rule rule = Rule.byId(m.group(1)).orElse(null);
            assertThat(rule).as("index entry " + m.group(1)).isNotNull();
            assertThat(m.group(2)).as("default severity of " + m.group(1) + " in the index").isEqualTo(rule.defaultSeverity().id());
            assertThat(m.group(3)).as("title of " + m.group(1) + " in the index").isEqualTo(rule.title());
        }
        assertThat(listed).containsExactlyElementsOf(Arrays.stream(Rule.values()).map(Rule::id).toList());
    }

    @Test
    void everyRuleHasADescription() {
        assertThat(Arrays.stream(Rule.values()).filter(r -> !RuleDescriptions.has(r)).map(Rule::id)).isEmpty();
        assertThat(Rule.AGW006.description()).contains("POST").doesNotContain("`");
    }

    private static Path page(Rule rule) {
        return PAGES.resolve(rule.id() + ".md");
    }
}
