package io.github.apigwddb.dynamodb;

/**
 * One problem found in a rendered DynamoDB request.
 *
 * @param ruleId      rule id such as {@code DDB001} or {@code DDX002}
 * @param path        dotted path with {@code [i]} indexes from the request root, e.g. {@code Item.tags.SS[1]}; "" is the root
 * @param jsonPointer the same location as an RFC 6901 pointer, e.g. {@code /Item/tags/SS/1}
 * @param message     what is wrong, quoting DynamoDB's own wording where it has one
 * @param ofValuesAlone whether well-formed values alone can cause it (a range's bounds the wrong way round), however
 *     the request is built: no sign that a value broke out of its place
 */
public record RequestViolation(String ruleId, String path, String jsonPointer, String message, boolean ofValuesAlone) {

    public RequestViolation(String ruleId, String path, String jsonPointer, String message) {
        this(ruleId, path, jsonPointer, message, false);
    }
}
