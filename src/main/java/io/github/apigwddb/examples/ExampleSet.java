package io.github.apigwddb.examples;

import java.util.List;

/** The examples of one operation and the problems found while collecting them. */
public record ExampleSet(List<Example> examples, List<ExampleProblem> problems) {
}
