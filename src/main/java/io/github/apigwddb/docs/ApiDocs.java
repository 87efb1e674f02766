package io.github.apigwddb.docs;

import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.OperationRef;
import io.github.apigwddb.rules.Severity;
import java.util.List;

/**
 * What the documentation shows, already in display form (strings, not model objects), so that the HTML and
 * Markdown writers only lay it out. Built by {@link DocsModelBuilder}.
 */
public record ApiDocs(List<Spec> specs) {

    /**
     * The DynamoDB integrations of one definition file.
     *
     * @param fileFindings the findings of the file that belong to none of its DynamoDB integrations (the file's structure,
     *     an {@code x-apigw-ignore} entry without a reason, an operation of another kind), so that the page counts what
     *     {@code check} counts
     */
    public record Spec(String anchor, String name, String file, String title, String version, String description, List<Operation> operations,
            List<Finding> fileFindings) {
    }

    /**
     * One operation with a DynamoDB integration.
     *
     * @param action the DynamoDB action, or null when the uri names none
     * @param tables the tables the rendered requests (or, failing that, the templates) name
     * @param role the credentials (IAM role ARN) as written, or null
     * @param passthrough the passthroughBehavior as written, or null (API Gateway's default is when_no_match)
     * @param staticFindings findings about the integration itself, not tied to an example
     * @param findings all findings of the operation, in report order
     */
    public record Operation(
            String anchor,
            OperationRef ref,
            String summary,
            String action,
            String uri,
            List<String> tables,
            String role,
            String passthrough,
            List<MappingTemplate> requestTemplates,
            List<IntegrationResponse> responses,
            List<Finding> staticFindings,
            List<Example> examples,
            List<Finding> findings) {

        public long count(Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }

        /** The role's name after {@code role/}, or the whole value when it is not an ARN of that shape. */
        public String roleName() {
            if (role == null) {
                return null;
            }
            int slash = role.lastIndexOf(":role/");
            return slash < 0 ? role : role.substring(slash + ":role/".length());
        }
    }

    /**
     * One example through the integration.
     *
     * @param source where the example came from, in words
     * @param httpRequest the client's request as an HTTP message (request line, headers, body)
     * @param renderedRequest the DynamoDB request, indented when it is JSON; null when none was rendered
     * @param dynamoDbAnswer what DynamoDB's answer is ("200 GetItem (made up from the request)"), or null
     * @param responseSelection the integration response API Gateway selected (its selection pattern), or null
     */
    public record Example(
            String anchor,
            String name,
            String source,
            String httpRequest,
            String requestTemplate,
            String renderedRequest,
            Integer dynamoDbStatus,
            String dynamoDbBody,
            String dynamoDbAnswer,
            String responseSelection,
            Integer clientStatus,
            String clientResponse,
            List<Finding> findings) {

        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }
}
