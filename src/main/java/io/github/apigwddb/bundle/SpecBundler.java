package io.github.apigwddb.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.apigwddb.spec.ExternalReferences;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.TextPosition;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Makes one self-contained, deterministic document of a definition: references to other local files (whole
 * files or fragments) are inlined, the plugin's own extensions stripped, deployment placeholders filled in;
 * key order stays the source's, line endings are LF, nothing depends on the clock or the machine. References
 * inside the document ({@code #/components/...}) stay: they are already self-contained. Thread-safe.
 */
public final class SpecBundler {

    /** The plugin's own extensions: test data and lint control, not part of the API. */
    static final String PLUGIN_EXTENSION_PREFIX = "x-apigw-";

    /** The bundled text, or the problems that prevent it. */
    public record Bundle(String text, BundleOptions.Format format, List<BundleProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Bundle bundle(LoadedSpec spec, BundleOptions options) {
        List<BundleProblem> problems = new ArrayList<>();
        ExternalReferences references = new ExternalReferences(spec, options.projectRoot(),
                (reason, message, file, document, pointer) -> problems.add(problem(message, file, document, pointer)));
        ParsedDocument inlinedDocument = references.inlinedDocument();
        JsonNode inlined = inlinedDocument.root();
        if (options.stripPluginExtensions()) {
            strip(inlined);
        }
        // a placeholder without a value is a problem at its string's position: a bundle is what gets deployed
        for (Placeholders.Filled string : Placeholders.fillTree(inlined, options.values())) {
            for (Placeholders.Substitution missing : string.standIns()) {
                // in a part of another file: at its string there
                LoadedSpec.Place at = LoadedSpec.place(spec.file(), inlinedDocument, string.pointer());
                problems.add(new BundleProblem("Placeholder {{apigw:" + missing.name() + "}} has no value; set it in <values> (apigw.values)"
                        + " or the values file", at.file(), at.position().line(), at.position().column()));
            }
        }
        BundleOptions.Format format = options.format() != null ? options.format()
                : spec.format() == SpecFormat.JSON ? BundleOptions.Format.JSON : BundleOptions.Format.YAML;
        if (!problems.isEmpty()) {
            return new Bundle(null, format, List.copyOf(problems));
        }
        return new Bundle(write(inlined, format), format, List.of());
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().startsWith(PLUGIN_EXTENSION_PREFIX)) {
                    fields.remove();
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.elements().forEachRemaining(SpecBundler::strip);
        }
    }

    private static BundleProblem problem(String message, Path file, ParsedDocument document, String pointer) {
        TextPosition position = document == null ? TextPosition.START : document.sourceMap().locate(pointer);
        return new BundleProblem(message, file, position.line(), position.column());
    }

    /** Deterministic text: source key order, two-space indentation, LF, a final newline. */
    static String write(JsonNode node, BundleOptions.Format format) {
        try {
            StringWriter out = new StringWriter();
            if (format == BundleOptions.Format.JSON) {
                DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
                ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
                try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
                    generator.setPrettyPrinter(printer);
                    mapper.writeTree(generator, node);
                }
                out.write("\n");
            } else {
                YAMLFactory yaml = YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .build();
                new ObjectMapper(yaml).writeValue(out, node);
            }
            return out.toString().replace("\r\n", "\n");
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
    }
}
