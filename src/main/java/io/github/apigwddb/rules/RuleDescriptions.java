package io.github.apigwddb.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The rules' descriptions, kept in {@code rule-descriptions.properties} beside this class so the enum stays
 * one line per rule. A rule without a description falls back to its title; {@code RuleCatalogueTest} makes
 * sure none lacks one.
 */
final class RuleDescriptions {

    private static final Properties DESCRIPTIONS = load();

    private RuleDescriptions() {
    }

    static String of(Rule rule) {
        String description = DESCRIPTIONS.getProperty(rule.name());
        return description == null || description.isBlank() ? rule.title() + "." : description.strip();
    }

    static boolean has(Rule rule) {
        String description = DESCRIPTIONS.getProperty(rule.name());
        return description != null && !description.isBlank();
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = RuleDescriptions.class.getResourceAsStream("rule-descriptions.properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule descriptions", e);
        }
        return properties;
    }
}
