package io.github.apigwddb.vtl.internal;

import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.spi.json.JsonProvider;
import java.io.InputStream;
import java.util.Collection;

/**
 * Jayway's JSON provider with the render deadline checked on each container a path visits (its keys or length are
 * asked through this provider, once per visit): a deep scan such as {@code $..*..*..*..*..x} visits a nesting depth
 * to the power of its scans, and finds nothing to report on the way, so only the visits themselves can be stopped.
 * Outside a render it is the provider itself.
 */
final class GuardedJsonProvider implements JsonProvider {

    private final JsonProvider delegate;

    GuardedJsonProvider(JsonProvider delegate) {
        this.delegate = delegate;
    }

    private static void step() {
        RenderGuard guard = RenderGuard.current();
        if (guard != null) {
            guard.tick();
        }
    }

    @Override
    public Object parse(String json) throws InvalidJsonException {
        return delegate.parse(json);
    }

    @Override
    public Object parse(byte[] json) throws InvalidJsonException {
        return delegate.parse(json);
    }

    @Override
    public Object parse(InputStream json, String charset) throws InvalidJsonException {
        return delegate.parse(json, charset);
    }

    @Override
    public String toJson(Object obj) {
        return delegate.toJson(obj);
    }

    @Override
    public Object createArray() {
        return delegate.createArray();
    }

    @Override
    public Object createMap() {
        return delegate.createMap();
    }

    @Override
    public boolean isArray(Object obj) {
        return delegate.isArray(obj);
    }

    @Override
    public int length(Object obj) {
        step();
        return delegate.length(obj);
    }

    @Override
    public Iterable<?> toIterable(Object obj) {
        step();
        return delegate.toIterable(obj);
    }

    @Override
    public Collection<String> getPropertyKeys(Object obj) {
        step();
        return delegate.getPropertyKeys(obj);
    }

    @Override
    public Object getArrayIndex(Object obj, int idx) {
        return delegate.getArrayIndex(obj, idx);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Object getArrayIndex(Object obj, int idx, boolean unwrap) {
        return delegate.getArrayIndex(obj, idx, unwrap);
    }

    @Override
    public void setArrayIndex(Object array, int idx, Object newValue) {
        delegate.setArrayIndex(array, idx, newValue);
    }

    @Override
    public Object getMapValue(Object obj, String key) {
        return delegate.getMapValue(obj, key);
    }

    @Override
    public void setProperty(Object obj, Object key, Object value) {
        delegate.setProperty(obj, key, value);
    }

    @Override
    public void removeProperty(Object obj, Object key) {
        delegate.removeProperty(obj, key);
    }

    @Override
    public boolean isMap(Object obj) {
        return delegate.isMap(obj);
    }

    @Override
    public Object unwrap(Object obj) {
        return delegate.unwrap(obj);
    }
}
