package io.github.apigwddb.check;

import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.RenderResult;
import io.github.apigwddb.vtl.RequestTemplateSelector;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Selects the request template as API Gateway does, renders it, and parses the output as JSON: a request
 * that is not JSON is VTL002 (DynamoDB would answer SerializationException).
 */
final class RequestRenderCheck implements ExampleCheck {

    private final TemplateRunner runner;
    private final DocumentParser json = new DocumentParser();

    RequestRenderCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        if (run.gatewayAnswer != null) {
            return; // API Gateway answered before any template runs
        }
        run.requestTemplate = select(run);
        if (run.requestTemplate == null) {
            return;
        }
        RenderResult result = runner.render(run, run.requestTemplate, run.example.body());
        if (result == null) {
            return;
        }
        String output = result.output();
        run.renderedRequest = output;
        MappingTemplate template = run.requestTemplate;
        if (output.isBlank()) {
            run.inTemplate(Rule.VTL002, "The rendered request is empty; DynamoDB answers SerializationException", template, 1, 1);
            run.rejection = DynamoDbAnswers.notJson();
            return;
        }
        try {
            run.requestJson = json.parseJsonValue(output);
        } catch (DocumentSyntaxException e) {
            String outputLine = OutputText.line(output, e.position().line());
            int templateLine = new OutputLineMapper(template.text()).templateLineForError(output, e.position());
            // one template line that breaks the JSON breaks it for every example, each with its own text: said once, with
            // the first example's (message-to-fix trial: three VTL002 at one place)
            int[] at = {templateLine, 1};
            String hint = quotedJsonRead(run, template, at);
            Finding finding = run.locator.inTemplate(Rule.VTL002, "The rendered request is not valid JSON (DynamoDB answers"
                    + " SerializationException): " + e.getMessage() + " at output line " + e.position().line() + ", column "
                    + e.position().column() + ": " + OutputText.excerpt(outputLine, e.position().column()) + hint, template, at[0], at[1],
                    run.operation(), run.example.name());
            run.once("VTL002|" + finding.position(), finding);
            run.rejection = DynamoDbAnswers.notJson();
        }
    }

    /**
     * The likely cause when the line that breaks the JSON writes {@code $input.json(...)} inside a string's quotes
     * ({@code "S": "$input.json('$.id')"}): that call writes JSON, quotes included (user trial: the bare parse error did
     * not say so). Moves {@code at} (line, column as written) to the call; empty when there is none on that line.
     */
    private String quotedJsonRead(ExampleRun run, MappingTemplate template, int[] at) {
        TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
        CompiledTemplate compiled = runner.compiled(template, deployed);
        if (compiled == null) {
            return "";
        }
        for (InputPathCall call : compiled.inputPathCalls()) {
            int[] written = deployed.written(template.text(), call.line(), call.column());
            if (call.method().equals("json") && call.slot().quoted() && written[0] == at[0]) {
                at[1] = written[1];
                String json = "$input.json('" + call.jsonPath() + "')";
                return "; " + json + " writes JSON, quotes included, so inside a string's quotes it ends the string: write it without"
                        + " the quotes, or $util.escapeJavaScript($input.path('" + call.jsonPath() + "')) inside them";
            }
        }
        return "";
    }

    /** The template API Gateway picks for the example's Content-Type; null when it would pass through or answer 415. */
    private static MappingTemplate select(ExampleRun run) {
        RequestTemplateSelector.Selection selection = selection(run.integration, run.example.contentType());
        String behavior = run.integration.passthroughBehavior() == null ? null : run.integration.passthroughBehavior().text();
        if (IntegrationExtractor.isWebSocketRoute(run.integration.operation())) {
            return templateOf(run.integration, selection); // a message has no Content-Type: AGW011/AGW012 speak of the route's
        }
        if (selection.outcome() == RequestTemplateSelector.Outcome.PASSTHROUGH) {
            String type = selection.contentType();
            run.once("AGW011|" + type, run.locator.atExample(Rule.AGW011, "Example '" + run.example.name() + "' is sent with Content-Type '"
                    + type + "', which has no request template: API Gateway passes its body to DynamoDB untransformed"
                    + " (passthroughBehavior " + (behavior == null ? "when_no_match by default" : behavior) + "), so the client chooses"
                    + " the table and the request", run.example, "contentType", run.operation()));
        } else if (selection.outcome() == RequestTemplateSelector.Outcome.UNSUPPORTED_MEDIA_TYPE && !expects415(run)
                && !sameMediaType(run)) {
            run.atExample(Rule.EXM005, "API Gateway answers 415 Unsupported Media Type to this example before calling DynamoDB: its"
                    + " Content-Type '" + run.example.contentType() + "' has no request template and passthroughBehavior is "
                    + (behavior == null ? "when_no_match" : behavior) + "; add a template for it, or send the example as one the"
                    + " templates take (" + String.join(", ", run.integration.requestTemplates().stream().map(MappingTemplate::contentType)
                            .distinct().toList()) + ")", "contentType");
        }
        return templateOf(run.integration, selection);
    }

    /**
     * Whether the example's Content-Type is a template's but for case or parameters ({@code application/json; charset=utf-8}):
     * how API Gateway matches those is not known (vtl-facts §1), so no 415 is claimed for them.
     */
    private static boolean sameMediaType(ExampleRun run) {
        String type = run.example.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        return run.integration.requestTemplates().stream().anyMatch(t -> t.contentType().trim().toLowerCase(Locale.ROOT).equals(type));
    }

    /** Whether the example says it expects the 415, as an example of what clients must not send. */
    private static boolean expects415(ExampleRun run) {
        return run.example.expect() != null && Integer.valueOf(415).equals(run.example.expect().status());
    }

    /** The template API Gateway picks for a request with this Content-Type; null when it would pass through or answer 415. */
    static MappingTemplate templateFor(Integration integration, String contentType) {
        return templateOf(integration, selection(integration, contentType));
    }

    private static RequestTemplateSelector.Selection selection(Integration integration, String contentType) {
        Map<String, String> byType = new LinkedHashMap<>();
        for (MappingTemplate template : integration.requestTemplates()) {
            byType.put(template.contentType(), template.text());
        }
        String behavior = integration.passthroughBehavior() == null ? null : integration.passthroughBehavior().text();
        return RequestTemplateSelector.select(byType, contentType, passthrough(behavior));
    }

    private static MappingTemplate templateOf(Integration integration, RequestTemplateSelector.Selection selection) {
        if (selection.outcome() != RequestTemplateSelector.Outcome.TRANSFORM) {
            return null;
        }
        // the last template of a content type is the one the selection saw
        MappingTemplate chosen = null;
        for (MappingTemplate template : integration.requestTemplates()) {
            if (template.contentType().equals(selection.contentType())) {
                chosen = template;
            }
        }
        return chosen;
    }

    private static RequestTemplateSelector.PassthroughBehavior passthrough(String text) {
        if (text == null) {
            return RequestTemplateSelector.PassthroughBehavior.WHEN_NO_MATCH;
        }
        try {
            return RequestTemplateSelector.PassthroughBehavior.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return RequestTemplateSelector.PassthroughBehavior.WHEN_NO_MATCH;
        }
    }

    static String contentTypeOf(Example example) {
        return example.contentType() == null ? Example.DEFAULT_CONTENT_TYPE : example.contentType();
    }
}
