package io.github.apigwddb.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; never fails, unknown characters become INVALID tokens for the parser to report. */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            if (isIdentifierStart(c)) {
                i = skipWord(text, i + 1);
                tokens.add(new Token(TokenType.IDENTIFIER, text.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                    i++;
                }
                tokens.add(new Token(TokenType.INDEX, text.substring(start, i), start, i));
            } else if ((c == '#' || c == ':') && i + 1 < text.length() && isWordChar(text.charAt(i + 1))) {
                i = skipWord(text, i + 1);
                TokenType type = c == '#' ? TokenType.NAME_PLACEHOLDER : TokenType.VALUE_PLACEHOLDER;
                tokens.add(new Token(type, text.substring(start, i), start, i));
            } else {
                TokenType type = symbol(c, i + 1 < text.length() ? text.charAt(i + 1) : '\0');
                int length = type == TokenType.LE || type == TokenType.GE || type == TokenType.NE ? 2 : 1;
                if (type == TokenType.INVALID && Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    length = 2;
                }
                i += length;
                tokens.add(new Token(type, text.substring(start, i), start, i));
            }
        }
        tokens.add(new Token(TokenType.EOF, "", text.length(), text.length()));
        return tokens;
    }

    private static TokenType symbol(char c, char next) {
        return switch (c) {
            case '=' -> TokenType.EQ;
            case '<' -> next == '=' ? TokenType.LE : next == '>' ? TokenType.NE : TokenType.LT;
            case '>' -> next == '=' ? TokenType.GE : TokenType.GT;
            case '+' -> TokenType.PLUS;
            case '-' -> TokenType.MINUS;
            case '(' -> TokenType.LPAREN;
            case ')' -> TokenType.RPAREN;
            case '[' -> TokenType.LBRACKET;
            case ']' -> TokenType.RBRACKET;
            case ',' -> TokenType.COMMA;
            case '.' -> TokenType.DOT;
            default -> TokenType.INVALID;
        };
    }

    /** Letters start identifiers; {@code _} is accepted too (dynalite does) and flagged later as needing a placeholder. */
    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordChar(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private static int skipWord(String text, int from) {
        int i = from;
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
