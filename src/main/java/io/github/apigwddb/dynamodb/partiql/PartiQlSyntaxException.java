package io.github.apigwddb.dynamodb.partiql;

/** A statement that cannot be split into tokens: a string, quoted name or comment left open. */
public final class PartiQlSyntaxException extends Exception {

    private final int offset;

    public PartiQlSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Where the open string, name or comment starts (0-based). */
    public int offset() {
        return offset;
    }
}
