package io.github.apigwddb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.integration.Integration;
import java.util.ArrayList;
import java.util.List;

/**
 * The static rules on the API as a whole: the extensions at the root of a definition that decide how API Gateway treats
 * every method (request validators, gateway responses, binary media types), and the methods' integrations that are not
 * where API Gateway reads them (on a path item, or none). Run once per REST API that has DynamoDB integrations, or one
 * on a path item; their own rules are {@link IntegrationLinter}'s. Stateless.
 */
public final class ApiLinter {

    /**
     * @param root the definition's root
     * @param integrations the API's DynamoDB integrations
     */
    public List<LintIssue> lint(JsonNode root, List<Integration> integrations) {
        List<LintIssue> issues = new ArrayList<>();
        ValidatorDefinitions.checkRoot(root, issues);
        GatewayResponses.check(root, issues);
        BinaryMediaTypes.check(root, integrations, issues);
        PathItemExtensions.check(root, issues);
        MethodsWithoutIntegration.check(root, issues);
        return issues;
    }
}
