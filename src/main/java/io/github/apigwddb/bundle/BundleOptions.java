package io.github.apigwddb.bundle;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to bundle.
 *
 * @param format the output syntax; null keeps the source's
 * @param stripPluginExtensions remove {@code x-apigw-*} members (test data and lint control do not belong in the deployed API)
 * @param values deployment values for {@code {{apigw:name}}} placeholders
 * @param projectRoot references may not leave this directory
 */
public record BundleOptions(Format format, boolean stripPluginExtensions, Map<String, String> values, Path projectRoot) {

    public enum Format {
        JSON,
        YAML
    }

    public BundleOptions {
        values = Map.copyOf(values);
    }
}
