package io.github.apigwddb.integration;

import java.util.List;

/**
 * One entry of the integration's {@code responses}: the key is the selection pattern (a Java regex matched
 * against DynamoDB's HTTP status code, or {@code default}).
 */
public record IntegrationResponse(String selectionPattern, String statusCode, List<MappingTemplate> templates, String pointer) {

    public boolean isDefault() {
        return "default".equals(selectionPattern);
    }
}
