package io.github.apigwddb.check;

import io.github.apigwddb.integration.IntegrationExtractor;
import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.vtl.ApiKind;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.UnknownReference;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * A WebSocket message has no query string and no headers: only {@code $connect}'s upgrade request does
     * (websocket-facts.md), so a read of them on another route is always empty, most likely copied from {@code $connect}.
     * A read in a branch that runs only on {@code $connect} ({@code #if($context.eventType == "CONNECT")}) is not: one
     * integration may serve both.
     */
    private static void parametersOfMessages(ExampleRun run, MappingTemplate template, TemplateRunner.Deployed deployed,
            CompiledTemplate compiled) {
        List<int[]> reads = new ArrayList<>();
        compiled.inputParamCalls().stream().filter(call -> !call.routeGuarded()).forEach(call -> reads.add(new int[] {call.line(), call.column()}));
        compiled.paramMapReads().stream().filter(read -> !read.routeGuarded()).forEach(read -> reads.add(new int[] {read.line(), read.column()}));
        for (int[] read : reads) {
            int[] at = deployed.written(template.text(), read[0], read[1]);
            run.once(run.locator.inTemplate(Rule.VTL003, "$input.params reads the query string and headers of the request, which"
                    + " a WebSocket message does not have (as AWS documents it, only $connect's upgrade request has them): on this"
                    + " route it is empty; read the message with $input.path", template, at[0], at[1], run.operation(), null));
        }
    }

    @Override
    public void check(ExampleRun run) {
        if (!run.reportedOnce.add("VTL003 checked")) {
            return;
        }
        for (MappingTemplate template : run.integration.templates()) {
            TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
            if (deployed.wholePlaceholder(template)) {
                continue; // nothing to read: CFN005 says so
            }
            CompiledTemplate compiled = runner.compiled(template, deployed);
            if (compiled == null) {
                continue; // VTL001 is reported where it renders
            }
            // a placeholder without a value that inserts a block of text may set variables
            boolean textUnknown = !deployed.unknownBlocks().isEmpty() || run.locator.hasUnknownBlock(template.pointer());
            ApiKind kind = IntegrationExtractor.isWebSocketRoute(run.integration.operation()) ? ApiKind.WEBSOCKET : ApiKind.REST;
            for (UnknownReference reference : compiled.unknownReferences(kind)) {
                if (!reference.variable() || !textUnknown) {
                    int[] at = deployed.written(template.text(), reference.line(), reference.column());
                    run.once(run.locator.inTemplate(Rule.VTL003, reference.problem(), template, at[0], at[1], run.operation(), null));
                }
            }
            if (IntegrationExtractor.isMessageRoute(run.integration.operation())) {
                parametersOfMessages(run, template, deployed, compiled);
            }
        }
    }
}
