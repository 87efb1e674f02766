package io.github.apigwddb.dynamodb.partiql;

import java.util.Locale;

/**
 * One token of a PartiQL statement as DynamoDB reads it.
 *
 * @param offset where it starts in the statement (0-based)
 */
public record PartiQlToken(Type type, String text, int offset) {

    public enum Type {
        /** A bare word: a keyword ({@code SELECT}, {@code WHERE}) or an unquoted name. */
        WORD,
        /** A name in double quotes, {@code "Orders"}; {@code ""} stands for one quote. */
        QUOTED_NAME,
        /** A string in single quotes, {@code 'ACCT#1'}; {@code ''} stands for one apostrophe. */
        STRING,
        NUMBER,
        /** A parameter marker, {@code ?}, bound to an element of {@code Parameters}. */
        PARAMETER,
        /** An operator or punctuation: {@code =}, {@code <>}, {@code <<}, {@code ,}, {@code .}... */
        SYMBOL
    }

    /**
     * What the token adds to the statement's structure: its type, and for a word or symbol its text (a keyword is a
     * keyword in any case); a literal's or name's text is data, not structure.
     */
    public String structure() {
        return switch (type) {
            case WORD -> "WORD " + text.toUpperCase(Locale.ROOT);
            case SYMBOL, PARAMETER -> type + " " + text;
            default -> type.name();
        };
    }
}
