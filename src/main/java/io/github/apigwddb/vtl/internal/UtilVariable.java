package io.github.apigwddb.vtl.internal;

import com.jayway.jsonpath.InvalidJsonException;
import io.github.apigwddb.vtl.Fidelity;
import io.github.apigwddb.vtl.RenderProblem.Kind;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@code $util}: exactly the six API Gateway functions. They tolerate null (rendering empty, facts §3);
 * any other name resolves to nothing and renders empty, as AWS does silently (facts §6, S28).
 * Arguments are taken as Object and converted with toString so non-string values work like in templates.
 */
public final class UtilVariable {

    public String escapeJavaScript(Object value) {
        return objectAsText("escapeJavaScript", value, value == null ? "" : JavaScriptEscaper.escape(value.toString()));
    }

    /** A JSON object passed where text is meant becomes Java's map text, {k=v}: noted for the checks, with what it gave. */
    private static String objectAsText(String function, Object value, String result) {
        RenderGuard guard = value instanceof Map<?, ?> map && !map.isEmpty() ? RenderGuard.current() : null;
        if (guard != null) {
            guard.objectWritten("$util." + function + "(...) of an object", result);
        }
        return result;
    }

    public Object parseJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.parse(value.toString(), "the argument of $util.parseJson");
        } catch (InvalidJsonException e) {
            throw fail("$util.parseJson: the argument is not valid JSON: " + Json.plainParseError(e));
        }
    }

    public String urlEncode(Object value) {
        return objectAsText("urlEncode", value, value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    }

    public String urlDecode(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return URLDecoder.decode(value.toString(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw fail("$util.urlDecode: " + e.getMessage());
        }
    }

    public String base64Encode(Object value) {
        return objectAsText("base64Encode", value,
                value == null ? "" : Base64.getEncoder().encodeToString(value.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public String base64Decode(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return new String(Base64.getMimeDecoder().decode(value.toString()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw fail("$util.base64Decode: the argument is not Base64: " + e.getMessage());
        }
    }

    private static RuntimeException fail(String message) {
        RenderGuard guard = RenderGuard.current();
        if (guard != null) {
            guard.fail(Kind.RUNTIME, message);
        }
        return new IllegalArgumentException(message);
    }

    @Override
    public String toString() {
        return Fidelity.VARIABLE_OBJECT_RENDERING;
    }
}
