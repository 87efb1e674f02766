package io.github.apigwddb.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.ApiOperation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Form posts: the body of an example made from a form's fields ({@code email=ann%40example.com&list=weekly}), as a
 * browser sends it, so that the form's request template is the one rendered (user trial: a Swagger 2 {@code formData}
 * example went out as JSON without a body, and only a 415 was checked).
 */
final class FormBodies {

    static final String URLENCODED = "application/x-www-form-urlencoded";

    private FormBodies() {
    }

    /**
     * The Content-Type a Swagger 2 operation's {@code formData} parameters are sent with: URL-encoded where its
     * {@code consumes} (else the API's) lists it; null when the operation has no such parameters, or takes forms only
     * as multipart, whose bodies are not made up.
     */
    static String swaggerFormType(JsonNode root, ApiOperation operation) {
        boolean form = false;
        for (JsonNode parameter : operation.parameters(root)) {
            form |= "formData".equals(parameter.path("in").asText());
        }
        if (!form) {
            return null;
        }
        JsonNode consumes = operation.node().has("consumes") ? operation.node().get("consumes") : root.get("consumes");
        if (consumes == null || !consumes.isArray()) {
            return URLENCODED; // a form parameter says how it is sent: Swagger 2 allows only the two form types
        }
        for (JsonNode type : consumes) {
            if (type.asText().toLowerCase(Locale.ROOT).startsWith(URLENCODED)) {
                return type.asText();
            }
        }
        return null;
    }

    /** Whether a Content-Type is the URL-encoded form's, parameters ({@code ; charset=UTF-8}) aside. */
    static boolean isUrlEncoded(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith(URLENCODED);
    }

    /** The fields URL-encoded in their order, as {@code name=value&name=value}. */
    static String encoded(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
        return body.toString();
    }

    /**
     * An object's members as form fields: text and numbers as written, a list as the field repeated ({@code tags=a&tags=b},
     * as a form's multiple select sends it), anything else as its JSON.
     */
    static String encoded(JsonNode object) {
        StringJoiner body = new StringJoiner("&");
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                value.forEach(element -> body.add(encode(field.getKey()) + "=" + encode(element.isValueNode() ? element.asText()
                        : element.toString())));
            } else {
                // a null field is sent empty
                body.add(encode(field.getKey()) + "=" + encode(value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString()));
            }
        }
        return body.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
