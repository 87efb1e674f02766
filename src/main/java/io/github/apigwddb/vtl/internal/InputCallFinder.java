package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.BranchReads;
import io.github.apigwddb.vtl.ContextRead;
import io.github.apigwddb.vtl.InputParamCall;
import io.github.apigwddb.vtl.InputPathCall;
import io.github.apigwddb.vtl.OutputSlot;
import io.github.apigwddb.vtl.StageVariableRead;
import io.github.apigwddb.vtl.StatusOverride;
import io.github.apigwddb.vtl.TextLoop;
import io.github.apigwddb.vtl.ParamMapRead;
import io.github.apigwddb.vtl.TypedAttributeRead;
import io.github.apigwddb.vtl.VariableRead;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.parser.node.ASTAndNode;
import org.apache.velocity.runtime.parser.node.ASTBlock;
import org.apache.velocity.runtime.parser.node.ASTComment;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTElseIfStatement;
import org.apache.velocity.runtime.parser.node.ASTExpression;
import org.apache.velocity.runtime.parser.node.ASTIdentifier;
import org.apache.velocity.runtime.parser.node.ASTIfStatement;
import org.apache.velocity.runtime.parser.node.ASTIndex;
import org.apache.velocity.runtime.parser.node.ASTIntegerLiteral;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTSetDirective;
import org.apache.velocity.runtime.parser.node.ASTStringLiteral;
import org.apache.velocity.runtime.parser.node.ASTText;
import org.apache.velocity.runtime.parser.node.ASTprocess;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * Walks a parsed template in document order for the {@code $input} calls with literal arguments: body reads
 * ({@code path}, {@code json}) and parameter reads ({@code params}). A reference the template writes out gets the
 * {@link OutputSlot} its literal text before it gives, and so do the calls inside it ({@code $util.escapeJavaScript(
 * $input.path('$.a'))}); calls inside {@code #set} or a condition get an unknown slot.
 */
final class InputCallFinder {

    private static final Set<String> LOCATIONS = Set.of("path", "querystring", "header");
    private static final Set<String> DECODERS = Set.of("urlDecode", "base64Decode");
    /**
     * Directives whose effect the analysis does not follow: a template that defines a macro may call it with anything.
     * Other names are {@code #break}, {@code #stop}, or no directive at all ({@code "#n": "name"} in
     * ExpressionAttributeNames), which Velocity writes out as text.
     */
    private static final Set<String> STEERING_DIRECTIVES = Set.of("macro", "define", "evaluate");
    /** What the engine puts in a loop: its count and position steer by no request value. */
    private static final Set<String> LOOP_VARIABLES = Set.of("foreach", "velocityCount", "velocityHasNext");
    /** Methods of strings, lists and maps that fail for no string value and give the same kind of result for each. */
    private static final Set<String> SAFE_METHODS = Set.of("replaceAll", "replace", "toLowerCase", "toUpperCase", "trim", "strip",
            "length", "isEmpty", "equals", "equalsIgnoreCase", "contains", "startsWith", "endsWith", "indexOf", "lastIndexOf",
            "toString", "split", "matches", "get", "size", "keySet", "values", "entrySet", "containsKey");
    /** {@code $util} functions that fail for no string without a {@code %}: the probe's values have none. */
    private static final Set<String> SAFE_UTIL = Set.of("escapeJavaScript", "urlEncode", "urlDecode", "base64Encode");
    /** Enough of the text before a reference to hold a member name and its colon. */
    private static final int KEPT_TEXT = 512;

    /** What a template reads, in template order. */
    record Found(List<InputPathCall> pathCalls, List<InputParamCall> paramCalls, List<ContextRead> contextReads, BranchReads branchReads,
            List<StageVariableRead> stageVariableReads, List<TypedAttributeRead> attributeReads, List<VariableRead> variableReads,
            List<ParamMapRead> paramMapReads, List<int[]> bodyWrites, List<TextLoop> textLoops, Set<String> iteratedPaths,
            List<StatusOverride> statusOverrides) {
        static final Found NONE = new Found(List.of(), List.of(), List.of(), BranchReads.NONE, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Set.of(), List.of());
    }

    /** The AttributeValue types of DynamoDB's JSON. */
    private static final Set<String> ATTRIBUTE_TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
    /** The members of a map entry, not attribute names. */
    private static final Set<String> ENTRY_MEMBERS = Set.of("key", "value");
    /** Roots that hold no DynamoDB answer. */
    private static final Set<String> NOT_ANSWERS = Set.of("input", "util", "context", "stageVariables");

    private final List<InputPathCall> pathCalls = new ArrayList<>();
    private final List<InputParamCall> paramCalls = new ArrayList<>();
    private final List<ContextRead> contextReads = new ArrayList<>();
    private final List<StageVariableRead> stageVariableReads = new ArrayList<>();
    private final List<TypedAttributeRead> attributeReads = new ArrayList<>();
    private final List<VariableRead> variableReads = new ArrayList<>();
    private final List<ParamMapRead> paramMapReads = new ArrayList<>();
    /** Where the template writes {@code $input.body} (line, column). */
    private final List<int[]> bodyWrites = new ArrayList<>();
    private final List<TextLoop> textLoops = new ArrayList<>();
    private final List<StatusOverride> statusOverrides = new ArrayList<>();
    /** The literal JSONPaths whose values a {@code #foreach} goes over: lists, for an example made up. */
    private final Set<String> iteratedPaths = new LinkedHashSet<>();
    /** The literal text written since the last output whose text is unknown (a reference, a loop, a branch). */
    private final StringBuilder textBefore = new StringBuilder();
    /** Whether the walk is inside a reference the template writes (not one in a directive's arguments). */
    private boolean writing;
    /** How many decoding {@code $util} calls the walk is inside. */
    private int decoders;
    /** How many of those decode Base64. */
    private int base64Decoders;
    /** Variables set to a parameter ({@code #set($token = $input.params('token'))}) → the parameter's name. */
    private final Map<String, String> parameterVariables = new HashMap<>();
    /** Parameters Base64-decoded through such a variable. */
    private final Set<String> base64DecodedThroughVariables = new HashSet<>();
    /** How many branches that run only for {@code $connect} ({@link #connectOnly}) the walk is inside. */
    private int connectBranches;
    /** How many calls of methods that may fail the walk is inside: what their arguments read may steer the template. */
    private int fragileCalls;
    /** What the template's control flow may depend on; see {@link #steering}. */
    private boolean branchesOnAnything;
    private final Set<String> branchParameters = new HashSet<>();
    private final Set<String> branchBodyPaths = new HashSet<>();
    private final Set<String> branchContextPaths = new HashSet<>();

    private final ParserColumns columns;

    private InputCallFinder(String text) {
        this.columns = new ParserColumns(text);
    }

    static Found find(Node root, String text) {
        InputCallFinder finder = new InputCallFinder(text);
        finder.walk(root);
        return new Found(List.copyOf(finder.pathCalls), finder.paramCalls(), List.copyOf(finder.contextReads),
                new BranchReads(finder.branchesOnAnything, finder.branchParameters, finder.branchBodyPaths, finder.branchContextPaths),
                List.copyOf(finder.stageVariableReads), List.copyOf(finder.attributeReads), List.copyOf(finder.variableReads),
                List.copyOf(finder.paramMapReads), List.copyOf(finder.bodyWrites), List.copyOf(finder.textLoops),
                Collections.unmodifiableSet(finder.iteratedPaths), List.copyOf(finder.statusOverrides));
    }

    /** The parameter reads, those decoded later through a variable marked so. */
    private List<InputParamCall> paramCalls() {
        return paramCalls.stream().map(call -> call.base64Decoded() || !base64DecodedThroughVariables.contains(call.name()) ? call
                : new InputParamCall(call.location(), call.name(), call.slot(), call.line(), call.column(), call.decoded(), true,
                        call.routeGuarded())).toList();
    }

    private void walk(Node node) {
        if (node instanceof ASTText text) {
            append(text.getCtext() != null ? text.getCtext() : text.literal());
            return;
        }
        if (node instanceof ASTComment) {
            return;
        }
        noteInterpolatedContext(node);
        boolean statement = node.jjtGetParent() instanceof ASTprocess || node.jjtGetParent() instanceof ASTBlock;
        if (node instanceof ASTReference reference) {
            writing = statement;
            collect(reference, statement ? OutputSlot.after(textBefore) : OutputSlot.UNKNOWN);
            writing = false;
            if (statement) {
                textBefore.setLength(0);
            }
            return;
        }
        steering(node);
        if (node instanceof ASTSetDirective set) {
            noteStatusOverride(set);
            noteParameterVariable(set);
        }
        // each branch of an #if, and a loop's body, starts after the text before the directive
        String before = node instanceof ASTBlock ? textBefore.toString() : null;
        boolean connectBranch = connectOnly(node);
        connectBranches += connectBranch ? 1 : 0;
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            walk(node.jjtGetChild(i));
        }
        connectBranches -= connectBranch ? 1 : 0;
        if (before != null) {
            textBefore.setLength(0);
            textBefore.append(before);
        } else if (statement && !(node instanceof ASTSetDirective)) {
            textBefore.setLength(0); // what a directive wrote is unknown
        }
    }

    /** Notes {@code #set($token = $input.params('token'))}; a later {@code #set} of the variable to anything else forgets it. */
    private void noteParameterVariable(ASTSetDirective set) {
        if (set.jjtGetNumChildren() < 2 || !(set.jjtGetChild(0) instanceof ASTReference target) || target.jjtGetNumChildren() > 0) {
            return;
        }
        Node value = set.jjtGetChild(1);
        while (value instanceof ASTExpression && value.jjtGetNumChildren() == 1) {
            value = value.jjtGetChild(0);
        }
        String parameter = value instanceof ASTReference reference && "input".equals(reference.getRootString())
                && reference.jjtGetNumChildren() == 1 && reference.jjtGetChild(0) instanceof ASTMethod method
                && "params".equals(method.getMethodName()) ? literalArgument(method) : null;
        if (parameter == null) {
            parameterVariables.remove(target.getRootString());
        } else {
            parameterVariables.put(target.getRootString(), parameter);
        }
    }

    /** Notes a {@code #set($context.responseOverride.status = ...)}, with the status when it is written as a literal. */
    private void noteStatusOverride(ASTSetDirective set) {
        if (set.jjtGetNumChildren() < 2 || !(set.jjtGetChild(0) instanceof ASTReference target) || !"context".equals(target.getRootString())
                || !"responseOverride.status".equals(contextPath(target))) {
            return;
        }
        Node value = set.jjtGetChild(1);
        while (value instanceof ASTExpression && value.jjtGetNumChildren() == 1) {
            value = value.jjtGetChild(0);
        }
        String quoted = value instanceof ASTStringLiteral string && string.literal() != null ? unquote(string.literal()) : null;
        // an interpolated string ("$input.path('$.code')") unquotes to null: computed
        String literal = value instanceof ASTIntegerLiteral number ? String.valueOf(number.value(null)) : quoted == null ? null : quoted.strip();
        Integer status = literal != null && literal.matches("[0-9]{1,3}") ? Integer.valueOf(literal) : null;
        statusOverrides.add(new StatusOverride(status, target.getLine(), column(target.getLine(), target.getColumn())));
    }

    /**
     * Notes what the node's choice of what the template does may read: the condition of an {@code #if} or
     * {@code #elseif} (a loop's {@code $foreach} steers by no request value), the list of a {@code #foreach} that is
     * computed (a plain reference, {@code $input.path('...')} or a range gives a list whose length no string value
     * changes), and anything for a macro, {@code #define} or {@code #evaluate}.
     */
    private void steering(Node node) {
        if (node instanceof ASTIfStatement || node instanceof ASTElseIfStatement) {
            if (node.jjtGetNumChildren() == 0) {
                branchesOnAnything = true;
            } else {
                branchReads(node.jjtGetChild(0));
            }
        } else if (node instanceof ASTDirective directive) {
            String name = directive.getDirectiveName();
            if ("foreach".equals(name)) {
                if (node.jjtGetNumChildren() < 3) {
                    branchesOnAnything = true;
                } else if (!isPlainList(node.jjtGetChild(2))) {
                    branchReads(node.jjtGetChild(2));
                }
                if (node.jjtGetNumChildren() > 2 && node.jjtGetChild(2) instanceof ASTReference list && isText(list)) {
                    textLoops.add(new TextLoop(list.literal(), list.getLine(), column(list.getLine(), list.getColumn())));
                }
                if (node.jjtGetNumChildren() > 2 && node.jjtGetChild(2) instanceof ASTReference list && "input".equals(list.getRootString())
                        && list.jjtGetNumChildren() == 1 && list.jjtGetChild(0) instanceof ASTMethod call && "path".equals(call.getMethodName())
                        && literalArgument(call) != null) {
                    iteratedPaths.add(literalArgument(call));
                }
            } else if (STEERING_DIRECTIVES.contains(name)) {
                branchesOnAnything = true;
            }
        }
    }

    /**
     * Whether the node is the branch of an {@code #if} or {@code #elseif} whose condition holds only on {@code $connect}:
     * {@code $context.eventType == "CONNECT"} or {@code $context.routeKey == '$connect'}, alone or in an {@code &&}. One
     * template may serve several WebSocket routes and read the upgrade request's parameters there only.
     */
    private static boolean connectOnly(Node node) {
        Node parent = node.jjtGetParent();
        return node instanceof ASTBlock && (parent instanceof ASTIfStatement || parent instanceof ASTElseIfStatement)
                && parent.jjtGetNumChildren() > 1 && parent.jjtGetChild(1) == node && testsConnect(parent.jjtGetChild(0));
    }

    private static boolean testsConnect(Node condition) {
        if (condition instanceof ASTExpression || condition instanceof ASTAndNode) {
            for (int i = 0; i < condition.jjtGetNumChildren(); i++) {
                if (testsConnect(condition.jjtGetChild(i))) {
                    return true;
                }
            }
            return false;
        }
        // (Velocity's != node is a kind of == node)
        if (!(condition instanceof ASTEQNode) || condition instanceof ASTNENode || condition.jjtGetNumChildren() != 2) {
            return false;
        }
        String[] sides = {contextName(condition.jjtGetChild(0)), contextName(condition.jjtGetChild(1))};
        String[] literals = {literalOf(condition.jjtGetChild(0)), literalOf(condition.jjtGetChild(1))};
        for (int i = 0; i < 2; i++) {
            String literal = literals[1 - i];
            if ("eventType".equals(sides[i]) && "CONNECT".equals(literal) || "routeKey".equals(sides[i]) && "$connect".equals(literal)) {
                return true;
            }
        }
        return false;
    }

    /** {@code eventType} for {@code $context.eventType}; null for anything else. */
    private static String contextName(Node node) {
        return node instanceof ASTReference reference && "context".equals(reference.getRootString()) ? contextPath(reference) : null;
    }

    /** A constant string literal's text ({@code "$connect"} reads a reference that renders as written); null for other nodes. */
    private static String literalOf(Node node) {
        return node instanceof ASTStringLiteral literal ? unquote(literal.literal()) : null;
    }

    /** Notes the request values an expression that steers the template reads; what it cannot follow counts as anything. */
    private void branchReads(Node node) {
        if (node instanceof ASTReference reference) {
            String root = reference.getRootString();
            if ("input".equals(root) || "context".equals(root)) {
                branchRead(reference);
            } else if (!"util".equals(root) && !"stageVariables".equals(root) && !LOOP_VARIABLES.contains(root)) {
                // a variable: it may hold anything the template read (a stage variable is the stage's setting, the same in
                // every render of a probe, so it steers no client value)
                branchesOnAnything = true;
            }
            for (int i = 0; i < reference.jjtGetNumChildren(); i++) {
                branchReads(reference.jjtGetChild(i)); // arguments, as of $util.escapeJavaScript(...)
            }
            return;
        }
        if (node instanceof ASTStringLiteral literal && literal.literal() != null && literal.literal().startsWith("\"")
                && (literal.literal().indexOf('$') >= 0 || literal.literal().indexOf('#') >= 0)) {
            branchesOnAnything = true; // an interpolated string: its references are not in this tree
            return;
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            branchReads(node.jjtGetChild(i));
        }
    }

    /** Notes the request value an {@code $input} or {@code $context} reference reads as one that may steer the template. */
    private void branchRead(ASTReference reference) {
        if ("context".equals(reference.getRootString())) {
            branchContextPaths.add(contextPath(reference));
            return;
        }
        // read the call as the walk does, without keeping it: the walk records it where it stands
        int paths = pathCalls.size();
        int params = paramCalls.size();
        inputCall(reference, OutputSlot.UNKNOWN, true);
        InputPathCall path = pathCalls.size() > paths ? pathCalls.remove(paths) : null;
        InputParamCall param = paramCalls.size() > params ? paramCalls.remove(params) : null;
        String bodyPath = path == null ? null : BranchReads.normalPath(path.jsonPath());
        if (bodyPath != null && !"$".equals(bodyPath)) {
            branchBodyPaths.add(bodyPath);
        } else if (param != null) {
            branchParameters.add(param.name());
        } else {
            branchesOnAnything = true; // $input.body, $input.path('$'), $input.params(), a path with wildcards
        }
    }

    /**
     * Whether the reference calls, after its root's own call ({@code $input.params('x')}, {@code $util.f(...)}), a
     * method that may fail for some string values ({@code substring}, {@code charAt}): a failure ends the render, so
     * the value steers the template as a condition would.
     */
    private static boolean callsFragileMethod(ASTReference reference) {
        String root = reference.getRootString();
        int first = "input".equals(root) || "util".equals(root) ? 1 : 0;
        for (int i = first; i < reference.jjtGetNumChildren(); i++) {
            if (reference.jjtGetChild(i) instanceof ASTMethod method && !SAFE_METHODS.contains(method.getMethodName())) {
                return true;
            }
        }
        return "util".equals(root) && reference.jjtGetNumChildren() > 0 && reference.jjtGetChild(0) instanceof ASTMethod method
                && !SAFE_UTIL.contains(method.getMethodName());
    }

    /** {@code $input.json(...)}, {@code $input.body}, {@code $input.params('x')}: text, whatever the body holds. */
    private static boolean isText(ASTReference reference) {
        if (!"input".equals(reference.getRootString()) || reference.jjtGetNumChildren() != 1) {
            return false;
        }
        Node step = reference.jjtGetChild(0);
        return step instanceof ASTIdentifier identifier ? "body".equals(identifier.getIdentifier())
                : step instanceof ASTMethod method && ("json".equals(method.getMethodName())
                        || "params".equals(method.getMethodName()) && method.jjtGetNumChildren() == 2);
    }

    /** A loop's list that no string value can lengthen: a plain reference, a literal JSONPath read, or a range of numbers. */
    private static boolean isPlainList(Node list) {
        if (list instanceof ASTIntegerRange range) {
            for (int i = 0; i < range.jjtGetNumChildren(); i++) {
                if (!(range.jjtGetChild(i) instanceof ASTIntegerLiteral)) {
                    return false;
                }
            }
            return true;
        }
        if (!(list instanceof ASTReference reference)) {
            return false;
        }
        for (int i = 0; i < reference.jjtGetNumChildren(); i++) {
            Node step = reference.jjtGetChild(i);
            boolean literalRead = step instanceof ASTMethod method && i == 0 && "input".equals(reference.getRootString())
                    && ("path".equals(method.getMethodName()) || "json".equals(method.getMethodName())) && literalArgument(method) != null;
            if (!(step instanceof ASTIdentifier) && !literalRead) {
                return false;
            }
        }
        return true;
    }

    private void append(String text) {
        if (text == null) {
            return;
        }
        textBefore.append(text);
        if (textBefore.length() > 2 * KEPT_TEXT) {
            textBefore.delete(0, textBefore.length() - KEPT_TEXT);
        }
    }

    /** Records the reference if it is an {@code $input} call or a {@code $context} read, then looks inside its arguments for more. */
    private void collect(ASTReference reference, OutputSlot slot) {
        String root = reference.getRootString();
        if ("input".equals(root)) {
            inputCall(reference, slot);
        } else if ("context".equals(root)) {
            contextReads.add(new ContextRead(contextPath(reference), reference.getLine(), column(reference.getLine(), reference.getColumn())));
        } else if (root != null && !NOT_ANSWERS.contains(root) && !LOOP_VARIABLES.contains(root)) {
            typedAttribute(reference);
            if (base64Decoders > 0 && reference.jjtGetNumChildren() == 0 && parameterVariables.containsKey(root)) {
                base64DecodedThroughVariables.add(parameterVariables.get(root));
            }
            variableReads.add(new VariableRead(root, contextPath(reference), writing, reference.getLine(),
                    column(reference.getLine(), reference.getColumn()), writing ? slot : OutputSlot.UNKNOWN));
        }
        if ("stageVariables".equals(root) && reference.jjtGetNumChildren() > 0) {
            String name = stageVariableName(reference.jjtGetChild(0));
            if (name != null) {
                stageVariableReads.add(new StageVariableRead(name, reference.getLine(), column(reference.getLine(), reference.getColumn())));
            }
        }
        boolean fragile = callsFragileMethod(reference);
        if (fragile && ("input".equals(root) || "context".equals(root))) {
            branchRead(reference);
        } else if (fragile && !"util".equals(root) && !LOOP_VARIABLES.contains(root)) {
            branchesOnAnything = true; // a variable's value may be a request value
        }
        if (fragile) {
            fragileCalls++;
        }
        boolean decodes = "util".equals(reference.getRootString()) && reference.jjtGetNumChildren() > 0
                && reference.jjtGetChild(0) instanceof ASTMethod method && DECODERS.contains(method.getMethodName());
        boolean base64 = decodes && "base64Decode".equals(((ASTMethod) reference.jjtGetChild(0)).getMethodName());
        decoders += decodes ? 1 : 0;
        base64Decoders += base64 ? 1 : 0;
        for (int i = 0; i < reference.jjtGetNumChildren(); i++) {
            arguments(reference.jjtGetChild(i), slot);
        }
        decoders -= decodes ? 1 : 0;
        base64Decoders -= base64 ? 1 : 0;
        if (fragile) {
            fragileCalls--;
        }
    }

    private void arguments(Node node, OutputSlot slot) {
        if (node instanceof ASTReference nested) {
            if (fragileCalls > 0) {
                branchReads(nested);
            }
            collect(nested, slot);
            return;
        }
        noteInterpolatedContext(node);
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            arguments(node.jjtGetChild(i), slot);
        }
    }

    private void inputCall(ASTReference reference, OutputSlot slot) {
        inputCall(reference, slot, false);
    }

    /** @param withCalls whether a parameter read followed by method calls ({@code .length()}) counts: it does for steering */
    private void inputCall(ASTReference reference, OutputSlot slot, boolean withCalls) {
        int steps = reference.jjtGetNumChildren();
        if (steps > 0 && reference.jjtGetChild(0) instanceof ASTIdentifier body && "body".equals(body.getIdentifier()) && writing) {
            bodyWrites.add(new int[] {reference.getLine(), column(reference.getLine(), reference.getColumn())});
        }
        if (steps == 0 || !(reference.jjtGetChild(0) instanceof ASTMethod first)) {
            return;
        }
        String name = first.getMethodName();
        String argument = literalArgument(first);
        int line = reference.getLine();
        int column = column(line, reference.getColumn());
        if (("path".equals(name) || "json".equals(name)) && argument != null) {
            pathCalls.add(new InputPathCall(name, argument, slot, line, column, decoders > 0, writing));
        } else if ("params".equals(name) && argument != null && (steps == 1 || withCalls)) {
            paramCalls.add(new InputParamCall(null, argument, slot, line, column, decoders > 0, base64Decoders > 0, connectBranches > 0));
        } else if ("params".equals(name) && first.jjtGetNumChildren() == 1 && !withCalls) {
            paramMap(reference, line, column); // (a steering read is recorded where the walk finds it)
        }
        if ("params".equals(name) && first.jjtGetNumChildren() == 1 && (steps == 3 || withCalls && steps > 3)) {
            // $input.params().header.get('X') / .path.id / .get('querystring').get('q')
            String location = step(reference.jjtGetChild(1), "get");
            String parameter = step(reference.jjtGetChild(2), "get");
            if (location != null && LOCATIONS.contains(location) && parameter != null) {
                paramCalls.add(new InputParamCall(location, parameter, slot, line, column, decoders > 0, base64Decoders > 0, connectBranches > 0));
            }
        }
    }

    /**
     * Notes {@code $input.params()} with no name after it: all parameters, or all of one location
     * ({@code .header}, {@code .get('header')}) when no literal name follows.
     */
    private void paramMap(ASTReference reference, int line, int column) {
        int steps = reference.jjtGetNumChildren();
        if (steps == 1) {
            paramMapReads.add(new ParamMapRead(null, line, column, connectBranches > 0));
            return;
        }
        String location = step(reference.jjtGetChild(1), "get");
        if (location != null && LOCATIONS.contains(location) && (steps == 2 || step(reference.jjtGetChild(2), "get") == null)) {
            paramMapReads.add(new ParamMapRead(location, line, column, connectBranches > 0));
        }
    }

    /**
     * A double-quoted string literal interpolates references that this tree does not hold: one that names
     * {@code context} counts as a read of all of {@code $context}, so the User-Agent in {@code "ua-$context.identity.userAgent"}
     * is still an input.
     */
    private void noteInterpolatedContext(Node node) {
        if (node instanceof ASTStringLiteral literal && literal.literal() != null && literal.literal().startsWith("\"")
                && literal.literal().contains("context")) {
            contextReads.add(new ContextRead("", literal.getLine(), column(literal.getLine(), literal.getColumn())));
        }
    }

    private int column(int line, int parserColumn) {
        return columns.column(line, parserColumn);
    }

    /** The literal names after {@code $context} ({@code .name}, {@code .get('name')}, {@code ['name']}), up to the first step that is not one. */
    static String contextPath(ASTReference reference) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < reference.jjtGetNumChildren(); i++) {
            // also claims['custom:name'], the only way to write a claim whose name is no identifier
            String name = stageVariableName(reference.jjtGetChild(i));
            if (name == null) {
                break;
            }
            path.append(path.length() == 0 ? "" : ".").append(name);
        }
        return path.toString();
    }

    /** The name a step selects: a property ({@code .header}) or a call of {@code getter} with a literal ({@code .get('header')}). */
    static String step(Node node, String getter) {
        if (node instanceof ASTIdentifier identifier) {
            return identifier.getIdentifier();
        }
        if (node instanceof ASTMethod method && getter.equals(method.getMethodName())) {
            return literalArgument(method);
        }
        return null;
    }

    /**
     * Notes {@code $v.name.S} (and {@code $v.Item.name.S}): the last literal name before a string or number type. Not a
     * name inside a map ({@code $v.M.city.S}: not an attribute of the item), not an entry's {@code key} or {@code value}
     * ({@code #foreach($e in $item.entrySet())}). Every type counts: an attribute the made-up item lacked was written as
     * nothing ({@code "done": $e.done.BOOL} broke the JSON, RSP003, user trial); a condition on it takes its other way when
     * RSP006 leaves it out.
     */
    private void typedAttribute(ASTReference reference) {
        String previous = null;
        for (int i = 0; i < reference.jjtGetNumChildren(); i++) {
            String step = step(reference.jjtGetChild(i), "get");
            if (step == null || ATTRIBUTE_TYPES.contains(step) && previous == null) {
                return;
            }
            if (ATTRIBUTE_TYPES.contains(step)) {
                if (!ATTRIBUTE_TYPES.contains(previous) && !ENTRY_MEMBERS.contains(previous)) {
                    attributeReads.add(new TypedAttributeRead(previous, step));
                }
                return;
            }
            previous = step;
        }
    }

    /** The name a step selects: {@code .name}, {@code .get('name')} or {@code ['name']} (of a stage variable or a {@code $context} map). */
    private static String stageVariableName(Node node) {
        if (node instanceof ASTIndex index && index.jjtGetNumChildren() == 1) {
            Node argument = index.jjtGetChild(0);
            if (argument instanceof ASTExpression && argument.jjtGetNumChildren() == 1) {
                argument = argument.jjtGetChild(0);
            }
            return argument instanceof ASTStringLiteral literal ? unquote(literal.literal()) : null;
        }
        return step(node, "get");
    }

    /** The method's only argument when it is a constant string literal; null otherwise. */
    static String literalArgument(ASTMethod method) {
        // child 0 is the name, the argument an expression holding the literal
        Node argument = method.jjtGetNumChildren() == 2 ? method.jjtGetChild(1) : null;
        if (argument instanceof ASTExpression && argument.jjtGetNumChildren() == 1) {
            argument = argument.jjtGetChild(0);
        }
        return argument instanceof ASTStringLiteral literal ? unquote(literal.literal()) : null;
    }

    /** A VTL string literal's text without its quotes; a doubled quote stands for one. */
    static String unquote(String image) {
        if (image == null || image.length() < 2) {
            return null;
        }
        char quote = image.charAt(0);
        if ((quote != '\'' && quote != '"') || image.charAt(image.length() - 1) != quote) {
            return null;
        }
        String q = String.valueOf(quote);
        String content = image.substring(1, image.length() - 1);
        // a double-quoted literal interpolates: only "$..." with no further reference or directive is a constant path
        if (quote == '"' && (content.indexOf('$', 1) >= 0 || content.indexOf('#') >= 0)) {
            return null;
        }
        return content.replace(q + q, q);
    }
}
