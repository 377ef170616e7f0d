package dev.redline.runner.calibrate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** This JVM's CPU time and heap, read through the platform MXBeans. */
final class ProcessStats {
    private ProcessStats() { }

    /** Process CPU time in ns (user + system, all threads), or -1 when the JVM cannot tell. */
    static long cpuNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Heap in use right now (includes garbage not yet collected). */
    static long heapUsedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap in use after a full collection: the live set. */
    static long liveHeapBytes() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        mem.gc();
        return mem.getHeapMemoryUsage().getUsed();
    }

    /** Highest heap use seen by the collector since start (sum of heap pools' peaks). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }
}
