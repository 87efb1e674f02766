package io.github.apigwddb.docs;

import io.github.apigwddb.check.CheckResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the documentation of a check: {@code index.html} (every definition, self-contained) and one
 * GitHub-flavoured {@code <spec>.md} per definition. The same input gives the same bytes: no timestamps,
 * spec order, {@code \n} line ends.
 */
public final class DocsGenerator {

    public static final String HTML_FILE = "index.html";

    private final Path baseDirectory;

    /** @param baseDirectory file names in the documentation are shown relative to it (the project directory) */
    public DocsGenerator(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    public ApiDocs model(CheckResult result) {
        return new DocsModelBuilder(baseDirectory).build(result);
    }

    /** Writes the files into {@code outputDirectory} (created when missing) and returns them, the HTML page first. */
    public List<Path> write(CheckResult result, Path outputDirectory) throws IOException {
        ApiDocs docs = model(result);
        Files.createDirectories(outputDirectory);
        List<Path> written = new ArrayList<>();
        Path html = outputDirectory.resolve(HTML_FILE);
        Files.writeString(html, HtmlDocsWriter.page(docs), StandardCharsets.UTF_8);
        written.add(html);
        Set<String> names = new HashSet<>();
        for (ApiDocs.Spec spec : docs.specs()) {
            String name = spec.name();
            for (int n = 2; !names.add(name); n++) {
                name = spec.name() + "-" + n;
            }
            Path markdown = outputDirectory.resolve(name + ".md");
            Files.writeString(markdown, MarkdownDocsWriter.document(spec), StandardCharsets.UTF_8);
            written.add(markdown);
        }
        return written;
    }
}
