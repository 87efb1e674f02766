package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.StatusOverride;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * VTL008: a template that sets {@code $context.responseOverride.status} to a status the operation declares no response
 * for, in a response template. API Gateway answers with it all the same (vtl-facts: a MOCK answered 444), so nothing fails; but the definition
 * then does not say what clients get, and clients and documentation made from it miss the status (a 404 for a missing
 * item, a 409 for a failed condition). Static: every literal status the template may set, once per place; a computed
 * status is not judged. WebSocket routes have no method responses.
 */
final class StatusOverrideCheck implements ExampleCheck {

    private final TemplateRunner runner;

    StatusOverrideCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        if (IntegrationExtractor.isWebSocketRoute(run.integration.operation())) {
            return;
        }
        JsonNode declared = run.integration.operation().node().path("responses");
        Set<MappingTemplate> responseTemplates = new HashSet<>();
        run.integration.responses().forEach(response -> responseTemplates.addAll(response.templates()));
        for (TemplateRunner.Readable readable : runner.readable(run)) {
            MappingTemplate template = readable.template();
            if (!responseTemplates.contains(template)) {
                continue; // a request template's status reaches the client with a mock integration only (vtl-facts)
            }
            for (StatusOverride override : readable.compiled().statusOverrides()) {
                // a status outside 100-599 is ignored as an override (facts §7, inferred): not a status clients get
                if (override.status() == null || override.status() < 100 || override.status() > 599 || declares(declared, override.status())) {
                    continue;
                }
                int[] at = readable.deployed().written(template.text(), override.line(), override.column());
                run.once(run.locator.inTemplate(Rule.VTL008, "The template answers with status " + override.status()
                        + " ($context.responseOverride.status), which the operation declares no response for: API Gateway sends it all"
                        + " the same, but the definition does not say clients can get it; add a \"" + override.status()
                        + "\" response to the operation's responses", template, at[0], at[1], run.operation(), null));
            }
        }
    }

    /**
     * Whether the responses declare the status: itself, its class ({@code 4XX}, OpenAPI 3), or {@code default}. An
     * operation without responses is the structure check's (they are required). Unlike MAP007's lookup for an integration
     * response's statusCode, which API Gateway needs as a method response of that exact status, a class counts here:
     * the question is only whether the definition tells clients of the status.
     */
    private static boolean declares(JsonNode responses, int status) {
        if (!responses.isObject() || responses.has("default") || responses.has(String.valueOf(status))) {
            return true;
        }
        String range = (status / 100) + "XX";
        for (var names = responses.fieldNames(); names.hasNext(); ) {
            if (names.next().toUpperCase(Locale.ROOT).equals(range)) {
                return true;
            }
        }
        return false;
    }
}
