package io.github.apigwddb.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.spec.Utf8Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed list of accepted findings ({@code apigw-baseline.json}): a finding that matches an entry
 * does not fail the build; an entry that matches no finding any more is stale and reported, so the file
 * shrinks as findings are fixed. An entry matches by rule, file (relative to the project base directory),
 * operation and {@link FindingFingerprint}; never by line, so unrelated edits do not break the match. Each
 * entry matches at most one finding, so a second identical finding is new.
 */
public final class Baseline {

    public static final String DEFAULT_FILE_NAME = "apigw-baseline.json";
    static final int FORMAT_VERSION = 1;
    /** Made on first use: an up-to-date build without a baseline file never pays for a mapper. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * One accepted finding. {@code message} is for the reader of the file and is not used for matching.
     *
     * @param operation {@code METHOD /path}, or empty for a finding about the whole file
     */
    public record Entry(String rule, String file, String operation, String fingerprint, String message) {

        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::file).thenComparing(Entry::rule)
                .thenComparing(Entry::operation).thenComparing(Entry::fingerprint);

        Key key() {
            return new Key(rule, file, operation, fingerprint);
        }

        /** {@code AGW011 src/main/apigateway/api.yaml POST /items: message}. */
        public String display() {
            return rule + " " + file + (operation.isEmpty() ? "" : " " + operation) + ": " + message;
        }
    }

    private record Key(String rule, String file, String operation, String fingerprint) {
    }

    /** The findings split by the baseline, each list in the order given; stale entries in file order. */
    public record Match(List<Finding> newFindings, List<Finding> baselined, List<Entry> stale) {
    }

    private final List<Entry> entries;
    private final Path baseDirectory;

    private Baseline(List<Entry> entries, Path baseDirectory) {
        this.entries = List.copyOf(entries);
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    public static Baseline empty(Path baseDirectory) {
        return new Baseline(List.of(), baseDirectory);
    }

    /** The baseline of these findings, as {@code apigw.updateBaseline} writes it. */
    public static Baseline of(List<Finding> findings, Path baseDirectory) {
        Baseline empty = empty(baseDirectory);
        List<Entry> entries = new ArrayList<>(findings.stream().map(empty::entryFor).toList());
        entries.sort(Entry.ORDER);
        return new Baseline(entries, baseDirectory);
    }

    /**
     * Reads a baseline file; a file that does not exist is an empty baseline.
     *
     * @throws GateConfigurationException when the file is not a baseline this plugin wrote
     */
    public static Baseline read(Path file, Path baseDirectory) throws GateConfigurationException {
        JsonNode root;
        try {
            String text = Utf8Text.readNamedFile(file); // first: without a file, no mapper is made
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // a nesting-limit error has no location; Jackson's own message would add its source on a second line
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new GateConfigurationException("The baseline " + file + " is not valid JSON" + where + ": " + e.getOriginalMessage()
                    + "; fix it or write it anew with -Dapigw.updateBaseline");
        } catch (IOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return empty(baseDirectory);
            }
            throw new GateConfigurationException("Cannot read the baseline: " + file + " " + e.getMessage());
        }
        JsonNode findings = root == null ? null : root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new GateConfigurationException("The baseline " + file + " has no 'findings' list; write it anew with -Dapigw.updateBaseline");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : findings) {
            String rule = node.path("rule").asText("");
            String fingerprint = node.path("fingerprint").asText("");
            if (rule.isEmpty() || fingerprint.isEmpty()) {
                throw new GateConfigurationException("The baseline " + file + " has an entry without 'rule' or 'fingerprint': " + node
                        + "; write it anew with -Dapigw.updateBaseline");
            }
            entries.add(new Entry(rule, node.path("file").asText(""), node.path("operation").asText(""), fingerprint,
                    node.path("message").asText("")));
        }
        return new Baseline(entries, baseDirectory);
    }

    public void write(Path file) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", FORMAT_VERSION);
        root.put("comment", "Accepted findings of apigw:check. A finding listed here does not fail the build."
                + " Fix findings and run mvn apigw:check -Dapigw.updateBaseline to shrink this file.");
        ArrayNode findings = root.putArray("findings");
        for (Entry entry : entries) {
            ObjectNode node = findings.addObject();
            node.put("rule", entry.rule());
            node.put("file", entry.file());
            node.put("operation", entry.operation());
            node.put("fingerprint", entry.fingerprint());
            node.put("message", entry.message());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Json.MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Splits findings into new and baselined ones; the entries no finding matched are stale. */
    public Match match(List<Finding> findings) {
        Map<Key, List<Entry>> unmatched = new HashMap<>();
        for (Entry entry : entries) {
            unmatched.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
        }
        List<Finding> fresh = new ArrayList<>();
        List<Finding> baselined = new ArrayList<>();
        for (Finding finding : findings) {
            List<Entry> candidates = unmatched.get(entryFor(finding).key());
            if (candidates == null || candidates.isEmpty()) {
                fresh.add(finding);
            } else {
                candidates.remove(candidates.size() - 1);
                baselined.add(finding);
            }
        }
        List<Entry> stale = new ArrayList<>();
        unmatched.values().forEach(stale::addAll);
        stale.sort(Entry.ORDER);
        return new Match(List.copyOf(fresh), List.copyOf(baselined), List.copyOf(stale));
    }

    Entry entryFor(Finding finding) {
        return new Entry(finding.rule().id(), relativeFile(finding.position().file()),
                finding.operation() == null ? "" : finding.operation().qualifiedName(),
                FindingFingerprint.of(finding), finding.message().strip());
    }

    /** The file relative to the base directory with forward slashes; absolute when it lies outside. */
    String relativeFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(baseDirectory) ? baseDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
