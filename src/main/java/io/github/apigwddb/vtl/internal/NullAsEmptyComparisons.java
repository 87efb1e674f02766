package io.github.apigwddb.vtl.internal;

import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.apache.velocity.runtime.parser.node.StandardParserTreeConstants;

/**
 * API Gateway's comparison quirk (AWS-REC S11, S15): a null/undefined value equals both {@code $null}
 * and {@code ""}. Plain Velocity gives {@code null == ""} false, and no setting changes that, so after
 * parsing every == and != node is replaced by one of these subclasses.
 */
final class NullAsEmptyComparisons {

    private NullAsEmptyComparisons() {
    }

    static boolean nullEquals(Object left, Object right) {
        return left == right || "".equals(left) || "".equals(right);
    }

    /** Walks the freshly parsed tree and swaps the comparison nodes. */
    static void rewrite(Node node) {
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            Node child = node.jjtGetChild(i);
            Node replacement = null;
            if (child.getClass() == ASTNENode.class) {
                replacement = adopt(new NotEquals((SimpleNode) child), (SimpleNode) child);
            } else if (child.getClass() == ASTEQNode.class) {
                replacement = adopt(new Equals((SimpleNode) child), (SimpleNode) child);
            }
            if (replacement != null) {
                node.jjtAddChild(replacement, i);
                replacement.jjtSetParent(node);
                child = replacement;
            }
            rewrite(child);
        }
    }

    private static Node adopt(SimpleNode replacement, SimpleNode original) {
        for (int i = original.jjtGetNumChildren() - 1; i >= 0; i--) {
            Node grandChild = original.jjtGetChild(i);
            replacement.jjtAddChild(grandChild, i);
            grandChild.jjtSetParent(replacement);
        }
        return replacement;
    }

    static final class Equals extends ASTEQNode {
        Equals(SimpleNode original) {
            super(original.getParser(), StandardParserTreeConstants.JJTEQNODE);
            copyFrom(this, original);
        }

        private static void copyFrom(Equals self, SimpleNode original) {
            self.first = original.getFirstToken();
            self.last = original.getLastToken();
            self.template = original.getTemplate();
        }

        @Override
        public boolean compareNull(Object left, Object right) {
            return nullEquals(left, right);
        }
    }

    static final class NotEquals extends ASTNENode {
        NotEquals(SimpleNode original) {
            super(original.getParser(), StandardParserTreeConstants.JJTNENODE);
            first = original.getFirstToken();
            last = original.getLastToken();
            template = original.getTemplate();
        }

        /** ASTNENode negates the equality result, so this must answer "equal?". */
        @Override
        public boolean compareNull(Object left, Object right) {
            return nullEquals(left, right);
        }
    }
}
