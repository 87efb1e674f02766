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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed list of accepted findings ({@code apigw-baseline.json}): a finding that matches an entry
 * does not fail the build; an entry that matches no finding any more is stale and reported, so the file
 * shrinks as findings are fixed. An entry matches by rule, file (relative to the project base directory),
 * operation and {@link FindingFingerprint}; never by line, so unrelated edits do not break the match. Each
 * entry matches at most one finding, so a second identical finding is new.
 *
 * <p>The fingerprint holds the message, and a newer plugin may word a finding otherwise. So that such an upgrade does
 * not fail a build on findings already accepted, an entry no finding matched exactly is then matched to a finding left
 * over of the same rule, file, operation and example (an entry of a file written before examples were recorded: of any
 * example); and an entry to the same finding found with another example (one added before it, a user's in place of the
 * made-up one): the match is {@link Match#reworded() reported} for review, and the finding does not fail the build. The
 * price: an entry whose finding was fixed accepts the next finding of its place, whenever it comes, with a warning on
 * each check until {@code updateBaseline} drops or rewrites it.
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
     * @param example the example's name, "" for none; null in files written before it was recorded (then any example)
     */
    public record Entry(String rule, String file, String operation, String example, String fingerprint, String message) {

        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::file).thenComparing(Entry::rule)
                .thenComparing(Entry::operation).thenComparing(Entry::fingerprint);

        Key key() {
            return new Key(rule, file, operation, fingerprint);
        }

        /** Where the finding is, without what it says: the key of a reworded match. */
        Key place() {
            return new Key(rule, file, operation, "");
        }

        /** {@code AGW011 src/main/apigateway/api.yaml POST /items (example one): message}. */
        public String display() {
            return rule + " " + file + (operation.isEmpty() ? "" : " " + operation)
                    + (example == null || example.isEmpty() ? "" : " (example " + example + ")") + ": " + message;
        }
    }

    private record Key(String rule, String file, String operation, String fingerprint) {
    }

    /**
     * The findings split by the baseline, each list in the order given; stale entries in file order.
     *
     * @param baselined the findings an entry accepts, the reworded ones among them
     * @param reworded the findings accepted by an entry of their place whose fingerprint differs, with that entry
     */
    public record Match(List<Finding> newFindings, List<Finding> baselined, List<Entry> stale, List<Reworded> reworded) {
    }

    /**
     * A finding accepted by an entry of the same rule, file, operation and example whose message was another; or, when
     * {@code otherExample}, by an entry of the same message found with another example.
     */
    public record Reworded(Finding finding, Entry entry, boolean otherExample) {
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
            JsonNode example = node.get("example");
            entries.add(new Entry(rule, node.path("file").asText(""), node.path("operation").asText(""),
                    example == null ? null : example.asText(""), fingerprint, node.path("message").asText("")));
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
            if (entry.example() != null) {
                node.put("example", entry.example()); // "" too: a missing member means a file of before examples were recorded
            }
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

    /** Splits the findings of a whole check into new and baselined ones; the entries no finding matched are stale. */
    public Match match(List<Finding> findings) {
        return match(findings, true);
    }

    /**
     * @param wholeCheck whether {@code findings} are all the check's: otherwise (one example's, for {@code render}) an
     *     entry of a file written before examples were recorded is not paired by place, as the check may pair it with
     *     another example's finding
     */
    public Match match(List<Finding> findings, boolean wholeCheck) {
        Map<Key, List<Entry>> unmatched = new HashMap<>();
        for (Entry entry : entries) {
            unmatched.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
        }
        List<Finding> left = new ArrayList<>();
        Set<Finding> baselined = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Finding finding : findings) {
            List<Entry> candidates = unmatched.get(entryFor(finding).key());
            if (candidates == null || candidates.isEmpty()) {
                left.add(finding);
            } else {
                candidates.remove(candidates.size() - 1);
                baselined.add(finding);
            }
        }
        List<Reworded> reworded = new ArrayList<>(wholeCheck ? foundWithAnotherExample(left, unmatched, findings) : List.of());
        reworded.forEach(r -> baselined.add(r.finding()));
        reworded.addAll(reworded(left.stream().filter(f -> !baselined.contains(f)).toList(), unmatched, wholeCheck));
        reworded.forEach(r -> baselined.add(r.finding()));
        List<Entry> stale = new ArrayList<>();
        unmatched.values().forEach(stale::addAll);
        stale.sort(Entry.ORDER);
        List<Finding> fresh = findings.stream().filter(f -> !baselined.contains(f)).toList();
        List<Finding> accepted = findings.stream().filter(baselined::contains).toList();
        return new Match(fresh, accepted, List.copyOf(stale), List.copyOf(reworded));
    }

    /**
     * Pairs findings no entry matched with entries that say the same of the same rule, file and operation for another
     * example that no finding names any more: a finding of the template itself is reported with the first example that
     * meets it, and adding an example (a user's in place of the made-up one) moves it (user trial: a baselined SEC001
     * failed the build once a sidecar example was added). Removes the entries paired from {@code unmatched}.
     */
    private List<Reworded> foundWithAnotherExample(List<Finding> left, Map<Key, List<Entry>> unmatched, List<Finding> findings) {
        // an example that still has findings of the operation still meets what it met: its entry's finding was fixed
        Set<String> examplesWithFindings = new java.util.HashSet<>();
        findings.forEach(finding -> examplesWithFindings.add((finding.operation() == null ? "" : finding.operation().qualifiedName())
                + "\u0000" + (finding.example() == null ? "" : finding.example())));
        Map<Key, List<Entry>> byPlace = new HashMap<>();
        unmatched.values().forEach(entries -> entries.forEach(entry -> {
            if (entry.example() != null && !examplesWithFindings.contains(entry.operation() + "\u0000" + entry.example())) {
                byPlace.computeIfAbsent(entry.place(), k -> new ArrayList<>()).add(entry);
            }
        }));
        byPlace.values().forEach(entries -> entries.sort(Entry.ORDER)); // file order, not the map's
        List<Reworded> paired = new ArrayList<>();
        for (Finding finding : left) {
            Entry wanted = entryFor(finding);
            List<Entry> candidates = byPlace.getOrDefault(wanted.place(), List.of());
            for (Entry candidate : candidates) {
                if (!candidate.example().equals(wanted.example())
                        && FindingFingerprint.of(finding, candidate.example()).equals(candidate.fingerprint())) {
                    candidates.remove(candidate);
                    unmatched.get(candidate.key()).remove(candidate);
                    paired.add(new Reworded(finding, candidate, true));
                    break;
                }
            }
        }
        return paired;
    }

    /**
     * Pairs findings no entry matched with entries no finding matched, of the same place (rule, file, operation,
     * example). An entry that names the finding's example comes before one of an older file that names none; then the
     * pairs whose messages begin most alike, so that of two reworded findings each gets the entry it came from; then
     * report and file order. Removes the entries paired from {@code unmatched}.
     */
    private List<Reworded> reworded(List<Finding> left, Map<Key, List<Entry>> unmatched, boolean wholeCheck) {
        record Pair(int finding, int entry, boolean anyExample, int shared) { }
        List<Entry> open = new ArrayList<>();
        unmatched.values().forEach(open::addAll);
        open.sort(Entry.ORDER);
        Map<Key, List<Integer>> byPlace = new HashMap<>();
        for (int e = 0; e < open.size(); e++) {
            byPlace.computeIfAbsent(open.get(e).place(), k -> new ArrayList<>()).add(e);
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            Entry wanted = entryFor(left.get(i));
            for (int e : byPlace.getOrDefault(wanted.place(), List.of())) {
                Entry candidate = open.get(e);
                boolean anyExample = candidate.example() == null;
                if (anyExample ? wholeCheck : candidate.example().equals(wanted.example())) {
                    pairs.add(new Pair(i, e, anyExample, sharedPrefix(candidate.message(), wanted.message())));
                }
            }
        }
        pairs.sort(Comparator.comparing(Pair::anyExample).thenComparing(Comparator.comparingInt(Pair::shared).reversed())
                .thenComparingInt(Pair::finding).thenComparingInt(Pair::entry));
        Reworded[] byFinding = new Reworded[left.size()];
        boolean[] entryPaired = new boolean[open.size()];
        for (Pair pair : pairs) {
            if (byFinding[pair.finding()] == null && !entryPaired[pair.entry()]) {
                entryPaired[pair.entry()] = true;
                Entry entry = open.get(pair.entry());
                unmatched.get(entry.key()).remove(entry);
                byFinding[pair.finding()] = new Reworded(left.get(pair.finding()), entry, false);
            }
        }
        List<Reworded> paired = new ArrayList<>();
        for (Reworded r : byFinding) {
            if (r != null) {
                paired.add(r);
            }
        }
        return paired;
    }

    private static int sharedPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    Entry entryFor(Finding finding) {
        return new Entry(finding.rule().id(), relativeFile(finding.position().file()),
                finding.operation() == null ? "" : finding.operation().qualifiedName(), finding.example() == null ? "" : finding.example(),
                FindingFingerprint.of(finding), finding.message().strip());
    }

    /** The file relative to the base directory with forward slashes; absolute when it lies outside. */
    String relativeFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(baseDirectory) ? baseDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
