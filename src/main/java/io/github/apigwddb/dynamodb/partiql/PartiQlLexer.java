package io.github.apigwddb.dynamodb.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into {@link PartiQlToken}s as DynamoDB's PartiQL reads them: single-quoted strings and
 * double-quoted names (a doubled quote stands for itself), {@code ?} markers, numbers, words, symbols; whitespace and
 * comments ({@code --} to the line's end, {@code /* ... *}{@code /}) separate them. Stateless.
 */
public final class PartiQlLexer {

    /** Two-character symbols, tried before one-character ones. */
    private static final List<String> PAIRS = List.of("<<", ">>", "<=", ">=", "<>", "!=", "||");

    private PartiQlLexer() {
    }

    /** @throws PartiQlSyntaxException when a string, quoted name or comment is not closed */
    public static List<PartiQlToken> tokens(String statement) throws PartiQlSyntaxException {
        List<PartiQlToken> tokens = new ArrayList<>();
        int i = 0;
        int length = statement.length();
        while (i < length) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (statement.startsWith("--", i)) {
                int end = statement.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (statement.startsWith("/*", i)) {
                int end = statement.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new PartiQlSyntaxException("the comment opened at character " + (i + 1) + " is not closed", i);
                }
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                int end = closingQuote(statement, i);
                if (end < 0) {
                    throw new PartiQlSyntaxException((c == '\'' ? "the string" : "the quoted name") + " opened at character " + (i + 1)
                            + " is not closed (" + c + c + " inside it stands for one " + c + ")", i);
                }
                String content = statement.substring(i + 1, end).replace(String.valueOf(c) + c, String.valueOf(c));
                tokens.add(new PartiQlToken(c == '\'' ? PartiQlToken.Type.STRING : PartiQlToken.Type.QUOTED_NAME, content, i));
                i = end + 1;
            } else if (c == '?') {
                tokens.add(new PartiQlToken(PartiQlToken.Type.PARAMETER, "?", i));
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(statement.charAt(i + 1)))) {
                int end = numberEnd(statement, i);
                tokens.add(new PartiQlToken(PartiQlToken.Type.NUMBER, statement.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '_'
                        || statement.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new PartiQlToken(PartiQlToken.Type.WORD, statement.substring(i, end), i));
                i = end;
            } else {
                int start = i;
                String pair = PAIRS.stream().filter(p -> statement.startsWith(p, start)).findFirst().orElse(null);
                String symbol = pair != null ? pair : String.valueOf(c);
                tokens.add(new PartiQlToken(PartiQlToken.Type.SYMBOL, symbol, i));
                i += symbol.length();
            }
        }
        return tokens;
    }

    /** The index of the quote that closes the one at {@code open}, or -1; a doubled quote does not close. */
    private static int closingQuote(String statement, int open) {
        char quote = statement.charAt(open);
        for (int i = open + 1; i < statement.length(); i++) {
            if (statement.charAt(i) == quote) {
                if (i + 1 < statement.length() && statement.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int numberEnd(String statement, int start) {
        int i = start;
        while (i < statement.length() && Character.isDigit(statement.charAt(i))) {
            i++;
        }
        if (i < statement.length() && statement.charAt(i) == '.') {
            i++;
            while (i < statement.length() && Character.isDigit(statement.charAt(i))) {
                i++;
            }
        }
        if (i + 1 < statement.length() && (statement.charAt(i) == 'e' || statement.charAt(i) == 'E')) {
            int j = i + 1;
            if (statement.charAt(j) == '+' || statement.charAt(j) == '-') {
                j++;
            }
            if (j < statement.length() && Character.isDigit(statement.charAt(j))) {
                i = j;
                while (i < statement.length() && Character.isDigit(statement.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }
}
