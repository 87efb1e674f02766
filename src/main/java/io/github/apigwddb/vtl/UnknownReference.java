package io.github.apigwddb.vtl;

/**
 * A reference of a template to something API Gateway does not give templates. API Gateway renders it as empty text
 * and raises no error, so the mistake shows only in what DynamoDB or the client receives.
 *
 * @param reference the reference as written, up to the unknown name ({@code $util.toJson}, {@code $method})
 * @param variable whether the unknown name is a root variable, which a #set of text filled in later could define
 * @param problem what is wrong and what API Gateway has instead, without the position
 * @param line 1-based line in the template
 * @param column 1-based column in the template, in characters
 */
public record UnknownReference(String reference, boolean variable, String problem, int line, int column) {
}
