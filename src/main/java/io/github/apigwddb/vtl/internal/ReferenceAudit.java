package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.vtl.ApiKind;
import io.github.apigwddb.vtl.UnknownReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTIdentifier;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTSetDirective;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * Finds the references of a template that name nothing API Gateway gives templates ({@link TemplateVariables}): a
 * {@code $util} function or {@code $input} member it lacks, a {@code $context} variable it does not document, a root
 * variable that no {@code #set} or {@code #foreach} of the template defines. API Gateway renders each as empty text and
 * raises no error (vtl-facts.md §3, §6). References inside double-quoted strings are parsed only when rendered, so
 * they are not read here; a template with a macro, {@code #define} or {@code #evaluate} may define variables in ways
 * this reading does not follow, so its root variables are not judged.
 */
final class ReferenceAudit {

    private static final Set<String> DEFINING_DIRECTIVES = Set.of("macro", "define", "evaluate");

    private final ParserColumns columns;
    private final Set<String> defined = new HashSet<>();
    private boolean definesOtherwise;
    /** By the reference as shown: a name misspelt three times is one finding, at its first place. */
    private final Map<String, UnknownReference> found = new LinkedHashMap<>();

    private final ApiKind kind;

    private ReferenceAudit(String text, ApiKind kind) {
        this.columns = new ParserColumns(text);
        this.kind = kind;
    }

    static List<UnknownReference> find(Node root, String text, ApiKind kind) {
        ReferenceAudit audit = new ReferenceAudit(text, kind);
        audit.definitions(root);
        audit.references(root);
        return List.copyOf(audit.found.values());
    }

    /** The names the template's {@code #set}s and {@code #foreach}es assign, wherever they stand. */
    private void definitions(Node node) {
        if (node instanceof ASTSetDirective && node.jjtGetNumChildren() > 0 && node.jjtGetChild(0) instanceof ASTReference target) {
            defined.add(target.getRootString());
        } else if (node instanceof ASTDirective directive) {
            String name = directive.getDirectiveName();
            if ("foreach".equals(name) && node.jjtGetNumChildren() > 0 && node.jjtGetChild(0) instanceof ASTReference loop) {
                defined.add(loop.getRootString());
            } else if (DEFINING_DIRECTIVES.contains(name)) {
                definesOtherwise = true;
            }
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            definitions(node.jjtGetChild(i));
        }
    }

    private void references(Node node) {
        if (node instanceof ASTReference reference) {
            judge(reference);
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            references(node.jjtGetChild(i));
        }
    }

    private void judge(ASTReference reference) {
        String root = reference.getRootString();
        String literal = reference.literal();
        if (root == null || literal == null
                || columns.backslashesAt(reference.getLine(), columns.column(reference.getLine(), reference.getColumn())) % 2 == 1) {
            return; // an escaped reference is text (the parser strips the backslashes from the reference's own text)
        }
        switch (root) {
            case "util" -> member(reference, "$util", TemplateVariables.UTIL,
                    "is not a function of API Gateway's $util (AppSync's $util has more); it has escapeJavaScript, parseJson, urlEncode,"
                            + " urlDecode, base64Encode and base64Decode");
            case "input" -> member(reference, "$input", TemplateVariables.INPUT,
                    "is not a member of API Gateway's $input, which has body, json('path'), path('path') and params()");
            case "context" -> context(reference);
            default -> variable(reference, root);
        }
    }

    private void member(ASTReference reference, String shown, Set<String> names, String why) {
        String name = reference.jjtGetNumChildren() == 0 ? null : name(reference.jjtGetChild(0));
        if (name != null && !names.contains(name)) {
            report(reference, shown + "." + name, false, why, nearest(name, names, shown + "."));
        }
    }

    /** Each literal step of a {@code $context} path against what API Gateway documents at that level. */
    private void context(ASTReference reference) {
        String path = InputCallFinder.contextPath(reference);
        if (path.isEmpty()) {
            return;
        }
        String[] steps = path.split("\\.");
        String parent = "";
        for (String step : steps) {
            Set<String> members = kind == ApiKind.WEBSOCKET ? TemplateVariables.webSocketContextMembers(parent)
                    : TemplateVariables.contextMembers(parent);
            if (members == null) {
                return;
            }
            String shown = "$context." + (parent.isEmpty() ? "" : parent + ".") + step;
            if (!members.contains(step)) {
                report(reference, shown, false, "is not a $context variable API Gateway documents for "
                        + (kind == ApiKind.WEBSOCKET ? "WebSocket " : "") + "mapping templates (names are case-sensitive)", nearest(step, members, "$context." + (parent.isEmpty() ? "" : parent + ".")));
                return;
            }
            parent = parent.isEmpty() ? step : parent + "." + step;
        }
    }

    private void variable(ASTReference reference, String root) {
        if (definesOtherwise || defined.contains(root) || TemplateVariables.ROOTS.contains(root) || TemplateVariables.NULL_NAMES.contains(root)) {
            return;
        }
        String why = "is no variable of API Gateway templates, and no #set or #foreach of this template defines it";
        String literal = reference.literal();
        String hint = null;
        String[] steps = literal.split("\\.", 4);
        if (root.equals("method") && steps.length == 4 && steps[1].equals("request") && !steps[3].isEmpty()) {
            hint = ". method.request.<location>.<name> is the syntax of requestParameters: in a template, read the parameter with"
                    + " $input.params('" + steps[3] + "')";
        } else {
            Set<String> names = new TreeSet<>(TemplateVariables.ROOTS);
            names.addAll(defined);
            hint = nearest(root, names, "$");
        }
        report(reference, literal.length() <= 60 ? literal : "$" + root, true, why, hint);
    }

    /** @param hint what to write instead, a sentence starting with ". ", or null */
    private void report(ASTReference reference, String shown, boolean variable, String why, String hint) {
        int column = columns.column(reference.getLine(), reference.getColumn());
        // an even run of backslashes before the reference is text of its own: point at the '$'
        column += columns.backslashesAt(reference.getLine(), column);
        found.putIfAbsent(shown, new UnknownReference(shown, variable, shown + " " + why + "; API Gateway renders it as empty text"
                + " without an error" + (hint == null ? "" : hint), reference.getLine(), column));
    }

    /** The name a property or method step uses. */
    private static String name(Node step) {
        if (step instanceof ASTIdentifier identifier) {
            return identifier.getIdentifier();
        }
        return step instanceof ASTMethod method ? method.getMethodName() : null;
    }

    /** ". Did you mean $context.requestId?", or null when no name is near. */
    private static String nearest(String name, Set<String> names, String prefix) {
        String nearest = Suggestions.nearest(name, new ArrayList<>(names));
        if (nearest == null) {
            // a name with a word added or left out: statusCode for status
            String lower = name.toLowerCase(Locale.ROOT);
            nearest = names.stream().sorted().filter(n -> n.length() > 3 && (lower.startsWith(n.toLowerCase(Locale.ROOT))
                    || n.toLowerCase(Locale.ROOT).startsWith(lower) && lower.length() > 3)).findFirst().orElse(null);
        }
        return nearest == null ? null : ". Did you mean " + prefix + nearest + "?";
    }
}
