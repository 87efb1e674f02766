package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.RenderProblem.Kind;

import java.io.Writer;

/** Collects the output and stops the render once it passes the output bound. */
final class BoundedWriter extends Writer {

    private final StringBuilder out;
    private final RenderGuard guard;
    private final int max;

    BoundedWriter(RenderGuard guard, int capacity) {
        this.guard = guard;
        this.max = guard.limits().maxOutputChars();
        this.out = new StringBuilder(Math.min(capacity, max));
    }

    private void reserve(int chars) {
        guard.tick();
        if ((long) out.length() + chars > max) {
            guard.fail(Kind.LIMIT, "output is longer than " + max + " characters");
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        reserve(length);
        out.append(buffer, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        reserve(length);
        out.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) {
        reserve(1);
        out.append((char) c);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
