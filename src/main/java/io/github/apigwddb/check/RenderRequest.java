package io.github.apigwddb.check;

import java.util.Map;

/**
 * What the render goal asks for: one operation, one example, and input given on the command line.
 *
 * @param operation {@code METHOD /path} or an operationId
 * @param example the example's name; null = ad hoc input when some is given, else the operation's first example
 * @param input values that replace the example's (each null or empty when not given)
 */
public record RenderRequest(String operation, String example, AdHocInput input) {

    /**
     * Request and DynamoDB answer given by hand; each member null (or empty map) when not given.
     */
    public record AdHocInput(String body, String contentType, Map<String, String> path, Map<String, String> querystring,
            Map<String, String> headers, Integer dynamodbStatus, String dynamodbBody) {

        public AdHocInput {
            path = path == null ? Map.of() : Map.copyOf(path);
            querystring = querystring == null ? Map.of() : Map.copyOf(querystring);
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public static AdHocInput none() {
            return new AdHocInput(null, null, null, null, null, null, null);
        }

        /** Whether any part of the client request is given (the DynamoDB answer does not count). */
        public boolean hasRequest() {
            return body != null || contentType != null || !path.isEmpty() || !querystring.isEmpty() || !headers.isEmpty();
        }
    }
}
