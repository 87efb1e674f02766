package io.github.apigwddb.spec;

import java.nio.file.Path;
import java.util.Locale;

/** The syntax a definition file is written in, chosen by its extension. */
public enum SpecFormat {
    JSON,
    YAML;

    public static SpecFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? JSON : YAML;
    }
}
