package io.github.apigwddb.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.examples.Example;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.DocumentParser;
import io.github.apigwddb.vtl.BranchReads;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputPathCall;
import java.util.Objects;

/**
 * What the client gets when GetItem finds no item: DynamoDB answers 200 without {@code Item}, which selects the same
 * integration response as a found item. The render of that answer is checked like any other (RSP003 and the rest,
 * once per integration). RSP002 when the client cannot tell the two apart: no condition of the template may read the
 * item, and the two responses have the same status and the same JSON shape, the item's fields left empty. The same
 * render, without RSP002, for a Query or Scan that matches nothing ({@code "Items": []}): a template that reads
 * {@code $.Items[0]} may break on it.
 */
final class MissingItemCheck implements ExampleCheck {

    private final ResponseRenderCheck responses;
    private final TemplateRunner runner;
    private final DocumentParser json = new DocumentParser();

    MissingItemCheck(ResponseRenderCheck responses, TemplateRunner runner) {
        this.responses = responses;
        this.runner = runner;
    }

    /** Renders the answer to a Query or Scan that matched nothing, unless the example's own answer was one. */
    private void emptyResult(ExampleRun run) {
        Example.DynamoDbResponse given = run.example.dynamodbResponse();
        if (run.renderedRequest == null || !run.reportedOnce.add("empty result checked")
                || given != null && given.status() == 200 && given.body().replaceAll("\\s", "").contains("\"Items\":[]")) {
            return;
        }
        ExampleRun scratch = run.variant(run.example);
        DynamoDbAnswers.Answer noItems = DynamoDbAnswers.withConsumedCapacity(DynamoDbAnswers.NO_ITEMS, requestOf(run));
        responses.render(scratch, noItems, true);
        ResponseRenderCheck.reportOnce(run, scratch, noItems);
    }

    private static JsonNode requestOf(ExampleRun run) {
        return run.requestJson == null ? null : run.requestJson.root();
    }

    @Override
    public void check(ExampleRun run) {
        if ("Query".equals(run.action()) || "Scan".equals(run.action())) {
            emptyResult(run);
            return;
        }
        Example.DynamoDbResponse given = run.example.dynamodbResponse();
        if (!"GetItem".equals(run.action()) || run.renderedRequest == null || !run.reportedOnce.add("RSP002 checked")) {
            return;
        }
        if (given != null && given.status() == 200 && !given.body().contains("\"Item\"")) {
            return; // the example's own answer is this one: it went down this path already
        }
        // the found item: the run's own answer when it was one, else one made up (the run's request may have been refused)
        ResponseRenderCheck.Rendered found = run.dynamoDbBody != null && run.dynamoDbStatus != null && run.dynamoDbStatus == 200
                && run.dynamoDbBody.contains("\"Item\"") && run.responseTemplate != null
                ? new ResponseRenderCheck.Rendered(run.selectedResponse, run.responseTemplate, run.clientStatus, run.clientResponse)
                : responses.render(run.variant(run.example), responses.madeUpSuccess(run), true);
        DynamoDbAnswers.Answer noItem = DynamoDbAnswers.withConsumedCapacity(DynamoDbAnswers.NO_ITEM, requestOf(run));
        ExampleRun scratch = run.variant(run.example);
        ResponseRenderCheck.Rendered missing = responses.render(scratch, noItem, true);
        ResponseRenderCheck.reportOnce(run, scratch, noItem);
        if (found == null || missing == null || missing.template() == null || missing.template() != found.template()
                || missing.body() == null || found.body() == null || !Objects.equals(missing.status(), found.status())
                || missing.status() != null && missing.status() / 100 != 2) {
            return; // no template passes DynamoDB's answer through (MAP012); a failed render is reported above
        }
        CompiledTemplate compiled = runner.compiled(missing.template());
        if (compiled == null || compiled.mayTest("$.Item")) {
            return; // the template may test for the item (a test of an attribute, #if($item.tag), does not tell)
        }
        JsonNode foundJson = json.treeOrNull(found.body());
        JsonNode missingJson = json.treeOrNull(missing.body());
        if (foundJson == null || missingJson == null || !emptied(foundJson, missingJson)) {
            return; // the client gets something else than the item's shape (or not JSON, which RSP003 says)
        }
        // at the first read inside the item, else of the item itself (read into a variable), else the template's start
        InputPathCall at = null;
        boolean inside = false;
        for (InputPathCall call : compiled.inputPathCalls()) {
            String path = BranchReads.normalPath(call.jsonPath());
            boolean item = path != null && path.startsWith("$['Item']");
            if (item && (at == null || !inside && path.startsWith("$['Item']["))) {
                at = call;
                inside = path.startsWith("$['Item'][");
            }
        }
        int line = at == null ? 1 : at.line();
        int column = at == null ? 1 : at.column();
        run.once(run.locator.inTemplate(Rule.RSP002, "When GetItem finds no item, DynamoDB answers 200 without Item, and this template"
                + (missing.status() == null ? " sends the client " : " gives the client status " + missing.status() + " and ")
                + OutputText.quote(missing.body().strip())
                + ", an item's shape with its fields empty: no condition of the template tests for the item", missing.template(), line,
                column, run.operation(), null));
    }

    /**
     * Whether {@code missing} is {@code found}'s shape with values emptied: the same members and types, where an attribute's
     * value may also be {@code null} or a list of values empty (a template that writes an attribute it lacks as null, or
     * loops over none); an object or a list of objects that becomes null or empty tells the two apart.
     */
    private static boolean emptied(JsonNode found, JsonNode missing) {
        // a list of no items where a found one gives one tells the client; inside the item, an empty list is an attribute's
        return found.getNodeType() == missing.getNodeType() && !(found.isArray() && missing.isEmpty() && !found.isEmpty())
                && emptiedMembers(found, missing);
    }

    /** Inside: a value may be null where an attribute's was (not where an object was: a whole item left out tells). */
    private static boolean emptiedInside(JsonNode found, JsonNode missing) {
        return missing.isNull() && !found.isContainerNode() || found.getNodeType() == missing.getNodeType() && emptiedMembers(found, missing);
    }

    private static boolean emptiedMembers(JsonNode found, JsonNode missing) {
        if (found.isObject()) {
            if (found.size() != missing.size()) {
                return false;
            }
            for (var members = found.fields(); members.hasNext(); ) {
                var member = members.next();
                JsonNode other = missing.get(member.getKey());
                if (other == null || !emptiedInside(member.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (found.isArray()) {
            if (missing.isEmpty()) {
                // a list of an attribute's values left empty; a list of objects (items, rows) left empty tells
                return found.isEmpty() || !found.get(0).isContainerNode();
            }
            if (found.size() != missing.size()) {
                return false;
            }
            for (int i = 0; i < found.size(); i++) {
                if (!emptiedInside(found.get(i), missing.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }
}
