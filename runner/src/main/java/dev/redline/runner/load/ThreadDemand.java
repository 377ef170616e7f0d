package dev.redline.runner.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of the time one thread wanted a core: on Linux its {@code schedstat} (nanoseconds on a CPU, and
 * waiting on a run queue for one), elsewhere its CPU time alone. An event loop that is on a core or waiting
 * for one all the time never sleeps in {@code epoll_wait}: every new event queues behind work, which is what
 * a saturated client is, whether its cores are busy with its own work or with other processes'.
 */
final class ThreadDemand {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Path schedstat;   // null: not Linux, or not readable
    private final long javaThreadId;
    private long lastCpu = -1;
    private long lastWait;
    private long lastWall;

    private ThreadDemand(Path schedstat, long javaThreadId) {
        this.schedstat = schedstat;
        this.javaThreadId = javaThreadId;
    }

    /** For the calling thread (call it on the thread to watch, once). */
    static ThreadDemand ofCurrentThread() {
        Path stat = null;
        try {
            Path self = Path.of("/proc/thread-self");
            if (Files.exists(self)) {
                Path task = Path.of("/proc/self/task").resolve(Files.readSymbolicLink(self).getFileName());
                if (Files.isReadable(task.resolve("schedstat"))) stat = task.resolve("schedstat");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            stat = null; // falls back to CPU time
        }
        return new ThreadDemand(stat, Thread.currentThread().getId());
    }

    /** {@code [onCpuNs, waitingNs]} from a Linux schedstat file, or null when it cannot be read. */
    static long[] read(Path schedstat) {
        try {
            String text = Files.readString(schedstat);
            int a = text.indexOf(' ');
            int b = text.indexOf(' ', a + 1);
            return new long[] {Long.parseLong(text, 0, a, 10), Long.parseLong(text, a + 1, b, 10)};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The wall clock of the previous {@link #sample}, 0 before the first. */
    long lastWall() { return lastWall; }

    /** True when waiting for a core is measured too (Linux schedstat), not CPU time alone. */
    boolean measuresWaiting() { return schedstat != null; }

    /**
     * Shares of the wall time since the previous call, {@code [onCpu, waitingForCpu]} (0..1 each), or null on
     * the first call or when the thread is gone.
     */
    double[] sample(long wallNs) {
        long cpu;
        long wait = 0;
        if (schedstat != null) {
            long[] v = read(schedstat);
            if (v == null) return null;
            cpu = v[0];
            wait = v[1];
        } else {
            cpu = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(javaThreadId) : -1;
            if (cpu < 0) return null;
        }
        double[] out = null;
        if (lastCpu >= 0 && wallNs > lastWall) {
            double dt = wallNs - lastWall;
            out = new double[] {Math.min(1, (cpu - lastCpu) / dt), Math.min(1, (wait - lastWait) / dt)};
        }
        lastCpu = cpu;
        lastWait = wait;
        lastWall = wallNs;
        return out;
    }
}
