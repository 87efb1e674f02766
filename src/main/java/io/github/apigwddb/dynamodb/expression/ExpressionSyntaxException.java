package io.github.apigwddb.dynamodb.expression;

/**
 * The one exception the parser throws. Its message is DynamoDB's syntax error body,
 * {@code Syntax error; token: "<t>", near: "<n>"}, without the {@code Invalid <Kind>Expression: } prefix.
 */
public final class ExpressionSyntaxException extends Exception {

    private final String token;
    private final String near;
    private final int position;

    public ExpressionSyntaxException(String token, String near, int position) {
        super("Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
        this.token = token;
        this.near = near;
        this.position = position;
    }

    public String token() {
        return token;
    }

    public String near() {
        return near;
    }

    /** Source offset of the offending token. */
    public int position() {
        return position;
    }
}
