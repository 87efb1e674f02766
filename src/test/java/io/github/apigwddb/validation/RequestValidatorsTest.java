package io.github.apigwddb.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.SpecFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValidatorsTest {

    /** OpenAPI 3: one operation whose body has an enum member; {@code %s} is the validator setting on the operation. */
    private static final String OPENAPI = """
            openapi: 3.0.1
            info: {title: t, version: '1'}
            x-amazon-apigateway-request-validators:
              body: {validateRequestBody: true, validateRequestParameters: false}
              params: {validateRequestBody: false, validateRequestParameters: true}
            %s
            paths:
              /restaurants:
                post:
                  %s
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/restaurant'}
            components:
              schemas:
                restaurant:
                  type: object
                  properties:
                    cuisine: {type: string, enum: [Thai, Indian]}
            """;

    private static JsonNode root(String yaml) throws Exception {
        return new DocumentParser().parse(yaml, SpecFormat.YAML).root();
    }

    private static BodyModel model(String apiLevel, String operationLevel, String contentType) throws Exception {
        JsonNode root = root(OPENAPI.formatted(apiLevel, operationLevel));
        ApiOperation operation = IntegrationExtractor.operations(root).get(0);
        return RequestValidators.validatedBody(root, operation, contentType);
    }

    @Test
    void theOperationsBodyValidatorGivesItsModelForTheContentType() throws Exception {
        BodyModel model = model("", "x-amazon-apigateway-request-validator: body", "application/json");

        StringRule cuisine = model.stringAt(List.of("cuisine"));
        assertThat(cuisine.allows("Thai")).isTrue();
        assertThat(cuisine.allows("\",\"TableName\":\"Other")).isFalse();
    }

    @Test
    void theApisValidatorAppliesUnlessTheOperationNamesAnother() throws Exception {
        assertThat(model("x-amazon-apigateway-request-validator: body", "", "application/json")).isNotNull();
        assertThat(model("x-amazon-apigateway-request-validator: body", "x-amazon-apigateway-request-validator: params",
                "application/json")).isNull();
        assertThat(model("x-amazon-apigateway-request-validator: params", "x-amazon-apigateway-request-validator: body",
                "application/json")).isNotNull();
    }

    @Test
    void noBodyValidationNoModel() throws Exception {
        assertThat(model("", "", "application/json")).as("no validator").isNull();
        assertThat(model("", "x-amazon-apigateway-request-validator: params", "application/json")).as("parameters only").isNull();
        assertThat(model("", "x-amazon-apigateway-request-validator: missing", "application/json")).as("unknown validator").isNull();
    }

    @Test
    void aContentTypeWithoutModelIsNotValidated() throws Exception {
        assertThat(model("", "x-amazon-apigateway-request-validator: body", "text/plain")).isNull();
    }

    @Test
    void swagger2BodiesAreValidatedForWhatTheOperationConsumes() throws Exception {
        String swagger = """
                swagger: '2.0'
                info: {title: t, version: '1'}
                x-amazon-apigateway-request-validator: body
                x-amazon-apigateway-request-validators:
                  body: {validateRequestBody: true}
                %s
                paths:
                  /items:
                    post:
                      parameters:
                        - {in: body, name: item, schema: {$ref: '#/definitions/item'}}
                definitions:
                  item:
                    properties:
                      id: {type: string, pattern: '^[0-9]+$'}
                """;
        JsonNode plain = root(swagger.formatted(""));
        ApiOperation operation = IntegrationExtractor.operations(plain).get(0);
        assertThat(RequestValidators.validatedBody(plain, operation, "application/json")).isNotNull()
                .satisfies(m -> assertThat(m.stringAt(List.of("id")).allows("42\"")).isFalse());
        assertThat(RequestValidators.validatedBody(plain, operation, "text/plain")).isNull();

        JsonNode text = root(swagger.formatted("consumes: [text/plain]"));
        assertThat(RequestValidators.validatedBody(text, IntegrationExtractor.operations(text).get(0), "text/plain")).isNotNull();
        assertThat(RequestValidators.validatedBody(text, IntegrationExtractor.operations(text).get(0), "application/json")).isNull();
    }
}
