package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.dynamodb.DynamoDbOutputs;
import io.github.apigwddb.dynamodb.OutputShape;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.lint.IntegrationLinter;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.DerivedPathRead;
import io.github.apigwddb.vtl.InputPathCall;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RSP001: a literal JSONPath in a response template ({@code $input.path('$.Items')}) that can never select
 * anything in what DynamoDB answers for the statuses selecting that response: the action's output on 200,
 * the error body on 400 and 500. Static: judged once per integration, whatever the example.
 */
final class ResponsePathCheck implements ExampleCheck {

    private final TemplateRunner runner;

    ResponsePathCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        Optional<OutputShape> output = DynamoDbOutputs.output(run.action());
        if (output.isEmpty() || !run.reportedOnce.add("RSP001 checked")) {
            return;
        }
        for (IntegrationResponse response : run.integration.responses()) {
            Map<String, OutputShape> fedWith = new LinkedHashMap<>();
            boolean success = selects(run, response, "200");
            if (success) {
                fedWith.put(run.action() + "'s output", withRequestedTables(run, output.get()));
            }
            if (selects(run, response, "400") || selects(run, response, "500")) {
                // a response for errors only is often one template shared by every operation, branching on __type: reading
                // what another action's error carries (CancellationReasons) is its generality, not a mistake
                if (success) {
                    fedWith.put("DynamoDB's error body", DynamoDbOutputs.error(run.action()));
                } else {
                    fedWith.put("any of DynamoDB's error bodies", DynamoDbOutputs.error(null));
                }
            }
            if (fedWith.isEmpty()) {
                continue; // no DynamoDB status selects this response
            }
            for (MappingTemplate template : response.templates()) {
                CompiledTemplate compiled = runner.compiled(template);
                if (compiled == null) {
                    continue; // VTL001 is reported where it renders
                }
                for (InputPathCall call : compiled.inputPathCalls()) {
                    check(run, template, call, fedWith);
                }
                for (DerivedPathRead read : compiled.derivedPathReads()) {
                    check(run, template, read, fedWith);
                }
            }
        }
    }

    /**
     * BatchGetItem's {@code Responses} has a member per table of the request's {@code RequestItems}, named as there (a
     * table is case-sensitive: {@code $.Responses.bookmarks} for {@code Bookmarks} never matches). Other actions, and a
     * request whose table names did not render, keep the action's shape.
     */
    private static OutputShape withRequestedTables(ExampleRun run, OutputShape output) {
        JsonNode requested = run.requestJson == null ? null : run.requestJson.root().get("RequestItems");
        if (!"BatchGetItem".equals(run.action()) || !(requested instanceof ObjectNode tables) || tables.isEmpty()) {
            return output;
        }
        List<Object> members = new ArrayList<>();
        for (Iterator<String> names = tables.fieldNames(); names.hasNext(); ) {
            String table = names.next();
            if (table.isBlank()) {
                return output;
            }
            members.add(table);
            members.add(OutputShape.listOf(OutputShape.item()));
        }
        return OutputShape.structure("Responses", OutputShape.structure(members.toArray()), "UnprocessedKeys", OutputShape.any(),
                "ConsumedCapacity", OutputShape.any());
    }

    private static boolean selects(ExampleRun run, IntegrationResponse response, String status) {
        return IntegrationLinter.selectFor(status, run.integration.responses()) == response;
    }

    private static void check(ExampleRun run, MappingTemplate template, InputPathCall call, Map<String, OutputShape> fedWith) {
        String reasons = whyNeverMatches(call.jsonPath(), fedWith);
        if (reasons == null) {
            return;
        }
        String empty = "path".equals(call.method()) ? "an empty value" : "\"\"";
        run.inTemplate(Rule.RSP001, "$input." + call.method() + "('" + call.jsonPath() + "') never matches what DynamoDB answers,"
                + " so it always renders " + empty + ": " + reasons, template, call.line(), call.column());
    }

    /** A read through a variable; not when the {@code $input.path} it comes from never matches: that call is reported. */
    private static void check(ExampleRun run, MappingTemplate template, DerivedPathRead read, Map<String, OutputShape> fedWith) {
        String reasons = whyNeverMatches(read.jsonPath(), fedWith);
        if (reasons == null || whyNeverMatches(read.origin(), fedWith) != null) {
            return;
        }
        run.inTemplate(Rule.RSP001, read.reference() + " reads " + read.jsonPath() + " (of $input.path('" + read.origin() + "')), which"
                + " never matches what DynamoDB answers, so it always renders an empty value: " + reasons, template, read.line(), read.column());
    }

    /** Why the path matches in none of the shapes, one reason per shape; null when it may match in one. */
    private static String whyNeverMatches(String jsonPath, Map<String, OutputShape> fedWith) {
        StringBuilder reasons = new StringBuilder();
        for (Map.Entry<String, OutputShape> shape : fedWith.entrySet()) {
            String reason = OutputPathMatcher.neverMatches(jsonPath, shape.getValue());
            if (reason == null) {
                return null;
            }
            reasons.append(reasons.length() == 0 ? "" : "; ").append("in ").append(shape.getKey()).append(", ").append(reason);
        }
        return reasons.toString();
    }
}
