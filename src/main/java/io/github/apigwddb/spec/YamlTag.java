package io.github.apigwddb.spec;

/**
 * A YAML local tag met while parsing, such as CloudFormation's {@code !Sub}.
 *
 * @param pointer where the tagged value sits in the tree: for a CloudFormation short form, the pointer of
 *     the long-form object {@code {"Fn::Sub": ...}} that replaced it
 * @param tag the tag without its {@code !}
 * @param function the long-form function name ({@code Fn::Sub}, {@code Ref}), or null for a tag that is no
 *     CloudFormation short form (the value is then kept as it was written)
 */
public record YamlTag(String pointer, String tag, String function, TextPosition position) {

    public boolean isShortForm() {
        return function != null;
    }
}
