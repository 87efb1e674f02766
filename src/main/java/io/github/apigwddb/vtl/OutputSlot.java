package io.github.apigwddb.vtl;

/**
 * Where a template writes a reference's value in the JSON it outputs, judged from the template's literal text right
 * before the reference: in {@code "N": "$input.path('$.n')"} the value starts the string of member {@code N}, in
 * {@code "Limit": $input.params('limit')} it is the bare value of member {@code Limit}. Only that text counts: a
 * value kept by {@code #set} and written later, or written after other text inside the string, has an unknown slot.
 *
 * @param member the JSON member whose value the reference starts; null when unknown
 * @param quoted true when the reference starts the member's string value, false when it is the bare value
 */
public record OutputSlot(String member, boolean quoted) {

    public static final OutputSlot UNKNOWN = new OutputSlot(null, false);

    public boolean isKnown() {
        return member != null;
    }

    /**
     * The slot a reference fills when {@code before} is the template text just before it: a JSON member name, a
     * colon and, for a string value, its opening quote, with any whitespace between. The name must follow
     * {@code {} or {@code ,}, or open the text (after a directive), so a name-like text inside another string does not
     * count.
     */
    public static OutputSlot after(CharSequence before) {
        int at = skipSpaceBack(before, before.length() - 1);
        boolean quoted = at >= 0 && before.charAt(at) == '"';
        if (quoted) {
            at = skipSpaceBack(before, at - 1);
        }
        if (at < 0 || before.charAt(at) != ':') {
            return UNKNOWN;
        }
        at = skipSpaceBack(before, at - 1);
        if (at < 0 || before.charAt(at) != '"') {
            return UNKNOWN;
        }
        int close = at;
        int open = close - 1;
        while (open >= 0 && (before.charAt(open) != '"' || escaped(before, open))) {
            open--;
        }
        if (open < 0) {
            return UNKNOWN;
        }
        int preceding = skipSpaceBack(before, open - 1);
        // the name opens the known text, after a directive whose output is unknown (#end, then "Limit": on a line of its
        // own): a member too, as the directive ends where a member may begin
        if (preceding >= 0 && before.charAt(preceding) != '{' && before.charAt(preceding) != ',') {
            return UNKNOWN;
        }
        return new OutputSlot(before.subSequence(open + 1, close).toString(), quoted);
    }

    private static int skipSpaceBack(CharSequence text, int from) {
        int at = from;
        while (at >= 0 && Character.isWhitespace(text.charAt(at))) {
            at--;
        }
        return at;
    }

    /** Whether the character at {@code at} follows an odd number of backslashes. */
    private static boolean escaped(CharSequence text, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
