package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.integration.ApiOperation;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.validation.RequestValidators;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * MAP013: request validation as {@code x-amazon-apigateway-request-validators} defines it at the root (a map of names to
 * {@code {validateRequestBody, validateRequestParameters}}, both booleans) and {@code x-amazon-apigateway-request-validator}
 * chooses it, for the whole API at the root and for one method on the operation (integration-facts.md §8.1). A name
 * the map lacks, or a misspelt setting, leaves the method without the validation it asks for: whether API Gateway then
 * refuses the import or imports without validation is not documented, so the rule says both.
 */
final class ValidatorDefinitions {

    private static final String VALIDATORS = RequestValidators.VALIDATORS;
    private static final String VALIDATOR = RequestValidators.VALIDATOR;
    private static final List<String> SETTINGS = List.of("validateRequestBody", "validateRequestParameters");

    private ValidatorDefinitions() {
    }

    /** The root's map and its default choice. */
    static void checkRoot(JsonNode root, List<LintIssue> issues) {
        JsonNode validators = root.path(VALIDATORS);
        String mapPointer = "/" + JsonPointers.escape(VALIDATORS);
        if (!validators.isMissingNode() && !validators.isObject()) {
            issues.add(new LintIssue(Rule.MAP013, VALIDATORS + " is not a map of validator names to their settings", mapPointer));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = validators.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> validator = it.next();
            checkSettings(validator.getKey(), validator.getValue(), JsonPointers.child(mapPointer, validator.getKey()), issues);
        }
        checkChoice(root.path(VALIDATOR), root, "/" + JsonPointers.escape(VALIDATOR), "The API's default", issues);
    }

    /** An operation's own choice. */
    static void checkOperation(ApiOperation operation, JsonNode root, List<LintIssue> issues) {
        checkChoice(operation.node().path(VALIDATOR), root, JsonPointers.child(operation.pointer(), VALIDATOR), "The operation's", issues);
    }

    private static void checkSettings(String name, JsonNode settings, String pointer, List<LintIssue> issues) {
        if (!settings.isObject()) {
            issues.add(new LintIssue(Rule.MAP013, "Request validator '" + name + "' is not an object of validateRequestBody and"
                    + " validateRequestParameters", pointer));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> setting = it.next();
            String at = JsonPointers.child(pointer, setting.getKey());
            if (setting.getKey().startsWith("x-")) {
                continue;
            }
            if (!SETTINGS.contains(setting.getKey())) {
                issues.add(new LintIssue(Rule.MAP013, "Request validator '" + name + "' has an unknown setting '" + setting.getKey()
                        + "': only validateRequestBody and validateRequestParameters turn validation on", at));
            } else if (!setting.getValue().isBoolean() && !isBooleanText(setting.getValue())) {
                issues.add(new LintIssue(Rule.MAP013, "Request validator '" + name + "': " + setting.getKey() + " is "
                        + setting.getValue() + ", not true or false", at));
            }
        }
    }

    /** "true" or "false" as text, which the check reads as the boolean (validation.RequestValidators does too). */
    private static boolean isBooleanText(JsonNode value) {
        return value.isTextual() && ("true".equalsIgnoreCase(value.asText()) || "false".equalsIgnoreCase(value.asText()));
    }

    private static void checkChoice(JsonNode choice, JsonNode root, String pointer, String whose, List<LintIssue> issues) {
        if (choice.isMissingNode() || choice.isNull()) {
            return;
        }
        if (!choice.isTextual()) {
            issues.add(new LintIssue(Rule.MAP013, whose + " " + VALIDATOR + " is " + choice + ", not the name of a request validator", pointer));
            return;
        }
        String name = choice.asText();
        JsonNode validators = root.path(VALIDATORS);
        if (validators.has(name) || name.contains("${")) {
            return;
        }
        List<String> defined = new ArrayList<>();
        validators.fieldNames().forEachRemaining(defined::add);
        String nearest = Suggestions.nearest(name, defined);
        issues.add(new LintIssue(Rule.MAP013, whose + " request validator '" + name + "' is not defined in " + VALIDATORS
                + (defined.isEmpty() ? " (the API defines none)" : nearest != null ? "; did you mean '" + nearest + "'?"
                        : " (defined: " + String.join(", ", defined) + ")")
                + ": API Gateway refuses the definition or imports it without this validation", pointer));
    }
}
