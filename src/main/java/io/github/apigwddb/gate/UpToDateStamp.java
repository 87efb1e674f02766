package io.github.apigwddb.gate;

import io.github.apigwddb.rules.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * What the last successful check of one execution saw and gave, kept in the output directory: the fingerprint of
 * its inputs, the files it read beyond the configured ones (those a template pulls in, which only reading it tells),
 * the reports it wrote and its counts. Removed when a check starts and written only when it passes, so a failed or
 * interrupted check is never taken as up to date. One per configuration: two {@code check} executions of one module
 * configured differently do not take each other's stamp for their own, and executions configured alike ({@code check}
 * and {@code bundle}) share the one check.
 */
public final class UpToDateStamp {

    public static final String FILE_NAME = "apigw-inputs.sha256";
    /** The digests of the input files, to tell unchanged ones without reading them (see {@link FileDigests}). */
    public static final String DIGESTS_FILE_NAME = "apigw-inputs.digests";

    /** The counts of the last check, to repeat on a skipped run. */
    public record Counts(long errors, long warnings, long info, long suppressedInSource, long baselined) {

        public static Counts of(GateOutcome outcome) {
            return new Counts(outcome.count(Severity.ERROR), outcome.count(Severity.WARNING),
                    outcome.count(Severity.INFO), outcome.suppressedCount(SuppressedFinding.Kind.IN_SOURCE),
                    outcome.suppressedCount(SuppressedFinding.Kind.BASELINE));
        }

        /** E.g. {@code 0 errors, 5 warnings, 0 info, 2 baselined}. */
        public String describe() {
            String text = String.format(Locale.ROOT, "%d error%s, %d warning%s, %d info", errors, errors == 1 ? "" : "s", warnings,
                    warnings == 1 ? "" : "s", info);
            if (suppressedInSource > 0) {
                text += ", " + suppressedInSource + " suppressed";
            }
            if (baselined > 0) {
                text += ", " + baselined + " baselined";
            }
            return text;
        }
    }

    /**
     * One recorded check.
     *
     * @param filesRead files the check read beyond those its configuration names (may not exist any more)
     * @param reports the reports it wrote; a missing or rewritten one means the check must run again
     * @param reportStates each report's size and modification time when it was recorded (none for an entry about to be)
     */
    public record Entry(String fingerprint, List<Path> filesRead, List<Path> reports, Counts counts, Map<Path, String> reportStates) {

        public Entry {
            filesRead = List.copyOf(filesRead);
            reports = List.copyOf(reports);
            reportStates = Map.copyOf(reportStates);
        }

        public Entry(String fingerprint, List<Path> filesRead, List<Path> reports, Counts counts) {
            this(fingerprint, filesRead, reports, counts, Map.of());
        }

        /**
         * The reports that are gone, or that something wrote since the check did: a check of another configuration
         * (another {@code failOn}, a one-off {@code -Dapigw.baseline}) writes the same files, and a skip would leave its
         * findings in the SARIF that code scanning reads.
         */
        public List<Path> staleReports() {
            return reports.stream().filter(report -> {
                String recorded = reportStates.get(report);
                return !Files.isRegularFile(report) || recorded != null && !recorded.equals(stateOf(report));
            }).toList();
        }
    }

    /**
     * A file's size and modification time, in the file system's own precision, which a rewrite changes; empty when it
     * cannot be read. Not a digest: telling an unchanged project must stay cheap, and a report may be megabytes.
     */
    static String stateOf(Path file) {
        try {
            return Files.size(file) + ":" + Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return "";
        }
    }

    private final Path file;
    private final Path digestsFile;
    private final Path consoleFile;

    /** The stamp of {@link #FILE_NAME}, for a single configuration. */
    public UpToDateStamp(Path outputDirectory) {
        this(outputDirectory, null);
    }

    /**
     * @param configurationKey which configuration's check this records ({@link #keyOf}); null for {@link #FILE_NAME}. The
     *     file digests are shared: they describe files, whatever the configuration.
     */
    public UpToDateStamp(Path outputDirectory, String configurationKey) {
        this.file = outputDirectory.resolve(configurationKey == null ? FILE_NAME : "apigw-inputs-" + configurationKey + ".sha256");
        this.digestsFile = outputDirectory.resolve(DIGESTS_FILE_NAME);
        this.consoleFile = outputDirectory.resolve(configurationKey == null ? "apigw-console.txt" : "apigw-console-" + configurationKey + ".txt");
    }

