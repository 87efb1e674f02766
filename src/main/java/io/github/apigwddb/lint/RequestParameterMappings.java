package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MAP001: the integration's {@code requestParameters} (integration-facts §3): each key names a place of the integration
 * request, and each source that is a method request parameter is one the operation declares, in the same location.
 * API Gateway refuses the definition otherwise ("Invalid mapping identifier specified", "Invalid mapping expression
 * parameter specified: method.request.header.Authorization"). Header names are compared without regard to case.
 */
final class RequestParameterMappings {

    private static final Pattern KEY = Pattern.compile("integration\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\..+");
    static final Pattern SOURCE = Pattern.compile("method\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.(.+)");
    private static final Pattern OTHER_SOURCES = Pattern.compile("'.*'|method\\.request\\.body(\\..+)?|stageVariables\\..+|context\\..+",
            Pattern.DOTALL);

    private RequestParameterMappings() {
    }

    static void check(Integration integration, JsonNode root, List<LintIssue> issues) {
        JsonNode mappings = integration.node().path("requestParameters");
        if (!mappings.isObject()) {
            return;
        }
        List<JsonNode> declared = integration.operation().parameters(root);
        String pointer = integration.member("requestParameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = mappings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> mapping = it.next();
            String at = JsonPointers.child(pointer, mapping.getKey());
            if (!KEY.matcher(mapping.getKey()).matches()) {
                issues.add(new LintIssue(Rule.MAP001, "Request parameter '" + mapping.getKey() + "' is not of the form"
                        + " integration.request.{path|querystring|header}.<name>: API Gateway refuses it (\"Invalid mapping identifier"
                        + " specified\")", at));
                continue;
            }
            if (!mapping.getValue().isTextual()) {
                continue; // an intrinsic function, evaluated at deployment
            }
            String source = mapping.getValue().textValue().trim();
            Matcher parameter = SOURCE.matcher(source);
            if (parameter.matches()) {
                String in = location(parameter.group(1));
                String name = parameter.group(2);
                if (!declares(declared, in, name)) {
                    issues.add(new LintIssue(Rule.MAP001, "Request parameter '" + mapping.getKey() + "' is mapped from '" + source
                            + "', which the operation does not declare as a " + in + " parameter: API Gateway refuses the definition"
                            + " (\"Invalid mapping expression parameter specified: " + source + "\"); declare it in the operation's"
                            + " parameters", at));
                }
            } else if (!OTHER_SOURCES.matcher(source).matches()) {
                issues.add(LintIssue.ofValue(Rule.MAP001, "Request parameter '" + mapping.getKey() + "' is mapped from '" + source
                        + "', which is no mapping expression: use method.request.{path|querystring|header}.<name>,"
                        + " method.request.body, stageVariables.<name>, context.<name> or a quoted value ('text')", at));
            }
        }
    }

    /** The OpenAPI/Swagger {@code in} of a mapping location. */
    static String location(String mappingLocation) {
        return switch (mappingLocation) {
            case "querystring", "multivaluequerystring" -> "query";
            case "header", "multivalueheader" -> "header";
            default -> "path";
        };
    }

    static boolean declares(List<JsonNode> declared, String in, String name) {
        return ApiOperation.declares(declared, in, name);
    }
}
