package io.github.apigwddb.check;

import io.github.apigwddb.cloudformation.TemplateParameters;
import io.github.apigwddb.dynamodb.schema.TableSchemas;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one check needs, resolved to absolute paths; immutable, built by the Maven layer (or a test).
 *
 * @param specFiles the definition files to check, in a stable order
 * @param examplesDirectory where sidecar example files live (may not exist)
 * @param stageVariables stage variables for every render; an example's own win
 * @param threads how many operations are rendered at once (1 = serial), at most {@link #MAX_THREADS}
 * @param templateParameters CloudFormation parameter values and S3 locations mapped to project files
 * @param tables the table definitions of {@code apigw.tables}, with what could not be read from them
 * @param deploymentValues values of {@code {{apigw:name}}} placeholders, filled in before checking (as the bundle does)
 * @param sourceRoot a {@code $ref} to a file outside it is not read (SPEC004), as the bundle does not: a definition is the
 *     repository's, and a build must not read the machine's other files into its reports; null for no bound
 */
public record CheckRequest(
        List<Path> specFiles,
        Path examplesDirectory,
        Map<String, String> stageVariables,
        int threads,
        TemplateParameters templateParameters,
        TableSchemas tables,
        Map<String, String> deploymentValues,
        Path sourceRoot) {

    /**
     * Rendering is CPU-bound, so threads beyond the processors gain nothing; the bound keeps a typo
     * ({@code 100000}) from reaching the thread pool, which refuses more than 32767 without saying why.
     */
    public static final int MAX_THREADS = 256;

    public CheckRequest {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads is " + threads + ": give a number from 1 to " + MAX_THREADS
                    + " (operations rendered at once; more than the processors gains nothing)");
        }
        specFiles = List.copyOf(specFiles);
        stageVariables = Map.copyOf(stageVariables);
        templateParameters = templateParameters == null ? TemplateParameters.NONE : templateParameters;
        tables = tables == null ? TableSchemas.NONE : tables;
        deploymentValues = deploymentValues == null ? Map.of() : Map.copyOf(deploymentValues);
        sourceRoot = sourceRoot == null ? null : sourceRoot.toAbsolutePath().normalize();
    }

    /** A check that reads any file a {@code $ref} names. */
    public CheckRequest(List<Path> specFiles, Path examplesDirectory, Map<String, String> stageVariables, int threads,
            TemplateParameters templateParameters, TableSchemas tables, Map<String, String> deploymentValues) {
        this(specFiles, examplesDirectory, stageVariables, threads, templateParameters, tables, deploymentValues, null);
    }

    public CheckRequest(List<Path> specFiles, Path examplesDirectory, Map<String, String> stageVariables, int threads,
            TemplateParameters templateParameters, TableSchemas tables) {
        this(specFiles, examplesDirectory, stageVariables, threads, templateParameters, tables, Map.of());
    }

    /** A check without CloudFormation parameters or table definitions. */
    public CheckRequest(List<Path> specFiles, Path examplesDirectory, Map<String, String> stageVariables, int threads) {
        this(specFiles, examplesDirectory, stageVariables, threads, TemplateParameters.NONE, TableSchemas.NONE);
    }

    /** A check with CloudFormation parameters and no table definitions. */
    public CheckRequest(List<Path> specFiles, Path examplesDirectory, Map<String, String> stageVariables, int threads,
            TemplateParameters templateParameters) {
        this(specFiles, examplesDirectory, stageVariables, threads, templateParameters, TableSchemas.NONE);
    }

    /** A check with table definitions and no CloudFormation parameters. */
    public CheckRequest(List<Path> specFiles, Path examplesDirectory, Map<String, String> stageVariables, int threads,
            TableSchemas tables) {
        this(specFiles, examplesDirectory, stageVariables, threads, TemplateParameters.NONE, tables);
    }
}
