package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputPathCall;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * VTL017: a request template of a GET or HEAD operation that declares no body reads the body ({@code $input.path('$.id')},
 * {@code $input.json}, a written {@code $input.body}): clients that follow the definition send none, so the value is
 * empty for them, usually a slip for {@code $input.params('id')} (user trial: only a made-up body hid it). Said at each
 * read, with the parameter meant when the path's last name is one the operation declares. Static: once per integration.
 * The made-up example still has a body: API Gateway passes one a client sends anyway (curl can), and the injection
 * probe must see what such a body reaches.
 */
final class BodilessReadCheck implements ExampleCheck {

    private final TemplateRunner runner;

    BodilessReadCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        ApiOperation operation = run.integration.operation();
        JsonNode root = run.locator.spec().root();
        if (IntegrationExtractor.isWebSocketRoute(operation) || !operation.takesNoBody(root) || !run.reportedOnce.add("VTL017 checked")) {
            return;
        }
        List<JsonNode> declared = operation.parameters(root);
        for (MappingTemplate template : run.integration.requestTemplates()) {
            TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
            CompiledTemplate compiled = runner.compiled(template, deployed);
            if (compiled == null) {
                continue; // VTL001 is reported where it renders
            }
            for (InputPathCall call : compiled.inputPathCalls()) {
                String read = "$input." + call.method() + "('" + call.jsonPath() + "')";
                report(run, template, deployed, call.line(), call.column(), read, meant(call.jsonPath(), operation, declared));
            }
            for (int[] at : compiled.bodyWrites()) {
                report(run, template, deployed, at[0], at[1], "$input.body", null);
            }
        }
    }

    private static void report(ExampleRun run, MappingTemplate template, TemplateRunner.Deployed deployed, int line, int column,
            String read, String meant) {
        int[] at = deployed.written(template.text(), line, column);
        String method = run.integration.operation().method().toUpperCase(Locale.ROOT);
        run.once(run.locator.inTemplate(Rule.VTL017, "The template reads the request body (" + read + "), but a " + method
                + " request carries none and the operation declares none, so it is empty for every client that follows the definition"
                + (meant == null ? "; read a parameter ($input.params('name')) or declare a request body" : "; did you mean " + meant + "?"),
                template, at[0], at[1], run.operation(), null));
    }

    /** The parameter read meant: the declared one (or path variable) named as the JSONPath's last member, else null. */
    private static String meant(String jsonPath, ApiOperation operation, List<JsonNode> declared) {
        String last = jsonPath.substring(jsonPath.lastIndexOf('.') + 1).replaceAll("[\\[\\]'\"]", "");
        if (last.isEmpty() || last.equals("$")) {
            return null;
        }
        // a path variable first, then a declared parameter other than the body, as the operation writes its name
        return Stream.concat(operation.pathVariables().stream(), declared.stream().filter(p -> !"body".equals(p.path("in").asText()))
                        .map(p -> p.path("name").asText()))
                .filter(last::equalsIgnoreCase).findFirst().map(name -> "$input.params('" + name + "')").orElse(null);
    }
}
