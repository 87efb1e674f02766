package io.github.apigwddb.lint;

import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Rule;
import java.util.EnumSet;
import java.util.Set;

/**
 * A rule violation found in the definition itself, located by JSON pointer (the engine turns it into a line).
 *
 * @param operation the operation it is about when the linter knows it better than its caller (an API-wide rule finding one
 *     method), so that the operation's x-apigw-ignore applies; null otherwise
 * @param aboutValue whether this finding judges the value at its pointer, for a rule whose other findings do not (MAP011
 *     judges a header's name, and the value mapped onto it)
 */
public record LintIssue(Rule rule, String message, String pointer, OperationRef operation, boolean aboutValue) {

    public LintIssue(Rule rule, String message, String pointer) {
        this(rule, message, pointer, null, false);
    }

    public LintIssue(Rule rule, String message, String pointer, OperationRef operation) {
        this(rule, message, pointer, operation, false);
    }

    /** A finding about the value at {@code pointer}: see {@link #judgesValue()}. */
    static LintIssue ofValue(Rule rule, String message, String pointer) {
        return new LintIssue(rule, message, pointer, null, true);
    }

    /** The rules whose findings judge the value at their pointer, not the member's name or presence. */
    private static final Set<Rule> VALUE_RULES = EnumSet.of(Rule.AGW001, Rule.AGW002, Rule.AGW003, Rule.AGW004, Rule.AGW005,
            Rule.AGW006, Rule.AGW008, Rule.AGW010, Rule.AGW014, Rule.AGW015, Rule.MAP005, Rule.MAP008, Rule.MAP009, Rule.MAP013,
            Rule.MAP015, Rule.MAP016);

    /**
     * Whether the finding is about the value at its pointer: when that value is wholly a stand-in for one known only at
     * deployment, there is nothing to judge (a finding about the member's name stands whatever its value).
     */
    public boolean judgesValue() {
        return aboutValue || VALUE_RULES.contains(rule);
    }
}
