package io.github.apigwddb.integration;

/**
 * A VTL mapping template of a request or an integration response.
 *
 * @param contentType the template's key ({@code application/json})
 * @param pointer JSON pointer of the template string, for positions inside it
 * @param fromIntrinsic true when the text is the template of an {@code Fn::Sub}: {@code ${...}} in it are
 *     CloudFormation substitutions, not VTL
 */
public record MappingTemplate(String contentType, String text, String pointer, boolean fromIntrinsic) {
}
