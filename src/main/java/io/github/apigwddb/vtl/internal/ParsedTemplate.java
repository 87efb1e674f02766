package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.InputPathCall;
import java.util.ArrayList;
import java.util.List;
import org.apache.velocity.Template;
import org.apache.velocity.runtime.parser.node.ASTExpression;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTStringLiteral;
import org.apache.velocity.runtime.parser.node.Node;

/** A template parsed and initialised once; rendering it is thread-safe. Opaque outside this package. */
public final class ParsedTemplate {

    final Template template;
    final int oversizeBytes;
    /** What the output buffer starts with: an output is mostly the template's text, so about as long. */
    final int outputCapacity;

    private ParsedTemplate(Template template, int oversizeBytes, int outputCapacity) {
        this.template = template;
        this.oversizeBytes = oversizeBytes;
        this.outputCapacity = outputCapacity;
    }

    static ParsedTemplate of(Template template, int textLength) {
        return new ParsedTemplate(template, 0, Math.max(64, Math.min(textLength + textLength / 4, 64 * 1024)));
    }

    /** Too large for API Gateway: not parsed, every render reports the limit. */
    static ParsedTemplate oversize(int bytes) {
        return new ParsedTemplate(null, bytes, 0);
    }

    /** Walks the syntax tree for {@code $input.path('literal')} and {@code $input.json('literal')}. */
    public List<InputPathCall> inputPathCalls() {
        List<InputPathCall> calls = new ArrayList<>();
        if (template != null && template.getData() instanceof Node root) {
            collect(root, calls);
        }
        return calls;
    }

    private static void collect(Node node, List<InputPathCall> calls) {
        if (node instanceof ASTReference reference && "input".equals(reference.getRootString())
                && reference.jjtGetNumChildren() > 0 && reference.jjtGetChild(0) instanceof ASTMethod method) {
            String name = method.getMethodName();
            // child 0 is the name, the argument an expression holding the literal
            Node argument = method.jjtGetNumChildren() == 2 ? method.jjtGetChild(1) : null;
            if (argument instanceof ASTExpression && argument.jjtGetNumChildren() == 1) {
                argument = argument.jjtGetChild(0);
            }
            if (("path".equals(name) || "json".equals(name)) && argument instanceof ASTStringLiteral literal) {
                String path = unquote(literal.literal());
                if (path != null) {
                    calls.add(new InputPathCall(name, path, reference.getLine(), reference.getColumn()));
                }
            }
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            collect(node.jjtGetChild(i), calls);
        }
    }

    /** A VTL string literal's text without its quotes; a doubled quote stands for one. */
    private static String unquote(String image) {
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
