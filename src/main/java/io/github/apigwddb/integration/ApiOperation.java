package io.github.apigwddb.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.spec.LocalReferences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of an API definition.
 *
 * @param pointer JSON pointer of the operation object, e.g. {@code /paths/~1items/post}
 * @param pathItem the path item holding it (for path-level parameters)
 */
public record ApiOperation(OperationRef ref, String pointer, JsonNode node, JsonNode pathItem) {

    public String method() {
        return ref.method();
    }

    public String path() {
        return ref.path();
    }

    /**
     * The security schemes the operation's security requirements name (its own {@code security}, else the API's), as the
     * definition declares them ({@code components.securitySchemes} or {@code securityDefinitions}); a missing node for a
     * name it does not declare.
     */
    public List<JsonNode> securitySchemes(JsonNode root) {
        JsonNode security = node.has("security") ? node.get("security") : root.path("security");
        JsonNode schemes = root.has("components") ? root.path("components").path("securitySchemes") : root.path("securityDefinitions");
        List<JsonNode> named = new ArrayList<>();
        for (JsonNode requirement : security) {
            requirement.fieldNames().forEachRemaining(name -> named.add(schemes.path(name)));
        }
        return named;
    }

    /** IAM authorization: {@code x-amazon-apigateway-auth: {type: AWS_IAM}} or a security scheme of authtype awsSigv4. */
    public boolean usesIamAuthorization(JsonNode root) {
        if ("AWS_IAM".equalsIgnoreCase(node.path("x-amazon-apigateway-auth").path("type").asText())) {
            return true;
        }
        return securitySchemes(root).stream().anyMatch(scheme -> "awsSigv4".equalsIgnoreCase(scheme.path("x-amazon-apigateway-authtype").asText()));
    }

    /**
     * Whether an authorizer that fills {@code $context.authorizer} may run: a CloudFormation method's AuthorizationType
     * other than NONE and AWS_IAM, or a security requirement (the operation's, else the API's) naming a scheme with
     * {@code x-amazon-apigateway-authorizer}, or one this definition does not declare (it may be one).
     */
    public boolean mayHaveAuthorizer(JsonNode root) {
        String type = node.path("x-amazon-apigateway-auth").path("type").asText("").toUpperCase(Locale.ROOT);
        if (type.equals("CUSTOM") || type.equals("COGNITO_USER_POOLS")) {
            return true;
        }
        return securitySchemes(root).stream().anyMatch(scheme -> scheme.isMissingNode() || scheme.has("x-amazon-apigateway-authorizer"));
    }

    /** What fills {@code $context.authorizer}: a Lambda authorizer its principalId and context, Cognito its claims. */
    public enum AuthorizerKind {
        LAMBDA, COGNITO, UNKNOWN
    }

    /**
     * The kinds of authorizer that may run for the operation ({@link #mayHaveAuthorizer}): a CloudFormation method's
     * CUSTOM is a Lambda, a scheme's {@code x-amazon-apigateway-authorizer} of type token or request too, and
     * cognito_user_pools Cognito; a scheme the definition does not declare, or of another type, is unknown. Empty when none.
     */
    public Set<AuthorizerKind> authorizerKinds(JsonNode root) {
        Set<AuthorizerKind> kinds = java.util.EnumSet.noneOf(AuthorizerKind.class);
        String type = node.path("x-amazon-apigateway-auth").path("type").asText("").toUpperCase(Locale.ROOT);
        if (type.equals("CUSTOM")) {
            kinds.add(AuthorizerKind.LAMBDA);
        } else if (type.equals("COGNITO_USER_POOLS")) {
            kinds.add(AuthorizerKind.COGNITO);
        }
        for (JsonNode scheme : securitySchemes(root)) {
            if (scheme.isMissingNode()) {
                kinds.add(AuthorizerKind.UNKNOWN);
            } else if (scheme.has("x-amazon-apigateway-authorizer")) {
                kinds.add(switch (scheme.path("x-amazon-apigateway-authorizer").path("type").asText("").toLowerCase(Locale.ROOT)) {
                    case "token", "request" -> AuthorizerKind.LAMBDA;
                    case "cognito_user_pools" -> AuthorizerKind.COGNITO;
                    default -> AuthorizerKind.UNKNOWN;
                });
            }
        }
        return kinds;
    }

    /** The one kind every authorizer of the operation is of, when they are all known and alike; else null. */
    public AuthorizerKind soleAuthorizerKind(JsonNode root) {
        Set<AuthorizerKind> kinds = authorizerKinds(root);
        return kinds.size() == 1 && !kinds.contains(AuthorizerKind.UNKNOWN) ? kinds.iterator().next() : null;
    }

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}+]+)\\+?}");

    /** The names of the path template's variables: {@code id} of {@code /items/{id}}, {@code proxy} of {@code {proxy+}}. */
    public Set<String> pathVariables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PATH_VARIABLE.matcher(path() == null ? "" : path());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Whether {@code parameters} declare one {@code in} ({@code path}, {@code query}, {@code header}) named {@code name};
     * header names are compared whatever their case, as HTTP does.
     */
    public static boolean declares(List<JsonNode> parameters, String in, String name) {
        return parameters.stream().anyMatch(p -> in.equals(p.path("in").asText()) && ("header".equals(in)
                ? p.path("name").asText().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                : p.path("name").asText().equals(name)));
    }

    /**
     * Whether a request of the operation carries no body: a GET or HEAD that declares none (no OpenAPI 3
     * {@code requestBody}, no Swagger 2 {@code body} or {@code formData} parameter). HTTP gives such a body no meaning,
     * and browsers and {@code fetch()} cannot send one.
     */
    public boolean takesNoBody(JsonNode root) {
        boolean bodiless = "GET".equalsIgnoreCase(method()) || "HEAD".equalsIgnoreCase(method());
        return bodiless && !node.has("requestBody")
                && parameters(root).stream().noneMatch(p -> "body".equals(p.path("in").asText()) || "formData".equals(p.path("in").asText()));
    }

    /** The operation's parameters plus its path item's, local {@code $ref}s followed; the operation's win on name and location. */
    public List<JsonNode> parameters(JsonNode root) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode source : new JsonNode[] {pathItem.path("parameters"), node.path("parameters")}) {
            for (JsonNode raw : source) {
                JsonNode parameter = LocalReferences.resolve(root, raw);
                byKey.put(parameter.path("in").asText() + ":" + parameter.path("name").asText(), parameter);
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
