package io.github.apigwddb.security;

import io.github.apigwddb.vtl.ContextRead;
import io.github.apigwddb.vtl.TemplateInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values for the {@code $context.authorizer} names a template reads and the example does not give, so that the probe
 * tries them as inputs too. They come from the caller's token: a user pool's claims (a user picks their own
 * {@code cognito:username} and {@code custom:} attributes) or what a Lambda authorizer copies from it, and a template
 * that splices them unescaped into the DynamoDB request is as open as one splicing a query parameter. Only names read
 * to the end are filled ({@code claims.email}, {@code principalId}, {@code tenant}), not whole maps.
 */
final class AuthorizerValues {

    private static final String PREFIX = "authorizer.";

    private AuthorizerValues() {
    }

    /** The example with a value for each such name it lacks; the example itself when it lacks none. */
    static TemplateInput fillReads(List<ContextRead> reads, TemplateInput example) {
        Map<String, Object> context = null;
        for (ContextRead read : reads) {
            String path = read.path();
            if (!path.startsWith(PREFIX) || "authorizer.claims".equals(path)) {
                continue;
            }
            String[] names = path.substring(PREFIX.length()).split("\\.");
            if ("claims".equals(names[0]) && names.length != 2 || !"claims".equals(names[0]) && names.length != 1) {
                continue; // a claim is a string; a Lambda authorizer's context holds strings, numbers and booleans only
            }
            Map<String, Object> target = context == null ? example.context() : context;
            if (has(target, names)) {
                continue;
            }
            if (context == null) {
                context = copy(example.context());
            }
            put(context, names, "example-" + names[names.length - 1].replaceAll("[^A-Za-z0-9-]", "-"));
        }
        return context == null ? example : new TemplateInput(example.body(), example.path(), example.querystring(), example.headers(),
                example.stageVariables(), context);
    }

    private static boolean has(Map<String, Object> context, String[] names) {
        Object node = context.get("authorizer");
        for (String name : names) {
            if (!(node instanceof Map<?, ?> map)) {
                return false;
            }
            node = map.get(name);
        }
        return node != null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> context, String[] names, String value) {
        Object node = context.computeIfAbsent("authorizer", k -> new LinkedHashMap<String, Object>());
        for (int i = 0; i < names.length - 1; i++) {
            if (!(node instanceof Map<?, ?>)) {
                return; // the example gives a value where a map would be: left as it is
            }
            node = ((Map<String, Object>) node).computeIfAbsent(names[i], k -> new LinkedHashMap<String, Object>());
        }
        if (node instanceof Map<?, ?>) {
            ((Map<String, Object>) node).put(names[names.length - 1], value);
        }
    }

    /** A deep copy of the maps, so the example is not changed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> nested ? copy((Map<String, Object>) nested) : v));
        return copy;
    }
}
