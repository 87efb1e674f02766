package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.apigwddb.spec.Utf8Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads parameter values from the files deploy tools use:
 * <ul>
 * <li>JSON as {@code aws cloudformation create-stack --parameters} takes it: {@code [{"ParameterKey": k, "ParameterValue": v}]};</li>
 * <li>JSON as {@code aws cloudformation deploy --parameter-overrides file://…} takes it: {@code ["k=v", …]} or
 *     {@code {"Parameters": {"k": "v"}}} or {@code {"k": "v"}};</li>
 * <li>{@code samconfig.toml}: {@code parameter_overrides} of {@code [default.deploy.parameters]} (a string
 *     {@code "k=v k2=\"v 2\""} or a list of {@code "k=v"});</li>
 * <li>any other file: {@code k=v} words, as on the command line.</li>
 * </ul>
 */
public final class ParameterFiles {

    private ParameterFiles() {
    }

    /**
     * @throws IOException when the file cannot be read or is not of any of these forms, with a one-line message that
     *     follows the file's name
     */
    public static Map<String, String> read(Path file) throws IOException {
        try {
            return parse(file, Utf8Text.readNamedFile(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new IOException("is not valid " + (file.toString().toLowerCase(Locale.ROOT).endsWith(".toml") ? "TOML" : "JSON") + where
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, String> parse(Path file, String text) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, String> values = new LinkedHashMap<>();
        if (name.endsWith(".toml")) {
            JsonNode overrides = new TomlMapper().readTree(text).path("default").path("deploy").path("parameters").path("parameter_overrides");
            if (overrides.isArray()) {
                overrides.forEach(pair -> addPair(pair.asText(), values, file));
            } else if (overrides.isTextual()) {
                words(overrides.asText()).forEach(pair -> addPair(pair, values, file));
            }
            return values;
        }
        if (name.endsWith(".json")) {
            JsonNode root = new ObjectMapper().readTree(text);
            if (root.isArray()) {
                for (JsonNode entry : root) {
                    if (entry.isObject()) {
                        values.put(entry.path("ParameterKey").asText(), entry.path("ParameterValue").asText());
                    } else {
                        addPair(entry.asText(), values, file);
                    }
                }
            } else if (root.isObject()) {
                JsonNode map = root.has("Parameters") ? root.get("Parameters") : root;
                map.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            }
            return values;
        }
        words(text).forEach(pair -> addPair(pair, values, file));
        return values;
    }

    private static void addPair(String pair, Map<String, String> values, Path file) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(file + ": '" + pair + "' is not of the form Name=Value");
        }
        values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }

    /** Splits at blanks outside double quotes, removing the quotes, as a shell would for these simple pairs. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(current.toString());
        }
        return words;
    }
}
