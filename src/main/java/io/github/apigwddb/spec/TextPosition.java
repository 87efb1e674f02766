package io.github.apigwddb.spec;

/** A 1-based line and column in a text, plus the 0-based character offset it stands for. */
public record TextPosition(int line, int column, long offset) {

    public static final TextPosition START = new TextPosition(1, 1, 0);
}
