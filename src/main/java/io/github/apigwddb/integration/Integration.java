package io.github.apigwddb.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code x-amazon-apigateway-integration} of one operation, read into a model. Members keep what the
 * file says (null when absent) so rules can tell "missing" from "wrong".
 *
 * @param pointer JSON pointer of the integration object
 */
public record Integration(
        ApiOperation operation,
        String pointer,
        JsonNode node,
        SpecValue type,
        SpecValue uri,
        SpecValue httpMethod,
        SpecValue credentials,
        SpecValue passthroughBehavior,
        List<MappingTemplate> requestTemplates,
        List<IntegrationResponse> responses) {

    public Optional<AwsServiceUri> serviceUri() {
        return uri == null ? Optional.empty() : AwsServiceUri.parse(uri.text());
    }

    /** Whether the uri names DynamoDB: only these integrations are checked. */
    public boolean isDynamoDb() {
        return serviceUri().map(AwsServiceUri::isDynamoDb).orElse(false);
    }

    /** The DynamoDB action of an {@code action/<Action>} uri, or empty. */
    public Optional<String> action() {
        return serviceUri().filter(AwsServiceUri::isAction).map(AwsServiceUri::target);
    }

    /** Every mapping template: the request templates, then each integration response's. */
    public List<MappingTemplate> templates() {
        List<MappingTemplate> all = new ArrayList<>(requestTemplates);
        for (IntegrationResponse response : responses) {
            all.addAll(response.templates());
        }
        return all;
    }

    public String member(String name) {
        return pointer + "/" + name;
    }

    /**
     * Where a document derived from CloudFormation resources records, in the integration, the names its members are
     * written with there ({@code httpMethod: IntegrationHttpMethod}), for messages to speak the user's words.
     */
    public static final String WRITTEN_NAMES = "x-apigw-written-names";

    /**
     * On a WebSocket route's derived integration, the key its one request template has where the user wrote it
     * ({@code $default}, {@code v1}): the derived integration holds it under application/json, which the checks select.
     */
    public static final String WRITTEN_TEMPLATE_KEY = "x-apigw-written-template-key";

    /** The request templates with the Content-Types (keys) they have where the user wrote them, for display. */
    public List<MappingTemplate> requestTemplatesAsWritten() {
        JsonNode written = node.get(WRITTEN_TEMPLATE_KEY);
        List<MappingTemplate> templates = requestTemplates();
        if (written == null || !written.isTextual() || templates.size() != 1) {
            return templates;
        }
        MappingTemplate only = templates.get(0);
        return List.of(new MappingTemplate(written.textValue(), only.text(), only.pointer(), only.fromIntrinsic()));
    }

    /** The name the member has where the user wrote it: {@code IntegrationHttpMethod} in a Method resource, else its own. */
    public String writtenName(String member) {
        return node.path(WRITTEN_NAMES).path(member).asText(member);
    }
}
