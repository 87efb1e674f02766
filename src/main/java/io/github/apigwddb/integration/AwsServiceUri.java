package io.github.apigwddb.integration;

import java.util.Optional;

/**
 * An AWS service integration URI, {@code arn:<partition>:apigateway:<region>:<service>:action|path/<api>}
 * (API Gateway reference, {@code Integration.uri}). Region and partition may be CloudFormation placeholders
 * such as {@code ${AWS::Region}}, which API Gateway itself resolves at import.
 *
 * @param kind {@code action} or {@code path}
 * @param target the action name (query-string parameters after {@code &} removed) or the path
 */
public record AwsServiceUri(String partition, String region, String service, String kind, String target) {

    public boolean isDynamoDb() {
        return "dynamodb".equals(service);
    }

    public boolean isAction() {
        return "action".equals(kind);
    }

    public static boolean isPlaceholder(String part) {
        return part.contains("${") || part.contains("{{");
    }

    /** Splits an {@code arn:...:apigateway:...} URI into its parts; empty when it is not of that shape. */
    public static Optional<AwsServiceUri> parse(String uri) {
        if (uri == null || !uri.startsWith("arn:")) {
            return Optional.empty();
        }
        // Placeholders such as ${AWS::Region} hold colons: split on colons outside ${...}.
        String[] parts = splitOutsidePlaceholders(uri, 6);
        if (parts.length < 6 || !"apigateway".equals(parts[2])) {
            return Optional.empty();
        }
        String resource = parts[5];
        int slash = resource.indexOf('/');
        if (slash < 0) {
            return Optional.of(new AwsServiceUri(parts[1], parts[3], parts[4], "", resource));
        }
        String kind = resource.substring(0, slash);
        String target = resource.substring(slash + 1);
        if ("action".equals(kind)) {
            int amp = target.indexOf('&');
            if (amp >= 0) {
                target = target.substring(0, amp);
            }
        }
        return Optional.of(new AwsServiceUri(parts[1], parts[3], parts[4], kind, target));
    }

    private static String[] splitOutsidePlaceholders(String text, int limit) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0 && parts.size() < limit - 1) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.toArray(String[]::new);
    }
}
