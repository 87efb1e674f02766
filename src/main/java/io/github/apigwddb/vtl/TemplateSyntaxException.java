package io.github.apigwddb.vtl;

/** A template that API Gateway would not accept as VTL. Line and column are 1-based, inside the template text. */
public final class TemplateSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public TemplateSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
