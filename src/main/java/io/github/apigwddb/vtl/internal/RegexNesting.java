package io.github.apigwddb.vtl.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deeply a Java regular expression nests repetitions: {@code a*} is 1, {@code (a*)*} 2, {@code ((a*)+){2,}} 3. The
 * JDK's matcher backtracks through nested repetitions in time exponential in their depth, and beyond about ten levels
 * it does so for seconds without reading a character, where {@link DeadlineCharSequence} could stop it; a template's
 * regex nested deeper than {@link #MAX_DEPTH} is therefore not run. A scan of the pattern's tokens (escapes, classes,
 * groups, quantifiers), not a parser: a pattern the JDK refuses is refused by it afterwards.
 */
final class RegexNesting {

    /** Matching a depth of 8 stops within tens of milliseconds of the deadline (measured: the longest gap between reads). */
    static final int MAX_DEPTH = 8;

    private RegexNesting() {
    }

    /**
     * The deepest nesting, read twice: with character classes skipped, and with their brackets taken as plain characters,
     * the larger counting. A scan can misjudge where a class ends ({@code [a\\Q[\\E]}, a {@code [} inside a
     * {@code (?x)} comment), and groups it then takes for class members would hide the nesting: over-counting a class's
     * parentheses only refuses an odd regex, under-counting lets one hang the build.
     */
    static int depth(String regex) {
        return Math.max(depth(regex, true), depth(regex, false));
    }

    private static int depth(String regex, boolean classes) {
        Deque<int[]> groups = new ArrayDeque<>(); // each: the deepest repetition inside the open group
        groups.push(new int[] {0});
        int atom = -1; // depth of the atom a quantifier would repeat; -1 when there is none
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    i = afterEscape(regex, i);
                    atom = 0;
                    continue;
                }
                case '[' -> {
                    i = classes ? afterClass(regex, i) : i + 1;
                    atom = 0;
                    continue;
                }
                case '(' -> {
                    groups.push(new int[] {0});
                    atom = -1;
                }
                case ')' -> {
                    int inside = groups.size() > 1 ? groups.pop()[0] : 0;
                    atom = inside;
                    groups.peek()[0] = Math.max(groups.peek()[0], inside);
                }
                case '|' -> atom = -1;
                case '*', '+', '?', '{' -> {
                    int end = c == '{' ? afterBraces(regex, i) : i + 1;
                    if (end < 0 || atom < 0) {
                        atom = 0; // a literal brace, or a quantifier with nothing to repeat (the JDK refuses it)
                        break;
                    }
                    atom = atom + 1;
                    groups.peek()[0] = Math.max(groups.peek()[0], atom);
                    i = end;
                    if (i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
                        i++; // lazy or possessive
                    }
                    atom = -1; // a quantifier is not repeated again
                    continue;
                }
                default -> atom = 0;
            }
            i++;
        }
        while (groups.size() > 1) { // groups left open (a parenthesis the other reading took for a class member)
            int inside = groups.pop()[0];
            groups.peek()[0] = Math.max(groups.peek()[0], inside);
        }
        return groups.getLast()[0];
    }

    /** After {@code \x}, or after a {@code \Q...\E} quotation. */
    private static int afterEscape(String regex, int at) {
        if (at + 1 < regex.length() && regex.charAt(at + 1) == 'Q') {
            int end = regex.indexOf("\\E", at + 2);
            return end < 0 ? regex.length() : end + 2;
        }
        return Math.min(regex.length(), at + 2);
    }

    /** After a character class, nested classes ({@code [a-z&&[^e]]}) and escapes included. */
    private static int afterClass(String regex, int at) {
        int depth = 0;
        int i = at;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']' && depth == 1) {
                    i++; // []...] : a leading ] is literal
                }
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return regex.length();
    }

    /** After {@code {n}}, {@code {n,}} or {@code {n,m}}; -1 when the brace starts no quantifier. */
    private static int afterBraces(String regex, int at) {
        int i = at + 1;
        int digits = 0;
        while (i < regex.length() && (Character.isDigit(regex.charAt(i)) || regex.charAt(i) == ',')) {
            digits += Character.isDigit(regex.charAt(i)) ? 1 : 0;
            i++;
        }
        return digits > 0 && i < regex.length() && regex.charAt(i) == '}' ? i + 1 : -1;
    }
}
