package io.github.apigwddb.check;

import io.github.apigwddb.dynamodb.DynamoDbActions;
import io.github.apigwddb.dynamodb.DynamoDbRequestValidator;
import io.github.apigwddb.dynamodb.RequestViolation;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import io.github.apigwddb.spec.TextPosition;

/** Validates the rendered request for the integration's DynamoDB action, pointing into the template line that produced each member. */
final class DynamoDbRequestCheck implements ExampleCheck {

    private final DynamoDbRequestValidator validator = new DynamoDbRequestValidator();

    @Override
    public void check(ExampleRun run) {
        String action = run.action();
        if (run.requestJson == null || action == null || !DynamoDbActions.isKnown(action)) {
            return;
        }
        OutputLineMapper lines = new OutputLineMapper(run.requestTemplate.text());
        for (RequestViolation violation : validator.validate(action, run.requestJson.root(), run.tables)) {
            Rule rule = Rule.byId(violation.ruleId()).orElse(Rule.DDB000);
            TextPosition where = run.requestJson.sourceMap().locate(violation.jsonPointer());
            int templateLine = lines.templateLineFor(where.line(), OutputText.line(run.renderedRequest, where.line()));
            // A missing member's message already names it; for others, say where in the request it is.
            String member = violation.path().isEmpty() || rule == Rule.DDB001 ? "" : " at " + violation.path();
            run.inTemplate(rule, action + " request" + member + ": " + violation.message(), run.requestTemplate, templateLine, 1);
            if (run.rejection == null && rule.defaultSeverity() == Severity.ERROR && rule != Rule.DDB000) {
                run.rejection = DynamoDbAnswers.rejecting(rule.id(), violation.message()); // DynamoDB stops at the first
            }
        }
    }
}
