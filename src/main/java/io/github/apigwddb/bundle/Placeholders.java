package io.github.apigwddb.bundle;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Deployment placeholders {@code {{apigw:name}}}. The syntax cannot be read as VTL ({@code $x}, {@code ${x}}),
 * as CloudFormation ({@code ${AWS::Region}}, {@code {{resolve:...}}}) or as Maven filtering ({@code ${x}},
 * {@code @x@}), so a template keeps meaning what it says.
 */
final class Placeholders {

    static final String OPEN = "{{apigw:";
    static final String CLOSE = "}}";

    private Placeholders() {
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
