package io.github.apigwddb.check;

import io.github.apigwddb.cloudformation.TemplateParameters;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one check needs, resolved to absolute paths; immutable, built by the Maven layer (or a test).
 *
 * @param specFiles the definition files to check, in a stable order
 * @param examplesDirectory where sidecar example files live (may not exist)
 * @param stageVariables stage variables for every render; an example's own win
 * @param threads how many operations are rendered at once (1 = serial)
 * @param templateParameters CloudFormation parameter values and S3 locations mapped to project files
 */
public record CheckRequest(
        List<Path> specFiles,
        Path examplesDirectory,
        Map<String, String> stageVariables,
        int threads,
        TemplateParameters templateParameters) {

    public CheckRequest {
        specFiles = List.copyOf(specFiles);
        stageVariables = Map.copyOf(stageVariables);
        threads = Math.max(1, threads);
        templateParameters = templateParameters == null ? TemplateParameters.NONE : templateParameters;
    }

    public CheckRequest(List<Path> specFiles, Path examplesDirectory, Map<String, String> stageVariables, int threads) {
        this(specFiles, examplesDirectory, stageVariables, threads, TemplateParameters.NONE);
    }
}
