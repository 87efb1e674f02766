package io.github.apigwddb.cloudformation;

import io.github.apigwddb.rules.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What reading a template gave: its REST APIs, the findings of reading it (CFN rules), and the files it named
 * ({@code AWS::Include}, {@code DefinitionUri}, {@code BodyS3Location}, also those that do not exist), so that an
 * up-to-date check can tell when one of them changes; and the names of its DynamoDB tables by logical id, as its
 * integrations see them (with {@code apigw.parameters}, and stand-ins for names known only at deployment).
 */
public record TemplateReading(List<TemplateApi> apis, List<Finding> findings, List<String> notes, List<Path> files,
        Map<String, IntrinsicResolver.Named> tableNames) {

    public TemplateReading(List<TemplateApi> apis, List<Finding> findings, List<String> notes) {
        this(apis, findings, notes, List.of(), Map.of());
    }
}
