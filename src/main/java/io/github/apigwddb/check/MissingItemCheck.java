package io.github.apigwddb.check;

import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputPathCall;

/**
 * What the client gets when GetItem finds no item: DynamoDB answers 200 without {@code Item}, which selects the same
 * integration response as a found item. The render of that answer is checked like any other (RSP003 and the rest,
 * once per integration); RSP002 when the template cannot tell the two apart: no condition of it may read the item,
 * so the client gets the success status and the item's fields empty.
 */
final class MissingItemCheck implements ExampleCheck {

    private final ResponseRenderCheck responses;
    private final TemplateRunner runner;

    MissingItemCheck(ResponseRenderCheck responses, TemplateRunner runner) {
        this.responses = responses;
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        if (!"GetItem".equals(run.action()) || run.renderedRequest == null || run.dynamoDbBody == null
                || !run.dynamoDbBody.contains("\"Item\"") || !run.reportedOnce.add("RSP002 checked")) {
            return; // the example's own answer has no item: it went down this path already
        }
        DynamoDbAnswers.Answer noItem = DynamoDbAnswers.NO_ITEM;
        ExampleRun scratch = run.variant(run.example);
        ResponseRenderCheck.Rendered rendered = responses.render(scratch, noItem, true);
        ResponseRenderCheck.reportOnce(run, scratch, noItem);
        if (rendered == null || rendered.template() == null || rendered.body() == null || rendered.status() == null
                || rendered.status() / 100 != 2) {
            return; // no template passes DynamoDB's answer through (MAP012); a failed render is reported above
        }
        CompiledTemplate compiled = runner.compiled(rendered.template());
        if (compiled == null || compiled.branchReads().mayReadBody("$.Item")) {
            return; // a condition may test for the item
        }
        int line = 1;
        int column = 1;
        for (InputPathCall call : compiled.inputPathCalls()) {
            if (call.jsonPath().startsWith("$.Item")) {
                line = call.line();
                column = call.column();
                break;
            }
        }
        run.once(run.locator.inTemplate(Rule.RSP002, "When GetItem finds no item, DynamoDB answers 200 without Item, and this template"
                + " gives the client status " + rendered.status() + " and " + OutputText.quote(rendered.body().strip())
                + ", as for an item with empty fields: no condition of the template tests for the item", rendered.template(), line, column,
                run.operation(), null));
    }
}
