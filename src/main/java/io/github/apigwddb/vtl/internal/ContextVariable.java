package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.Fidelity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code $context} for one render: by default exactly the 18 keys AWS showed for a REST API
 * without authorizer or API key, in AWS order (HashMap, facts §7), with deterministic example values;
 * the input's context values merge over them.
 */
final class ContextVariable {

    private static final Map<String, Object> DEFAULTS = defaults();
    private static final Map<String, Object> IDENTITY_DEFAULTS = identityDefaults();

    private ContextVariable() {
    }

    static ContextMap build(Map<String, Object> example) {
        ContextMap context = ContextMap.plain();
        for (Map.Entry<String, Object> e : DEFAULTS.entrySet()) {
            context.put(e.getKey(), e.getValue());
        }
        ContextMap identity = new ContextMap(renderEmpty("identity"), null);
        identity.putAll(IDENTITY_DEFAULTS);
        context.put("identity", identity);

        ContextMap requestOverride = new ContextMap(renderEmpty("requestOverride"), null);
        requestOverride.put("path", new ContextMap(false, "requestOverride.path"));
        requestOverride.put("header", new ContextMap(false, "requestOverride.header"));
        requestOverride.put("querystring", new ContextMap(false, "requestOverride.querystring"));
        context.put("requestOverride", requestOverride);
        ContextMap responseOverride = new ContextMap(renderEmpty("responseOverride"), "responseOverride");
        responseOverride.put("header", new ContextMap(false, "responseOverride.header"));
        context.put("responseOverride", responseOverride);

        for (Map.Entry<String, Object> e : example.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            switch (key) {
                case "identity" -> {
                    if (value instanceof Map<?, ?> m) {
                        m.forEach((k, v) -> identity.put(String.valueOf(k), copy(v)));
                    }
                }
                case "authorizer" -> context.put("authorizer", authorizer(value));
                // outputs of the template, not inputs
                case "requestOverride", "responseOverride" -> { }
                default -> context.put(key, copy(value));
            }
        }
        return context;
    }

    private static boolean renderEmpty(String key) {
        return Fidelity.CONTEXT_KEYS_RENDERING_EMPTY.contains(key);
    }

    /** Authorizer values reach templates as strings (facts §7): 1 becomes "1", true becomes "true". */
    private static Object authorizer(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return value == null ? null : value.toString();
        }
        ContextMap map = ContextMap.plain();
        m.forEach((k, v) -> map.put(String.valueOf(k), authorizer(v)));
        return map;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            ContextMap map = ContextMap.plain();
            m.forEach((k, v) -> map.put(String.valueOf(k), copy(v)));
            return map;
        }
        if (value instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>(c.size());
            c.forEach(v -> list.add(copy(v)));
            return list;
        }
        return value;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("resourceId", "abc123");
        d.put("resourcePath", "/");
        d.put("httpMethod", "POST");
        d.put("extendedRequestId", "AbCdEfGhIjKlMnO=");
        d.put("requestTime", "01/Jan/2025:00:00:00 +0000");
        d.put("path", "/test/");
        d.put("accountId", "123456789012");
        d.put("protocol", "HTTP/1.1");
        d.put("stage", "test");
        d.put("domainPrefix", "abcdef1234");
        d.put("requestTimeEpoch", 1735689600000L);
        d.put("requestId", "11111111-2222-4333-8444-555555555555");
        d.put("domainName", "abcdef1234.execute-api.us-east-1.amazonaws.com");
        d.put("deploymentId", "dep123");
        d.put("apiId", "abcdef1234");
        return d;
    }

    private static Map<String, Object> identityDefaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cognitoIdentityPoolId", null);
        d.put("accountId", null);
        d.put("cognitoIdentityId", null);
        d.put("caller", null);
        d.put("sourceIp", "192.0.2.1");
        d.put("principalOrgId", null);
        d.put("accessKey", null);
        d.put("cognitoAuthenticationType", null);
        d.put("cognitoAuthenticationProvider", null);
        d.put("userArn", null);
        d.put("userAgent", "apigw-dynamodb-maven-plugin");
        d.put("user", null);
        return d;
    }
}
