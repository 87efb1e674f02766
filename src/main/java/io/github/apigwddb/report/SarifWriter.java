package io.github.apigwddb.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.apigwddb.gate.FindingFingerprint;
import io.github.apigwddb.gate.SuppressedFinding;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes findings as SARIF 2.1.0 (one run; the rules that fired, with help text and URI; each result with
 * rule, level, message, the file relative to the repository root, line and column, and the operation as a
 * logical location, and a {@code partialFingerprints} entry that survives unrelated edits). Findings
 * suppressed by {@code x-apigw-ignore} or the baseline are kept as results with a {@code suppressions} entry
 * (kind {@code inSource} or {@code external}, status {@code accepted}, the reason as justification), as SARIF
 * §3.27.23 intends: consumers such as GitHub code scanning show them as closed instead of losing them.
 * Streams, so a large result set is never held twice.
 */
public final class SarifWriter {

    /** The report's name in the output directory. */
    public static final String FILE_NAME = "apigw.sarif";

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final JsonFactory JSON = new JsonFactory();

    private final String toolVersion;
    private final Path repositoryRoot;
    private final String category;

    /** @param repositoryRoot the directory artifact URIs are relative to (the git top level, else the reactor root) */
    public SarifWriter(String toolVersion, Path repositoryRoot) {
        this(toolVersion, repositoryRoot, null);
    }

    /**
     * @param category what this run analyses, written as {@code automationDetails.id} ({@code category/}): code scanning
     *     keeps one analysis per tool and category, so the runs of a multi-module build need one each; null for none
     */
    public SarifWriter(String toolVersion, Path repositoryRoot, String category) {
        this.toolVersion = toolVersion;
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.category = category;
    }

    public void write(Collection<Finding> findings, Path target) throws IOException {
        write(findings, List.of(), target);
    }

    /** Writes the findings that count and, marked as suppressed, those suppressed in the spec or by the baseline. */
    public void write(Collection<Finding> reported, Collection<SuppressedFinding> suppressed, Path target) throws IOException {
        List<SuppressedFinding> results = new ArrayList<>();
        reported.forEach(f -> results.add(new SuppressedFinding(f, null, null)));
        results.addAll(suppressed);
        results.sort(Comparator.comparing(SuppressedFinding::finding, Finding.REPORT_ORDER));
        List<Finding> findings = results.stream().map(SuppressedFinding::finding).toList();
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target);
                JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            writeTool(json, findings);
            if (category != null) {
                json.writeObjectFieldStart("automationDetails");
                json.writeStringField("id", category + "/");
                json.writeEndObject();
            }
            json.writeObjectFieldStart("originalUriBaseIds");
            json.writeObjectFieldStart("REPOROOT");
            json.writeStringField("uri", repositoryRoot.toUri().toString());
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            Map<Rule, Integer> ruleIndex = ruleIndex(findings);
            for (SuppressedFinding result : results) {
                writeResult(json, result, ruleIndex.get(result.finding().rule()));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static Map<Rule, Integer> ruleIndex(Collection<Finding> findings) {
        Map<Rule, Integer> index = new EnumMap<>(Rule.class);
        new TreeSet<>(findings.stream().map(Finding::rule).toList()).forEach(rule -> index.put(rule, index.size()));
        return index;
    }

    private void writeTool(JsonGenerator json, Collection<Finding> findings) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "apigw-dynamodb-maven-plugin");
        json.writeStringField("version", toolVersion);
        json.writeStringField("informationUri", "https://github.com/apigwddb/apigw-dynamodb-maven-plugin");
        json.writeArrayFieldStart("rules");
        for (Rule rule : ruleIndex(findings).keySet()) {
            json.writeStartObject();
            json.writeStringField("id", rule.id());
            json.writeObjectFieldStart("shortDescription");
            json.writeStringField("text", rule.title());
            json.writeEndObject();
            json.writeObjectFieldStart("fullDescription");
            json.writeStringField("text", rule.description());
            json.writeEndObject();
            json.writeObjectFieldStart("help");
            json.writeStringField("text", rule.description() + " See " + rule.docsUrl());
            json.writeStringField("markdown", "**" + rule.id() + ": " + rule.title() + "**\n\n" + rule.description()
                    + "\n\n[Rule documentation](" + rule.docsUrl() + ")");
            json.writeEndObject();
            json.writeStringField("helpUri", rule.docsUrl());
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(rule.defaultSeverity()));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeResult(JsonGenerator json, SuppressedFinding result, int ruleIndex) throws IOException {
        Finding finding = result.finding();
        json.writeStartObject();
        json.writeStringField("ruleId", finding.rule().id());
        json.writeNumberField("ruleIndex", ruleIndex);
        json.writeStringField("level", level(finding.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", finding.message() + (finding.example() == null ? "" : " (example " + finding.example() + ")"));
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", relativeUri(finding.position().file()));
        json.writeStringField("uriBaseId", "REPOROOT");
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", finding.position().line());
        json.writeNumberField("startColumn", finding.position().column());
        json.writeEndObject();
        json.writeEndObject();
        if (finding.operation() != null) {
            json.writeArrayFieldStart("logicalLocations");
            json.writeStartObject();
            json.writeStringField("fullyQualifiedName", finding.operation().qualifiedName());
            if (finding.operation().operationId() != null) {
                json.writeStringField("name", finding.operation().operationId());
            }
            json.writeStringField("kind", "function");
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FindingFingerprint.SARIF_KEY, FindingFingerprint.of(finding));
        json.writeEndObject();
        if (result.kind() != null) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", result.kind().sarifKind());
            json.writeStringField("status", "accepted");
            json.writeStringField("justification", result.justification());
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** The file relative to the repository root, with forward slashes, as SARIF consumers expect. */
    String relativeUri(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(repositoryRoot) ? repositoryRoot.relativize(absolute) : absolute;
        StringBuilder uri = new StringBuilder();
        for (Path segment : relative) {
            if (uri.length() > 0) {
                uri.append('/');
            }
            uri.append(encode(segment.toString()));
        }
        return absolute.startsWith(repositoryRoot) ? uri.toString() : absolute.toUri().toString();
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
