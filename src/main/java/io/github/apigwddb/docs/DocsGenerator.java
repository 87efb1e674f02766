package io.github.apigwddb.docs;

import io.github.apigwddb.check.CheckResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
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
        Files.write(html, utf8(HtmlDocsWriter.page(docs)));
        written.add(html);
        Set<String> names = new HashSet<>();
        for (ApiDocs.Spec spec : docs.specs()) {
            String name = spec.name();
            for (int n = 2; !names.add(name); n++) {
                name = spec.name() + "-" + n;
            }
            Path markdown = outputDirectory.resolve(name + ".md");
            Files.write(markdown, utf8(MarkdownDocsWriter.document(spec)));
            written.add(markdown);
        }
        return written;
    }

    /**
     * The text as UTF-8, a lone surrogate (a JSON {@code "\ud800"} in a template is one) written as U+FFFD: the
     * documentation shows content, it must never fail on it.
     */
    static byte[] utf8(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8));
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 encoding with replacement cannot fail", e);
        }
    }
}
