package io.github.apigwddb.rules;

import java.util.Comparator;

/**
 * One problem found: which rule, how bad (after configuration), what, where, and in which operation and
 * example. Immutable; reports only read it.
 */
public record Finding(
        Rule rule,
        Severity severity,
        String message,
        SourcePosition position,
        OperationRef operation,
        String example) {

    /** Deterministic report order: file, line, column, rule, message. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing((Finding f) -> f.position().file().toString())
            .thenComparingInt(f -> f.position().line())
            .thenComparingInt(f -> f.position().column())
            .thenComparing(f -> f.rule().name())
            .thenComparing(f -> f.operation() == null ? "" : f.operation().display())
            .thenComparing(f -> f.example() == null ? "" : f.example())
            .thenComparing(Finding::message);

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, message, position, operation, example);
    }
}
