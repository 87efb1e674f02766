package io.github.apigwddb.check;

import io.github.apigwddb.dynamodb.DynamoDbActions;
import io.github.apigwddb.dynamodb.DynamoDbRequestValidator;
import io.github.apigwddb.dynamodb.RequestViolation;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import io.github.apigwddb.spec.TextPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Validates the rendered request for the integration's DynamoDB action, pointing into the template line that produced each member. */
final class DynamoDbRequestCheck implements ExampleCheck {

    /** Violations of one rule that one template line gives alike, at each of these request paths. */
    private record Violations(Rule rule, int line, String message, List<String> paths) {
    }

    /** A list index in a request path or message: {@code L[1]}, {@code TransactItems[0]}. */
    private static final Pattern ELEMENT = Pattern.compile("\\[\\d+]");

    private final DynamoDbRequestValidator validator = new DynamoDbRequestValidator();

    @Override
    public void check(ExampleRun run) {
        String action = run.action();
        if (run.requestJson == null || action == null || !DynamoDbActions.isKnown(action)) {
            return;
        }
        OutputLineMapper lines = new OutputLineMapper(run.requestTemplate.text());
        // one template line in a #foreach writes every element of a list: its violations are one finding, naming each place
        Map<String, Violations> byPlace = new LinkedHashMap<>();
        for (RequestViolation violation : validator.validate(action, run.requestJson.root(), run.tables)) {
            Rule rule = Rule.byId(violation.ruleId()).orElse(Rule.DDB000);
            TextPosition where = run.requestJson.sourceMap().locate(violation.jsonPointer());
            int templateLine = lines.templateLineFor(where.line(), OutputText.line(run.renderedRequest, where.line()));
            // DDB001's message names the missing member but not where: each place stays a finding of its own
            String key = rule + "|" + templateLine + "|" + (rule == Rule.DDB001 ? violation.path() + "|" + violation.message()
                    : ELEMENT.matcher(violation.path()).replaceAll("[]") + "|" + ELEMENT.matcher(violation.message()).replaceAll("[]"));
            byPlace.computeIfAbsent(key, k -> new Violations(rule, templateLine, violation.message(), new ArrayList<>()))
                    .paths().add(violation.path());
            if (run.rejection == null && rule.defaultSeverity() == Severity.ERROR && rule != Rule.DDB000) {
                run.rejection = DynamoDbAnswers.rejecting(rule.id(), violation.message()); // DynamoDB stops at the first
            }
        }
        for (Violations alike : byPlace.values()) {
            List<String> paths = alike.paths();
            // A missing member's message already names it; for others, say where in the request it is.
            String member = paths.get(0).isEmpty() || alike.rule() == Rule.DDB001 ? "" : " at " + paths.get(0);
            String also = paths.size() == 1 || member.isEmpty() ? "" : " (the same at " + String.join(", ",
                    paths.subList(1, Math.min(paths.size(), 4))) + (paths.size() > 4 ? " and " + (paths.size() - 4) + " more" : "") + ")";
            run.inTemplate(alike.rule(), action + " request" + member + ": " + alike.message() + also, run.requestTemplate, alike.line(), 1);
        }
    }
}
