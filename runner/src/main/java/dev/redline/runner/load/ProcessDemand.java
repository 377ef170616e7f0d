package dev.redline.runner.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How much CPU this whole process wanted: the sum over its threads of time on a core plus time waiting on a
 * run queue for one (Linux {@code /proc/self/task/<tid>/schedstat}). CPU time alone cannot tell a client
 * that got half a core because it needed no more from one that got half a core because other processes took
 * the rest; the waiting time can. Linux only ({@link #available()}); single-threaded (the sampler's).
 */
final class ProcessDemand {
    private static final Path TASKS = Path.of("/proc/self/task");

    private final Map<String, long[]> last = new HashMap<>();
    private long lastWall;

    static boolean available() {
        return Files.isReadable(TASKS.resolve(Long.toString(ProcessHandle.current().pid())).resolve("schedstat"));
    }

    /**
     * Nanoseconds {@code [onCpu, waitingForCpu]} of all threads since the previous call (threads that started
     * in between count from their first sample), or null on the first call.
     */
    long[] sample(long wallNs) {
        long cpu = 0;
        long wait = 0;
        Map<String, long[]> now = new HashMap<>(last.size() * 2 + 8);
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                long[] v = ThreadDemand.read(task.resolve("schedstat"));
                if (v == null) continue; // the thread ended meanwhile
                String tid = task.getFileName().toString();
                now.put(tid, v);
                long[] before = last.get(tid);
                if (before != null) {
                    cpu += v[0] - before[0];
                    wait += v[1] - before[1];
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        boolean first = lastWall == 0;
        last.clear();
        last.putAll(now);
        lastWall = wallNs;
        return first ? null : new long[] {cpu, wait};
    }
}
