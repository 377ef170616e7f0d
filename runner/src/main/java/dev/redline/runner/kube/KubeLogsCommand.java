package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.Benchmark;
import io.fabric8.kubernetes.api.model.Pod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code redline kube logs}: the runner pods' logs, each line prefixed by its pod. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the logs of the runner pods of a Benchmark (of every child Benchmark of a Sweep or Search), each line prefixed by its pod.")
public class KubeLogsCommand extends KubeRefCommand {
    // the operator's labels on runner pods (operator ChildLabels): the Benchmark, and the component
    static final String BENCHMARK_LABEL = "redline.dev/benchmark";
    static final String COMPONENT_LABEL = "app.kubernetes.io/component";

    @Option(names = "--ignore-not-found", description = "Exit 0 instead of 1 when the resource does not exist (as kubectl).")
    boolean ignoreNotFound;

    @Override
    protected boolean ignoreNotFound() { return ignoreNotFound; }

    @Override
    protected int act(KubeConnection conn, LastDeployed.Ref ref) {
        List<String> owners = new ArrayList<>(List.of(ref.name()));
        if (!ref.kind().equals(KubeKind.BENCHMARK.kind())) {
            String label = ref.kind().equals(KubeKind.SWEEP.kind()) ? "redline.dev/sweep" : "redline.dev/search";
            KubeApi.call(conn, () -> conn.client().resources(Benchmark.class).inNamespace(ref.namespace()).withLabel(label, ref.name()).list().getItems())
                    .forEach(b -> owners.add(b.getMetadata().getName()));
        }
        List<Pod> pods = KubeApi.call(conn, () -> conn.client().pods().inNamespace(ref.namespace())
                .withLabelIn(BENCHMARK_LABEL, owners.toArray(String[]::new)).withLabel(COMPONENT_LABEL, "runner").list().getItems())
                .stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
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
