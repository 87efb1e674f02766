package io.github.apigwddb.security;

import java.util.List;

/**
 * A value a client can send in any input, and how a message shows it (several are invisible or unwieldy).
 *
 * @param text the value as the client sends it (already URL-decoded, as API Gateway hands it to templates)
 * @param label how findings quote it
 */
public record HostileValue(String text, String label) {

    /** Breaks out of a JSON string and adds a member: the injection an attacker would try first. */
    public static final HostileValue ADD_MEMBER = new HostileValue("\",\"TableName\":\"Other", "'\",\"TableName\":\"Other'");
    /** Closes the enclosing object and opens new members around it. */
    public static final HostileValue CLOSE_OBJECT = new HostileValue("\"}, \"Limit\": 1, \"x\": {\"", "'\"}, \"Limit\": 1, \"x\": {\"'");
    public static final HostileValue QUOTE = new HostileValue("\"", "a double quote (\")");
    public static final HostileValue BACKSLASH = new HostileValue("\\", "a backslash (\\)");
    /** {@code $util.escapeJavaScript} turns it into {@code \'}, which JSON does not allow. */
    public static final HostileValue APOSTROPHE = new HostileValue("'", "an apostrophe (')");
    public static final HostileValue NEWLINE = new HostileValue("\n", "a newline (\\n)");
    public static final HostileValue CONTROL = new HostileValue("\u0001", "a control character (U+0001)");
    public static final HostileValue NON_BMP = new HostileValue("\uD83D\uDE00", "an emoji outside the BMP (U+1F600)");
    /** Long, but far from every DynamoDB size limit except the ones the probe ignores. */
    public static final HostileValue LONG = new HostileValue("a".repeat(1000), "a 1,000-character string");

    /** In the order findings prefer them: when several break a request, the first one is shown. */
    public static final List<HostileValue> ALL = List.of(ADD_MEMBER, CLOSE_OBJECT, QUOTE, BACKSLASH, APOSTROPHE, NEWLINE, CONTROL,
            NON_BMP, LONG);

    /**
     * Numbers a loose check of the form lets through ({@code matches('^[0-9]+$')}, {@code '^-?[0-9]{1,4}$'}), tried where a
     * template checks an input before writing it, which every value of {@link #ALL} fails: a leading zero, which JSON refuses
     * in a number; zero and a negative number, below the minimum of Limit, TopK, TotalSegments (1) and Segment (0); a 40-digit
     * number, beyond a 32-bit integer and a Number's 38 digits. No decimal or exponent: DynamoDB's answer to 1.5 in an
     * integer member is not documented (dynalite's recorded type errors of Integer leave numbers out), and no empty
     * value: an absent parameter is VTL009's.
     */
    public static final HostileValue LEADING_ZERO = new HostileValue("007", "'007' (a number with a leading zero)");
    public static final HostileValue ZERO = new HostileValue("0", "'0'");
    public static final HostileValue NEGATIVE = new HostileValue("-1", "'-1' (a negative number)");
    public static final HostileValue HUGE = new HostileValue("1234567890".repeat(4), "a 40-digit number");

    /** In the order findings prefer them, as {@link #ALL}. */
    public static final List<HostileValue> NUMBERS = List.of(LEADING_ZERO, ZERO, NEGATIVE, HUGE);

    /**
     * The given values in one text, the backslash last so it meets the template's own closing quote as it does on its
     * own. A probe renders it first, so that one render can stand for several (see {@code InjectionProbe}); never
     * reported: an input it breaks is probed value by value.
     */
    static HostileValue together(List<HostileValue> values) {
        StringBuilder text = new StringBuilder();
        values.stream().filter(v -> v != BACKSLASH).forEach(v -> text.append(v.text()));
        if (values.contains(BACKSLASH)) {
            text.append(BACKSLASH.text());
        }
        return new HostileValue(text.toString(), "all of " + values);
    }

    @Override
    public String toString() {
        return label;
    }
}
