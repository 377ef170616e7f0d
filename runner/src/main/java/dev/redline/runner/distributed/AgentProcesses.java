package dev.redline.runner.distributed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local agents of {@code redline profile --runners N}: N-1 JVMs on this machine, started with this
 * JVM's java binary and class path ({@code redline agent --coordinator tcp://127.0.0.1:PORT --index i}),
 * each logging to {@code logs/runner-<i>.log}. A process that ends with a non-zero code is reported to the
 * coordinator, which then stops the run instead of waiting for it.
 */
public final class AgentProcesses implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    private AgentProcesses() { }

    public static AgentProcesses start(int runners, String endpoint, Path logDir, String logLevel, Coordinator coordinator)
            throws IOException {
        AgentProcesses agents = new AgentProcesses();
        try {
            for (int i = 1; i < runners; i++) {
                Process p = new ProcessBuilder(command(endpoint, i, logLevel))
                        .redirectErrorStream(true)
                        .redirectOutput(logDir.resolve("runner-" + i + ".log").toFile())
                        .start();
                agents.processes.add(p);
                int index = i;
                p.onExit().thenAccept(done -> {
                    if (done.exitValue() != 0) {
                        // give the agent's own FAILED message (sent before it exits) time to arrive first
                        sleepQuietly(500);
                        coordinator.agentExited(index, done.exitValue());
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            agents.close();
            throw e;
        }
        return agents;
    }

    static List<String> command(String endpoint, int index, String logLevel) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String prop : List.of("DJL_CACHE_DIR", "ai.djl.offline", "redline.verbose", "java.awt.headless")) {
            String v = System.getProperty(prop);
            if (v != null) cmd.add("-D" + prop + "=" + v);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.redline.runner.cli.RedlineCli");
        cmd.add("agent");
        cmd.add("--coordinator");
        cmd.add(endpoint);
        cmd.add("--index");
        cmd.add(String.valueOf(index));
        cmd.add("--log-level");
        cmd.add(logLevel);
        return cmd;
    }

    /** Stops every agent at once (the coordinator failed before the run started). */
    public void kill() {
        for (Process p : processes) p.destroyForcibly();
    }

    /** Waits briefly for the agents to exit after the run, then stops any that are left. */
    @Override
    public void close() {
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
