package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.JsonPointers;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * MAP016: {@code x-amazon-apigateway-binary-media-types} makes API Gateway treat a body whose Content-Type matches an
 * entry as binary. A binary body is passed through as it is ("For a binary payload, API Gateway simply passes through
 * the message as-is", AWS's guide to binary payloads), or, converted to text, reaches the template as base64
 * (integration-facts.md §6). An entry covering the media type of a DynamoDB request template ({@code *}{@code /*},
 * {@code application/*}, {@code application/json}) therefore takes the client's JSON away from the template that
 * builds the DynamoDB request; that the template is skipped is inferred (§8.3), hence a warning.
 */
public final class BinaryMediaTypes {

    static final String EXTENSION = "x-amazon-apigateway-binary-media-types";

    private BinaryMediaTypes() {
    }

    static void check(JsonNode root, List<Integration> integrations, List<LintIssue> issues) {
        JsonNode types = root.path(EXTENSION);
        Set<String> templated = new TreeSet<>();
        for (Integration integration : integrations) {
            // contentHandling does not help: converted to text, a binary body reaches the template as base64 (§6)
            for (MappingTemplate template : integration.requestTemplates()) {
                templated.add(template.contentType().toLowerCase(Locale.ROOT));
            }
        }
        String pointer = "/" + JsonPointers.escape(EXTENSION);
        if (types.isTextual()) {
            check(types.asText(), templated, pointer, issues); // one type written without its list
        }
        for (int i = 0; i < types.size(); i++) {
            check(types.path(i).asText(), templated, JsonPointers.child(pointer, i), issues);
        }
    }

    private static void check(String written, Set<String> templated, String pointer, List<LintIssue> issues) {
        String type = written.trim().toLowerCase(Locale.ROOT);
        List<String> covered = templated.stream().filter(mediaType -> covers(type, mediaType)).toList();
        if (!covered.isEmpty()) {
            issues.add(new LintIssue(Rule.MAP016, "Binary media type '" + written + "' covers " + String.join(", ", covered)
                    + ", the Content-Type of DynamoDB request templates: API Gateway treats such request bodies as binary and"
                    + " passes them through as they are instead of through the template; list only the binary types the API"
                    + " really serves (image/png, application/octet-stream, ...)", pointer));
        }
    }

    /** Whether the API's binary media types cover a Content-Type: then a body of that type does not reach templates as text. */
    public static boolean covered(JsonNode root, String contentType) {
        JsonNode types = root.path(EXTENSION);
        if (types.isTextual()) {
            return covers(types.asText().trim().toLowerCase(Locale.ROOT), contentType.toLowerCase(Locale.ROOT));
        }
        for (JsonNode type : types) {
            if (covers(type.asText().trim().toLowerCase(Locale.ROOT), contentType.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a binary media type (with {@code *} wildcards, as API Gateway allows them) matches a media type. */
    static boolean covers(String binaryType, String mediaType) {
        String[] binary = binaryType.split(";", 2)[0].trim().split("/", 2);
        String[] media = mediaType.split(";", 2)[0].trim().split("/", 2);
        if (binary.length != 2 || media.length != 2) {
            return false;
        }
        return part(binary[0], media[0]) && part(binary[1], media[1]);
    }

    private static boolean part(String pattern, String value) {
        return "*".equals(pattern) || pattern.equals(value);
    }
}
