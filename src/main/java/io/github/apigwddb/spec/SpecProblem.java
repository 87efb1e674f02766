package io.github.apigwddb.spec;

import io.github.apigwddb.rules.Rule;

/** A problem found while reading a file, before any integration is looked at. */
public record SpecProblem(Rule rule, String message, TextPosition position) {
}
