package io.github.apigwddb.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One example HTTP request for an operation (architecture contract §3), with what DynamoDB answers and what
 * the user expects.
 *
 * @param body the raw payload as the client sends it; null when there is no body
 * @param context example values for {@code $context}: plain values and nested maps (identity, authorizer)
 * @param dynamodbResponse what DynamoDB answers, or null to let the plugin synthesise one
 * @param expect assertions on the rendering, or null
 * @param file the file the example was written in (the spec or a sidecar file)
 * @param pointer where in that file, for positions of findings about the example
 */
public record Example(
        String name,
        ExampleSource source,
        String body,
        String contentType,
        Map<String, String> path,
        Map<String, String> querystring,
        Map<String, String> headers,
        Map<String, String> stageVariables,
        Map<String, Object> context,
        DynamoDbResponse dynamodbResponse,
        Expectation expect,
        Path file,
        String pointer) {

    public static final String DEFAULT_CONTENT_TYPE = "application/json";

    /** Whether a media type is JSON's: application/json or a {@code +json} type, parameters ({@code ; charset}) aside. */
    public static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals(DEFAULT_CONTENT_TYPE) || type.endsWith("+json");
    }

    /** What DynamoDB answers: an HTTP status and a JSON body. */
    public record DynamoDbResponse(int status, String body) {
    }

    /** Assertions on one example; any member may be null (not checked). */
    public record Expectation(JsonNode request, String requestText, Integer status, JsonNode response, String responseText, String pointer) {
    }
}
