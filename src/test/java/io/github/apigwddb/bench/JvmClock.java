package io.github.apigwddb.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM's own running totals, read before and after a run: CPU of the whole process (the check's threads, the
 * JIT compilers and the collector), time the collectors report, and time the JIT compilers spent. CPU shows the work
 * apart from how many cores it got, and the JIT figure shows what a cold run pays that a warm one does not.
 */
record JvmClock(long cpuNanos, long gcMillis, long jitMillis) {

    static JvmClock now() {
        long gc = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new JvmClock(cpu, gc, jitMillis);
    }

    /** What happened between {@code start} and this reading; -1 where the JVM does not report a figure. */
    JvmClock since(JvmClock start) {
        return new JvmClock(cpuNanos < 0 ? -1 : cpuNanos - start.cpuNanos, gcMillis - start.gcMillis,
                jitMillis < 0 ? -1 : jitMillis - start.jitMillis);
    }

    long cpuMillis() {
        return cpuNanos < 0 ? -1 : cpuNanos / 1_000_000;
    }
}
