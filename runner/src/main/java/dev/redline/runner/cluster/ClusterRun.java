package dev.redline.runner.cluster;

import dev.redline.api.v1alpha1.RunnerEnvironment;

import dev.redline.api.config.SpecException;
import dev.redline.api.results.ResultsConfigMap;
import dev.redline.compare.RequestSamples;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.distributed.Agent;
import dev.redline.runner.distributed.Coordinator;
import dev.redline.runner.distributed.CoordinatorAddress;
import dev.redline.runner.distributed.CoordinatorServer;
import dev.redline.runner.output.ObjectStoreConfig;
import dev.redline.runner.output.ObjectStoreUploader;
import dev.redline.runner.profile.ArtifactLayout;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RunOptions;
import dev.redline.runner.profile.RunPipeline;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One runner pod of a Benchmark. Index 0 coordinates (and runs its own share of the load); the others
 * are agents. When the coordinator is done, or fails, or is stopped (SIGTERM, e.g. on cancel), it writes
 * what it has: artifacts to the object store when configured, then {@code summary.json} (the same JSON
 * as {@code profile_export_redline.json}), {@code summary.csv}, and on failure {@code error} into the
 * results ConfigMap. Only then does it report the failure through its exit code.
 */
public final class ClusterRun {
    private static final Duration STOP_GRACE = Duration.ofSeconds(25);

    /**
     * @param runners     null: from the spec's runners.replicas, else REDLINE_RUNNERS, else 1
     * @param coordinator null: from REDLINE_COORDINATOR (required on agents; on the coordinator only its port is used)
     */
    public record Settings(Path specFile, String resultsConfigMap, String coordinator, Integer runners, Path artifactDir,
                           String logLevel) { }

    private final Settings settings;
    private final PodEnvironment env;
    private final Supplier<KubernetesClient> clients;
    private final PrintStream out;
    private final PrintStream err;

    public ClusterRun(Settings settings, PodEnvironment env, Supplier<KubernetesClient> clients, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.env = env;
        this.clients = clients;
        this.out = out;
        this.err = err;
    }

    /** Runs this pod's part and returns the exit code; bad input throws BadInputException before anything runs. */
    public int run() throws IOException, InterruptedException {
        MountedSpec mounted = MountedSpec.read(settings.specFile());
        int index = env.index();
        RunOptions options = RunOptions.runnerPod(settings.logLevel(), env.metricsPort(), env.metricTags(), RunPipeline.podServerWait(mounted.benchmark()));
        String address = settings.coordinator() != null ? settings.coordinator() : env.get(RunnerEnvironment.COORDINATOR);
        if (index > 0) {
            if (address == null) {
                throw new BadInputException("--coordinator: not given and REDLINE_COORDINATOR is not set; agents need the coordinator's host:port");
            }
            String endpoint = CoordinatorAddress.parse(address, "--coordinator").tcp();
            return new Agent(endpoint, index, settings.logLevel(), Duration.ofMinutes(10), err)
                    .withLiveMetrics(options.metricsPort(), options.metricTags()).run();
        }
        String namespace = env.namespace();
        if (settings.resultsConfigMap() == null) {
            throw new BadInputException("--results-configmap: required on runner 0 (the coordinator writes the summary there)");
        }
        int runners = runners(mounted);
        int port = address == null ? CoordinatorAddress.DEFAULT_PORT : CoordinatorAddress.parse(address, "--coordinator").port();
        ObjectStoreConfig store = ObjectStoreConfig.from(mounted.objectStore(), env.env());
        BenchmarkSpec spec = mounted.benchmark();
        if (spec.endpoint().getApiKey() == null && env.get(RunnerEnvironment.API_KEY) != null) spec.endpoint().setApiKey(env.get(RunnerEnvironment.API_KEY));
        spec.artifacts().setDir(settings.artifactDir().toString());
        // with an object store the plots and dashboard.html go up beside the results, unless the spec says no
        if (store != null && spec.artifacts().getAutoPlot() == null) spec.artifacts().setAutoPlot(true);
        try (KubernetesClient client = clients.get()) {
            new DcgmDiscoveryStep(client, env, err).apply(spec, namespace);
            return coordinate(spec, options, runners, port, store, new ResultsConfigMapWriter(client, namespace, settings.resultsConfigMap(), env.get(RunnerEnvironment.RUN)),
                    namespace);
        }
    }

