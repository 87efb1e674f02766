package io.github.apigwddb.lint;

import io.github.apigwddb.rules.Rule;

/** A rule violation found in the definition itself, located by JSON pointer (the engine turns it into a line). */
public record LintIssue(Rule rule, String message, String pointer) {
}
