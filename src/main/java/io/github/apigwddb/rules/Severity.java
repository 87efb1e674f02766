package io.github.apigwddb.rules;

import java.util.Locale;

/** How bad a finding is; also the threshold of {@code apigw.failOn}. Ordered from worst to mildest. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The lower-case name used in configuration, SARIF levels ("note" for info) and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as bad as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses {@code error}, {@code warning} or {@code info}, case-insensitive; null when it is none of them. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }
}
