package io.github.apigwddb.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS partitions, the shape of their region names and the regions where both API Gateway and DynamoDB have an endpoint
 * (integration-facts.md §4.1, from botocore's partitions.json and endpoints.json, 2026). The list ages as AWS opens
 * regions: a region that has the shape of its partition but is not listed is reported as unknown "as of" the list, not
 * as impossible. One table so that a new region is one line.
 */
public final class AwsRegions {

    /** When the list below was taken; said in findings so that a region opened since is recognisable as such. */
    public static final String AS_OF = "2026";

    /** A partition: its regionRegex and its regions with both services. */
    public record Partition(String name, Pattern regionShape, List<String> regions) {
    }

    private static final Map<String, Partition> PARTITIONS = new LinkedHashMap<>();

    static {
        add("aws", "(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+", "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2",
                "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
                "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
                "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
                "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2");
        add("aws-cn", "cn-\\w+-\\d+", "cn-north-1", "cn-northwest-1");
        add("aws-us-gov", "us-gov-\\w+-\\d+", "us-gov-east-1", "us-gov-west-1");
        add("aws-iso", "us-iso-\\w+-\\d+", "us-iso-east-1", "us-iso-west-1");
        add("aws-iso-b", "us-isob-\\w+-\\d+", "us-isob-east-1");
        add("aws-iso-e", "eu-isoe-\\w+-\\d+", "eu-isoe-west-1");
        add("aws-iso-f", "us-isof-\\w+-\\d+"); // DynamoDB, but no API Gateway endpoint listed
        add("aws-eusc", "eusc-(de)-\\w+-\\d+", "eusc-de-east-1");
    }

    private AwsRegions() {
    }

    private static void add(String name, String shape, String... regions) {
        PARTITIONS.put(name, new Partition(name, Pattern.compile(shape), List.of(regions)));
    }

    public static Optional<Partition> partition(String name) {
        return Optional.ofNullable(PARTITIONS.get(name));
    }

    /** The partition whose region names have this shape; the shapes do not overlap ({@code \w} has no hyphen). */
    public static Optional<Partition> partitionOfRegion(String region) {
        return PARTITIONS.values().stream().filter(p -> p.regionShape().matcher(region).matches()).findFirst();
    }

    /** Every listed region of every partition. */
    public static List<String> allRegions() {
        return PARTITIONS.values().stream().flatMap(p -> p.regions().stream()).toList();
    }
}
