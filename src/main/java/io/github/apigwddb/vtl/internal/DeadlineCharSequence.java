package io.github.apigwddb.vtl.internal;

/** A string view whose charAt checks the render deadline on every read, interrupting runaway regex matching. */
record DeadlineCharSequence(String text, RenderGuard guard) implements CharSequence {
    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        guard.tickNow();
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineCharSequence(text.substring(start, end), guard);
    }

    @Override
    public String toString() {
        return text;
    }
}
