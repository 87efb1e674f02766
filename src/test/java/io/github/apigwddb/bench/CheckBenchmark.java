package io.github.apigwddb.bench;

import io.github.apigwddb.check.CheckEngine;
import io.github.apigwddb.check.CheckLog;
import io.github.apigwddb.check.CheckRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the check in process on generated specs of N operations: the first (cold) run, warm-up runs, then measured
 * repetitions (warm: after eight runs, when the JIT has settled); prints wall time (cold, min and median), bytes allocated per run, the largest heap left after a
 * garbage collection (what the check really keeps) and the sum of the heap pools' peaks (which also counts garbage
 * not yet collected, so it grows with -Xmx); then the cold run's process CPU and JIT compile time, and the warm runs'
 * median process CPU and collector time (see {@link JvmClock}). Run through {@code bench/run.sh}, which gives the JVM -Xmx1g.
 * Arguments: sizes (comma-separated, default 100,1000,10000), repetitions (default 5), threads (default: cores).
 */
public final class CheckBenchmark {

    public static void main(String[] args) throws Exception {
        String[] sizes = (args.length > 0 ? args[0] : "100,1000,10000").split(",");
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        Path dir = Files.createTempDirectory("apigw-bench");
        HeapWatch heap = HeapWatch.start();
        // new columns go last: bench/compare.sh reads the first ones by position
        System.out.printf(Locale.ROOT, "%-8s %9s %9s %10s %13s %13s %13s %9s %8s %12s %12s %11s %10s%n", "ops", "cold ms", "min ms", "median ms",
                "alloc MB/run", "after-GC peak", "pool peak MB", "findings", "threads", "cold cpu ms", "cold JIT ms", "cpu ms/run",
                "gc ms/run");
        try {
            for (String size : sizes) {
                measure(Integer.parseInt(size.trim()), repetitions, threads, dir, heap);
            }
        } finally {
            // the generated specs take 16 MB at 10,000 operations; runs would otherwise pile them up in the temp dir
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void measure(int n, int repetitions, int threads, Path dir, HeapWatch heap) throws Exception {
        Path spec = SpecGenerator.write(dir.resolve("spec-" + n + ".json"), n);
        CheckRequest request = new CheckRequest(List.of(spec), dir.resolve("no-examples"), Map.of(), threads);
        // the JIT and the collector's sizing settle over the first runs: at 10,000 operations a run gets
        // faster for about seven of them (14 s cold, then 7, 5.7, 4.9, 4.3, 3.6, 3.5), so warm figures come after eight
        int warmups = 8;
        JvmClock coldClock = JvmClock.now();
        long coldStart = System.nanoTime();
        // only the count is kept between runs: a build holds one check's result, and the result holds the
        // definition's tree, so keeping it while the next run loads its own would double the live heap
        int findings = new CheckEngine().run(request, CheckLog.SILENT).findings().size();
        long cold = (System.nanoTime() - coldStart) / 1_000_000;
        JvmClock coldCost = JvmClock.now().since(coldClock);
        for (int i = 1; i < warmups; i++) {
            findings = new CheckEngine().run(request, CheckLog.SILENT).findings().size();
        }
        resetPeaks();
        heap.reset();
        List<Long> times = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> gc = new ArrayList<>();
        long allocated = 0;
        for (int i = 0; i < repetitions; i++) {
            long before = heap.allocated();
            JvmClock clock = JvmClock.now();
            long start = System.nanoTime();
            findings = new CheckEngine().run(request, CheckLog.SILENT).findings().size();
            times.add((System.nanoTime() - start) / 1_000_000);
            JvmClock cost = JvmClock.now().since(clock);
            cpu.add(cost.cpuMillis());
            gc.add(cost.gcMillis());
            allocated += heap.allocated() - before;
        }
        System.out.printf(Locale.ROOT, "%-8d %9d %9d %10d %13d %13d %13d %9d %8d %12d %12d %11d %10d%n", n, cold, Collections.min(times), median(times),
                allocated / repetitions / (1024 * 1024), heap.livePeak() / (1024 * 1024), peakHeap() / (1024 * 1024),
                findings, threads, coldCost.cpuMillis(), coldCost.jitMillis(), median(cpu), median(gc));
    }

    /** The middle value; the upper one of the two middle values for an even count. */
    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
