package io.github.apigwddb.security;

import io.github.apigwddb.vtl.CompiledTemplate;
import io.github.apigwddb.vtl.TemplateLimits;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the injection probes of one integration may still spend, shared by the probes of all its examples and templates:
 * the time left, and the templates that ran out of time on a client's value, which are not probed again (each further
 * try would cost a whole render deadline, for every example). Thread-safe: examples may be probed in parallel.
 */
public final class ProbeBudget {

    /**
     * Render deadlines a whole integration's probes may take: a template that times out stops its probe at once, but one
     * that renders just under the deadline would otherwise cost that for each render of each example.
     */
    static final int DEADLINES = 5;

    private final AtomicLong nanosLeft;
    private final Set<String> timedOut = ConcurrentHashMap.newKeySet();

    /** The budget of one integration: {@value #DEADLINES} render deadlines. */
    public ProbeBudget(TemplateLimits limits) {
        this(total(limits));
    }

    /** A budget of {@code total} (tests give none, to see what a spent one does). */
    public ProbeBudget(Duration total) {
        this.nanosLeft = new AtomicLong(total.toNanos());
    }

    long nanosLeft() {
        return nanosLeft.get();
    }

    /**
     * Whether the probe of {@code template} is left out because the integration's time is spent by other renders (one
     * that ran out of time itself is reported as such, so not here).
     */
    public boolean leavesOut(CompiledTemplate template) {
        return nanosLeft.get() <= 0 && !stopped(template);
    }

    /** The time the probes of one integration may spend in all, for messages. */
    public static Duration total(TemplateLimits limits) {
        return limits.maxRenderTime().multipliedBy(DEADLINES);
    }

    void spend(long nanos) {
        nanosLeft.addAndGet(-nanos);
    }

    /** Whether a probe of the template ran out of time already. */
    boolean stopped(CompiledTemplate template) {
        return timedOut.contains(template.name());
    }

    void stop(CompiledTemplate template) {
        timedOut.add(template.name());
    }
}
