package io.github.apigwddb.bundle;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Deployment placeholders {@code {{apigw:name}}}. The syntax cannot be read as VTL ({@code $x}, {@code ${x}}),
 * as CloudFormation ({@code ${AWS::Region}}, {@code {{resolve:...}}}) or as Maven filtering ({@code ${x}},
 * {@code @x@}), so a template keeps meaning what it says.
 */
public final class Placeholders {

    public static final String OPEN = "{{apigw:";
    static final String CLOSE = "}}";

    private Placeholders() {
    }

    /**
     * Fills known placeholders in every string of a tree, in place (unknown ones stay: the check renders what
     * it can; the bundle reports them). Positions stay those of the file, which is what findings should show.
     */
    public static void fillTree(com.fasterxml.jackson.databind.JsonNode node, java.util.Map<String, String> values) {
        if (node.isObject()) {
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            var fields = object.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (field.getValue().isTextual() && field.getValue().asText().contains(OPEN)) {
                    field.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(substitute(field.getValue().asText(), values::get, name -> { })));
                } else {
                    fillTree(field.getValue(), values);
                }
            }
        } else if (node.isArray()) {
            var array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual() && array.get(i).asText().contains(OPEN)) {
                    array.set(i, com.fasterxml.jackson.databind.node.TextNode.valueOf(substitute(array.get(i).asText(), values::get, name -> { })));
                } else {
                    fillTree(array.get(i), values);
                }
            }
        }
    }

    /**
     * Replaces every placeholder in {@code text}; a name {@code values} does not know is passed to
     * {@code unresolved} and left in place.
     */
    static String substitute(String text, Function<String, String> values, Consumer<String> unresolved) {
        int start = text.indexOf(OPEN);
        if (start < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (start >= 0) {
            int end = text.indexOf(CLOSE, start + OPEN.length());
            if (end < 0) {
                break;
            }
            String name = text.substring(start + OPEN.length(), end).trim();
            String value = values.apply(name);
            out.append(text, from, start);
            if (value == null) {
                unresolved.accept(name);
                out.append(text, start, end + CLOSE.length());
            } else {
                out.append(value);
            }
            from = end + CLOSE.length();
            start = text.indexOf(OPEN, from);
        }
        out.append(text, from, text.length());
        return out.toString();
    }
}
