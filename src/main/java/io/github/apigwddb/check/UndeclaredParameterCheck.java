package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputParamCall;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VTL014: a template reads a request parameter by a name the operation does not declare, where it declares one a typing
 * slip away ({@code $input.params('orderID')} beside path parameter {@code orderId}): names are case-sensitive, so the
 * read is empty, or filled from a query string parameter or header of that name that any client may send. A read of a
 * path parameter the path does not have is always empty. Other undeclared names (headers such as {@code Authorization}
 * that API Gateway passes on), and a name declared in another location, are not reported. Static: judged once per
 * integration; not for WebSocket routes, which declare no parameters.
 */
final class UndeclaredParameterCheck implements ExampleCheck {

    private final TemplateRunner runner;

    UndeclaredParameterCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    /** What the operation declares: its path's variables and its parameters. */
    private record Declared(Set<String> pathVariables, List<JsonNode> parameters) {

        boolean has(String location, String name) {
            boolean path = pathVariables.contains(name) || ApiOperation.declares(parameters, "path", name);
            boolean query = ApiOperation.declares(parameters, "query", name);
            boolean header = ApiOperation.declares(parameters, "header", name);
            return location == null ? path || query || header
                    : location.equals("path") ? path : location.equals("querystring") ? query : header;
        }

        /** Every declared name with the words for its location, for "did you mean". */
        Map<String, String> described() {
            Map<String, String> names = new LinkedHashMap<>();
            pathVariables.forEach(name -> names.put(name, "path parameter"));
            for (JsonNode parameter : parameters) {
                String kind = switch (parameter.path("in").asText()) {
                    case "path" -> "path parameter";
                    case "query" -> "query string parameter";
                    case "header" -> "header";
                    default -> null;
                };
                if (kind != null && parameter.path("name").isTextual()) {
                    names.putIfAbsent(parameter.path("name").asText(), kind);
                }
            }
            return names;
        }
    }

    @Override
    public void check(ExampleRun run) {
        ApiOperation operation = run.integration.operation();
        if (IntegrationExtractor.isWebSocketRoute(operation) || !run.reportedOnce.add("VTL014 checked")) {
            return;
        }
        Declared declared = new Declared(operation.pathVariables(), operation.parameters(run.locator.spec().root()));
        List<TemplateRunner.Readable> templates = runner.readable(run);
        List<String> unreadPathVariables = unreadPathVariables(operation, templates.stream().map(TemplateRunner.Readable::compiled).toList());
        for (TemplateRunner.Readable readable : templates) {
            MappingTemplate template = readable.template();
            TemplateRunner.Deployed deployed = readable.deployed();
            for (InputParamCall call : readable.compiled().inputParamCalls()) {
                String problem = problem(call, declared, operation.path(), unreadPathVariables);
                if (problem != null) {
                    int[] at = deployed.written(template.text(), call.line(), call.column());
                    run.once(run.locator.inTemplate(Rule.VTL014, problem, template, at[0], at[1], run.operation(), null));
                }
            }
        }
    }

    /**
     * Whether the read name begins or ends the path variable's, or the other way round, case aside ({@code id} and
     * {@code bookmarkId}); not a name with a hyphen, which is a header's ({@code X-Request-Id}, read on purpose).
     */
    private static boolean related(String read, String variable) {
        if (read.indexOf('-') >= 0) {
            return false;
        }
        String x = read.toLowerCase(Locale.ROOT);
        String y = variable.toLowerCase(Locale.ROOT);
        String shorter = x.length() <= y.length() ? x : y;
        String longer = x.length() <= y.length() ? y : x;
        return longer.startsWith(shorter) || longer.endsWith(shorter);
    }

    /**
     * The path's variables no template of the integration reads, by name or as a map: a path segment renamed
     * ({@code {bookmarkId}}) while the template still reads the old name ({@code $input.params('id')}).
     */
    private static List<String> unreadPathVariables(ApiOperation operation, Collection<CompiledTemplate> templates) {
        Set<String> read = new HashSet<>();
        for (CompiledTemplate compiled : templates) {
            if (compiled.paramMapReads().stream().anyMatch(map -> map.covers("path"))) {
                return List.of();
            }
            compiled.inputParamCalls().stream().filter(call -> call.location() == null || call.location().equals("path"))
                    .forEach(call -> read.add(call.name()));
        }
        return operation.pathVariables().stream().filter(name -> !read.contains(name)).toList();
    }

    private static String problem(InputParamCall call, Declared declared, String path, List<String> unreadPathVariables) {
        String name = call.name();
        String location = call.location();
        if (declared.has(location, name) || (!"path".equals(location) && declared.has(null, name))) {
            return null; // declared there, or declared elsewhere: not a typo
        }
        Map<String, String> described = declared.described();
        String nearest = Suggestions.nearest(name, described.keySet());
        String suggestion = nearest == null ? "" : "; did you mean " + described.get(nearest) + " '" + nearest + "'? (names are case-sensitive)";
        if ("path".equals(location)) {
            return "The template reads path parameter '" + name + "', which the path " + path + " does not have: it is always empty"
                    + suggestion;
        }
        if (nearest == null && location == null && unreadPathVariables.size() == 1 && related(name, unreadPathVariables.get(0))) {
            // no typo, but the path has a variable nothing reads, of a name like it: a renamed path segment (id, bookmarkId)
            String variable = unreadPathVariables.get(0);
            return "The template reads parameter '" + name + "', which the operation does not declare, and nothing reads path parameter"
                    + " '" + variable + "' of " + path + ": did you mean $input.params('" + variable + "')? As written, '" + name
                    + "' is empty unless the client sends a query string parameter or header of that name";
        }
        if (nearest == null) {
            return null; // an undeclared header or query string parameter the template may mean to read
        }
        String read = location == null ? "parameter" : location.equals("querystring") ? "query string parameter" : "header";
        String filledBy = location == null ? "a query string parameter or header" : location.equals("querystring")
                ? "a query string parameter" : "a header";
        return "The template reads " + read + " '" + name + "', which the operation does not declare" + suggestion
                + "; as written, it is empty unless the client sends " + filledBy + " of that name";
    }
}
