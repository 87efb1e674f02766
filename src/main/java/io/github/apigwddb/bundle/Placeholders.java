package io.github.apigwddb.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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

    /** Text before an account id: {@code arn:aws:iam::}. */
    private static final Pattern ARN_ACCOUNT = Pattern.compile("(?s).*arn:[a-z-]*:iam::");
    /** Text before a region: {@code arn:aws:apigateway:}. */
    private static final Pattern ARN_REGION = Pattern.compile("(?s).*arn:[a-z-]*:[a-z0-9-]+:");

    private Placeholders() {
    }

    /** A placeholder the check filled with a stand-in for want of a value: the string's JSON pointer, its name, the stand-in. */
    public record StandIn(String pointer, String name, String value) {
    }

    /**
     * Fills the placeholders in every string of a tree, in place, so that the check sees what is deployed: with its
     * value, else with a stand-in of the shape its place wants (an account id after {@code arn:aws:iam::}, a region in
     * an ARN's region field, a role ARN for {@code credentials}, else its name, which is a valid table name), as
     * CloudFormation's unknown {@code ${Name}}s get (CFN005). Positions stay those of the file.
     *
     * @return the stand-ins used, in document order
     */
    public static List<StandIn> fillTree(JsonNode root, Map<String, String> values) {
        List<StandIn> standIns = new ArrayList<>();
        fill(root, "", values, standIns);
        return standIns;
    }

    private static void fill(JsonNode node, String pointer, Map<String, String> values, List<StandIn> standIns) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                String child = JsonPointers.child(pointer, name);
                if (value.isTextual() && value.asText().contains(OPEN)) {
                    object.set(name, TextNode.valueOf(filled(value.asText(), child, name, values, standIns)));
                } else {
                    fill(value, child, values, standIns);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String child = JsonPointers.child(pointer, i);
                if (array.get(i).isTextual() && array.get(i).asText().contains(OPEN)) {
                    array.set(i, TextNode.valueOf(filled(array.get(i).asText(), child, "", values, standIns)));
                } else {
                    fill(array.get(i), child, values, standIns);
                }
            }
        }
    }

    private static String filled(String text, String pointer, String member, Map<String, String> values, List<StandIn> standIns) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int start = text.indexOf(OPEN); start >= 0; start = text.indexOf(OPEN, from)) {
            int end = text.indexOf(CLOSE, start + OPEN.length());
            if (end < 0) {
                break;
            }
            String name = text.substring(start + OPEN.length(), end).trim();
            out.append(text, from, start);
            String value = values.get(name);
            if (value == null) {
                value = standIn(name, member, text, out);
                standIns.add(new StandIn(pointer, name, value));
            }
            out.append(value);
            from = end + CLOSE.length();
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    /** What a placeholder without value is checked as, by where it stands; {@code before} is the text before it. */
    private static String standIn(String name, String member, String text, CharSequence before) {
        String lower = name.toLowerCase(Locale.ROOT);
        String prefix = before.toString();
        if (ARN_ACCOUNT.matcher(prefix).matches() || lower.contains("account")) {
            return "123456789012";
        }
        if (ARN_REGION.matcher(prefix).matches() || lower.contains("region")) {
            return "us-east-1";
        }
        if (prefix.equals("arn:") || lower.contains("partition")) {
            return "aws";
        }
        if (member.equals("credentials") && text.strip().equals(OPEN + name + CLOSE)) {
            return "arn:aws:iam::123456789012:role/" + name.replaceAll("[^A-Za-z0-9+=,.@_-]", "-");
        }
        String word = name.replaceAll("[^A-Za-z0-9_.-]", "-");
        return word.length() >= 3 ? word : (word + "___").substring(0, 3);
    }
}
