package io.github.apigwddb.vtl;

import io.github.apigwddb.vtl.internal.ParsedTemplate;
import java.util.List;
import java.util.Set;

/** A template compiled by {@link ApiGatewayTemplateEngine}; immutable and shareable between threads. */
public final class CompiledTemplate {

    private final String name;
    private final String text;
    final ParsedTemplate parsed;

    CompiledTemplate(String name, String text, ParsedTemplate parsed) {
        this.name = name;
        this.text = text;
        this.parsed = parsed;
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The template's {@code $input.path}/{@code $input.json} calls with a literal JSONPath, in template order. */
    public List<InputPathCall> inputPathCalls() {
        return parsed.inputPathCalls();
    }

    /**
     * The template's reads of an {@code $input.path('...')} value through variables and after the call ({@code $r.Code} in
     * {@code #foreach($r in $input.path('$.CancellationReasons'))}), as the paths they stand for, in template order.
     */
    public List<DerivedPathRead> derivedPathReads() {
        return parsed.derivedPathReads();
    }

    /**
     * Whether the template may test DynamoDB's answer at {@code jsonPath} itself (not only what is inside it), through
     * variables too; see {@link ParsedTemplate#mayTest}.
     */
    public boolean mayTest(String jsonPath) {
        return parsed.mayTest(jsonPath);
    }

    /** The template's reads of request parameters with a literal name, in template order. */
    public List<InputParamCall> inputParamCalls() {
        return parsed.inputParamCalls();
    }

    /** The template's references to {@code $context}, in template order. */
    public List<ContextRead> contextReads() {
        return parsed.contextReads();
    }

    /** The template's reads of DynamoDB attributes through variables ({@code $item.price.N}), in template order. */
    public List<TypedAttributeRead> attributeReads() {
        return parsed.attributeReads();
    }

    /** The template's reads of whole parameter maps ({@code $input.params().get('header')}), in template order. */
    public List<ParamMapRead> paramMapReads() {
        return parsed.paramMapReads();
    }

    /** The literal JSONPaths a {@code #foreach} goes over ({@code #foreach($id in $input.path('$.ids'))}): lists. */
    public Set<String> iteratedPaths() {
        return parsed.iteratedPaths();
    }

    /** The template's {@code #foreach}es over text ({@code $input.json(...)}), which never run, in template order. */
    public List<TextLoop> textLoops() {
        return parsed.textLoops();
    }

    /** The template's {@code #set($context.responseOverride.status = ...)}s, in template order. */
    public List<StatusOverride> statusOverrides() {
        return parsed.statusOverrides();
    }

    /** Where the template writes {@code $input.body} (itself or through a call): 1-based line and column, in template order. */
    public List<int[]> bodyWrites() {
        return parsed.bodyWrites();
    }

    /** The template's references to its own variables ({@code $body.name}), in template order. */
    public List<VariableRead> variableReads() {
        return parsed.variableReads();
    }

    /** The template's reads of stage variables by literal name, in template order. */
    public List<StageVariableRead> stageVariableReads() {
        return parsed.stageVariableReads();
    }

    /** What the template's control flow may depend on: the request values its conditions and computed loops read. */
    public BranchReads branchReads() {
        return parsed.branchReads();
    }

    /** The template's references to what API Gateway does not give templates, each name once, in template order. */
    public List<UnknownReference> unknownReferences() {
        return parsed.unknownReferences(ApiKind.REST);
    }

    /** The same for a template of an API of the given kind. */
    public List<UnknownReference> unknownReferences(ApiKind kind) {
        return parsed.unknownReferences(kind);
    }

    @Override
    public String toString() {
        return name;
    }
}
