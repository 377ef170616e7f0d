package dev.redline.runner.cluster;

import dev.redline.api.v1alpha1.RunnerEnvironment;

import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code redline run --in-cluster}: the entry point of a Benchmark's runner pods. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run as one runner pod of a Benchmark (started by the Redline operator).")
public class RunCommand implements Callable<Integer> {
    @Option(names = "--in-cluster", description = "Required: run inside a Kubernetes pod (index from JOB_COMPLETION_INDEX).")
    boolean inCluster;

    @Option(names = "--spec", paramLabel = "FILE", defaultValue = "/etc/redline/spec.yaml",
            description = "The mounted Benchmark spec (default ${DEFAULT-VALUE}).")
    Path specFile;

    @Option(names = "--results-configmap", paramLabel = "NAME", description = "ConfigMap (in REDLINE_NAMESPACE) the coordinator writes the summary to.")
    String resultsConfigMap;

    @Option(names = "--coordinator", paramLabel = "HOST:PORT",
            description = "Runner 0's address (agents connect, runner 0 listens on its port). Default: env REDLINE_COORDINATOR, port 5670.")
    String coordinator;

    @Option(names = "--runners", paramLabel = "N", description = "Runner count. Default: the spec's runners.replicas, env REDLINE_RUNNERS, or 1.")
    Integer runners;

    @Option(names = "--artifact-dir", paramLabel = "DIR",
            description = "Writable directory for the artifacts. Default: env REDLINE_ARTIFACTS_DIR or /tmp/redline.")
    Path artifactDir;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info", description = "error, warn, info (default), debug or trace.")
    String logLevel;

    @Option(names = "--experiment", paramLabel = "FILE",
            description = "Run a whole sweep in this pod (a Sweep's warm pool): the mounted config envelope (benchmark, sweep, multi_run).")
    Path experimentFile;

    PodEnvironment env = PodEnvironment.system();

    @Override
    public Integer call() throws Exception {
        if (!inCluster) {
            throw new BadInputException("redline run: only --in-cluster is supported (it is what runner pods use); "
                    + "to benchmark from this machine use 'redline profile'");
        }
        Path dir = artifactDir != null ? artifactDir
                : Path.of(env.get(RunnerEnvironment.ARTIFACTS_DIR) != null ? env.get(RunnerEnvironment.ARTIFACTS_DIR) : "/tmp/redline");
        if (experimentFile != null) {
            return new ClusterExperimentRun(experimentFile, resultsConfigMap, dir, logLevel, env,
                    () -> new KubernetesClientBuilder().build(), System.out, System.err).run();
        }
        ClusterRun.Settings settings = new ClusterRun.Settings(specFile, resultsConfigMap, coordinator, runners, dir, logLevel);
        return new ClusterRun(settings, env, () -> new KubernetesClientBuilder().build(), System.out, System.err).run();
    }
}
