package io.github.apigwddb.examples;

import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputParamCall;
import io.github.apigwddb.vtl.InputPathCall;
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
 */
public record TemplateReads(List<InputPathCall> bodyPaths, List<InputParamCall> parameters, Set<String> iteratedPaths) {

    public static final TemplateReads NONE = new TemplateReads(List.of(), List.of(), Set.of());

    public TemplateReads {
        bodyPaths = List.copyOf(bodyPaths);
        parameters = List.copyOf(parameters);
        iteratedPaths = Set.copyOf(iteratedPaths);
    }

    public static TemplateReads of(CompiledTemplate template) {
        return new TemplateReads(template.inputPathCalls(), template.inputParamCalls(), template.iteratedPaths());
    }
}
