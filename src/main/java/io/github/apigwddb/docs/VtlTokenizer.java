package io.github.apigwddb.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a VTL mapping template into tokens for syntax highlighting: directives, references, string
 * literals, comments and the rest. Only for display: it never rejects input, and the tokens always join
 * back to the exact text. Template output (the JSON the template writes) is plain text; string literals are
 * recognised only where VTL code is, inside the parentheses of a directive or a method call.
 */
public final class VtlTokenizer {

    /** What a token is, for choosing its colour. */
    public enum Kind {
        TEXT, DIRECTIVE, REFERENCE, STRING, COMMENT
    }

    public record Token(Kind kind, String text) {
    }

    /** Velocity's directives; other {@code #words} (such as {@code #name} placeholders in expressions) are text. */
    private static final Set<String> DIRECTIVES = Set.of("set", "if", "elseif", "else", "end", "foreach", "break", "stop",
            "macro", "define", "parse", "include", "evaluate");

    /**
     * Brackets nested deeper than this are shown as plain text: no real template comes close, and the
     * recursive descent must not exhaust the stack on a hostile one (20,000 parentheses).
     */
    static final int MAX_CODE_DEPTH = 200;

    private final String text;
    private int depth;
    private final List<Token> tokens = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private Kind pendingKind = Kind.TEXT;
    private int pos;

    private VtlTokenizer(String text) {
        this.text = text;
    }

    public static List<Token> tokenize(String text) {
        VtlTokenizer tokenizer = new VtlTokenizer(text == null ? "" : text);
        tokenizer.template();
        tokenizer.flush();
        return List.copyOf(tokenizer.tokens);
    }

    /** Template text: output, with directives, references and comments in it. */
    private void template() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#' && startsWith("##")) {
                int end = text.indexOf('\n', pos);
                emit(Kind.COMMENT, end < 0 ? text.length() : end);
            } else if (c == '#' && startsWith("#*")) {
                int end = text.indexOf("*#", pos + 2);
                emit(Kind.COMMENT, end < 0 ? text.length() : end + 2);
            } else if (c == '#' && directiveEnd() > 0) {
                directive();
            } else if (c == '$' && referenceStart()) {
                reference();
            } else if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '$' || text.charAt(pos + 1) == '#')) {
                emit(Kind.TEXT, pos + 2); // an escaped $ or # is output as is
            } else {
                emit(Kind.TEXT, pos + 1);
            }
        }
    }

    /** {@code #name}, {@code #{name}}, then its arguments in parentheses when it has some. */
    private void directive() {
        emit(Kind.DIRECTIVE, directiveEnd());
        int look = pos;
        while (look < text.length() && (text.charAt(look) == ' ' || text.charAt(look) == '\t')) {
            look++;
        }
        if (look < text.length() && text.charAt(look) == '(') {
            emit(Kind.TEXT, look + 1);
            code(')');
        }
    }

    /** End of a directive name at {@code pos}, or -1 when the {@code #} starts none. */
    private int directiveEnd() {
        int start = pos + 1;
        boolean braced = start < text.length() && text.charAt(start) == '{';
        if (braced) {
            start++;
        }
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (!DIRECTIVES.contains(text.substring(start, end))) {
            return -1;
        }
        if (braced) {
            return end < text.length() && text.charAt(end) == '}' ? end + 1 : -1;
        }
        return end < text.length() && isIdentifierPart(text.charAt(end)) ? -1 : end;
    }

    private boolean referenceStart() {
        int next = pos + 1;
        if (next < text.length() && text.charAt(next) == '!') {
            next++;
        }
        if (next < text.length() && text.charAt(next) == '{') {
            next++;
        }
        return next < text.length() && isIdentifierStart(text.charAt(next));
    }

    /**
     * {@code $name}, {@code $!name}, {@code ${name}}, with {@code .member} steps, method arguments in
     * parentheses (VTL code) and {@code [index]} steps.
     */
    private void reference() {
        int end = pos + 1;
        if (text.charAt(end) == '!') {
            end++;
        }
        boolean braced = text.charAt(end) == '{';
        if (braced) {
            end++;
        }
        end = identifierEnd(end);
        emit(Kind.REFERENCE, end);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' && pos + 1 < text.length() && isIdentifierStart(text.charAt(pos + 1))) {
                emit(Kind.REFERENCE, identifierEnd(pos + 1));
            } else if (c == '(') {
                emit(Kind.TEXT, pos + 1);
                code(')');
            } else if (c == '[') {
                emit(Kind.TEXT, pos + 1);
                code(']');
            } else {
                break;
            }
        }
        if (braced && pos < text.length() && text.charAt(pos) == '}') {
            emit(Kind.REFERENCE, pos + 1);
        }
    }

    /** VTL code up to and including {@code close}: strings, references, nested brackets. */
    private void code(char close) {
        if (depth >= MAX_CODE_DEPTH) {
            emit(Kind.TEXT, text.length());
            return;
        }
        depth++;
        try {
            codeUpTo(close);
        } finally {
            depth--;
        }
    }

    private void codeUpTo(char close) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == close) {
                emit(Kind.TEXT, pos + 1);
                return;
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if (c == '$' && referenceStart()) {
                reference();
            } else if (c == '(') {
                emit(Kind.TEXT, pos + 1);
                code(')');
            } else if (c == '[') {
                emit(Kind.TEXT, pos + 1);
                code(']');
            } else if (c == '{') {
                emit(Kind.TEXT, pos + 1);
                code('}');
            } else {
                emit(Kind.TEXT, pos + 1);
            }
        }
    }

    /** A string literal; references inside a double-quoted one are interpolated, so shown as references. */
    private void string(char quote) {
        emit(Kind.STRING, pos + 1);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == quote) {
                emit(Kind.STRING, pos + 1);
                return;
            } else if (quote == '"' && c == '$' && referenceStart()) {
                referenceInString();
            } else {
                emit(Kind.STRING, pos + 1);
            }
        }
    }

    /** A reference inside a string: steps and arguments, but quotes of the enclosing string end it. */
    private void referenceInString() {
        int end = pos + 1;
        if (text.charAt(end) == '!') {
            end++;
        }
        boolean braced = text.charAt(end) == '{';
        if (braced) {
            end++;
        }
        emit(Kind.REFERENCE, identifierEnd(end));
        while (pos + 1 < text.length() && text.charAt(pos) == '.' && isIdentifierStart(text.charAt(pos + 1))) {
            emit(Kind.REFERENCE, identifierEnd(pos + 1));
        }
        if (braced && pos < text.length() && text.charAt(pos) == '}') {
            emit(Kind.REFERENCE, pos + 1);
        }
    }

    private int identifierEnd(int from) {
        int end = from;
        while (end < text.length() && isIdentifierPart(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private boolean startsWith(String prefix) {
        return text.startsWith(prefix, pos);
    }

    /** Adds text up to {@code end} as {@code kind}, merging with the previous token of the same kind. */
    private void emit(Kind kind, int end) {
        if (end <= pos) {
            return;
        }
        if (kind != pendingKind) {
            flush();
            pendingKind = kind;
        }
        pending.append(text, pos, end);
        pos = end;
    }

    private void flush() {
        if (pending.length() > 0) {
            tokens.add(new Token(pendingKind, pending.toString()));
            pending.setLength(0);
        }
    }
}
