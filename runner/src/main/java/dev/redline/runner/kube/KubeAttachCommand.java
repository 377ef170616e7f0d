package dev.redline.runner.kube;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code redline kube attach}: follow a resource until it ends; the exit code says how it ended. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Follow a Benchmark, Sweep or Search until it ends: a line per change of phase or progress. Exit 0 when it completed, 1 otherwise.")
public class KubeAttachCommand extends KubeRefCommand {
    @Option(names = "--ignore-not-found", description = "Exit 0 instead of 1 when the resource does not exist (as kubectl).")
    boolean ignoreNotFound;

    @Override
    protected boolean ignoreNotFound() { return ignoreNotFound; }

    @Override
    protected int act(KubeConnection conn, LastDeployed.Ref ref) {
        return ResourceFollower.succeeded(ResourceFollower.follow(conn, ref, out)) ? 0 : 1;
    }
}
