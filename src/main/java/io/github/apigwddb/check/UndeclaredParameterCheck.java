package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputParamCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VTL014: a template reads a request parameter by a name the operation does not declare, where it declares one a typing
 * slip away ({@code $input.params('orderID')} beside path parameter {@code orderId}): names are case-sensitive, so the
 * read is empty, or filled from a query string parameter or header of that name that any client may send. A read of a
 * path parameter the path does not have is always empty. Other undeclared names (headers such as {@code Authorization}
 * that API Gateway passes on) are not reported. Static: judged once per integration; not for WebSocket routes, which
 * declare no parameters.
 */
final class UndeclaredParameterCheck implements ExampleCheck {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}+]+)\\+?}");

    private final TemplateRunner runner;

    UndeclaredParameterCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        ApiOperation operation = run.integration.operation();
        if (IntegrationExtractor.isWebSocketRoute(operation) || !run.reportedOnce.add("VTL014 checked")) {
            return;
        }
        Map<String, String> declared = declared(run, operation); // name -> "path parameter", "query string parameter", "header"
        for (MappingTemplate template : run.integration.templates()) {
            TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
            CompiledTemplate compiled = deployed.wholePlaceholder(template) ? null : runner.compiled(template, deployed);
            if (compiled == null) {
                continue; // VTL001 or CFN005 says why
            }
            for (InputParamCall call : compiled.inputParamCalls()) {
                String problem = problem(call, declared, operation.path());
                if (problem != null) {
                    int[] at = deployed.written(template.text(), call.line(), call.column());
                    run.once(run.locator.inTemplate(Rule.VTL014, problem, template, at[0], at[1], run.operation(), null));
                }
            }
        }
    }

    private static String problem(InputParamCall call, Map<String, String> declared, String path) {
        String name = call.name();
        String location = call.location();
        boolean known = location == null ? declared.containsKey(name) || declaredHeader(declared, name) != null
                : location.equals("path") ? "path parameter".equals(declared.get(name))
                : location.equals("querystring") ? "query string parameter".equals(declared.get(name))
                : declaredHeader(declared, name) != null;
        if (known) {
            return null;
        }
        String nearest = Suggestions.nearest(name, declared.keySet());
        String suggestion = nearest == null ? "" : "; did you mean " + declared.get(nearest) + " '" + nearest + "'? (names are case-sensitive)";
        if ("path".equals(location)) {
            return "The template reads path parameter '" + name + "', which the path " + path + " does not have: it is always empty"
                    + suggestion;
        }
        if (nearest == null) {
            return null; // an undeclared header or query string parameter the template may mean to read
        }
        return "The template reads " + (location == null ? "parameter" : "querystring".equals(location) ? "query string parameter"
                : "header") + " '" + name + "', which the operation does not declare" + suggestion + "; as written, it is empty unless"
                + " the client sends a query string parameter or header of that name";
    }

    /** The declared header of that name (header names are case-insensitive on the wire), else null. */
    private static String declaredHeader(Map<String, String> declared, String name) {
        return declared.entrySet().stream().filter(e -> "header".equals(e.getValue()) && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static Map<String, String> declared(ExampleRun run, ApiOperation operation) {
        Map<String, String> declared = new LinkedHashMap<>();
        Matcher variables = PATH_VARIABLE.matcher(operation.path() == null ? "" : operation.path());
        while (variables.find()) {
            declared.put(variables.group(1), "path parameter");
        }
        for (JsonNode parameter : operation.parameters(run.locator.spec().root())) {
            String kind = switch (parameter.path("in").asText()) {
                case "path" -> "path parameter";
                case "query" -> "query string parameter";
                case "header" -> "header";
                default -> null;
            };
            if (kind != null && parameter.path("name").isTextual()) {
                declared.putIfAbsent(parameter.path("name").asText(), kind);
            }
        }
        return declared;
    }
}
