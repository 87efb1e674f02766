package io.github.apigwddb.dynamodb.expression;

/**
 * A problem in one expression: rule id (DDX...), DynamoDB's message, and the source offset it refers to.
 *
 * @param ofValuesAlone whether well-formed values alone can cause it (bounds in the wrong order), however a template
 *     writes them
 */
public record ExpressionProblem(String ruleId, String message, int position, boolean ofValuesAlone) {

    public ExpressionProblem(String ruleId, String message, int position) {
        this(ruleId, message, position, false);
    }
}
