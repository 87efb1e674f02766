package io.github.apigwddb.examples;

import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.spec.TextPosition;
import java.nio.file.Path;

/** Something wrong with an example (or the lack of one), located in the file that holds it. */
public record ExampleProblem(Rule rule, String message, Path file, TextPosition position, String example) {
}
