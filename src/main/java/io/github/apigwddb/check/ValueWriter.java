package io.github.apigwddb.check;

import io.github.apigwddb.integration.MappingTemplate;
import io.github.apigwddb.spec.TextPosition;
import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.VariableRead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a response template writes a value of DynamoDB's answer that reached the client: the place a finding about that
 * value points at. Read from the syntax tree, so a read kept by {@code #set} (which writes nothing) is not taken.
 */
final class ValueWriter {

    private static final Comparator<int[]> IN_TEXT_ORDER = Comparator.<int[]>comparingInt(at -> at[0]).thenComparingInt(at -> at[1]);

    private ValueWriter() {
    }

    /**
     * Line and column of the template's writer of the value at {@code value} in {@code output}: on the template line that
     * made its output line (see {@link OutputLineMapper}), else anywhere, a written {@code $input.path}/{@code $input.json}
     * whose JSONPath is {@code wantedPath}, or {@code $input.body}; else a written variable that is {@code wantedVariable};
     * else that template line's start.
     */
    static int[] of(TemplateRunner runner, ExampleRun run, MappingTemplate template, String output, TextPosition value,
            Predicate<String> wantedPath, Predicate<VariableRead> wantedVariable) {
        int line = new OutputLineMapper(template.text()).templateLineFor(value.line(), OutputText.line(output, value.line()), value.column());
        TemplateRunner.Deployed deployed = TemplateRunner.asDeployed(template, run.locator.fromTemplate(), run.templateValues);
        CompiledTemplate compiled = runner.compiled(template, deployed);
        List<int[]> reads = new ArrayList<>();
        List<int[]> variables = new ArrayList<>();
        if (compiled != null) {
            for (InputPathCall call : compiled.inputPathCalls()) {
                if (call.written() && wantedPath.test(call.jsonPath())) {
                    reads.add(deployed.written(template.text(), call.line(), call.column()));
                }
            }
            for (int[] body : compiled.bodyWrites()) {
                reads.add(deployed.written(template.text(), body[0], body[1]));
            }
            for (VariableRead read : compiled.variableReads()) {
                if (read.written() && wantedVariable.test(read)) {
                    variables.add(deployed.written(template.text(), read.line(), read.column()));
                }
            }
        }
        List<int[]> onLine = new ArrayList<>(reads.stream().filter(at -> at[0] == line).toList());
        onLine.addAll(variables.stream().filter(at -> at[0] == line).toList());
        for (List<int[]> found : List.of(onLine, reads, variables)) {
            if (!found.isEmpty()) {
                return found.stream().min(IN_TEXT_ORDER).get();
            }
        }
        return new int[] {line, 1};
    }
}
