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
        this(limits.maxRenderTime().multipliedBy(DEADLINES));
    }

    ProbeBudget(Duration total) {
        this.nanosLeft = new AtomicLong(total.toNanos());
    }

    long nanosLeft() {
        return nanosLeft.get();
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