    private int runners(MountedSpec mounted) {
        Integer n = settings.runners() != null ? settings.runners() : mounted.replicas();
        if (n == null && env.get(RunnerEnvironment.RUNNERS) != null) {
            try {
                n = Integer.parseInt(env.get(RunnerEnvironment.RUNNERS));
            } catch (NumberFormatException e) {
                throw new BadInputException("REDLINE_RUNNERS: '" + env.get(RunnerEnvironment.RUNNERS) + "' is not a whole number");
            }
        }
        if (n == null) return 1;
        if (n < 1) throw new BadInputException("--runners: must be at least 1, got " + n);
        return n;
    }

    private int coordinate(BenchmarkSpec spec, RunOptions options, int runners, int port, ObjectStoreConfig store, ResultsConfigMapWriter results,
                           String namespace) throws IOException, InterruptedException {
        ArtifactLayout layout = ArtifactLayout.create(spec);
        int code = 0;
        String error = null;
        CountDownLatch finished = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Thread stopper = new Thread(() -> stopGracefully(main, finished), "redline-sigterm");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (CoordinatorServer server = CoordinatorServer.bind(runners > 1 ? "0.0.0.0" : "127.0.0.1", runners > 1 ? port : 0)) {
            Coordinator coordinator = new Coordinator(server, spec, runners, Duration.ofMinutes(10), Duration.ofMinutes(5),
                    err::println);
            try (ProgressReporter progress = new ProgressReporter(coordinator::progress, results, ProgressReporter.PERIOD, err)) {
                code = new ProfileRun(spec, options, out, coordinator).run();
            } catch (RuntimeException e) {
                error = oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
                code = isBadInput(e) ? 2 : 1;
            }
            if (error == null && coordinator.failure() != null) {
                error = coordinator.failure();
                code = 1;
            }
            Map<String, String> data = new LinkedHashMap<>();
            readInto(data, ResultsConfigMap.SUMMARY_JSON, layout.summaryJson());
            readInto(data, ResultsConfigMap.SUMMARY_CSV, layout.summaryCsv());
            if (code == 0) addSamples(data, layout.recordsJsonl());
            if (store != null) {
                try (ObjectStoreUploader uploader = new ObjectStoreUploader(store)) {
                    String benchmark = env.get(RunnerEnvironment.BENCHMARK) != null ? env.get(RunnerEnvironment.BENCHMARK)
                            : settings.resultsConfigMap();
                    List<String> uris = uploader.uploadDirectory(layout.dir(), store.key(namespace, benchmark));
                    data.put(ResultsConfigMap.ARTIFACTS_JSON, ResultsConfigMap.artifactsJson(uris));
                } catch (RuntimeException e) {
                    error = (error == null ? "" : error + "; ") + oneLine(e.getMessage());
                    if (code == 0) code = 1;
                }
            }
            if (error != null) data.put(ResultsConfigMap.ERROR, error);
            try {
                results.write(data);
            } catch (IllegalStateException e) {
                err.println("redline: " + oneLine(e.getMessage()) + (error == null ? "" : "; the run itself: " + error));
                return code == 0 ? 1 : code;
            }
            if (error != null) err.println("redline: " + error);
            return code;
        } finally {
            Thread.interrupted(); // a stop request has been handled by writing the partial results
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down: the hook is waiting for us
            }
        }
    }

    /** SIGTERM (the Job is deleted or the Benchmark cancelled): stop the load and let the run write its results. */
    private static void stopGracefully(Thread main, CountDownLatch finished) {
        main.interrupt();
        try {
            finished.await(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code samples.json}: a bounded sample of per-request values from {@code profile_export.jsonl} (every
     * runner's records), for the regression gate. Only for a run that finished; left out, with a warning,
     * when unreadable or when it would not fit the ConfigMap beside the rest.
     */
    private void addSamples(Map<String, String> data, Path jsonl) {
        if (!Files.isRegularFile(jsonl)) return; // artifacts.exportLevel summary writes no per-request file
        try {
            String samples = RequestSamples.fromJsonl(jsonl, RequestSamples.LIMIT).toJson();
            long size = samples.length() + data.values().stream().mapToLong(String::length).sum();
            if (size > ResultsConfigMap.MAX_BYTES) {
                err.println("redline: warning: " + ResultsConfigMap.SAMPLES_JSON + " left out: the results would exceed "
                        + ResultsConfigMap.MAX_BYTES + " bytes");
                return;
            }
            data.put(ResultsConfigMap.SAMPLES_JSON, samples);
        } catch (RuntimeException e) {
            err.println("redline: warning: " + ResultsConfigMap.SAMPLES_JSON + " left out: " + oneLine(e.getMessage()));
        }
    }

    private static void readInto(Map<String, String> data, String key, Path file) throws IOException {
        if (Files.isRegularFile(file)) data.put(key, Files.readString(file, StandardCharsets.UTF_8));
    }

    private static boolean isBadInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof BadInputException || t instanceof SpecException) return true;
        return false;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
