package io.github.apigwddb.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LoadedSpec;
import io.github.apigwddb.spec.ParsedDocument;
import io.github.apigwddb.spec.ReferenceScope;
import io.github.apigwddb.spec.ReferencedFiles;
import io.github.apigwddb.spec.SpecFormat;
import io.github.apigwddb.spec.TextPosition;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
    private static final int MAX_REFERENCE_DEPTH = 32;

    /** The bundled text, or the problems that prevent it. */
    public record Bundle(String text, BundleOptions.Format format, List<BundleProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Bundle bundle(LoadedSpec spec, BundleOptions options) {
        List<BundleProblem> problems = new ArrayList<>();
        ReferencedFiles files = new ReferencedFiles(spec.file(), spec.document());
        JsonNode inlined = inline(spec.root().deepCopy(), ReferenceScope.root(spec.kind()), spec.file().toAbsolutePath().normalize(), "",
                files, new ArrayDeque<>(), options, problems);
        if (options.stripPluginExtensions()) {
            strip(inlined);
        }
        // a placeholder without a value is a problem at its string's position: a bundle is what gets deployed
        for (Placeholders.Filled string : Placeholders.fillTree(inlined, options.values())) {
            for (Placeholders.Substitution missing : string.standIns()) {
                problems.add(problem("Placeholder {{apigw:" + missing.name() + "}} has no value; set it in <values> (apigw.values) or the"
                        + " values file", spec.file(), spec.document(), string.pointer()));
            }
        }
        BundleOptions.Format format = options.format() != null ? options.format()
                : spec.format() == SpecFormat.JSON ? BundleOptions.Format.JSON : BundleOptions.Format.YAML;
        if (!problems.isEmpty()) {
            return new Bundle(null, format, List.copyOf(problems));
        }
        return new Bundle(write(inlined, format), format, List.of());
    }

    /**
     * Replaces each reference to another file by the value it points at, recursively, refusing what leaves the project.
     * A {@code $ref} in an extension or in example data is data, as the check takes it ({@link ReferenceScope}).
     */
    private JsonNode inline(JsonNode node, ReferenceScope scope, Path file, String pointer, ReferencedFiles files, Deque<String> chain,
            BundleOptions options, List<BundleProblem> problems) {
        if (node.isObject()) {
            JsonNode ref = scope.refIsReference() ? node.get("$ref") : null;
            if (ref != null && ref.isTextual() && !ref.asText().isEmpty() && !ref.asText().startsWith("#")) {
                return resolveExternal(ref.asText(), scope, file, pointer, files, chain, options, problems);
            }
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                ReferenceScope member = scope.member(name, object.get(name));
                if (member != null) {
                    object.set(name, inline(object.get(name), member, file, JsonPointers.child(pointer, name), files, chain, options, problems));
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, inline(array.get(i), scope.element(), file, JsonPointers.child(pointer, i), files, chain, options, problems));
            }
        }
        return node;
    }

    private JsonNode resolveExternal(String ref, ReferenceScope scope, Path file, String pointer, ReferencedFiles files, Deque<String> chain,
            BundleOptions options, List<BundleProblem> problems) {
        ParsedDocument here = files.load(file, file).document();
        if (ReferencedFiles.isRemote(ref)) {
            problems.add(problem("Reference '" + ref + "' is remote; only files of the project are inlined", file, here, pointer));
            return JsonNodeFactory.instance.nullNode();
        }
        ReferencedFiles.Target target;
        try {
            target = ReferencedFiles.target(file, ref);
        } catch (InvalidPathException e) {
            problems.add(problem("Reference '" + ref + "' names no file: it is not a file path", file, here, pointer));
            return JsonNodeFactory.instance.nullNode();
        }
        Path targetFile = target.file();
        if (!targetFile.startsWith(options.projectRoot().toAbsolutePath().normalize())) {
            problems.add(problem("Reference '" + ref + "' leads outside the project (" + targetFile + ")", file, here, pointer));
            return JsonNodeFactory.instance.nullNode();
        }
        String fragment = target.pointer() == null ? "" : target.pointer();
        String key = targetFile + "#" + fragment;
        if (chain.contains(key) || chain.size() >= MAX_REFERENCE_DEPTH) {
            problems.add(problem("Reference '" + ref + "' is circular; a bundle cannot inline it", file, here, pointer));
            return JsonNodeFactory.instance.nullNode();
        }
        ReferencedFiles.Result loaded = files.load(targetFile, file);
        if (!loaded.ok()) {
            problems.add(problem("Reference '" + ref + "' leads nowhere: " + loaded.problem(), file, here, pointer));
            return JsonNodeFactory.instance.nullNode();
        }
        JsonNode value = loaded.document().root().at(fragment);
        if (value.isMissingNode()) {
            problems.add(problem("Reference '" + ref + "' points at nothing in " + targetFile.getFileName(), file, here, pointer));
            return JsonNodeFactory.instance.nullNode();
        }
        chain.push(key);
        // References inside the fragment are relative to its own file: '#/...' there means that file.
        JsonNode copy = rebaseInternalRefs(value.deepCopy(), scope, targetFile.getFileName().toString());
        JsonNode result = inline(copy, scope, targetFile, fragment, files, chain, options, problems);
        chain.pop();
        return result;
    }

    /** An internal reference of another file becomes a reference to that file, to be inlined in turn. */
    private static JsonNode rebaseInternalRefs(JsonNode node, ReferenceScope scope, String file) {
        if (node.isObject()) {
            JsonNode ref = scope.refIsReference() ? node.get("$ref") : null;
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                ((ObjectNode) node).put("$ref", file + ref.asText());
            }
            node.fields().forEachRemaining(member -> {
                ReferenceScope inner = scope.member(member.getKey(), member.getValue());
                if (inner != null) {
                    rebaseInternalRefs(member.getValue(), inner, file);
                }
            });
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rebaseInternalRefs(child, scope.element(), file));
        }
        return node;
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
