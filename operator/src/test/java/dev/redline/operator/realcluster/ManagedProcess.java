package dev.redline.operator.realcluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the test JVM with its output in a log file. Stopped by {@link #close()} (SIGTERM,
 * then SIGKILL), and by a shutdown hook if the test JVM dies first, so no control-plane process outlives
 * the build.
 */
public final class ManagedProcess implements AutoCloseable {
    private static final List<Process> LIVE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-test-processes"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with exactly {@code env} (nothing inherited), output appended to {@code log}. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return new ManagedProcess(name, p, log);
    }

    /** The parts of the host environment every process needs to find its tools (the "image" of a local process). */
    public static Map<String, String> baseEnv() {
        Map<String, String> env = new java.util.HashMap<>();
        for (String k : List.of("PATH", "JAVA_HOME", "LANG", "TZ")) {
            String v = System.getenv(k);
            if (v != null) env.put(k, v);
        }
        return env;
    }

    public String name() { return name; }
    public Process process() { return process; }
    public Path log() { return log; }
    public boolean alive() { return process.isAlive(); }
    public long pid() { return process.pid(); }

    /** SIGKILL, and wait until it is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM; SIGKILL after {@code grace}. Returns the exit code. */
    public int stop(Duration grace) {
        process.destroy();
        if (!waitFor(grace)) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    public boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the log, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) stop(Duration.ofSeconds(10));
    }
}
