package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LocalReferences;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MAP011: the {@code responseParameters} of an integration response map onto headers the method response of its status
 * declares. API Gateway refuses the definition otherwise ("Invalid mapping expression specified: ... Invalid mapping
 * expression parameter specified: method.response.header.X", integration-facts §3), which CORS headers added to the
 * integration only are the usual cause of. Header names are compared without case, as HTTP compares them. Each value is
 * a mapping expression or a value in single quotes: YAML's own quotes around {@code '*'} leave it unquoted.
 */
final class ResponseHeaderMappings {

    private static final String PREFIX = "method.response.header.";
    /** What a header can be mapped from (integration-facts §3): a quoted fixed value, or where the value comes from. */
    private static final Pattern SOURCES = Pattern.compile("'.*'|integration\\.response\\.(header|multivalueheader)\\..+"
            + "|integration\\.response\\.body(\\..+)?|stageVariables\\..+|context\\..+", Pattern.DOTALL);

    private ResponseHeaderMappings() {
    }

    static void check(Integration integration, JsonNode root, List<LintIssue> issues) {
        JsonNode methodResponses = LocalReferences.resolve(root, integration.operation().node().path("responses"));
        for (IntegrationResponse response : integration.responses()) {
            JsonNode parameters = integration.node().path("responses").path(response.selectionPattern()).path("responseParameters");
            if (!parameters.isObject()) {
                continue;
            }
            JsonNode declared = response.statusCode() == null ? null : methodResponses.has(response.statusCode())
                    ? methodResponses.get(response.statusCode()) : methodResponses.get("default");
            // without a method response at all, MAP007 says so
            JsonNode headers = declared == null ? null : LocalReferences.resolve(root, declared).path("headers");
            String pointer = JsonPointers.child(response.pointer(), "responseParameters");
            for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> parameter = it.next();
                String key = parameter.getKey();
                String at = JsonPointers.child(pointer, key);
                if (!key.startsWith(PREFIX) || key.length() == PREFIX.length()) {
                    issues.add(new LintIssue(Rule.MAP011, "Response parameter '" + key + "' is not of the form method.response.header.<name>:"
                            + " API Gateway maps integration responses onto headers only (\"Invalid mapping identifier specified\")", at));
                    continue;
                }
                if (headers != null && !declares(headers, key.substring(PREFIX.length()))) {
                    issues.add(new LintIssue(Rule.MAP011, "Response parameter '" + key + "' maps onto a header the " + response.statusCode()
                            + " response of the operation does not declare: API Gateway refuses the definition (\"Invalid mapping expression"
                            + " parameter specified: " + key + "\"); declare it under responses." + response.statusCode() + ".headers", at));
                }
                // an intrinsic function (CloudFormation) is evaluated at deployment; one the plugin filled with a stand-in is
                // not judged either (the finding judges the value, see LintIssue.ofValue)
                String value = parameter.getValue().isTextual() ? parameter.getValue().textValue().trim() : null;
                if (value != null && !SOURCES.matcher(value).matches()) {
                    issues.add(LintIssue.ofValue(Rule.MAP011, "Response parameter '" + key + "' is mapped from '" + value + "', which is no"
                            + " mapping expression: API Gateway refuses the definition (\"Invalid mapping expression specified\"); a fixed"
                            + " value goes in single quotes, '" + value + "'" + (value.contains("'") ? "" : " (in YAML written \"'" + value
                            + "'\": the outer quotes are YAML's own)") + ", else map from integration.response.header.<name>,"
                            + " integration.response.body, stageVariables.<name> or context.<name>", at));
                }
            }
        }
    }

    private static boolean declares(JsonNode headers, String name) {
        for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
            if (it.next().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
