package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * MAP005: the integration's {@code cacheKeyParameters} are method request parameters the operation declares, each
 * once. API Gateway's reference: "To be valid values for cacheKeyParameters, these parameters must also be specified
 * for Method requestParameters" (integration-facts.md §2); CloudFormation's schema wants them unique.
 */
final class CacheKeyParameters {

    private CacheKeyParameters() {
    }

    static void check(Integration integration, JsonNode root, List<LintIssue> issues) {
        JsonNode keys = integration.node().path("cacheKeyParameters");
        if (!keys.isArray()) {
            return;
        }
        List<JsonNode> declared = integration.operation().parameters(root);
        String pointer = integration.member("cacheKeyParameters");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode key = keys.get(i);
            String at = JsonPointers.child(pointer, i);
            if (!key.isTextual() || key.asText().contains("${")) {
                continue; // an intrinsic function or a parameter, filled in at deployment
            }
            String text = key.asText();
            Matcher parameter = RequestParameterMappings.SOURCE.matcher(text);
            if (!parameter.matches()) {
                issues.add(new LintIssue(Rule.MAP005, "Cache key parameter '" + text + "' is not of the form"
                        + " method.request.{path|querystring|header}.<name>", at));
            } else if (!RequestParameterMappings.declares(declared, RequestParameterMappings.location(parameter.group(1)), parameter.group(2))) {
                issues.add(new LintIssue(Rule.MAP005, "Cache key parameter '" + text + "' is not a parameter the operation declares as a "
                        + RequestParameterMappings.location(parameter.group(1)) + " parameter: API Gateway wants cache keys among the"
                        + " method's request parameters; declare it in the operation's parameters", at));
            } else if (!seen.add(text)) {
                issues.add(new LintIssue(Rule.MAP005, "Cache key parameter '" + text + "' is listed twice: remove the repeat"
                        + " (CloudFormation wants the entries unique)", at));
            }
        }
    }
}
