package dev.redline.runner.kube;

import io.fabric8.kubernetes.api.model.Pod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code redline kube logs}: the runner pods' logs, each line prefixed by its pod. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the logs of the runner pods of a Benchmark (of every child Benchmark of a Sweep or Search), each line prefixed by its pod.")
public class KubeLogsCommand extends KubeRefCommand {
    @Option(names = "--ignore-not-found", description = "Exit 0 instead of 1 when the resource does not exist (as kubectl).")
    boolean ignoreNotFound;

    @Override
    protected boolean ignoreNotFound() { return ignoreNotFound; }

    @Override
    protected int act(KubeConnection conn, LastDeployed.Ref ref) {
        List<Pod> pods = RunnerPods.of(conn, ref.namespace(), RunnerPods.benchmarkNames(conn, ref));
        if (pods.isEmpty()) {
            System.err.println("redline: " + ref.kind() + " " + ref.name() + " has no runner pods (not started yet, or removed after the run)");
            return 1;
        }
        for (Pod pod : pods) {
            String podName = pod.getMetadata().getName();
            String log;
            try {
                log = KubeApi.call(conn, () -> conn.client().pods().inNamespace(ref.namespace()).withName(podName).getLog());
            } catch (RuntimeException e) {
                out.println("[" + podName + "] (no log: " + KubeApi.oneLine(e) + ")");
                continue;
            }
            if (log == null) continue;
            log.lines().forEach(line -> out.println("[" + podName + "] " + line));
        }
        return 0;
    }
}
