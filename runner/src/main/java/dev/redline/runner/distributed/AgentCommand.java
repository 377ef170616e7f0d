package dev.redline.runner.distributed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code redline agent}: one agent runner of a distributed run (started by the coordinator or a pod). */
@Command(name = "agent", hidden = true, mixinStandardHelpOptions = true,
        description = "Run as agent runner INDEX of a distributed benchmark, taking work from the coordinator.")
public class AgentCommand implements Callable<Integer> {
    @Option(names = "--coordinator", required = true, paramLabel = "tcp://HOST:PORT", description = "The coordinator's address.")
    String coordinator;

    @Option(names = "--index", required = true, paramLabel = "N", description = "This runner's index (1..runners-1).")
    int index;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info", description = "error, warn, info, debug or trace.")
    String logLevel;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the coordinator to answer (default 300).")
    long connectTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        CoordinatorAddress address = CoordinatorAddress.parse(coordinator, "--coordinator");
        if (index < 1) throw new dev.redline.runner.BadInputException("--index: must be at least 1 (runner 0 is the coordinator)");
        return new Agent(address.tcp(), index, logLevel, Duration.ofSeconds(connectTimeoutSeconds), System.err).run();
    }
}
