package io.github.apigwddb.integration;

import io.github.apigwddb.spec.TextEdits;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders of another templating tool in a definition that is itself a template (Terraform's
 * {@code templatefile} writes {@code ${table_name}}): filled in before API Gateway ever sees the text. In VTL
 * {@code ${name}} reads a variable; a name the template never sets and that is none of API Gateway's
 * ({@code $input}, {@code $util}, {@code $context}, {@code $stageVariables}) can only be such a placeholder.
 */
public final class ToolPlaceholders {

    private static final Set<String> VTL_ROOTS = Set.of("input", "util", "context", "stageVariables", "foreach", "velocityCount");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** Variables the template defines itself: #set($x ...) and #foreach($x in ...). */
    private static final Pattern DEFINED = Pattern.compile("#\\{?(?:set|foreach)}?\\s*\\(\\s*\\$!?\\{?([A-Za-z_][A-Za-z0-9_]*)");

    private ToolPlaceholders() {
    }

    /** The placeholder names in {@code text}, in order of appearance. */
    public static Set<String> find(String text) {
        if (!text.contains("${")) {
            return Set.of();
        }
        Set<String> defined = new LinkedHashSet<>();
        Matcher definitions = DEFINED.matcher(text);
        while (definitions.find()) {
            defined.add(definitions.group(1));
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            String name = placeholders.group(1);
            if (!VTL_ROOTS.contains(name) && !defined.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Fills the given placeholders with their value, or their own name as a stand-in. */
    public static String substitute(String text, Set<String> names, Map<String, String> values) {
        return substitute(text, names, values, new TextEdits());
    }

    /** {@link #substitute(String, Set, Map)}, noting in {@code edits} the spans it replaced. */
    public static String substitute(String text, Set<String> names, Map<String, String> values, TextEdits edits) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            String name = placeholders.group(1);
            String replacement = names.contains(name) ? values.getOrDefault(name, name) : placeholders.group();
            edits.replaced(placeholders.start(), placeholders.end() - placeholders.start(), replacement.length());
            placeholders.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        placeholders.appendTail(out);
        return out.toString();
    }

    /** Whether the whole template is one placeholder (the tool inserts the template itself). */
    public static boolean isWholeTemplate(String text, Set<String> names) {
        Matcher matcher = PLACEHOLDER.matcher(text.strip());
        return matcher.matches() && names.contains(matcher.group(1));
    }
}
