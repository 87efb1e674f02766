package io.github.apigwddb.check;

import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.StageVariableRead;

/**
 * VTL012: a template reads a stage variable that neither the configuration ({@code apigw.stageVariables}) nor the example
 * gives a value. It renders empty, as on a stage that does not define it, so what the check then finds ({@code
 * "TableName": ""}) is what such a stage would send; the finding says where the value comes from. Once per template and
 * name, at its first read (also when a condition tests it: a comparison with a value takes the branch a stage without it
 * takes, and the check renders no other).
 */
final class StageVariableCheck implements ExampleCheck {

    private final TemplateRunner runner;

    StageVariableCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        for (MappingTemplate template : run.integration.templates()) {
            TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
            CompiledTemplate compiled = runner.compiled(template, deployed);
            if (compiled == null) {
                continue; // VTL001 is reported where it renders
            }
            for (StageVariableRead read : compiled.stageVariableReads()) {
                if (run.stageVariables.containsKey(read.name()) || !run.reportedOnce.add("VTL012|" + template.pointer() + "|" + read.name())) {
                    continue;
                }
                int[] at = deployed.written(template.text(), read.line(), read.column());
                // a name one slip from one that has a value is a typo: giving it a value too would hide it (trial)
                String near = Suggestions.nearest(read.name(), run.stageVariables.keySet());
                String advice = near != null ? "did you mean $stageVariables." + near + "? '" + near + "' has a value here (apigw.stageVariables),"
                        + " and a stage that defines it still gives '" + read.name() + "' nothing"
                        : "give it your stages' value with apigw.stageVariables=" + read.name() + "=<value> (or stageVariables in an example)";
                run.findings.add(run.locator.inTemplate(Rule.VTL012, "Stage variable '" + read.name() + "' has no value in this check,"
                        + " so it renders empty, as on a stage that does not define it; " + advice, template, at[0], at[1],
                        run.operation(), null));
            }
        }
    }
}
