package io.github.apigwddb.cloudformation;

import io.github.apigwddb.rules.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * What reading a template gave: its REST APIs, the findings of reading it (CFN rules), and the files it named
 * ({@code AWS::Include}, {@code DefinitionUri}, {@code BodyS3Location}, also those that do not exist), so that an
 * up-to-date check can tell when one of them changes.
 */
public record TemplateReading(List<TemplateApi> apis, List<Finding> findings, List<String> notes, List<Path> files) {

    public TemplateReading(List<TemplateApi> apis, List<Finding> findings, List<String> notes) {
        this(apis, findings, notes, List.of());
    }
}
