package io.github.apigwddb.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates a SARIF file against the SARIF 2.1.0 JSON schema kept in test resources (see
 * {@code src/test/resources/sarif/README.md}); the schema's own id is mapped to that copy, so nothing is
 * fetched. Used by {@code SarifSchemaTest} and by the {@code gate-reports} integration test's verify script.
 */
public final class SarifSchema {

    private static final String ID = "https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/sarif-2.1.0-rtm.5.json";
    private static final JsonSchema SCHEMA = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V4, builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix("https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/", "classpath:sarif/")))
            .getSchema(SchemaLocation.of(ID));

    private SarifSchema() {
    }

    /** The schema violations of the file; empty when it is valid SARIF 2.1.0. */
    public static List<String> violations(Path sarif) throws IOException {
        return SCHEMA.validate(new ObjectMapper().readTree(sarif.toFile())).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
