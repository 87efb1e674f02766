package io.github.apigwddb.vtl.internal;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JsonProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON the way API Gateway handles it: Jayway JsonPath with its default json-smart provider in
 * permissive mode (the AWS 400 message names net.minidev.json.parser.ParseException). That gives
 * LinkedHashMap objects (printed {@code {k=v}}), JSONArray lists (printed as JSON), doubles for decimals,
 * and plain text read as a string.
 */
final class Json {

    /** Marks "the path matched nothing", which differs from a JSON null for {@code $input.json}. */
    static final Object MISSING = new Object();

    private static final Configuration CONFIGURATION = Configuration.defaultConfiguration();
    private static final JsonProvider PROVIDER = CONFIGURATION.jsonProvider();
    /** Paths longer than this are compiled on every read: a hostile template must not fill the cache. */
    private static final int MAX_CACHED_PATH_CHARS = 256;
    /**
     * Compiled paths by their text: templates read the same few on every render. Only paths without functions
     * and filters: those keep evaluation state in the compiled path (json-path issue 975), so cannot be shared.
     */
    private static final BoundedCache<String, JsonPath> PATHS = new BoundedCache<>(1024);

    private Json() {
    }

    /** @throws InvalidJsonException when the text is not even permissive JSON (e.g. starts with { and breaks) */
    static Object parse(String text) {
        return PROVIDER.parse(text);
    }

    /** The parse failure text as API Gateway shows it after "Could not process payload". */
    static String describe(InvalidJsonException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.toString();
    }

    /** Evaluates a JSONPath; {@link #MISSING} when a definite path matches nothing. */
    static Object read(Object document, String path) {
        try {
            return compiled(path).read(document, CONFIGURATION);
        } catch (PathNotFoundException e) {
            return MISSING;
        } catch (InvalidPathException e) {
            RenderGuard guard = RenderGuard.current();
            String message = "invalid JSONPath '" + path + "': " + e.getMessage();
            if (guard != null) {
                guard.fail(io.github.apigwddb.vtl.RenderProblem.Kind.RUNTIME, message);
            }
            throw new IllegalArgumentException(message, e);
        }
    }

    private static JsonPath compiled(String path) {
        return PATHS.get(path, path.length() <= MAX_CACHED_PATH_CHARS && path.indexOf('(') < 0, JsonPath::compile);
    }

    /** Compact JSON text of a parsed value, strings quoted, written by the provider (json-smart). */
    static String toJson(Object value) {
        if (value instanceof Map || value instanceof List) {
            return PROVIDER.toJson(value);
        }
        // the provider only writes containers: write a one-element array and unwrap it
        List<Object> holder = new ArrayList<>(1);
        holder.add(value);
        String array = PROVIDER.toJson(holder);
        return array.substring(1, array.length() - 1);
    }
}