    /** A short name for a configuration's stamp: the start of the SHA-256 of its text. */
    public static String keyOf(String configuration) {
        return FileDigests.sha256(configuration.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The file digests remembered from the last build. */
    public FileDigests digests() {
        return FileDigests.read(digestsFile);
    }

    /** Keeps the digests of this build's files for the next one (whatever the check's outcome: they describe files). */
    public void remember(FileDigests digests) throws IOException {
        digests.write(digestsFile);
    }

    public Path file() {
        return file;
    }

    /** The last successful check; empty when there is none or the stamp cannot be read (then the check runs). */
    public Optional<Entry> read() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).matches("[0-9a-f]{64}")) {
                return Optional.empty();
            }
            List<Path> filesRead = new ArrayList<>();
            List<Path> reports = new ArrayList<>();
            Map<Path, String> reportStates = new HashMap<>();
            Counts counts = null;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "read" -> filesRead.add(Path.of(f[1]));
                    case "report" -> {
                        reports.add(Path.of(f[1]));
                        if (f.length > 2 && !f[2].isEmpty()) {
                            reportStates.put(Path.of(f[1]), f[2]);
                        }
                    }
                    case "counts" -> counts = new Counts(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                            Long.parseLong(f[4]), Long.parseLong(f[5]));
                    default -> {
                        // comments, and lines of a later version: ignored
                    }
                }
            }
            return counts == null ? Optional.empty() : Optional.of(new Entry(lines.get(0).strip(), filesRead, reports, counts, reportStates));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Marks the reports as written now and records that, for a skipped check: CI tools that collect test reports
     * (Jenkins' junit step) refuse ones older than the build, though these still say what a check would.
     */
    public void touchReports(Entry entry) throws IOException {
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        for (Path report : entry.reports()) {
            Files.setLastModifiedTime(report, now);
        }
        record(entry);
    }

    /**
     * Keeps what the check printed about its findings, to print again when it is skipped: a build that skips must not
     * look clean to whoever reads its log or counts its warnings. Apart from the stamp, which every build reads: a spec
     * with thousands of findings would make telling an unchanged project slow. Lines are opaque here.
     */
    public void recordConsole(List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder().append(lines.size()).append('\n');
        lines.forEach(line -> text.append(escape(line)).append('\n'));
        Files.createDirectories(consoleFile.getParent());
        Files.writeString(consoleFile, text, StandardCharsets.UTF_8);
    }

    /** The record of what the last check printed. */
    public Path consoleFile() {
        return consoleFile;
    }

    /** Whether the record of what the last check printed is there to print again. */
    public boolean hasConsole() {
        return Files.isRegularFile(consoleFile);
    }

    /** What the last check printed, at most {@code limit} lines of it; empty when it cannot be read. */
    public Console console(int limit) {
        try (BufferedReader reader = Files.newBufferedReader(consoleFile, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            int total = first == null ? 0 : Integer.parseInt(first.strip());
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null && lines.size() < limit; line = reader.readLine()) {
                lines.add(unescape(line));
            }
            return new Console(lines, total);
        } catch (IOException | RuntimeException e) {
            return new Console(List.of(), 0);
        }
    }

    /** Lines the last check printed, the first of {@code total}. */
    public record Console(List<String> lines, int total) {
    }

    /** A console line on one line of its file: backslashes and line breaks escaped. */
    private static String escape(String line) {
        return line.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /** @throws IOException also when a path cannot be written as a line (then the next run checks again) */
    public void record(Entry entry) throws IOException {
        for (Path path : entry.filesRead()) {
            if (path.toString().indexOf('\n') >= 0 || path.toString().indexOf('\t') >= 0 || path.toString().indexOf('\r') >= 0) {
                throw new IOException("the path " + path + " has a tab or line break");
            }
        }
        StringBuilder text = new StringBuilder(entry.fingerprint()).append('\n');
        Counts c = entry.counts();
        text.append("counts\t").append(c.errors()).append('\t').append(c.warnings()).append('\t').append(c.info()).append('\t')
                .append(c.suppressedInSource()).append('\t').append(c.baselined()).append('\n');
        entry.reports().forEach(report -> text.append("report\t").append(report).append('\t').append(stateOf(report)).append('\n'));
        entry.filesRead().forEach(read -> text.append("read\t").append(read).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
