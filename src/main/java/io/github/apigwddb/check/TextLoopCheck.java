package io.github.apigwddb.check;

import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.TextLoop;

/**
 * VTL016: a {@code #foreach} over text ({@code $input.json('$.ids')}, {@code $input.body}, a parameter), which never
 * runs: what the loop should write is missing from every render, and what follows (a batch's empty {@code Keys}) is
 * reported as its consequence. Static: once per template and place.
 */
final class TextLoopCheck implements ExampleCheck {

    private final TemplateRunner runner;

    TextLoopCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        for (TemplateRunner.Readable readable : runner.readable(run)) {
            MappingTemplate template = readable.template();
            for (TextLoop loop : readable.compiled().textLoops()) {
                int[] at = readable.deployed().written(template.text(), loop.line(), loop.column());
                String instead = loop.list().startsWith("$input.json") ? ": $input.path(" + loop.list().substring("$input.json(".length())
                        + " gives the list" : ": a list of the body is $input.path('$.name')";
                run.once(run.locator.inTemplate(Rule.VTL016, "The #foreach goes over " + loop.list() + ", which is text, not a list:"
                        + " Velocity does not go over text, so the loop never runs" + instead, template, at[0], at[1], run.operation(), null));
            }
        }
    }
}
