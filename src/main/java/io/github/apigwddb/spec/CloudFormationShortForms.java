package io.github.apigwddb.spec;

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

    /** The long-form key for a tag ({@code Sub} → {@code Fn::Sub}, {@code Ref} → {@code Ref}), or null when it is none. */
    public static String longForm(String tag) {
        if ("Ref".equals(tag) || "Condition".equals(tag)) {
            return tag;
        }
        return FUNCTIONS.contains(tag) ? "Fn::" + tag : null;
    }
}
