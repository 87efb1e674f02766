package io.github.apigwddb.spec;

import io.github.apigwddb.dynamodb.Suggestions;
import java.util.Set;

/**
 * CloudFormation's YAML short forms ({@code !Sub x} for {@code Fn::Sub: x}), as the CloudFormation User
 * Guide's intrinsic function reference lists them, including the condition functions and those of the
 * {@code AWS::LanguageExtensions} transform.
 */
public final class CloudFormationShortForms {

    private static final Set<String> FUNCTIONS = Set.of(
            "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
            "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString", "ForEach",
            "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll");

    private CloudFormationShortForms() {
    }

    /** The short form closest to a tag that is none ({@code Iff} → {@code If}), for "did you mean"; null if none is close. */
    public static String nearest(String tag) {
        Set<String> all = new java.util.HashSet<>(FUNCTIONS);
        all.add("Ref");
        all.add("Condition");
        return Suggestions.nearest(tag, all);
    }

    /** The long-form key for a tag ({@code Sub} → {@code Fn::Sub}, {@code Ref} → {@code Ref}), or null when it is none. */
    public static String longForm(String tag) {
        if ("Ref".equals(tag) || "Condition".equals(tag)) {
            return tag;
        }
        return FUNCTIONS.contains(tag) ? "Fn::" + tag : null;
    }
}
