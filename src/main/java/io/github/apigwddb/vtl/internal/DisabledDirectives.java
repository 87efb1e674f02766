package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.RenderProblem.Kind;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.directive.Directive;
import org.apache.velocity.runtime.parser.node.Node;

import java.io.Writer;

/**
 * {@code #include}, {@code #parse}, {@code #evaluate} and {@code #define} replace Velocity's directives of
 * the same names: API Gateway has no resources to load, and these would otherwise reach the loaders or
 * evaluate text built at run time. Reaching one stops the render with a SANDBOX problem.
 */
public final class DisabledDirectives {

    private DisabledDirectives() {
    }

    abstract static class Disabled extends Directive {
        @Override
        public int getType() {
            return LINE;
        }

        @Override
        public boolean render(InternalContextAdapter context, Writer writer, Node node) {
            String message = "sandbox: #" + getName() + " is not available in API Gateway mapping templates";
            RenderGuard guard = RenderGuard.current();
            if (guard != null) {
                throw guard.fail(Kind.SANDBOX, message, node.getLine(), node.getColumn());
            }
            throw new TemplateAbort(Kind.SANDBOX, message, node.getLine(), node.getColumn());
        }
    }

    public static final class Include extends Disabled {
        @Override
        public String getName() {
            return "include";
        }
    }

    public static final class Parse extends Disabled {
        @Override
        public String getName() {
            return "parse";
        }
    }

    public static final class Evaluate extends Disabled {
        @Override
        public String getName() {
            return "evaluate";
        }
    }

    /** #define is a block directive; only its type differs. */
    public static final class Define extends Disabled {
        @Override
        public String getName() {
            return "define";
        }

        @Override
        public int getType() {
            return BLOCK;
        }
    }
}
