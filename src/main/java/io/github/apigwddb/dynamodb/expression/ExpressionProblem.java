package io.github.apigwddb.dynamodb.expression;

/** A problem in one expression: rule id (DDX...), DynamoDB's message, and the source offset it refers to. */
public record ExpressionProblem(String ruleId, String message, int position) {
}
