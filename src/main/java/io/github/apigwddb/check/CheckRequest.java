package io.github.apigwddb.check;

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
 * @param threads how many operations are rendered at once (1 = serial)
 * @param tables the table definitions of {@code apigw.tables}, with what could not be read from them
 */
public record CheckRequest(
        List<Path> specFiles,
        Path examplesDirectory,
        Map<String, String> stageVariables,
        int threads,
        TableSchemas tables) {

    public CheckRequest {
        specFiles = List.copyOf(specFiles);
        stageVariables = Map.copyOf(stageVariables);
        threads = Math.max(1, threads);
        tables = tables == null ? TableSchemas.NONE : tables;
    }

    /** A check without table definitions. */
    public CheckRequest(List<Path> specFiles, Path examplesDirectory, Map<String, String> stageVariables, int threads) {
        this(specFiles, examplesDirectory, stageVariables, threads, TableSchemas.NONE);
    }
}
