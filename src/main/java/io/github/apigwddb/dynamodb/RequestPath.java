package io.github.apigwddb.dynamodb;

/**
 * An immutable location inside a request, rendered three ways: the dotted form used in findings,
 * an RFC 6901 JSON pointer, and the lower-camel form DynamoDB uses in ValidationException messages
 * ({@code keyConditions.a.member.comparisonOperator}, {@code transactItems.1.member.put.tableName}).
 */
final class RequestPath {

    static final RequestPath ROOT = new RequestPath("", "", "");

    private final String dotted;
    private final String pointer;
    private final String awsPath;

    private RequestPath(String dotted, String pointer, String awsPath) {
        this.dotted = dotted;
        this.pointer = pointer;
        this.awsPath = awsPath;
    }

    /** A structure member, such as {@code TableName}. */
    RequestPath member(String name) {
        return new RequestPath(join(dotted, name), pointer + "/" + escape(name), join(awsPath, lowerCamel(name)));
    }

    /** A map key (attribute name, table name, placeholder). */
    RequestPath key(String key) {
        return new RequestPath(join(dotted, key), pointer + "/" + escape(key), join(join(awsPath, key), "member"));
    }

    /** A list element. DynamoDB numbers list members from 1 in its messages. */
    RequestPath index(int index) {
        return new RequestPath(dotted + "[" + index + "]", pointer + "/" + index,
                join(join(awsPath, String.valueOf(index + 1)), "member"));
    }

    String dotted() {
        return dotted;
    }

    String pointer() {
        return pointer;
    }

    /** The path as DynamoDB prints it in constraint messages, without a trailing {@code .member}. */
    String awsPath() {
        return awsPath.endsWith(".member") ? awsPath.substring(0, awsPath.length() - ".member".length()) : awsPath;
    }

    @Override
    public String toString() {
        return dotted;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String lowerCamel(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
