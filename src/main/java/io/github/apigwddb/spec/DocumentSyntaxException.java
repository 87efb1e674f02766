package io.github.apigwddb.spec;

/** A file that is not well-formed JSON or YAML, with where the parser gave up. */
public final class DocumentSyntaxException extends Exception {

    private final TextPosition position;

    public DocumentSyntaxException(String message, TextPosition position) {
        super(message);
        this.position = position;
    }

    public TextPosition position() {
        return position;
    }
}
