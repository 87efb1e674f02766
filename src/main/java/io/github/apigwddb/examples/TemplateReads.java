package io.github.apigwddb.examples;

import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.ContextRead;
import io.github.apigwddb.vtl.DerivedPathRead;
import io.github.apigwddb.vtl.InputParamCall;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.OutputSlot;
import io.github.apigwddb.vtl.VariableRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an operation's request template reads from the request: body members through literal JSONPaths and
 * parameters by literal name, each with where the template writes the value. An example made up for the operation
 * gives these inputs values, so that the template renders as it would for a client that sends them.
 *
 * @param bodyPaths  the {@code $input.path}/{@code $input.json} calls, in template order
 * @param parameters the {@code $input.params} reads, in template order
 * @param iteratedPaths the body's JSONPaths a {@code #foreach} goes over: lists (a text would make the loop run never)
 * @param contextPaths the {@code $context} values read ({@code authorizer.claims.sub}, {@code identity.caller})
 */
public record TemplateReads(List<InputPathCall> bodyPaths, List<InputParamCall> parameters, Set<String> iteratedPaths,
        List<String> contextPaths) {

    public static final TemplateReads NONE = new TemplateReads(List.of(), List.of(), Set.of(), List.of());

    public TemplateReads {
        bodyPaths = List.copyOf(bodyPaths);
        parameters = List.copyOf(parameters);
        iteratedPaths = Set.copyOf(iteratedPaths);
        contextPaths = List.copyOf(contextPaths);
    }

    /**
     * The template's reads; a body member read through a variable ({@code $body.author} after
     * {@code #set($body = $input.path('$'))}) counts as the path it stands for, written where the variable is.
     */
    public static TemplateReads of(CompiledTemplate template) {
        List<InputPathCall> bodyPaths = new ArrayList<>(template.inputPathCalls());
        for (DerivedPathRead read : template.derivedPathReads()) {
            OutputSlot slot = template.variableReads().stream().filter(v -> v.line() == read.line() && v.column() == read.column())
                    .map(VariableRead::slot).findFirst().orElse(OutputSlot.UNKNOWN);
            bodyPaths.add(new InputPathCall("path", read.jsonPath(), slot, read.line(), read.column(), false, slot.isKnown()));
        }
        return new TemplateReads(bodyPaths, template.inputParamCalls(), template.iteratedPaths(),
                template.contextReads().stream().map(ContextRead::path).distinct().toList());
    }
}
