package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.lint.IntegrationLinter;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.RenderResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feeds DynamoDB's answers to the integration responses: selects the one API Gateway would (by status code),
 * renders its template, and checks that the client gets valid JSON for JSON content types (RSP003); the client's
 * status is the response's statusCode or the template's {@code responseOverride.status}. The success answer (the
 * example's {@code dynamodbResponse}, else one made up from the request) is recorded in the run; DynamoDB's
 * error answers are rendered too, and their problems reported once per integration.
 */
final class ResponseRenderCheck implements ExampleCheck {

    private final TemplateRunner runner;
    private final ErrorTypeLeak errorTypeLeak;
    private final DocumentParser json = new DocumentParser();

    ResponseRenderCheck(TemplateRunner runner) {
        this.runner = runner;
        this.errorTypeLeak = new ErrorTypeLeak(runner);
    }

    /** What a render of one answer gave. */
    record Rendered(IntegrationResponse selected, MappingTemplate template, Integer status, String body) {
    }

    @Override
    public void check(ExampleRun run) {
        if (run.renderedRequest == null) {
            return;
        }
        String action = run.action();
        JsonNode request = run.requestJson == null ? null : run.requestJson.root();
        Example.DynamoDbResponse given = run.example.dynamodbResponse();
        // what DynamoDB answers this request: the example's answer, its rejection, else a success made up from the request
        DynamoDbAnswers.Answer success = given != null
                ? new DynamoDbAnswers.Answer(given.status() + DynamoDbAnswers.errorName(given.body())
                        + (run.example.file() == null ? " (given on the command line)" : " (the example's dynamodbResponse)"),
                        given.status(), given.body())
                : run.rejection != null ? run.rejection : run.asIfAccepted ? asIfAccepted(madeUpSuccess(run)) : madeUpSuccess(run);
        run.dynamoDbStatus = success.status();
        run.dynamoDbBody = success.body();
        run.dynamoDbAnswerName = success.name();
        Rendered rendered = render(run, success, false);
        if (rendered != null) {
            run.selectedResponse = rendered.selected();
            run.responseTemplate = rendered.template();
            run.clientStatus = rendered.status();
            run.clientResponse = rendered.body();
            if (success.status() >= 400 && rendered.status() != null) {
                run.reportedOnce.add(ERROR_STATUS + success.name() + "|" + rendered.status()); // the example's own error, for MAP010
            }
            if (success.status() >= 400) {
                Finding leak = errorTypeLeak.judge(run, success, rendered);
                if (leak != null) {
                    run.once("errors|" + leak.rule() + "|" + leak.position() + "|" + leak.message(), worded(leak, success.name()));
                }
            }
        }
        if (run.asIfAccepted) {
            return; // the first pass rendered DynamoDB's errors already: this one is about the success alone
        }
        // a finding that several error answers give alike (one template for all) is one finding naming them all
        Map<Finding, List<String>> answersOf = new LinkedHashMap<>();
        for (DynamoDbAnswers.Answer error : DynamoDbAnswers.errors(action, request)) {
            if ((given != null || run.rejection != null) && success.status() == error.status()) {
                continue; // the example's own answer, or DynamoDB's rejection of its request, already went down this path
            }
            ExampleRun scratch = run.variant(run.example);
            Rendered errorRendered = render(scratch, error, true);
            if (errorRendered != null && errorRendered.status() != null) {
                run.reportedOnce.add(ERROR_STATUS + error.name() + "|" + errorRendered.status());
            }
            Finding leak = errorRendered == null ? null : errorTypeLeak.judge(scratch, error, errorRendered);
            if (leak != null) {
                scratch.findings.add(leak);
            }
            scratch.findings.forEach(finding -> answersOf.computeIfAbsent(finding, f -> new ArrayList<>()).add(error.name()));
            if (error == DynamoDbAnswers.VALIDATION && errorRendered != null && scratch.findings.stream().noneMatch(f -> f.rule() == Rule.RSP003)) {
                quotedErrorMessage(run, error, errorRendered);
            }
        }
        // keyed without the answers' names: an example whose own answer is one of them names fewer, and is the same finding;
        // a stand-in (CFN005) is the template's, whatever the answer, and said once with the other renders' ones
        answersOf.forEach((finding, answers) -> {
            if (finding.rule() == Rule.CFN005 || finding.rule() == Rule.VTL001) {
                run.once(finding); // the template's, whatever the answer: the same as the first render's
            } else if (finding.rule() == Rule.VTL015) {
                run.once(TemplateRunner.objectTextKey(finding), finding);
            } else {
                run.once("errors|" + finding.rule() + "|" + finding.position() + "|" + finding.message(), worded(finding, String.join(" or ", answers)));
            }
        });
    }

    /** Noted in an integration's {@code reportedOnce}, with an error answer's name and the client's status: for MAP010. */
    private static final String ERROR_STATUS = "error answer reaches the client|";

    /**
     * The client status each of DynamoDB's error answers got when rendered for the integration (the response's
     * statusCode, or the template's responseOverride.status), by answer ({@code 400 ValidationException}).
     */
    static Map<String, Set<Integer>> errorStatuses(Set<String> reportedOnce) {
        Map<String, Set<Integer>> statuses = new java.util.TreeMap<>();
        for (String noted : reportedOnce) {
            if (noted.startsWith(ERROR_STATUS)) {
                String[] parts = noted.substring(ERROR_STATUS.length()).split("\\|");
                // by the error alone: "400 ValidationException (DynamoDB rejects this request)" is the ValidationException
                int said = parts[0].indexOf(" (");
                String answer = said < 0 ? parts[0] : parts[0].substring(0, said);
                statuses.computeIfAbsent(answer, name -> new java.util.TreeSet<>()).add(Integer.valueOf(parts[1]));
            }
        }
        return statuses;
    }

    /** A client's value in DynamoDB's message, as a ValidationException repeats it (dynamodb-facts §7). */
    private static final String QUOTED_VALUE = ": The parameter cannot be converted to a numeric value: 1\"2";

    /**
     * RSP005 for error templates: a ValidationException's message repeats the client's value ("cannot be converted to a
     * numeric value: 1"2"), so a template that writes the message into a JSON string unescaped gives the client invalid
     * JSON for exactly the requests that carry a quote. Rendered again with such a message; said once per template.
     */
    private void quotedErrorMessage(ExampleRun run, DynamoDbAnswers.Answer error, Rendered rendered) {
        if (rendered.template() == null || rendered.body() == null || !meantAsJson(run, rendered.template(), rendered.body())
                || rendered.body().isBlank() || json.treeOrNull(rendered.body()) == null
                || run.reportedOnce.contains("RSP005|error|" + rendered.template().pointer())) {
            return;
        }
        JsonNode body = json.treeOrNull(error.body());
        if (!(body instanceof ObjectNode object) || !object.path("message").isTextual()) {
            return;
        }
        object.put("message", object.get("message").textValue() + QUOTED_VALUE);
        ExampleRun scratch = run.variant(run.example);
        render(scratch, new DynamoDbAnswers.Answer(error.name(), error.status(), object.toString()), true);
        scratch.findings.stream().filter(f -> f.rule() == Rule.RSP003).findFirst().ifPresent(broken -> {
            run.reportedOnce.add("RSP005|error|" + rendered.template().pointer());
            run.findings.add(new Finding(Rule.RSP005, Rule.RSP005.defaultSeverity(), "When DynamoDB's error message holds a double"
                    + " quote, as a ValidationException's does when it repeats the client's value (\"...cannot be converted to a"
                    + " numeric value: 1\"2\"), the " + name(run, rendered.template(), rendered.status()) + " is not valid JSON: the"
                    + " message is written without escaping; write it as " + FIX_QUOTES + " ("
                    + broken.message().substring(broken.message().lastIndexOf("is not valid JSON: ") + "is not valid JSON: ".length()) + ")",
                    broken.position(), broken.operation(), broken.example()));
        });
    }

    private static final String FIX_QUOTES = "$util.escapeJavaScript($input.path('$.message')).replaceAll(\"\\\\'\",\"'\")";

    /**
     * The findings of a render of another answer, in {@code run}, each once per integration and saying which answer
     * it was; a placeholder's stand-in (CFN005) is the template's, whatever the answer.
     */
    static void reportOnce(ExampleRun run, ExampleRun scratch, DynamoDbAnswers.Answer answer) {
        scratch.findings.forEach(finding -> run.once(worded(finding, answer.name())));
    }

    /**
     * The finding of a render of other answers, saying which; a placeholder's stand-in (CFN005) and a template that does not
     * parse (VTL001) are the template's whatever the answer, and said once with the first render's.
     */
    private static Finding worded(Finding finding, String answers) {
        return finding.rule() == Rule.CFN005 || finding.rule() == Rule.VTL001 ? finding : new Finding(finding.rule(), finding.severity(),
                "When DynamoDB answers " + answers + ": " + finding.message(), finding.position(), finding.operation(), finding.example());
    }

    /** Selects, renders and checks one answer; findings go to {@code run}. Null when no response is selected. */
    Rendered render(ExampleRun run, DynamoDbAnswers.Answer answer, boolean errorPath) {
        IntegrationResponse selected = IntegrationLinter.selectFor(String.valueOf(answer.status()), run.integration.responses());
        if (selected == null) {
            return null; // MAP006 names the statuses no response is selected for
        }
        Integer status = parseStatus(selected.statusCode());
        MappingTemplate template = responseTemplate(selected, run.example);
        if (template == null) {
            return new Rendered(selected, null, status, answer.body()); // no template: the payload passes through unmapped
        }
        RenderResult result = runner.renderResponse(run, template, answer.body());
        if (result == null) {
            return new Rendered(selected, template, status, null);
        }
        String body = result.output();
        Integer override = result.overrides() == null ? null : result.overrides().responseStatus();
        if (override != null) {
            // API Gateway returns an overridden status even when no method response declares it (unlike a statusCode).
            status = override;
        }
        if (meantAsJson(run, template, body) && !body.isBlank()) {
            try {
                json.parse(body, SpecFormat.JSON);
            } catch (DocumentSyntaxException e) {
                String outputLine = OutputText.line(body, e.position().line());
                int templateLine = new OutputLineMapper(template.text()).templateLineForError(body, e.position());
                String hint = !errorPath && run.example.dynamodbResponse() == null && run.rejection == null
                        ? " (DynamoDB's answer was made up from the request; give the example a dynamodbResponse to render a real one)" : "";
                run.inTemplate(Rule.RSP003, "The " + name(run, template, status) + " is not valid JSON"
                        + (errorPath ? "" : " when DynamoDB answers " + answer.name()) + ": " + e.getMessage()
                        + " at output line " + e.position().line() + ", column " + e.position().column() + ": "
                        + OutputText.excerpt(outputLine, e.position().column()) + hint, template, templateLine, 1);
            }
        }
        return new Rendered(selected, template, status, body);
    }

    /** The success made up for a request DynamoDB rejects, named so that its findings say why there is one. */
    private static DynamoDbAnswers.Answer asIfAccepted(DynamoDbAnswers.Answer success) {
        return new DynamoDbAnswers.Answer(success.name().replace("(made up from the request)",
                "(made up as if DynamoDB accepted the request, which it rejects now)"), success.status(), success.body());
    }

    /** A success for the run's request, holding the attributes the response templates read. */
    DynamoDbAnswers.Answer madeUpSuccess(ExampleRun run) {
        return DynamoDbAnswers.success(run.action(), run.requestJson == null ? null : run.requestJson.root(), attributesRead(run));
    }

    /**
     * Attributes the response templates read through literal paths ({@code $.Item.name.S}) or through variables
     * ({@code $item.name.S}), for a made-up item.
     */
    private Map<String, String> attributesRead(ExampleRun run) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (IntegrationResponse response : run.integration.responses()) {
            for (MappingTemplate template : response.templates()) {
                CompiledTemplate compiled = runner.compiled(template);
                if (compiled != null) {
                    for (InputPathCall call : compiled.inputPathCalls()) {
                        OutputPathMatcher.attributeRead(call.jsonPath(), attributes);
                    }
                    // #set($item = $input.path('$.Item')) ... $item.price.N
                    compiled.attributeReads().forEach(read -> attributes.putIfAbsent(read.name(), read.type()));
                }
            }
        }
        return attributes;
    }

    /**
     * Whether the client expects JSON: a JSON content type; a WebSocket route's response has none (its key is mostly
     * {@code $default}), so there one that starts as JSON ({@code {} or {@code [}) is held to it and other text is not.
     */
    static boolean meantAsJson(ExampleRun run, MappingTemplate template, String body) {
        if (Example.isJson(template.contentType())) {
            return true;
        }
        String start = body == null ? "" : body.stripLeading();
        return IntegrationExtractor.isWebSocketRoute(run.integration.operation()) && (start.startsWith("{") || start.startsWith("["));
    }

    /**
     * Whether the run's success answer (DynamoDB's 200) gave the client the JSON it expects through {@code template}: what
     * the checks that render the answer again, changed, compare with ({@link StoredStringCheck}, {@link MissingAttributeCheck}).
     */
    static boolean successRenderedAsJson(ExampleRun run, MappingTemplate template, DocumentParser json) {
        return template != null && run.clientResponse != null && !run.clientResponse.isBlank() && run.dynamoDbStatus != null
                && run.dynamoDbStatus == 200 && run.dynamoDbBody != null && meantAsJson(run, template, run.clientResponse)
                && json.treeOrNull(run.clientResponse) != null;
    }

    /** Why {@code output} is no JSON; null when it is, or is empty. */
    static DocumentSyntaxException syntaxError(DocumentParser json, String output) {
        if (output.isBlank()) {
            return null;
        }
        try {
            json.parse(output, SpecFormat.JSON);
            return null;
        } catch (DocumentSyntaxException e) {
            return e;
        }
    }

    /** How a message names the response: by content type and status, or a WebSocket route's, which has neither. */
    static String name(ExampleRun run, MappingTemplate template, Integer status) {
        return IntegrationExtractor.isWebSocketRoute(run.integration.operation()) ? "response the route sends the client"
                : template.contentType() + " response for status " + status;
    }

    /**
     * By the request's Accept header, else application/json, else the first template (API Gateway's order,
     * integration-facts §3).
     */
    private static MappingTemplate responseTemplate(IntegrationResponse response, Example example) {
        String accept = example.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Accept"))
                .map(e -> e.getValue().split(",")[0].trim()).findFirst().orElse(Example.DEFAULT_CONTENT_TYPE);
        for (String wanted : new String[] {accept, Example.DEFAULT_CONTENT_TYPE}) {
            for (MappingTemplate template : response.templates()) {
                if (template.contentType().equalsIgnoreCase(wanted)) {
                    return template;
                }
            }
        }
        return response.templates().isEmpty() ? null : response.templates().get(0);
    }

    private static Integer parseStatus(String statusCode) {
        try {
            return statusCode == null ? null : Integer.valueOf(statusCode.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
