package io.github.apigwddb.check;

import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import java.nio.file.Path;
import java.util.List;

/**
 * One operation rendered with one example, step by step, for the render goal.
 *
 * @param requestTemplate the selected request template, null when none is selected (passthrough or 415)
 * @param renderedRequest the text sent to DynamoDB, null when nothing was rendered
 * @param requestIsJson whether {@code renderedRequest} parses as JSON
 * @param dynamoDbAnswer what the answer fed back is (the example's, or made up)
 * @param selectedResponse the integration response selected for the answer, null when none
 * @param responseTemplate its template that was rendered, null when the answer passed through
 * @param staticFindings the integration's findings that no example causes
 * @param findings the findings of this example
 * @param accepted the findings of either kind that the gate does not count
 */
public record RenderedExample(
        Path file,
        OperationRef operation,
        String action,
        Example example,
        MappingTemplate requestTemplate,
        String renderedRequest,
        boolean requestIsJson,
        String dynamoDbAnswer,
        Integer dynamoDbStatus,
        String dynamoDbBody,
        IntegrationResponse selectedResponse,
        MappingTemplate responseTemplate,
        Integer clientStatus,
        String clientResponse,
        List<Finding> staticFindings,
        List<Finding> findings,
        List<Accepted> accepted) {

    /** A finding of the operation or example that the gate does not count, and why (the baseline, x-apigw-ignore). */
    public record Accepted(Finding finding, String why) {
    }

    /** Before the gate: nothing accepted yet. */
    public RenderedExample(Path file, OperationRef operation, String action, Example example, MappingTemplate requestTemplate,
            String renderedRequest, boolean requestIsJson, String dynamoDbAnswer, Integer dynamoDbStatus, String dynamoDbBody,
            IntegrationResponse selectedResponse, MappingTemplate responseTemplate, Integer clientStatus, String clientResponse,
            List<Finding> staticFindings, List<Finding> findings) {
        this(file, operation, action, example, requestTemplate, renderedRequest, requestIsJson, dynamoDbAnswer, dynamoDbStatus,
                dynamoDbBody, selectedResponse, responseTemplate, clientStatus, clientResponse, staticFindings, findings, List.of());
    }
}
