package io.github.apigwddb.cloudformation;

import java.util.Map;

/**
 * Values for a template's parameters and pseudo parameters, and for the placeholders of templates of other
 * tools (Terraform {@code templatefile} variables): what the project configured, before deployment.
 *
 * @param values parameter name → value; {@code AWS::Region} and {@code AWS::AccountId} may be given too
 * @param s3Locations {@code s3://bucket/key} → local file, for {@code AWS::Include}, {@code DefinitionUri}
 *     and {@code BodyS3Location}
 */
public record TemplateParameters(Map<String, String> values, Map<String, java.nio.file.Path> s3Locations) {

    public static final TemplateParameters NONE = new TemplateParameters(Map.of(), Map.of());

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String PLACEHOLDER_ACCOUNT = "123456789012";

    public TemplateParameters {
        values = Map.copyOf(values);
        s3Locations = Map.copyOf(s3Locations);
    }

    public String region() {
        return values.getOrDefault("AWS::Region", DEFAULT_REGION);
    }

    public String accountId() {
        return values.getOrDefault("AWS::AccountId", PLACEHOLDER_ACCOUNT);
    }

    public String partition() {
        return values.getOrDefault("AWS::Partition", region().startsWith("cn-") ? "aws-cn"
                : region().startsWith("us-gov-") ? "aws-us-gov" : "aws");
    }
}
