package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.RenderProblem.Kind;
import org.apache.velocity.runtime.directive.Foreach;
import org.apache.velocity.runtime.parser.node.Node;

import java.util.Iterator;

/**
 * {@code #foreach} with API Gateway's 1000-iteration bound. AWS does not document what happens beyond
 * it (facts §1.6); a check run reports it as a LIMIT problem at the loop rather than guess a truncation.
 * Each step also checks the render deadline, so nested loops cannot run for long.
 */
public final class GuardedForeach extends Foreach {

    @Override
    protected Iterator getIterator(Object iterable, Node node) {
        Iterator<?> iterator = super.getIterator(iterable, node);
        RenderGuard guard = RenderGuard.current();
        if (iterator == null || guard == null) {
            return iterator;
        }
        return new BoundedIterator<>(iterator, guard, guard.limits().maxForeachIterations(), getLine(), getColumn());
    }

    private static final class BoundedIterator<T> implements Iterator<T> {
        private final Iterator<T> delegate;
        private final RenderGuard guard;
        private final int max;
        private final int line;
        private final int column;
        private int count;

        BoundedIterator(Iterator<T> delegate, RenderGuard guard, int max, int line, int column) {
            this.delegate = delegate;
            this.guard = guard;
            this.max = max;
            this.line = line;
            this.column = column;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public T next() {
            guard.at(line, column);
            guard.checkDeadline();
            if (++count > max) {
                throw guard.fail(Kind.LIMIT, "#foreach runs more than " + max
                        + " iterations (API Gateway's limit per loop)", line, column);
            }
            return delegate.next();
        }
    }
}
