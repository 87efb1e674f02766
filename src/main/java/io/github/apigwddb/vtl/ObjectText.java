package io.github.apigwddb.vtl;

/**
 * A JSON object of the request or of DynamoDB's answer that a render wrote as text: API Gateway writes such an object
 * as Java's map text ({@code {key=value}}), not as JSON (vtl-facts §4).
 *
 * @param written what wrote it: the reference ({@code $input.path('$.LastEvaluatedKey')}) or the {@code $util} call
 * @param line    1-based line in the template where the render was
 * @param column  1-based column there
 */
public record ObjectText(String written, int line, int column) {
}
