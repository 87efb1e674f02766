package io.github.apigwddb.check;

import io.github.apigwddb.integration.FnSubPlaceholders;
import io.github.apigwddb.integration.IntegrationResponse;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.integration.ToolPlaceholders;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.UnknownReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * VTL003: references of the request and response templates to what API Gateway does not give templates
 * ({@link CompiledTemplate#unknownReferences()}). Static: judged once per integration, whatever the example. A
 * template with placeholders whose values are not given gets stand-ins for them, and the text they stand for may
 * {@code #set} variables, so then only members of {@code $util}, {@code $input} and {@code $context} are judged; so
 * does a {@code {{apigw:name}}} placeholder without a value that stands alone on its line (see
 * {@code Locator#hasUnknownBlock}).
 */
final class UnknownReferenceCheck implements ExampleCheck {

    private final TemplateRunner runner;

    UnknownReferenceCheck(TemplateRunner runner) {
        this.runner = runner;
    }

    @Override
    public void check(ExampleRun run) {
        if (!run.reportedOnce.add("VTL003 checked")) {
            return;
        }
        List<MappingTemplate> templates = new ArrayList<>(run.integration.requestTemplates());
        for (IntegrationResponse response : run.integration.responses()) {
            templates.addAll(response.templates());
        }
        for (MappingTemplate template : templates) {
            Set<String> unknownPlaceholders = unknownPlaceholders(run, template);
            if (!unknownPlaceholders.isEmpty() && ToolPlaceholders.isWholeTemplate(template.text(), unknownPlaceholders)) {
                continue; // nothing to read: CFN005 says so
            }
            CompiledTemplate compiled = runner.compiledAsDeployed(template, run.locator.fromTemplate(), run.templateValues);
            TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
            if (compiled == null) {
                continue; // VTL001 is reported where it renders
            }
            // a {{apigw:name}} alone on its line stands for a block of text that may set variables, as another tool's placeholder may
            boolean textUnknown = !unknownPlaceholders.isEmpty() || run.locator.hasUnknownBlock(template.pointer());
            for (UnknownReference reference : compiled.unknownReferences()) {
                if (!reference.variable() || !textUnknown) {
                    int[] at = deployed.written(template.text(), reference.line(), reference.column());
                    run.once(run.locator.inTemplate(Rule.VTL003, reference.problem(), template, at[0], at[1], run.operation(), null));
                }
            }
        }
    }

    /** The placeholders of the template that get stand-ins for text that is not known, for want of a value. */
    private static Set<String> unknownPlaceholders(ExampleRun run, MappingTemplate template) {
        if (template.fromIntrinsic()) {
            // a variable alone on its line stands for a block of template (its stand-in is empty); elsewhere, for a word
            Set<String> blocks = new LinkedHashSet<>();
            FnSubPlaceholders.substitute(template.text(), run.templateValues).standIns().forEach((name, standIn) -> {
                if (standIn.isEmpty()) {
                    blocks.add(name);
                }
            });
            return blocks;
        }
        if (run.locator.fromTemplate()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>(ToolPlaceholders.find(template.text()));
        names.removeAll(run.templateValues.keySet());
        return names;
    }
}
