package io.github.apigwddb.vtl.internal;

import io.github.apigwddb.vtl.RenderProblem.Kind;
import io.github.apigwddb.vtl.TemplateLimits;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Per-render state shared by the Velocity hooks: deadline, budgets, the last known template position
 * and the first abort. Velocity's hooks (uberspector, event handlers, directives) are shared between
 * renders, so the state travels in a thread local installed for the duration of one render.
 */
public final class RenderGuard {

    /** Elements a single collection may hold; stops doubling tricks like {@code $l.addAll($l)}. */
    static final int MAX_COLLECTION_ELEMENTS = 1_000_000;
    /** Bits a big integer may have; stops {@code #set($x = $x * $x)} squaring runs. */
    static final int MAX_NUMBER_BITS = 8192;

    private static final ThreadLocal<RenderGuard> CURRENT = new ThreadLocal<>();

    private final TemplateLimits limits;
    private final long deadlineNanos;
    private final long insertionBudget;
    private long insertedChars;
    private int ticks;
    private int line;
    private int column;
    private TemplateAbort abort;
    private TemplateAbort duplicateOverride;

    RenderGuard(TemplateLimits limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.maxRenderTime().toNanos();
        // interpolated strings are built outside the output writer; bound them in total too
        this.insertionBudget = 10L * limits.maxOutputChars();
    }

    static RenderGuard install(TemplateLimits limits) {
        RenderGuard guard = new RenderGuard(limits);
        CURRENT.set(guard);
        return guard;
    }

    static void uninstall() {
        CURRENT.remove();
    }

    /** The guard of the render running on this thread, or null outside a render (compile time). */
    public static RenderGuard current() {
        return CURRENT.get();
    }

    TemplateLimits limits() {
        return limits;
    }

    /** Remembers where evaluation is, for problems raised without a position of their own. */
    void at(int line, int column) {
        if (line > 0) {
            this.line = line;
            this.column = column;
        }
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /** Cheap periodic deadline check; called from every hook. */
    void tick() {
        if (abort != null) {
            throw abort;
        }
        if ((++ticks & 0x3F) == 0) {
            checkDeadline();
        }
    }

    void checkDeadline() {
        if (System.nanoTime() - deadlineNanos > 0) {
            fail(Kind.LIMIT, "rendering took longer than " + limits.maxRenderTime().toMillis() + " ms");
        }
    }

    /** Records and throws the first problem; later hooks rethrow it so Velocity cannot swallow it. */
    TemplateAbort fail(Kind kind, String message) {
        throw fail(kind, message, line, column);
    }

    TemplateAbort fail(Kind kind, String message, int atLine, int atColumn) {
        if (abort == null) {
            abort = new TemplateAbort(kind, message, atLine, atColumn);
        }
        throw abort;
    }

    TemplateAbort abort() {
        return abort;
    }

    void duplicateOverride(String parameter) {
        if (duplicateOverride == null) {
            duplicateOverride = new TemplateAbort(Kind.OVERRIDE,
                    "parameter " + parameter + " is overridden more than once (API Gateway answers 5XX)", line, column);
        }
    }

    TemplateAbort duplicateOverride() {
        return duplicateOverride;
    }

    /** Counts characters inserted by references (into the output or into interpolated strings). */
    void inserted(int chars) {
        insertedChars += chars;
        if (chars > limits.maxOutputChars() || insertedChars > insertionBudget) {
            fail(Kind.LIMIT, "template builds more than " + limits.maxOutputChars() + " characters");
        }
    }

    /** Rejects values whose size could blow up memory or time in a later step. */
    void checkValueSize(Object value) {
        if (value instanceof CharSequence s) {
            if (s.length() > limits.maxOutputChars()) {
                fail(Kind.LIMIT, "a string longer than " + limits.maxOutputChars() + " characters was built");
            }
        } else if (value instanceof Collection<?> c) {
            if (c.size() > MAX_COLLECTION_ELEMENTS) {
                fail(Kind.LIMIT, "a list with more than " + MAX_COLLECTION_ELEMENTS + " elements was built");
            }
        } else if (value instanceof Map<?, ?> m) {
            if (m.size() > MAX_COLLECTION_ELEMENTS) {
                fail(Kind.LIMIT, "a map with more than " + MAX_COLLECTION_ELEMENTS + " entries was built");
            }
        } else if (value instanceof BigInteger b) {
            if (b.bitLength() > MAX_NUMBER_BITS) {
                fail(Kind.LIMIT, "a number larger than " + MAX_NUMBER_BITS + " bits was built");
            }
        } else if (value instanceof BigDecimal d) {
            if (d.precision() > MAX_NUMBER_BITS / 3 || Math.abs(d.scale()) > MAX_NUMBER_BITS) {
                fail(Kind.LIMIT, "a number with more than " + MAX_NUMBER_BITS / 3 + " digits was built");
            }
        }
    }
}
