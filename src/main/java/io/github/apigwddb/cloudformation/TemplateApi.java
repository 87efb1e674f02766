package io.github.apigwddb.cloudformation;

import io.github.apigwddb.spec.LoadedSpec;

/**
 * One REST API found in a template, as a definition the checks read like any spec file; its pointers
 * resolve to positions in the file it came from (the template, or the file an include names).
 *
 * @param name the logical id of the API resource
 * @param origin where it came from, for the log ({@code DefinitionBody}, {@code AWS::Include api.yaml}, {@code Method resources})
 * @param sourcePrefix pointer of the definition in its source document ("" for a file of its own, the resource for
 *     Method resources)
 * @param template the template, for the role and table checks
 */
public record TemplateApi(String name, String origin, LoadedSpec spec, String sourcePrefix, CloudFormationTemplate template,
        IntrinsicResolver resolver) {
}
