package dev.redline.operator.e2e;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.operator.children.ChildLabels;
import dev.redline.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * P6 of docs/performance.md, a benchmark (not part of the build: failsafe runs only *IT classes): on the real
 * control plane, how long from a Benchmark's creation until its Job exists (p50/p99 over 50 Benchmarks, created
 * one after another), and the operator process's memory once 500 Benchmark objects exist. The runner image of
 * these Benchmarks is never pushed, so their pods wait in ImagePullBackOff and no load runs: what is measured is
 * the operator. It prints its figures and writes them to target/realcluster/OperatorScaleBench/p6.txt;
 * it asserts only that every Benchmark got its Job (the speed is the figure, not a test).
 *
 * <pre>
 * ./mvnw -B -pl operator -am verify -Dit.test=OperatorScaleBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class OperatorScaleBench {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.forOperator();
    private static final int LATENCY_BENCHMARKS = Integer.getInteger("p6.latency", 50);
    private static final int MEMORY_BENCHMARKS = Integer.getInteger("p6.objects", 500);
    private static final String IMAGE = "registry.test/never-pushed:p6";

    @Test
    void benchmarkToJobLatencyAndOperatorMemory() throws Exception {
        StringBuilder report = new StringBuilder();
        long rss0 = rssKiB();
        double[] latencies = new double[LATENCY_BENCHMARKS];
        for (int i = 0; i < LATENCY_BENCHMARKS; i++) {
            String name = "p6-lat-" + i;
            long created = create(name);
            latencies[i] = (awaitJob(name, Duration.ofMinutes(2)) - created) / 1e6;
        }
        Arrays.sort(latencies);
        report.append(String.format(Locale.ROOT, "P6 Benchmark created -> Job created over %d Benchmarks (ms): p50 %.1f p90 %.1f p99 %.1f max %.1f%n",
                LATENCY_BENCHMARKS, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies[latencies.length - 1]));
        List<String> names = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = LATENCY_BENCHMARKS; i < MEMORY_BENCHMARKS; i++) {
            String name = "p6-mem-" + i;
            names.add(name);
            create(name);
        }
        CLUSTER.await("a Job for each of " + MEMORY_BENCHMARKS + " Benchmarks", Duration.ofMinutes(20),
                () -> CLUSTER.client().batch().v1().jobs().inNamespace(CLUSTER.namespace()).withLabel(ChildLabels.BENCHMARK_KEY)
                        .list().getItems().size() >= MEMORY_BENCHMARKS);
        double allSeconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(10_000); // let the status updates of the last ones settle
        report.append(String.format(Locale.ROOT, "P6 %d Benchmark objects: operator RSS %d MiB (at start %d MiB); "
                        + "the last %d Benchmarks applied and their Jobs created in %.1f s%n",
                MEMORY_BENCHMARKS, rssKiB() / 1024, rss0 / 1024, names.size(), allSeconds));
        report.append("load average: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        System.out.print(report);
        Files.writeString(CLUSTER.dir().resolve("p6.txt"), report.toString());
    }

    /**
     * Polls (every 5 ms: a watch's event may be delayed by its bookmarks) until the Benchmark's Job exists; when
     * it was first seen.
     */
    private static long awaitJob(String name, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<Job> jobs = CLUSTER.client().batch().v1().jobs().inNamespace(CLUSTER.namespace())
                    .withLabel(ChildLabels.BENCHMARK_KEY, name).list().getItems();
            if (!jobs.isEmpty()) return System.nanoTime();
            Thread.sleep(5);
        }
        throw new AssertionError("no Job for " + name + " after " + timeout.toSeconds() + " s\n" + CLUSTER.diagnostics());
    }

    /**
     * Creates (through the API, not a kubectl process) a Benchmark whose pods never start; the moment the
     * apiserver had stored it.
     */
    private static long create(String name) {
        Benchmark bm = Serialization.unmarshal(new Benchmarks(CLUSTER).yaml(name, CLUSTER.mock().url(), "runners: {image: \"" + IMAGE + "\"}",
                "phases: [{concurrency: 1, requests: 1}]"), Benchmark.class);
        CLUSTER.client().resources(Benchmark.class).inNamespace(CLUSTER.namespace()).resource(bm).create();
        return System.nanoTime();
    }

    private long rssKiB() throws IOException {
        long pid = CLUSTER.operator().process().pid();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
