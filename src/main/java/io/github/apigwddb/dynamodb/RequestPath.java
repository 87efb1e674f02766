package io.github.apigwddb.dynamodb;

/**
 * An immutable location inside a request, rendered three ways: the dotted form used in findings,
 * an RFC 6901 JSON pointer, and the lower-camel form DynamoDB uses in ValidationException messages
 * ({@code keyConditions.a.member.comparisonOperator}, {@code transactItems.1.member.put.tableName}).
 */
final class RequestPath {

    static final RequestPath ROOT = new RequestPath(null, Step.ROOT, "", 0);

    private enum Step { ROOT, MEMBER, KEY, INDEX }

    // Requests are walked member by member and almost every path is dropped unprinted, so a path keeps only
    // its last step and spells itself out when a violation asks.
    private final RequestPath parent;
    private final Step step;
    private final String name;
    private final int index;

    private RequestPath(RequestPath parent, Step step, String name, int index) {
        this.parent = parent;
        this.step = step;
        this.name = name;
        this.index = index;
    }

    /** A structure member, such as {@code TableName}. */
    RequestPath member(String name) {
        return new RequestPath(this, Step.MEMBER, name, 0);
    }

    /** A map key (attribute name, table name, placeholder). */
    RequestPath key(String key) {
        return new RequestPath(this, Step.KEY, key, 0);
    }

    /** A list element. DynamoDB numbers list members from 1 in its messages. */
    RequestPath index(int index) {
        return new RequestPath(this, Step.INDEX, "", index);
    }

    String dotted() {
        return switch (step) {
            case ROOT -> "";
            case MEMBER, KEY -> join(parent.dotted(), name);
            case INDEX -> parent.dotted() + "[" + index + "]";
        };
    }

    String pointer() {
        return switch (step) {
            case ROOT -> "";
            case MEMBER, KEY -> parent.pointer() + "/" + escape(name);
            case INDEX -> parent.pointer() + "/" + index;
        };
    }

    /** The path as DynamoDB prints it in constraint messages, without a trailing {@code .member}. */
    String awsPath() {
        String awsPath = fullAwsPath();
        return awsPath.endsWith(".member") ? awsPath.substring(0, awsPath.length() - ".member".length()) : awsPath;
    }

    private String fullAwsPath() {
        return switch (step) {
            case ROOT -> "";
            case MEMBER -> join(parent.fullAwsPath(), lowerCamel(name));
            case KEY -> join(join(parent.fullAwsPath(), name), "member");
            case INDEX -> join(join(parent.fullAwsPath(), String.valueOf(index + 1)), "member");
        };
    }

    @Override
    public String toString() {
        return dotted();
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
