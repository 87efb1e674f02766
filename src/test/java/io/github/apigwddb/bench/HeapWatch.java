package io.github.apigwddb.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap figures from the collector's own notifications: bytes allocated (what the heap grew by between
 * collections, plus its growth since the last one) and the largest heap left after a collection. Threads of
 * the check's pool end with each run, so per-thread allocation counters would miss their share.
 */
final class HeapWatch {

    private long allocatedBeforeLastGc;
    private long usedAfterLastGc;
    private long livePeak;

    private HeapWatch() {
        usedAfterLastGc = used();
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                    watch.collected(sum(info.getMemoryUsageBeforeGc()), sum(info.getMemoryUsageAfterGc()));
                }
            }, null, null);
        }
        return watch;
    }

    private synchronized void collected(long before, long after) {
        allocatedBeforeLastGc += Math.max(0, before - usedAfterLastGc);
        usedAfterLastGc = after;
        livePeak = Math.max(livePeak, after);
    }

    /** Forgets the peak, so the next figures are those of the measured runs alone. */
    synchronized void reset() {
        livePeak = 0;
    }

    synchronized long allocated() {
        return allocatedBeforeLastGc + Math.max(0, used() - usedAfterLastGc);
    }

    /** The largest heap a collection left since {@link #reset}, or the heap in use now when none ran. */
    synchronized long livePeak() {
        return livePeak == 0 ? used() : livePeak;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long sum(Map<String, MemoryUsage> pools) {
        return pools.values().stream().mapToLong(MemoryUsage::getUsed).sum();
    }
}
