package io.github.apigwddb.dynamodb.expression;

import java.util.Locale;

/** One token with its source offsets ({@code start} inclusive, {@code end} exclusive). */
public record Token(TokenType type, String text, int start, int end) {

    /** Whether this is the given keyword (keywords are case-insensitive identifiers). */
    public boolean isKeyword(String keyword) {
        return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** How DynamoDB names the token in syntax errors. */
    public String display() {
        return type == TokenType.EOF ? "<EOF>" : text;
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
