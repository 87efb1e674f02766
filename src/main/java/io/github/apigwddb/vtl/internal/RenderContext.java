package io.github.apigwddb.vtl.internal;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.util.introspection.IntrospectionCacheData;

/**
 * The Velocity context of one render. Variable reads and writes, introspection lookups and macro
 * calls all pass through here, so these hooks keep even loop-free recursion on the render deadline
 * and stop oversized values (e.g. a squaring number) at the assignment that builds them.
 */
final class RenderContext extends VelocityContext {

    private static final long serialVersionUID = 1L;

    private final transient RenderGuard guard;

    RenderContext(RenderGuard guard) {
        this.guard = guard;
    }

    @Override
    public Object internalGet(String key) {
        guard.tick();
        return super.internalGet(key);
    }

    @Override
    public Object internalPut(String key, Object value) {
        guard.tick();
        guard.checkValueSize(value);
        return super.internalPut(key, value);
    }

    @Override
    public IntrospectionCacheData icacheGet(Object key) {
        guard.tick();
        return super.icacheGet(key);
    }

    @Override
    public void pushCurrentMacroName(String name) {
        guard.checkDeadline();
        super.pushCurrentMacroName(name);
    }
}
