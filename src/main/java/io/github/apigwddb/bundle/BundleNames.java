package io.github.apigwddb.bundle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file name and classifier of each bundle: the definition's base name ({@code items.yaml} → {@code items.yaml},
 * classifier {@code apigateway-items}; {@code apigateway} alone for a single definition). Two definitions that
 * would get the same file ({@code v1/api.yaml} and {@code v2/api.yaml}) are refused: one would overwrite the other
 * and only one be published, without a word.
 */
public final class BundleNames {

    /** One bundle's names. */
    public record Named(Path source, String fileName, String classifier) {
    }

    /** Two or more definitions would be written to the same file. */
    public static final class ClashException extends Exception {
        public ClashException(String message) {
            super(message, null, false, false);
        }
    }

    private BundleNames() {
    }

    /**
     * @param bundles each definition with the syntax it is written in, in a stable order
     * @param projectRoot what the message names files relative to
     * @throws ClashException naming the definitions that share a file name and how to tell them apart
     */
    public static List<Named> of(Map<Path, BundleOptions.Format> bundles, Path projectRoot) throws ClashException {
        Map<String, List<Path>> byFile = new LinkedHashMap<>();
        bundles.forEach((source, format) -> byFile.computeIfAbsent(baseName(source) + extension(format), k -> new ArrayList<>()).add(source));
        List<String> clashes = new ArrayList<>();
        byFile.forEach((file, sources) -> {
            if (sources.size() > 1) {
                clashes.add(String.join(" and ", sources.stream().map(s -> relative(projectRoot, s)).toList()) + " would both be bundled as "
                        + file);
            }
        });
        if (!clashes.isEmpty()) {
            throw new ClashException("apigw:bundle: " + String.join("; ", clashes) + ", and only the last would be attached: a bundle is"
                    + " named after its file. Rename one of them (e.g. api-v1.yaml), leave one out with <excludes>, or bundle them in"
                    + " executions of their own with their own <specs> and <outputDirectory>");
        }
        List<Named> named = new ArrayList<>();
        bundles.forEach((source, format) -> named.add(new Named(source, baseName(source) + extension(format),
                bundles.size() == 1 ? "apigateway" : "apigateway-" + baseName(source))));
        return named;
    }

    private static String extension(BundleOptions.Format format) {
        return format == BundleOptions.Format.JSON ? ".json" : ".yaml";
    }

    private static String relative(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return root != null && absolute.startsWith(root.toAbsolutePath().normalize())
                ? root.toAbsolutePath().normalize().relativize(absolute).toString() : absolute.toString();
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
