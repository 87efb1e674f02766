package io.github.apigwddb.vtl.internal;

import com.jayway.jsonpath.InvalidJsonException;
import io.github.apigwddb.vtl.Fidelity;
import io.github.apigwddb.vtl.RenderProblem.Kind;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@code $input} for one render (facts §5). */
public final class InputVariable {

    private final String body;
    private final Map<String, String> path;
    private final Map<String, String> querystring;
    private final Map<String, String> headers;
    private Map<String, Map<String, String>> params;
    private Object document;
    private boolean parsed;

    InputVariable(String body, Map<String, String> path, Map<String, String> querystring, Map<String, String> headers) {
        this.body = body == null || body.isEmpty() ? Fidelity.EMPTY_BODY : body;
        this.path = new LinkedHashMap<>(path);
        this.querystring = new LinkedHashMap<>(querystring);
        this.headers = Fidelity.SORT_HEADERS_IN_PARAMS ? new TreeMap<>(headers) : new LinkedHashMap<>(headers);
        if (!Fidelity.PARSE_BODY_LAZILY) {
            document();
        }
    }

    /** The raw payload, byte for byte; an empty payload is {@code {}}. */
    public String getBody() {
        return body;
    }

    /** JSONPath result as a native value (Map, List, String, Number, Boolean); null when nothing matches. */
    public Object path(Object jsonPath) {
        if (jsonPath == null) {
            return null;
        }
        Object value = Json.read(document(), jsonPath.toString());
        return value == Json.MISSING ? null : value;
    }

    /** JSONPath result as JSON text: strings quoted, objects and arrays compact. */
    public String json(Object jsonPath) {
        if (jsonPath == null) {
            return null;
        }
        Object value = Json.read(document(), jsonPath.toString());
        return value == Json.MISSING ? Fidelity.JSON_OF_MISSING_PATH : Json.toJson(value);
    }

    /** Map with keys path, querystring, header (a HashMap, as on AWS), each a name-to-value map. */
    public Map<String, Map<String, String>> params() {
        if (params == null) {
            params = new HashMap<>();
            params.put("path", path);
            params.put("querystring", querystring);
            params.put("header", headers);
        }
        return params;
    }

    /** First of path, querystring, header that has the name (case-sensitive); null when none does. */
    public String params(Object name) {
        if (name == null) {
            return null;
        }
        String key = name.toString();
        if (path.containsKey(key)) {
            return path.get(key);
        }
        if (querystring.containsKey(key)) {
            return querystring.get(key);
        }
        return headers.get(key);
    }

    private Object document() {
        if (!parsed) {
            try {
                document = Json.parse(body, "the body read by $input");
            } catch (InvalidJsonException e) {
                RenderGuard guard = RenderGuard.current();
                String message = "Could not process payload" + Json.describe(e);
                if (guard != null) {
                    guard.fail(Kind.BAD_BODY, message);
                }
                throw new IllegalArgumentException(message, e);
            }
            parsed = true;
        }
        return document;
    }

    @Override
    public String toString() {
        return Fidelity.VARIABLE_OBJECT_RENDERING;
    }
}
