package io.github.apigwddb.check;

import io.github.apigwddb.examples.Example;
import io.github.apigwddb.integration.Integration;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * What a check found, in report order, and what it rendered (for test reports and documentation).
 *
 * @param cases one entry per operation and example, in spec order
 * @param filesRead files read (or looked for) besides the spec files and the examples directory: those a template
 *     pulls in; an up-to-date check must see them unchanged
 */
public record CheckResult(List<Finding> findings, int specsChecked, int integrationsChecked, int examplesRendered, List<CheckedCase> cases,
        List<Path> filesRead) {

    public CheckResult(List<Finding> findings, int specsChecked, int integrationsChecked, int examplesRendered, List<CheckedCase> cases) {
        this(findings, specsChecked, integrationsChecked, examplesRendered, cases, List.of());
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * One operation rendered with one example, or the operation's static checks ({@code example} null).
     *
     * @param action the DynamoDB action, null when the uri names none
     * @param renderedRequest the request sent to DynamoDB, null when none was rendered
     * @param dynamoDbStatus what DynamoDB answered (given by the example or assumed), null when not rendered
     * @param clientStatus the status the client gets, null when unknown
     * @param clientResponse the body the client gets, null when not rendered
     * @param integration the integration model of the operation (for documentation)
     * @param input the example as the client sends it, null for the static case
     */
    public record CheckedCase(
            Path file,
            OperationRef operation,
            String action,
            String example,
            String renderedRequest,
            Integer dynamoDbStatus,
            String dynamoDbBody,
            String dynamoDbAnswer,
            Integer clientStatus,
            String clientResponse,
            List<Finding> findings,
            Integration integration,
            Example input) {
    }
}
