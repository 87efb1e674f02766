package io.github.apigwddb.dynamodb.expression;

/** Lexical tokens of DynamoDB expressions (AWS DAX {@code Tokens.g4}). */
public enum TokenType {
    IDENTIFIER, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, INDEX,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
    LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
    /** A character no token starts with, or a lone {@code #} or {@code :}. */
    INVALID,
    EOF
}
