package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.spec.DocumentSyntaxException;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.vtl.BranchReads;

/**
 * RSP004: an error response's template that hands DynamoDB's error type ({@code __type}, such as
 * {@code com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException}) to the client, through {@code $input.body},
 * {@code $input.json('$')} or {@code $input.path('$.__type')}. Judged on the client response an error answer renders:
 * the type's text in it, with a client status of 4xx or 5xx (an error that reaches a 200 is MAP010's). A response
 * without a template passes the same body on, and is not reported: that bare status mapping is what most definitions
 * write, and a template is where the author chose what the client sees. The message, which DynamoDB words for the
 * request, is not judged either: APIs pass it on on purpose (RSP005 checks it is escaped).
 */
final class ErrorTypeLeak {

    private static final String FIX = "write the API's own error instead ({\"message\": \"...\"} in the API's words), and where"
            + " clients must tell errors apart test the type in the template (#if($input.path('$.__type').endsWith('...Exception')))"
            + " and answer with a status or code of the API's own";

    private final TemplateRunner runner;
    private final DocumentParser json = new DocumentParser();

    ErrorTypeLeak(TemplateRunner runner) {
        this.runner = runner;
    }

    /** The finding for an error answer's render, in the run's words for its other render findings; null when none. */
    Finding judge(ExampleRun run, DynamoDbAnswers.Answer answer, ResponseRenderCheck.Rendered rendered) {
        MappingTemplate template = rendered.template();
        String type = errorType(answer);
        if (template == null || rendered.body() == null || type == null || rendered.status() == null || rendered.status() < 400
                || IntegrationExtractor.isWebSocketRoute(run.integration.operation()) || !rendered.body().contains(type)) {
            return null;
        }
        TextPosition value = positionOf(rendered.body(), type);
        int[] place = ValueWriter.of(runner, run, template, rendered.body(), value, ErrorTypeLeak::readsType,
                read -> !read.lastName().equalsIgnoreCase("message"));
        // the same words for every answer and status, so that the answers that give it are named in one finding
        return run.locator.inTemplate(Rule.RSP004, "The " + template.contentType() + " error response"
                + " gives the client DynamoDB's error type (its __type, such as com.amazonaws.dynamodb.v20120810#...), which tells"
                + " clients the API calls DynamoDB directly and which of its checks failed; " + FIX,
                template, place[0], place[1], run.operation(), run.example.name());
    }

    /** The answer's {@code __type}, the text that gives it away; null when it has none (a made-up success). */
    private String errorType(DynamoDbAnswers.Answer answer) {
        JsonNode body = json.treeOrNull(answer.body());
        JsonNode type = body == null ? null : body.get("__type");
        return type != null && type.isTextual() && type.textValue().contains("#") ? type.textValue() : null;
    }

    /** Where the type stands in the client body: the JSON value holding it, else the text's first occurrence. */
    private TextPosition positionOf(String body, String type) {
        try {
            ParsedDocument output = json.parseJson(body);
            String pointer = TypedJsonResponseCheck.first(output.root(), node -> node.isTextual() && node.textValue().contains(type));
            TextPosition at = pointer == null ? null : output.sourceMap().valueStart(pointer);
            if (at != null) {
                return at;
            }
        } catch (DocumentSyntaxException e) {
            // not JSON (RSP003 says so when it should be): found in the text
        }
        int index = body.indexOf(type);
        String before = body.substring(0, index);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        return new TextPosition(line, index - before.lastIndexOf('\n'), index);
    }

    /** Whether a JSONPath reads the whole error body or its type ({@code $}, {@code $.__type}). */
    private static boolean readsType(String jsonPath) {
        String path = BranchReads.normalPath(jsonPath);
        return path != null && (path.equals("$") || path.equals("$['__type']"));
    }
}
