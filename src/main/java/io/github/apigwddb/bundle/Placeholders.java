package io.github.apigwddb.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.apigwddb.spec.TextEdits;
import io.github.apigwddb.spec.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Deployment placeholders {@code {{apigw:name}}}. The syntax cannot be read as VTL ({@code $x}, {@code ${x}}),
 * as CloudFormation ({@code ${AWS::Region}}, {@code {{resolve:...}}}) or as Maven filtering ({@code ${x}},
 * {@code @x@}), so a template keeps meaning what it says.
 */
public final class Placeholders {

    public static final String OPEN = "{{apigw:";
    static final String CLOSE = "}}";

    /** A value position in JSON text: after a colon, no quote opened. */
    private static final Pattern BARE_VALUE = Pattern.compile("(?s).*:\\s*");
    /** Inside the string of a DynamoDB number: {@code "N": "}. */
    private static final Pattern NUMBER_STRING = Pattern.compile("(?s).*\"N\"\\s*:\\s*\"");

    private Placeholders() {
    }

    /**
     * One placeholder replaced: where in the original string, how long it was, and what took its place.
     *
     * @param block whether it stands alone on a line of a text of several lines: it inserts text (a block of template,
     *     which may set variables), not a word
     */
    public record Substitution(int offset, int length, String name, String value, boolean standIn, boolean block) {
    }

    /**
     * A string of the tree with placeholders: its JSON pointer, its text as written, what replaced each placeholder (in
     * order), and the spans that changed, so that a position in the filled text can be turned back into one in the text
     * as written.
     */
    public record Filled(String pointer, String original, List<Substitution> substitutions, TextEdits edits) {

        public List<Substitution> standIns() {
            return substitutions.stream().filter(Substitution::standIn).toList();
        }
    }

    /**
     * Fills the placeholders in every string of a tree, in place, so that the check sees what is deployed: with its
     * value, else with a stand-in of the shape its place wants (see {@link #standIn}), as CloudFormation's unknown
     * {@code ${Name}}s get (CFN005).
     *
     * @return the strings that held placeholders, in document order
     */
    public static List<Filled> fillTree(JsonNode root, Map<String, String> values) {
        List<Filled> filled = new ArrayList<>();
        fill(root, "", values, filled);
        return filled;
    }

    private static void fill(JsonNode node, String pointer, Map<String, String> values, List<Filled> filled) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                String child = JsonPointers.child(pointer, name);
                if (value.isTextual() && value.asText().contains(OPEN)) {
                    object.set(name, TextNode.valueOf(filled(value.asText(), child, name, values, filled)));
                } else {
                    fill(value, child, values, filled);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String child = JsonPointers.child(pointer, i);
                if (array.get(i).isTextual() && array.get(i).asText().contains(OPEN)) {
                    array.set(i, TextNode.valueOf(filled(array.get(i).asText(), child, "", values, filled)));
                } else {
                    fill(array.get(i), child, values, filled);
                }
            }
        }
    }

    private static String filled(String text, String pointer, String member, Map<String, String> values, List<Filled> filled) {
        StringBuilder out = new StringBuilder(text.length());
        List<Substitution> substitutions = new ArrayList<>();
        int from = 0;
        for (int start = text.indexOf(OPEN); start >= 0; start = text.indexOf(OPEN, from)) {
            int end = text.indexOf(CLOSE, start + OPEN.length());
            if (end < 0) {
                break;
            }
            String name = text.substring(start + OPEN.length(), end).trim();
            out.append(text, from, start);
            String value = values.get(name);
            boolean standIn = value == null;
            if (standIn) {
                boolean whole = text.substring(0, start).isBlank() && text.substring(end + CLOSE.length()).isBlank();
                value = standIn(name, member, whole, out);
            }
            int lineStart = text.lastIndexOf('\n', start - 1) + 1;
            int lineEnd = text.indexOf('\n', end);
            boolean block = text.indexOf('\n') >= 0 && text.substring(lineStart, start).isBlank()
                    && text.substring(end + CLOSE.length(), lineEnd < 0 ? text.length() : lineEnd).isBlank();
            substitutions.add(new Substitution(start, end + CLOSE.length() - start, name, value, standIn, block));
            out.append(value);
            from = end + CLOSE.length();
        }
        out.append(text, from, text.length());
        TextEdits edits = new TextEdits();
        substitutions.forEach(sub -> edits.replaced(sub.offset(), sub.length(), sub.value().length()));
        filled.add(new Filled(pointer, text, List.copyOf(substitutions), edits));
        return out.toString();
    }

    /**
     * What a placeholder without value is checked as, by where it stands: in an ARN, the field it fills (partition
     * {@code aws}, region {@code us-east-1}, account {@code 123456789012}); a whole {@code credentials} value, a role
     * ARN; a whole {@code timeoutInMillis}, the default 29000; a number where JSON or a DynamoDB number wants one, {@code 1}; else its name, a valid table name.
     *
     * @param before the text before it, with the placeholders before it already filled
     */
    private static String standIn(String name, String member, boolean whole, CharSequence before) {
        String prefix = before.toString();
        int arn = prefix.lastIndexOf("arn:");
        if (arn >= 0 && prefix.substring(arn).matches("arn(:[A-Za-z0-9_.-]*)*:")) {
            // arn:partition:service:region:account:resource
            int field = (int) prefix.substring(arn).chars().filter(c -> c == ':').count();
            switch (field) {
                case 1: return "aws";
                case 3: return "us-east-1";
                case 4: return "123456789012";
                default: break;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("account")) {
            return "123456789012";
        }
        if (lower.contains("region")) {
            return "us-east-1";
        }
        if (lower.contains("partition")) {
            return "aws";
        }
        if (whole && member.equalsIgnoreCase("credentials")) {
            return "arn:aws:iam::123456789012:role/" + name.replaceAll("[^A-Za-z0-9+=,.@_-]", "-");
        }
        if (whole && member.equalsIgnoreCase("timeoutInMillis")) {
            return "29000"; // API Gateway's default
        }
        if (NUMBER_STRING.matcher(prefix).matches() || BARE_VALUE.matcher(prefix).matches()) {
            return "1";
        }
        String word = name.replaceAll("[^A-Za-z0-9_.-]", "-");
        return word.length() >= 3 ? word : (word + "___").substring(0, 3);
    }
}
