package io.github.apigwddb.vtl.internal;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.util.introspection.IntrospectionCacheData;

import java.util.function.Supplier;

/**
 * The Velocity context of one render. Variable reads and writes, introspection lookups and macro
 * calls all pass through here, so these hooks keep even loop-free recursion on the render deadline
 * and stop oversized values (e.g. a squaring number) at the assignment that builds them.
 */
final class RenderContext extends VelocityContext {

    private static final long serialVersionUID = 1L;

    private final transient RenderGuard guard;
    /** A variable not built yet, and how to build it; null once built, replaced or removed. */
    private String lazyKey;
    private transient Supplier<?> lazyValue;

    RenderContext(RenderGuard guard) {
        this.guard = guard;
    }

    /** Adds a variable that is built only when the template first reads it. */
    void putLazily(String key, Supplier<?> value) {
        lazyKey = key;
        lazyValue = value;
    }

    @Override
    public Object internalGet(String key) {
        guard.tick();
        materialize(key);
        return super.internalGet(key);
    }

    @Override
    public Object internalPut(String key, Object value) {
        guard.tick();
        guard.checkValueSize(value);
        forget(key);
        return super.internalPut(key, value);
    }

    @Override
    public boolean internalContainsKey(String key) {
        materialize(key);
        return super.internalContainsKey(key);
    }

    @Override
    public String[] internalGetKeys() {
        if (lazyValue != null) {
            materialize(lazyKey);
        }
        return super.internalGetKeys();
    }

    @Override
    public Object internalRemove(String key) {
        forget(key);
        return super.internalRemove(key);
    }

    private void materialize(String key) {
        if (lazyValue != null && lazyKey.equals(key)) {
            Object value = lazyValue.get();
            lazyValue = null;
            super.internalPut(key, value);
        }
    }

    /** The template replaced or removed the variable before reading it: it is never built. */
    private void forget(String key) {
        if (lazyValue != null && lazyKey.equals(key)) {
            lazyValue = null;
        }
    }

    /**
     * Velocity keeps a method it looked up for the rest of the render under its name and argument classes, so a
     * later call site of the same method would run as the first one and a failure there would name the first
     * one's position. Not kept here: every call site asks {@link SandboxUberspector}, which keeps the lookups of
     * all renders and tells the guard where it is.
     */
    @Override
    public IntrospectionCacheData icacheGet(Object key) {
        guard.tick();
        return key instanceof ASTMethod.MethodCacheKey ? null : super.icacheGet(key);
    }

    @Override
    public void icachePut(Object key, IntrospectionCacheData o) {
        if (!(key instanceof ASTMethod.MethodCacheKey)) {
            super.icachePut(key, o);
        }
    }

    @Override
    public void pushCurrentMacroName(String name) {
        guard.checkDeadline();
        super.pushCurrentMacroName(name);
    }
}
