package io.github.apigwddb.vtl.internal;

import java.util.Set;

/**
 * What API Gateway gives a mapping template by name (vtl-facts.md §5–7, from "Variables for data transformations for
 * API Gateway"). Names are case-sensitive. Kept in one place so that a variable AWS documents later is one line here.
 */
final class TemplateVariables {

    private TemplateVariables() {
    }

    /** Root variables of every template; the loop variables are Velocity's own. */
    static final Set<String> ROOTS = Set.of("input", "util", "context", "stageVariables", "foreach", "velocityCount", "velocityHasNext");

    /** Never defined, on purpose: {@code #if($x == $null)} is how templates test for null. */
    static final Set<String> NULL_NAMES = Set.of("null", "NULL", "Null");

    static final Set<String> INPUT = Set.of("body", "json", "path", "params");

    static final Set<String> UTIL = Set.of("escapeJavaScript", "parseJson", "urlEncode", "urlDecode", "base64Encode", "base64Decode");

    /** Documented for data transformations, and seen in {@code $context.keySet()} on AWS. */
    static final Set<String> CONTEXT = Set.of("accountId", "apiId", "authorizer", "awsEndpointRequestId", "deploymentId", "domainName",
            "domainPrefix", "error", "extendedRequestId", "httpMethod", "identity", "isCanaryRequest", "path", "protocol", "requestId",
            "requestOverride", "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "responseOverride", "stage",
            "wafResponseCode", "webaclArn");

    /** Documented, plus {@code accessKey}, seen in {@code $context.identity.keySet()} on AWS. */
    static final Set<String> IDENTITY = Set.of("accountId", "apiKey", "apiKeyId", "caller", "cognitoAuthenticationProvider",
            "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId", "sourceIp", "clientCert",
            "vpcId", "vpceId", "user", "userAgent", "userArn", "accessKey");

    static final Set<String> REQUEST_OVERRIDE = Set.of("header", "path", "querystring");

    static final Set<String> RESPONSE_OVERRIDE = Set.of("header", "status");


    /** {@code $context} of WebSocket templates, as their mapping template reference lists it (websocket-facts.md §1). */
    static final Set<String> WEBSOCKET_CONTEXT = Set.of("apiId", "authorizer", "connectedAt", "connectionId", "domainName", "error",
            "eventType", "extendedRequestId", "identity", "messageId", "requestId", "requestTime", "requestTimeEpoch", "routeKey",
            "stage", "status");

    static final Set<String> WEBSOCKET_IDENTITY = Set.of("accountId", "apiKey", "apiKeyId", "caller", "cognitoAuthenticationProvider",
            "sourceIp", "user", "userAgent", "userArn");

    static final Set<String> WEBSOCKET_ERROR = Set.of("messageString", "validationErrorString");

    /** The members a {@code $context} object of a WebSocket template has, or null when any name may be one. */
    static Set<String> webSocketContextMembers(String path) {
        return switch (path) {
            case "" -> WEBSOCKET_CONTEXT;
            case "identity" -> WEBSOCKET_IDENTITY;
            case "error" -> WEBSOCKET_ERROR;
            default -> null;
        };
    }

    /** The members a {@code $context} object has, or null when any name may be one (authorizer claims and context). */
    static Set<String> contextMembers(String path) {
        return switch (path) {
            case "" -> CONTEXT;
            case "identity" -> IDENTITY;
            case "requestOverride" -> REQUEST_OVERRIDE;
            case "responseOverride" -> RESPONSE_OVERRIDE;
            default -> null;
        };
    }
}
