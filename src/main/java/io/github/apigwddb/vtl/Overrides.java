package io.github.apigwddb.vtl;

import java.util.Map;

/**
 * The {@code $context.requestOverride} / {@code $context.responseOverride} state after rendering.
 * A list value (multi-value header) is joined with {@code ","} as API Gateway sends it.
 */
public record Overrides(Map<String, String> requestHeaders, Map<String, String> requestPath,
                        Map<String, String> requestQuerystring, Map<String, String> responseHeaders,
                        Integer responseStatus) {

    public Overrides {
        requestHeaders = Map.copyOf(requestHeaders);
        requestPath = Map.copyOf(requestPath);
        requestQuerystring = Map.copyOf(requestQuerystring);
        responseHeaders = Map.copyOf(responseHeaders);
    }

    public static Overrides none() {
        return new Overrides(Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    public boolean isEmpty() {
        return requestHeaders.isEmpty() && requestPath.isEmpty() && requestQuerystring.isEmpty()
                && responseHeaders.isEmpty() && responseStatus == null;
    }
}
