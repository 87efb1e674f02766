package io.github.apigwddb.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code $context} values an example gives where the operation's authorization fills them at AWS: what a
 * Lambda or Cognito authorizer returns ({@code $context.authorizer.principalId}, {@code .claims.sub}), and under IAM
 * authorization who signed ({@code $context.identity.caller}, {@code .userArn}). Without them such a value renders empty,
 * and a key written from it gave a false DDB013 (FP hunt on SAM templates). Only what the template reads is given; a
 * user's example keeps what it says itself.
 */
final class AuthorizationContext {

    /** The {@code $context.identity} members a signed request fills (facts §7). */
    private static final Set<String> SIGNER = Set.of("caller", "user", "userArn", "accessKey", "accountId");

    private AuthorizationContext() {
    }

    /** @param reads the {@code $context} paths the request template reads, dotted */
    static Map<String, Object> madeUp(JsonNode root, ApiOperation operation, List<String> reads) {
        return madeUp(root, operation, reads, true);
    }

    /**
     * @param guessForRoutes whether a WebSocket route counts as one with an authorizer: what its {@code $connect} route's
     *     authorizer returned, if any, reaches its messages, which is guessed for an example the check makes up, not
     *     forced on a user's (review: a route without any authorizer lost its true DDB009)
     */
    static Map<String, Object> madeUp(JsonNode root, ApiOperation operation, List<String> reads, boolean guessForRoutes) {
        boolean authorizer = guessForRoutes && IntegrationExtractor.isWebSocketRoute(operation) || operation.mayHaveAuthorizer(root);
        // where the authorizer is known to be of one kind, only what that kind fills: Cognito gives claims and no
        // principalId, a Lambda authorizer a principalId and its context, never a claims map (re-trial)
        ApiOperation.AuthorizerKind kind = operation.soleAuthorizerKind(root);
        boolean lambdaOnly = kind == ApiOperation.AuthorizerKind.LAMBDA;
        boolean cognitoOnly = kind == ApiOperation.AuthorizerKind.COGNITO;
        boolean signed = operation.usesIamAuthorization(root);
        Map<String, Object> context = new LinkedHashMap<>();
        for (String read : reads) {
            String[] path = read.split("\\.");
            boolean claims = path.length > 1 && path[1].equals("claims");
            if (authorizer && path[0].equals("authorizer") && !(lambdaOnly && claims) && !(cognitoOnly && !claims && path.length > 1)) {
                // the whole map, or the claims read by a name the template computes: what every authorizer gives
                put(context, path.length == 1 ? cognitoOnly ? new String[] {"authorizer", "claims", "sub"} : new String[] {"authorizer", "principalId"}
                        : path.length == 2 && path[1].equals("claims") ? new String[] {"authorizer", "claims", "sub"} : path);
            } else if (signed && path.length == 2 && path[0].equals("identity") && SIGNER.contains(path[1])) {
                put(context, path);
            }
        }
        return context;
    }

    /**
     * The example with the authorization values of {@code madeUp} that its own context leaves out: at AWS the authorizer
     * (or the signature) fills them for every request, so an example that does not say gives them too (user trial: a
     * key from an empty {@code $context.authorizer.principalId} was a false DDB009). What the example gives is kept.
     */
    static Example withAuthorization(Example example, Map<String, Object> madeUp) {
        Map<String, Object> context = new LinkedHashMap<>(example.context());
        if (!addMissing(context, madeUp)) {
            return example;
        }
        return new Example(example.name(), example.source(), example.body(), example.contentType(), example.path(), example.querystring(),
                example.headers(), example.stageVariables(), context, example.dynamodbResponse(), example.expect(), example.file(),
                example.pointer());
    }

    /** Adds what {@code from} has and {@code into} lacks, map by map, copying the maps it changes; whether it added any. */
    @SuppressWarnings("unchecked")
    private static boolean addMissing(Map<String, Object> into, Map<String, Object> from) {
        boolean added = false;
        for (Map.Entry<String, Object> entry : from.entrySet()) {
            Object own = into.get(entry.getKey());
            if (own == null && !into.containsKey(entry.getKey())) {
                into.put(entry.getKey(), entry.getValue());
                added = true;
            } else if (own instanceof Map<?, ?> ownMap && entry.getValue() instanceof Map<?, ?> fromMap) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) ownMap);
                if (addMissing(copy, (Map<String, Object>) fromMap)) {
                    into.put(entry.getKey(), copy);
                    added = true;
                }
            }
        }
        return added;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> context, String[] path) {
        Map<String, Object> map = context;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = map.get(path[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                map.put(path[i], next);
            }
            map = (Map<String, Object>) next;
        }
        String name = path[path.length - 1];
        map.putIfAbsent(name, switch (name) {
            case "accountId" -> "123456789012";
            case "userArn" -> "arn:aws:iam::123456789012:user/example";
            default -> "example-" + name;
        });
    }
}
