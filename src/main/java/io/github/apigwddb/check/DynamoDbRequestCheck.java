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

    /**
     * Violations of one rule that one template line gives alike, at each of these request paths.
     *
     * @param column where on the template line the first violation's member is written, 1 when it is not found
     */
    private record Violations(Rule rule, int line, int column, String message, List<String> paths) {
    }

    /** A list index in a request path or message: {@code L[1]}, {@code TransactItems[0]}. */
    private static final Pattern ELEMENT = Pattern.compile("\\[\\d+]");

    private final DynamoDbRequestValidator validator = new DynamoDbRequestValidator();

    /**
     * The column of the member a violation is about on its template line: the innermost member name of the pointer
     * written there as a JSON key ({@code "UpdateExpression"}), so the finding points at it rather than at the line's
     * start; 1 when the line does not write it once (a name a loop or a variable writes).
     *
     * @param text the template line
     */
    static int memberColumn(String text, String jsonPointer) {
        String[] steps = jsonPointer.split("/");
        for (int i = steps.length - 1; i > 0; i--) {
            String name = steps[i].replace("~1", "/").replace("~0", "~");
            if (name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
                continue; // a list index: its member is further up
            }
            String key = "\"" + name + "\"";
            int at = text.indexOf(key);
            if (at >= 0 && text.indexOf(key, at + 1) < 0) {
                return at + 1;
            }
        }
        return 1;
    }

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
            int templateLine = lines.templateLineFor(where.line(), OutputText.line(run.renderedRequest, where.line()), where.column());
            // DDB001's message names the missing member but not where: each place stays a finding of its own
            String key = rule + "|" + templateLine + "|" + (rule == Rule.DDB001 ? violation.path() + "|" + violation.message()
                    : ELEMENT.matcher(violation.path()).replaceAll("[]") + "|" + ELEMENT.matcher(violation.message()).replaceAll("[]"));
            byPlace.computeIfAbsent(key, k -> new Violations(rule, templateLine,
                    memberColumn(OutputText.line(run.requestTemplate.text(), templateLine), violation.jsonPointer()),
                    violation.message(), new ArrayList<>())).paths().add(violation.path());
            if (run.rejection == null && !run.asIfAccepted && rule.defaultSeverity() == Severity.ERROR && rule != Rule.DDB000) {
                run.rejection = DynamoDbAnswers.rejecting(rule.id(), violation.message()); // DynamoDB stops at the first
            }
        }
        for (Violations alike : byPlace.values()) {
            List<String> paths = alike.paths();
            // A missing member's message already names it; for others, say where in the request it is.
            String member = paths.get(0).isEmpty() || alike.rule() == Rule.DDB001 ? "" : " at " + paths.get(0);
            String also = paths.size() == 1 || member.isEmpty() ? "" : " (the same at " + String.join(", ",
                    paths.subList(1, Math.min(paths.size(), 4))) + (paths.size() > 4 ? " and " + (paths.size() - 4) + " more" : "") + ")";
            // the same words at the same place in another example's request: the template's, said once
            run.once(run.locator.inTemplate(alike.rule(), action + " request" + member + ": " + alike.message() + also + fix(alike), run.requestTemplate,
                    alike.line(), alike.column(), run.operation(), run.example.name()));
        }
    }

    /**
     * The fix where DynamoDB's words name only its parser's token: a number written as a JSON number where DynamoDB takes
     * its text (user trial: "DECIMAL_VALUE cannot be converted to String" did not say what to write).
     */
    private static String fix(Violations alike) {
        boolean numberAsNumber = alike.rule() == Rule.DDB003 && alike.paths().get(0).endsWith(".N")
                && (alike.message().startsWith("NUMBER_VALUE ") || alike.message().startsWith("DECIMAL_VALUE "))
                && alike.message().endsWith(" cannot be converted to String");
        return numberAsNumber ? "; DynamoDB takes a number as a JSON string ({\"N\": \"19.9\"}): write the value in quotes in the template" : "";
    }
}
