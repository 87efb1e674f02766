package io.github.apigwddb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue and its documentation agree: every rule has a complete page and a description, every page a rule. */
class RuleCatalogueTest {

    private static final Path PAGES = Path.of("docs/rules");

    /**
     * Rule groups whose pages are written on another branch. Remove this once both branches are merged:
     * from then on a missing DDB/DDX page fails like any other.
     */
    private static final Set<String> PAGES_WRITTEN_ON_ANOTHER_BRANCH = Set.of("DDB", "DDX");

    private static final List<String> SECTIONS = List.of("## What it checks", "## Why", "## Failing example", "## Passing example",
            "## How to fix");
    private static final Pattern FIRST_FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyRuleHasItsPage() {
        List<String> missing = Arrays.stream(Rule.values())
                .filter(rule -> !Files.isRegularFile(page(rule)))
                .filter(rule -> !PAGES_WRITTEN_ON_ANOTHER_BRANCH.contains(prefix(rule)))
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
        Matcher m = Pattern.compile("^\\| \\[([A-Z]+\\d{3})]\\(\\1\\.md\\) \\| (\\w+) \\|", Pattern.MULTILINE).matcher(index);
        while (m.find()) {
            listed.add(m.group(1));
            Rule rule = Rule.byId(m.group(1)).orElse(null);
            assertThat(rule).as("index entry " + m.group(1)).isNotNull();
            assertThat(m.group(2)).as("default severity of " + m.group(1) + " in the index").isEqualTo(rule.defaultSeverity().id());
        }
        assertThat(listed).containsExactlyElementsOf(Arrays.stream(Rule.values()).map(Rule::id).toList());
    }

    @Test
    void everyRuleHasADescription() {
        assertThat(Arrays.stream(Rule.values()).filter(r -> !RuleDescriptions.has(r)).map(Rule::id)).isEmpty();
        assertThat(Rule.AGW006.description()).contains("POST").doesNotContain("`");
    }

    /**
     * The examples of pages that show a whole definition are run through the check: the failing one must
     * raise the rule, the passing one must not. So the pages cannot drift from what the plugin does.
     */
    @Test
    void wholeDefinitionExamplesBehaveAsThePageSays(@TempDir Path dir) throws IOException {
        int checked = 0;
        for (Rule rule : Rule.values()) {
            if (!Files.isRegularFile(page(rule))) {
                continue;
            }
            String text = Files.readString(page(rule));
            String failing = definitionIn(section(text, "## Failing example"));
            String passing = definitionIn(section(text, "## Passing example"));
            if (failing == null || passing == null) {
                continue;
            }
            assertThat(rulesRaisedBy(failing, dir.resolve(rule.id() + "-failing.yaml"))).as(rule.id() + " failing example").contains(rule);
            assertThat(rulesRaisedBy(passing, dir.resolve(rule.id() + "-passing.yaml"))).as(rule.id() + " passing example").doesNotContain(rule);
            checked++;
        }
        assertThat(checked).as("pages with whole-definition examples").isGreaterThanOrEqualTo(15);
    }

    private static List<Rule> rulesRaisedBy(String definition, Path file) throws IOException {
        Files.writeString(file, definition);
        return new CheckEngine().run(new CheckRequest(List.of(file), file.getParent().resolve("no-examples"), Map.of(), 1), CheckLog.SILENT)
                .findings().stream().map(Finding::rule).toList();
    }

    private static String section(String text, String heading) {
        int at = text.indexOf("\n" + heading + "\n");
        return at < 0 ? "" : text.substring(at + heading.length() + 2).split("\n## ", 2)[0];
    }

    /** The section's first fenced block when it is a whole YAML definition. */
    private static String definitionIn(String section) {
        Matcher fence = FIRST_FENCE.matcher(section);
        if (!fence.find() || !fence.group(1).equals("yaml") || !fence.group(2).startsWith("openapi:") || !fence.group(2).contains("paths:")) {
            return null;
        }
        return fence.group(2);
    }

    private static Path page(Rule rule) {
        return PAGES.resolve(rule.id() + ".md");
    }

    private static String prefix(Rule rule) {
        return rule.id().replaceAll("\\d", "");
    }
}
