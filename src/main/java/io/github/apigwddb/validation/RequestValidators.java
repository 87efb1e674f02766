package io.github.apigwddb.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.spec.LocalReferences;
import io.github.apigwddb.spec.SpecKind;

/**
 * Which request validator API Gateway applies to an operation, and what it checks before any template runs
 * (integration facts §8.1): the validator the operation names in {@code x-amazon-apigateway-request-validator},
 * else the one the API names there, looked up in {@code x-amazon-apigateway-request-validators}.
 *
 * <p>Only body validation is read. {@code validateRequestParameters} checks that required parameters are present and
 * not blank, never their type or format (AWS: "API Gateway only checks the existence of a parameter"), so it limits
 * no value a client can send. Stateless.
 */
public final class RequestValidators {

    public static final String VALIDATOR = "x-amazon-apigateway-request-validator";
    public static final String VALIDATORS = "x-amazon-apigateway-request-validators";
    /** The Content-Type a Swagger 2 body is imported for when neither the operation nor the API says what it consumes. */
    private static final String DEFAULT_CONTENT_TYPE = "application/json";

    private RequestValidators() {
    }

    /**
     * The model API Gateway validates a body of {@code contentType} against before the template sees it; null when no
     * validator with {@code validateRequestBody: true} applies, or when the operation has no model for that Content-Type
     * (AWS: "If no matching content type is found, request validation is not performed").
     *
     * @param root the API definition (OpenAPI 3 or Swagger 2)
     */
    public static BodyModel validatedBody(JsonNode root, ApiOperation operation, String contentType) {
        if (contentType == null || !validatesBody(root, operation)) {
            return null;
        }
        JsonNode schema = switch (SpecKind.of(root)) {
            case OPENAPI3 -> LocalReferences.resolve(root, operation.node().path("requestBody")).path("content").path(contentType).get("schema");
            case SWAGGER2 -> consumes(root, operation, contentType) ? swaggerBodySchema(root, operation) : null;
            default -> null;
        };
        return schema == null ? null : new BodyModel(root, schema);
    }

    private static boolean validatesBody(JsonNode root, ApiOperation operation) {
        JsonNode named = operation.node().get(VALIDATOR);
        if (named == null || !named.isTextual()) {
            named = root.get(VALIDATOR);
        }
        if (named == null || !named.isTextual()) {
            return false;
        }
        JsonNode body = root.path(VALIDATORS).path(named.textValue()).get("validateRequestBody");
        return body != null && (body.isBoolean() ? body.booleanValue() : body.isTextual() && "true".equalsIgnoreCase(body.textValue()));
    }

    /** Whether a Swagger 2 operation's body model is imported for {@code contentType}: its consumes, else the API's. */
    private static boolean consumes(JsonNode root, ApiOperation operation, String contentType) {
        JsonNode consumes = operation.node().has("consumes") ? operation.node().get("consumes") : root.get("consumes");
        if (consumes == null || !consumes.isArray()) {
            return DEFAULT_CONTENT_TYPE.equals(contentType);
        }
        for (JsonNode type : consumes) {
            if (contentType.equals(type.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode swaggerBodySchema(JsonNode root, ApiOperation operation) {
        for (JsonNode parameter : operation.parameters(root)) {
            if ("body".equals(parameter.path("in").asText())) {
                return parameter.get("schema");
            }
        }
        return null;
    }
}
