package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.DerivedPathRead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTElseIfStatement;
import org.apache.velocity.runtime.parser.node.ASTExpression;
import org.apache.velocity.runtime.parser.node.ASTIdentifier;
import org.apache.velocity.runtime.parser.node.ASTIfStatement;
import org.apache.velocity.runtime.parser.node.ASTIndex;
import org.apache.velocity.runtime.parser.node.ASTIntegerLiteral;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTSetDirective;
import org.apache.velocity.runtime.parser.node.ASTStringLiteral;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * Follows {@code $input.path('...')} into the variables a template keeps it in ({@code #set($item = ...)},
 * {@code #foreach($r in ...)}, and variables made of those) and into the steps after it, and turns each read such as
 * {@code $r.Code} into the JSONPath it stands for. Only what is sure without running is followed: a variable assigned
 * once in the whole template (one assigned in two branches, or reused, may hold either value at a read), steps that
 * are names, {@code .get('name')} or a literal index; a template with a macro, {@code #define} or {@code #evaluate},
 * which may assign in ways not read here, is left alone.
 */
final class PathVariableFinder {

    private static final Set<String> ASSIGNING_DIRECTIVES = Set.of("macro", "define", "evaluate");
    /** Roots whose values are not DynamoDB's answer: the request's context, the functions, the stage, a loop's state. */
    private static final Set<String> NOT_THE_ANSWER = Set.of("context", "util", "stageVariables", "foreach", "velocityCount",
            "velocityHasNext");
    /**
     * Names Velocity resolves as Java bean properties of a list or a string ({@code isEmpty()}, {@code getBytes()}): no
     * JSON member, so a path is not followed through them.
     */
    private static final Set<String> BEAN_PROPERTIES = Set.of("empty", "blank", "bytes", "class");
    /** A chain of variables each made of the last is not followed further than this. */
    private static final int MAX_CHAIN = 16;

    /** A variable's only value: the reference assigned to it, and whether a loop takes its elements. */
    private record Binding(ASTReference value, boolean element) {
    }

    /** A reference's path so far, the literal it started from, and the reference as written up to there. */
    private record Resolved(String path, String origin, int stepsFollowed, String written) {
    }

    private final ParserColumns columns;
    private final Map<String, Binding> bindings = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();
    private boolean assignsOtherwise;
    private final List<DerivedPathRead> reads = new ArrayList<>();
    /**
     * The paths of the answer the template uses other than to keep in a variable, as far as followed: {@code $.Item.tag}
     * of {@code #if($item.tag)}, {@code $.Item} of {@code $item.isEmpty()} or of {@code #set($found = $item != "")}.
     */
    private final Set<String> uses = new HashSet<>();
    /** Whether a condition reads something not followed: a variable of unknown value, the body, an interpolated string. */
    private boolean conditionsReadUnknown;

    /** What {@link #find} found. */
    record Found(List<DerivedPathRead> reads, Set<String> uses, boolean conditionsReadUnknown) {
        static final Found NONE = new Found(List.of(), Set.of(), false);
    }

    private PathVariableFinder(String text) {
        this.columns = new ParserColumns(text);
    }

    static Found find(Node root, String text) {
        PathVariableFinder finder = new PathVariableFinder(text);
        finder.assignments(root);
        if (finder.assignsOtherwise) {
            return new Found(List.of(), Set.of(), true);
        }
        finder.reads(root);
        return new Found(List.copyOf(finder.reads), Set.copyOf(finder.uses), finder.conditionsReadUnknown);
    }

    private void assignments(Node node) {
        if (node instanceof ASTSetDirective && node.jjtGetNumChildren() == 2 && node.jjtGetChild(0) instanceof ASTReference target) {
            // #set($item.name = ...) changes what $item holds: not followed either
            bind(target.getRootString(), target.jjtGetNumChildren() == 0 ? referenceOf(node.jjtGetChild(1)) : null, false);
        } else if (node instanceof ASTDirective directive) {
            String name = directive.getDirectiveName();
            if ("foreach".equals(name) && node.jjtGetNumChildren() > 2 && node.jjtGetChild(0) instanceof ASTReference loop) {
                bind(loop.getRootString(), referenceOf(node.jjtGetChild(2)), true);
            } else if (ASSIGNING_DIRECTIVES.contains(name)) {
                assignsOtherwise = true;
            }
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            assignments(node.jjtGetChild(i));
        }
    }

    private void bind(String name, ASTReference value, boolean element) {
        if (name == null) {
            return;
        }
        if (value == null || bindings.containsKey(name)) {
            ambiguous.add(name);
        }
        bindings.putIfAbsent(name, new Binding(value, element));
    }

    private static ASTReference referenceOf(Node node) {
        if (node instanceof ASTExpression && node.jjtGetNumChildren() == 1) {
            node = node.jjtGetChild(0);
        }
        return node instanceof ASTReference reference ? reference : null;
    }

    private void reads(Node node) {
        if ((node instanceof ASTIfStatement || node instanceof ASTElseIfStatement) && node.jjtGetNumChildren() > 0) {
            conditionReads(node.jjtGetChild(0));
        }
        if (node instanceof ASTReference reference) {
            Resolved resolved = resolve(reference, 0);
            if (resolved != null && !isBindingValue(reference)) {
                uses.add(resolved.path());
            }
            String root = reference.getRootString();
            // $input.path('$.Item') alone is the literal call, judged as such; a variable read must add a step
            boolean adds = resolved != null && resolved.stepsFollowed() > ("input".equals(root) ? 1 : 0);
            if (adds) {
                reads.add(new DerivedPathRead(resolved.written(), resolved.path(), resolved.origin(),
                        reference.getLine(), columns.column(reference.getLine(), reference.getColumn())));
            }
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            reads(node.jjtGetChild(i));
        }
    }

    /** Whether the reference is what a {@code #set} assigns or a {@code #foreach} goes over: kept, not used. */
    private static boolean isBindingValue(ASTReference reference) {
        Node parent = reference.jjtGetParent();
        if (parent instanceof ASTExpression && parent.jjtGetNumChildren() == 1) {
            parent = parent.jjtGetParent();
        }
        return parent instanceof ASTSetDirective || parent instanceof ASTDirective directive && "foreach".equals(directive.getDirectiveName())
                && parent.jjtGetNumChildren() > 2 && referenceOf(parent.jjtGetChild(2)) == reference;
    }

    /** Notes whether a condition reads what is not followed (see {@link #conditionsReadUnknown}). */
    private void conditionReads(Node node) {
        if (node instanceof ASTReference reference) {
            String root = reference.getRootString();
            if (resolve(reference, 0) == null && ("input".equals(root) ? !readsParameter(reference) : !NOT_THE_ANSWER.contains(root))) {
                conditionsReadUnknown = true;
            }
        } else if (node instanceof ASTStringLiteral literal && literal.literal() != null && literal.literal().startsWith("\"")
                && InputCallFinder.unquote(literal.literal()) == null) {
            conditionsReadUnknown = true; // an interpolated string: its references are not in this tree
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            conditionReads(node.jjtGetChild(i));
        }
    }

    /** {@code $input.params(...)}: the request's, not the answer's. */
    private static boolean readsParameter(ASTReference reference) {
        return reference.jjtGetNumChildren() > 0 && reference.jjtGetChild(0) instanceof ASTMethod call && "params".equals(call.getMethodName());
    }

    /** The path the reference reads, or null when it does not start at a followed {@code $input.path} literal. */
    private Resolved resolve(ASTReference reference, int depth) {
        String root = reference.getRootString();
        StringBuilder path;
        StringBuilder written = new StringBuilder("$").append(root);
        String origin;
        int first;
        if ("input".equals(root)) {
            if (reference.jjtGetNumChildren() == 0 || !(reference.jjtGetChild(0) instanceof ASTMethod call)
                    || !"path".equals(call.getMethodName()) || (origin = InputCallFinder.literalArgument(call)) == null) {
                return null;
            }
            path = new StringBuilder(origin);
            written.append(".path('").append(origin).append("')");
            first = 1;
        } else {
            Binding binding = root == null || ambiguous.contains(root) || depth > MAX_CHAIN ? null : bindings.get(root);
            Resolved value = binding == null || binding.value() == null ? null : resolve(binding.value(), depth + 1);
            if (value == null || value.stepsFollowed() < binding.value().jjtGetNumChildren()) {
                return null; // the value is no plain path (a method's result, an unknown variable)
            }
            if (binding.element() && !definite(value.path())) {
                return null; // $input.path('$.Items[*]') is already the list of what it selects: its elements are not [*] of it
            }
            path = new StringBuilder(value.path()).append(binding.element() ? "[*]" : "");
            origin = value.origin();
            first = 0;
        }
        int followed = first;
        for (int i = first; i < reference.jjtGetNumChildren(); i++) {
            Step step = step(reference.jjtGetChild(i));
            if (step == null) {
                break;
            }
            path.append(step.path());
            written.append(step.written());
            followed++;
        }
        return new Resolved(path.toString(), origin, followed, written.toString());
    }

    /** Whether a JSONPath names one place: no wildcard, deep scan or filter. */
    private static boolean definite(String path) {
        return !path.contains("*") && !path.contains("..") && !path.contains("?(");
    }

    /** A step as JSONPath ({@code .name}, {@code ['name']}, {@code [0]}) and as written; null for a step not followed. */
    private record Step(String path, String written) {
    }

    private static Step step(Node node) {
        if (node instanceof ASTIdentifier identifier) {
            String name = identifier.getIdentifier();
            return BEAN_PROPERTIES.contains(name) ? null : new Step("." + name, "." + name);
        }
        if (node instanceof ASTMethod method && "get".equals(method.getMethodName()) && method.jjtGetNumChildren() == 2) {
            String index = index(method.jjtGetChild(1));
            return index == null ? null : new Step(index, ".get(" + index.substring(1, index.length() - 1) + ")");
        }
        if (node instanceof ASTIndex index && index.jjtGetNumChildren() == 1) {
            String path = index(index.jjtGetChild(0));
            return path == null ? null : new Step(path, path);
        }
        return null;
    }

    /** {@code [0]} or {@code ['name']} for a literal index or name; null otherwise. */
    private static String index(Node argument) {
        if (argument instanceof ASTExpression && argument.jjtGetNumChildren() == 1) {
            argument = argument.jjtGetChild(0);
        }
        if (argument instanceof ASTIntegerLiteral number && number.value(null) instanceof Number value && value.longValue() >= 0) {
            return "[" + value + "]";
        }
        String name = argument instanceof ASTStringLiteral literal ? InputCallFinder.unquote(literal.literal()) : null;
        return name == null || name.contains("'") || name.contains("\\") ? null : "['" + name + "']";
    }
}
