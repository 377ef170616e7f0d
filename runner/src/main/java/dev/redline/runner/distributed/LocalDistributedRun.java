package dev.redline.runner.distributed;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.profile.ArtifactLayout;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RunOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code redline profile --runners N}: this process is runner 0 (the coordinator, listening on
 * 127.0.0.1) and starts N-1 agent processes beside it. The exports are the same files a single runner
 * writes, with the agents' records appended to {@code profile_export.jsonl} and a {@code distributed}
 * block in the summary JSON.
 */
public final class LocalDistributedRun {
    private final BenchmarkSpec spec;
    private final RunOptions options;
    private final int runners;
    private final PrintStream out;
    private final PrintStream err;

    public LocalDistributedRun(BenchmarkSpec spec, RunOptions options, int runners, PrintStream out, PrintStream err) {
        this.spec = spec;
        this.options = options;
        this.runners = runners;
        this.out = out;
        this.err = err;
    }

    /** Runs and returns the exit code: 1 when a runner failed (partial results are still written). */
    public int run() throws IOException {
        ArtifactLayout layout = ArtifactLayout.create(spec);
        // AIPerf's --zmq-host names where its services bind; here the coordinator's sockets (agents run on this machine)
        String host = spec.getRuntime() != null && spec.getRuntime().getZmqHost() != null ? spec.getRuntime().getZmqHost() : "127.0.0.1";
        try (CoordinatorServer server = CoordinatorServer.bind(host, 0)) {
            Coordinator coordinator = new Coordinator(server, spec, runners, Duration.ofSeconds(120), Duration.ofSeconds(120),
                    line -> err.println(line));
            int code;
            try (AgentProcesses agents = AgentProcesses.start(runners, server.endpoint(), layout.logFile().getParent(),
                    options.logLevel(), coordinator)) {
                try {
                    code = new ProfileRun(spec, options, out, coordinator).run();
                } catch (RuntimeException e) {
                    agents.kill(); // they are still waiting for the benchmark: do not make the user wait too
                    throw e;
                }
            }
            if (coordinator.failure() != null) {
                err.println("redline: distributed run incomplete: " + coordinator.failure() + " (partial results in "
                        + layout.dir().toAbsolutePath() + "; agent logs in " + layout.logFile().getParent() + ")");
                return 1;
            }
            return code;
        }
    }
}
