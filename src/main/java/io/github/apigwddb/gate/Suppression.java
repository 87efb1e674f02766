package io.github.apigwddb.gate;

import io.github.apigwddb.rules.Rule;
import java.nio.file.Path;
import java.util.Set;

/**
 * One {@code x-apigw-ignore} entry: the rules it silences for one operation of one spec file, and why.
 *
 * @param reason null when the entry gives none (then it still applies, and SPEC005 says so)
 */
public record Suppression(Path specFile, String method, String path, Set<Rule> rules, String reason) {

    public Suppression {
        specFile = specFile.toAbsolutePath().normalize();
        rules = Set.copyOf(rules);
    }
}
