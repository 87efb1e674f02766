package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.ApiKind;
import io.github.apigwddb.vtl.RenderProblem;
import io.github.apigwddb.vtl.BranchReads;
import io.github.apigwddb.vtl.ContextRead;
import io.github.apigwddb.vtl.DerivedPathRead;
import io.github.apigwddb.vtl.StageVariableRead;
import io.github.apigwddb.vtl.StatusOverride;
import io.github.apigwddb.vtl.TextLoop;
import io.github.apigwddb.vtl.ParamMapRead;
import io.github.apigwddb.vtl.TypedAttributeRead;
import io.github.apigwddb.vtl.VariableRead;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.InputParamCall;
import io.github.apigwddb.vtl.UnknownReference;
import java.util.List;
import java.util.Set;
import org.apache.velocity.Template;
import org.apache.velocity.runtime.parser.node.Node;

/** A template parsed and initialised once; rendering it is thread-safe. Opaque outside this package. */
public final class ParsedTemplate {

    final Template template;
    /** The text, for turning the parser's columns (tabs count to the next multiple of 8) into characters. */
    private final String text;
    final int oversizeBytes;
    /** What the output buffer starts with: an output is mostly the template's text, so about as long. */
    final int outputCapacity;
    /** Filled on first use; racing threads find the same calls, so no lock is needed. */
    private volatile InputCallFinder.Found inputCalls;
    /**
     * The problem of the renders that ran out of time, once two have: later renders of the template are not tried, as
     * each would cost the whole time limit again (a spec of many examples, a probe of many values) and most end the same.
     * Two, so that one input that is slow alone does not stand for every other.
     */
    volatile RenderProblem timedOut;
    final java.util.concurrent.atomic.AtomicInteger timeouts = new java.util.concurrent.atomic.AtomicInteger();
    private volatile List<UnknownReference> unknownReferences;
    private volatile PathVariableFinder.Found pathVariables;
    private volatile List<UnknownReference> unknownWebSocketReferences;

    private ParsedTemplate(Template template, String text, int oversizeBytes, int outputCapacity) {
        this.template = template;
        this.text = text;
        this.oversizeBytes = oversizeBytes;
        this.outputCapacity = outputCapacity;
    }

    static ParsedTemplate of(Template template, String text) {
        int length = text.length();
        return new ParsedTemplate(template, text, 0, Math.max(64, Math.min(length + length / 4, 64 * 1024)));
    }

    /** Too large for API Gateway: not parsed, every render reports the limit. */
    static ParsedTemplate oversize(int bytes) {
        return new ParsedTemplate(null, "", bytes, 0);
    }

    /** The template's {@code $input.path('literal')} and {@code $input.json('literal')} calls, in template order. */
    public List<InputPathCall> inputPathCalls() {
        return inputCalls().pathCalls();
    }

    /** The template's reads of DynamoDB's answer through variables and after calls; see {@link PathVariableFinder}. */
    public List<DerivedPathRead> derivedPathReads() {
        return pathVariables().reads();
    }

    /**
     * Whether the template may test DynamoDB's answer at {@code jsonPath} itself, or something holding it: use it other
     * than to keep it in a variable ({@code #if($item == "")}, {@code $item.isEmpty()}, {@code #set($found = $item != "")}
     * after {@code #set($item = $input.path('$.Item'))}), or steer by what is not followed. {@code #if($item.tag)} only
     * tests what is inside.
     */
    public boolean mayTest(String jsonPath) {
        PathVariableFinder.Found found = pathVariables();
        if (found.conditionsReadUnknown()) {
            return true;
        }
        String path = BranchReads.normalPath(jsonPath);
        return path == null || found.uses().stream().map(ParsedTemplate::definitePart).anyMatch(use -> use == null || path.startsWith(use));
    }

    /** A path up to its first loop's elements ({@code $.Item.tags.L} of {@code $.Item.tags.L[*].S}), in one spelling. */
    private static String definitePart(String path) {
        int loop = path.indexOf("[*]");
        return BranchReads.normalPath(loop < 0 ? path : path.substring(0, loop));
    }

    private PathVariableFinder.Found pathVariables() {
        PathVariableFinder.Found found = pathVariables;
        if (found == null) {
            found = template != null && template.getData() instanceof Node root ? PathVariableFinder.find(root, text)
                    : PathVariableFinder.Found.NONE;
            pathVariables = found;
        }
        return found;
    }

    /** The template's {@code $input.params(...)} reads of a literal name, in template order. */
    public List<InputParamCall> inputParamCalls() {
        return inputCalls().paramCalls();
    }

    /** The template's references to {@code $context}, in template order. */
    public List<ContextRead> contextReads() {
        return inputCalls().contextReads();
    }

    /** The template's reads of DynamoDB attributes through variables ({@code $item.price.N}), in template order. */
    public List<TypedAttributeRead> attributeReads() {
        return inputCalls().attributeReads();
    }

    public List<VariableRead> variableReads() {
        return inputCalls().variableReads();
    }

    public List<ParamMapRead> paramMapReads() {
        return inputCalls().paramMapReads();
    }

    /** The literal JSONPaths of the body a {@code #foreach} goes over ({@code $input.path('$.ids')}). */
    public Set<String> iteratedPaths() {
        return inputCalls().iteratedPaths();
    }

    /** The template's {@code #set}s of {@code $context.responseOverride.status}; see {@link StatusOverride}. */
    public List<StatusOverride> statusOverrides() {
        return inputCalls().statusOverrides();
    }

    /** The template's loops over text, which never run; see {@link TextLoop}. */
    public List<TextLoop> textLoops() {
        return inputCalls().textLoops();
    }

    /** Where the template writes {@code $input.body}: line and column, in template order. */
    public List<int[]> bodyWrites() {
        return inputCalls().bodyWrites();
    }

    /** The template's reads of stage variables by literal name, in template order. */
    public List<StageVariableRead> stageVariableReads() {
        return inputCalls().stageVariableReads();
    }

    /** What the template's conditions, computed loops and macros may read of the request; see {@link InputCallFinder}. */
    public BranchReads branchReads() {
        return inputCalls().branchReads();
    }

    /** The template's references to what API Gateway does not give templates of the kind; see {@link ReferenceAudit}. */
    public List<UnknownReference> unknownReferences(ApiKind kind) {
        List<UnknownReference> found = kind == ApiKind.WEBSOCKET ? unknownWebSocketReferences : unknownReferences;
        if (found == null) {
            found = template != null && template.getData() instanceof Node root ? ReferenceAudit.find(root, text, kind) : List.of();
            if (kind == ApiKind.WEBSOCKET) {
                unknownWebSocketReferences = found;
            } else {
                unknownReferences = found;
            }
        }
        return found;
    }

    /** Found once per template: the walk is the same for every example that renders it. */
    private InputCallFinder.Found inputCalls() {
        InputCallFinder.Found found = inputCalls;
        if (found == null) {
            found = template != null && template.getData() instanceof Node root ? InputCallFinder.find(root, text) : InputCallFinder.Found.NONE;
            inputCalls = found;
        }
        return found;
    }
}
