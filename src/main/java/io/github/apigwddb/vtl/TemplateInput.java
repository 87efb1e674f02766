package io.github.apigwddb.vtl;

import java.util.Map;

/**
 * The request (or integration response) a template is rendered against.
 *
 * @param body           raw payload text; {@code null} or empty means "no body"
 * @param path           path parameters (already URL-decoded, as API Gateway passes them)
 * @param querystring    query string parameters
 * @param headers        request headers
 * @param stageVariables stage variables
 * @param context        example overrides/additions for {@code $context}; nested maps for
 *                       {@code identity}, {@code authorizer} (with {@code claims}) and the like
 */
public record TemplateInput(String body, Map<String, String> path, Map<String, String> querystring,
                            Map<String, String> headers, Map<String, String> stageVariables,
                            Map<String, Object> context) {

    public TemplateInput {
        path = path == null ? Map.of() : path;
        querystring = querystring == null ? Map.of() : querystring;
        headers = headers == null ? Map.of() : headers;
        stageVariables = stageVariables == null ? Map.of() : stageVariables;
        context = context == null ? Map.of() : context;
    }

    /** An input that has only a body. */
    public static TemplateInput ofBody(String body) {
        return new TemplateInput(body, null, null, null, null, null);
    }
}
