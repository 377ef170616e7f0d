package dev.redline.operator.e2e;

import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.operator.realcluster.FreePorts;
import dev.redline.operator.realcluster.RealCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code redline kube attach|list|results|logs|cancel|delete|cleanup|preflight} as a user runs them: the packaged
 * runner jar as a process, against the real apiserver with the operator reconciling and runner pods running.
 */
class KubeCliIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.forOperator();
    private static final Duration RUN = Duration.ofMinutes(4);
    private final Benchmarks bms = new Benchmarks(CLUSTER);
    @TempDir Path tmp;

    record Result(int exit, String stdout, String stderr) {
        String all() { return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr; }
    }

    private Result redline(String... args) {
        return redlineWith(CLUSTER.controlPlane().kubeconfig(), args);
    }

    private Result redlineWith(Path kubeconfig, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("redline.runner.jar"), "kube"));
        cmd.addAll(Arrays.asList(args));
        cmd.addAll(List.of("--kubeconfig", kubeconfig.toString()));
        try {
            Path out = Files.createTempFile(tmp, "out", ".txt");
            Path err = Files.createTempFile(tmp, "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("REDLINE_STATE_DIR", tmp.resolve("state").toString());
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("redline " + String.join(" ", args) + " did not end");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void attachListResultsLogsAndCleanupOfACompletedBenchmark() throws IOException {
        String ns = CLUSTER.namespace();
        Result none = redline("results", "early", "-n", ns);
        assertEquals(1, none.exit(), none.all());
        assertTrue(none.stderr().contains("no Benchmark, Sweep or Search named early in namespace " + ns), none.all());
        Result noName = redline("attach", "-n", ns);
        assertEquals(2, noName.exit(), noName.all());
        assertEquals("redline: give a NAME; nothing was submitted from this machine yet", noName.stderr().strip());

        bms.apply("kcli", "phases: [{concurrency: 2, requests: 40}]");
        Result early = redline("results", "kcli", "-n", ns, "-o", tmp.resolve("early").toString());
        assertEquals(1, early.exit(), early.all());
        assertTrue(early.stderr().contains("Benchmark kcli has no results yet"), early.all());

        // attach without a NAME follows what this machine submitted last
        Files.createDirectories(tmp.resolve("state"));
        Files.writeString(tmp.resolve("state/kube-last"), "Benchmark " + ns + " kcli\n");
        Result attach = redline("attach");
        assertEquals(0, attach.exit(), attach.all());
        List<String> lines = attach.stdout().strip().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("Benchmark/kcli: Complete"), attach.all());
        assertEquals(BenchmarkPhase.Complete, bms.phase("kcli"));

        Result list = redline("list");
        assertEquals(0, list.exit(), list.all());
        List<String> rows = list.stdout().strip().lines().toList();
        assertEquals(List.of("KIND", "NAMESPACE", "NAME", "PHASE", "PROGRESS", "AGE"), List.of(rows.get(0).trim().split("\\s{3,}")), list.all());
        String row = rows.stream().filter(r -> r.contains(" kcli ")).findFirst().orElseThrow(() -> new AssertionError(list.all()));
        List<String> cells = List.of(row.trim().split("\\s{3,}"));
        assertEquals(List.of("Benchmark", ns, "kcli", "Complete"), cells.subList(0, 4), list.all());
        Result running = redline("list", "--running", "-n", ns);
        assertFalse(running.stdout().contains(" kcli "), running.all());
        Result wide = redline("list", "kcli", "-n", ns, "--wide");
        assertTrue(wide.stdout().contains("mock-model") && wide.stdout().contains(CLUSTER.mock().url()), wide.all());

        Path dir = tmp.resolve("res");
        Result results = redline("results", "kcli", "-n", ns, "-o", dir.toString());
        assertEquals(0, results.exit(), results.all());
        for (String f : List.of("summary.json", "summary.csv", "profile_export_redline.json", "profile_export_redline.csv")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " in " + results.all());
        }
        ProfileExport export = ProfileExport.parse(Files.readString(dir.resolve("profile_export_redline.json"), StandardCharsets.UTF_8), "download");
        assertEquals(40.0, export.stat("request_count", "avg"), 1e-9);
        assertTrue(export.stat("request_throughput", "avg") > 0, "req/s " + export.stat("request_throughput", "avg"));
        Result summaryOnly = redline("results", "kcli", "-n", ns, "--summary-only");
        assertEquals(0, summaryOnly.exit(), summaryOnly.all());
        assertTrue(Files.isRegularFile(tmp.resolve("artifacts/kcli/summary.json")), "the default directory ./artifacts/<name>");
        assertFalse(Files.exists(tmp.resolve("artifacts/kcli/progress.json")), "--summary-only writes only the summary");
        Result badFlags = redline("results", "kcli", "-n", ns, "-t", "1");
        assertEquals(2, badFlags.exit(), badFlags.all());
        assertTrue(badFlags.stderr().contains("-t/--trial needs -v/--variation"), badFlags.all());

        Result logs = redline("logs", "kcli", "-n", ns);
        if (!bms.runnerPods("kcli").isEmpty()) {
            assertEquals(0, logs.exit(), logs.all());
            assertTrue(logs.stdout().lines().allMatch(l -> l.startsWith("[kcli-1-")), logs.all());
        } else {
            assertEquals(1, logs.exit(), logs.all());
            assertTrue(logs.stderr().contains("has no runner pods"), logs.all());
        }

        Result debug = redline("debug", "-j", "kcli", "-n", ns);
        assertEquals(0, debug.exit(), debug.all());
        assertTrue(debug.stdout().contains("Benchmark kcli: phase Complete"), debug.all());
        assertTrue(debug.stdout().contains("problems: none found"), "a run that went well has no problems: " + debug.all());
        assertTrue(debug.stdout().lines().anyMatch(l -> l.matches("\\s+\\S+\\s+Ready\\s+cpu .*")), "the fake kubelet's node: " + debug.all());

        Result dry = redline("cleanup", "--dry-run", "-n", ns);
        assertEquals(0, dry.exit(), dry.all());
        assertTrue(dry.stdout().contains("would delete Benchmark/kcli (Complete)"), dry.all());
        assertNotNull(bms.get("kcli"), "--dry-run deletes nothing");
        Result cleanup = redline("cleanup", "-n", ns);
        assertTrue(cleanup.stdout().contains("deleted Benchmark/kcli (Complete)"), cleanup.all());
        CLUSTER.await("cleanup to delete kcli", Duration.ofSeconds(60), () -> bms.get("kcli") == null);
    }

    @Test
    void cancelStopsARunningBenchmarkAndDeleteRemovesIt() {
        String ns = CLUSTER.namespace();
        bms.apply("kstop", "phases: [{concurrency: 2, duration: 300}]");
        bms.awaitRunnersRunning("kstop", 1, RUN);
        Result logs = redline("logs", "kstop", "-n", ns);
        assertEquals(0, logs.exit(), logs.all());
        assertTrue(logs.stdout().lines().findAny().isPresent() && logs.stdout().lines().allMatch(l -> l.startsWith("[kstop-1-")), logs.all());

        Result cancel = redline("cancel", "kstop", "-n", ns, "--kind", "benchmark");
        assertEquals(0, cancel.exit(), cancel.all());
        bms.awaitPhase("kstop", BenchmarkPhase.Cancelled, Duration.ofSeconds(90));
        Result attach = redline("attach", "kstop", "-n", ns);
        assertEquals(1, attach.exit(), "a cancelled run is not a success: " + attach.all());
        assertTrue(attach.stdout().contains("Benchmark/kstop: Cancelled"), attach.all());

        Result badKind = redline("delete", "kstop", "-n", ns, "--kind", "job");
        assertEquals(2, badKind.exit(), badKind.all());
        assertEquals("redline: --kind job: not a kind; use benchmark, sweep or search", badKind.stderr().strip());
        Result delete = redline("delete", "kstop", "-n", ns);
        assertEquals(0, delete.exit(), delete.all());
        CLUSTER.await("kstop to be gone", Duration.ofSeconds(60), () -> bms.get("kstop") == null);
        Result gone = redline("attach", "kstop", "-n", ns, "--ignore-not-found");
        assertEquals(0, gone.exit(), gone.all());
    }

    @Test
    void preflightPassesTheClusterChecksAndAnUnreachableClusterIsOneLine() throws IOException {
        Result pre = redline("preflight", "-n", CLUSTER.namespace());
        List<String> lines = pre.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("PASS API server " + CLUSTER.controlPlane().url() + " reachable (Kubernetes v"), pre.all());
        for (String crd : List.of("benchmarks", "sweeps", "searches")) assertTrue(lines.contains("PASS CRD " + crd + ".redline.dev installed"), pre.all());
        assertTrue(lines.contains("PASS namespace " + CLUSTER.namespace() + " exists"), pre.all());
        assertEquals(5, lines.stream().filter(l -> l.startsWith("PASS RBAC")).count(), pre.all());
        // the harness runs the operator as a process, not as the chart's Deployment: the check must see that
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FAIL operator: no Deployment labelled app.kubernetes.io/name=redline-operator")), pre.all());
        assertEquals(1, pre.exit(), pre.all());
        Result json = redline("preflight", "-n", CLUSTER.namespace(), "-o", "json");
        assertEquals(1, json.exit(), json.all());
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.stdout());
        assertFalse(report.path("passed").asBoolean(true), json.all());
        List<String> statuses = new ArrayList<>();
        report.path("checks").forEach(c -> statuses.add(c.path("status").asText() + " " + c.path("check").asText()));
        assertTrue(statuses.contains("PASS CRD sweeps.redline.dev installed"), json.all());
        assertTrue(statuses.stream().anyMatch(c -> c.startsWith("FAIL operator: no Deployment")), json.all());
        assertEquals(statuses.size(), lines.size() - 1, "the same checks as the text output: " + json.all());

        // where the pods will run: the fake kubelet's node is Ready, untainted and labelled kubernetes.io/os=linux
        assertTrue(lines.contains("PASS nodes: 1 of 1 node(s) can take the runner pods"), pre.all());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("PASS capacity: room for ") && l.endsWith(", 1 runner pod(s) (2 CPU, 2Gi each) planned")), pre.all());
        Result placed = redline("preflight", "-n", CLUSTER.namespace(), "--node-selector.kubernetes.io/os", "linux", "--secret", "no-such-secret");
        List<String> placedLines = placed.stdout().lines().toList();
        assertTrue(placedLines.contains("PASS nodes: 1 of 1 node(s) can take the runner pods (--node-selector kubernetes.io/os=linux)"), placed.all());
        assertTrue(placedLines.contains("FAIL secret no-such-secret not found in namespace " + CLUSTER.namespace() + "; fix: kubectl -n "
                + CLUSTER.namespace() + " create secret generic no-such-secret --from-literal=KEY=VALUE"), placed.all());
        Result nowhere = redline("preflight", "-n", CLUSTER.namespace(), "--node-selector", "pool=gpu");
        assertTrue(nowhere.stdout().lines().anyMatch(l -> l.startsWith("FAIL nodes: none of 1 node(s) can take the runner pods (--node-selector pool=gpu):"
                + " 1 without the label(s) pool=gpu; fix: fix --node-selector, or kubectl label node NODE pool=gpu")), nowhere.all());

        String dead = "https://127.0.0.1:" + FreePorts.next();
        Path kubeconfig = tmp.resolve("dead-kubeconfig");
        Files.writeString(kubeconfig, Files.readString(CLUSTER.controlPlane().kubeconfig()).replace(CLUSTER.controlPlane().url(), dead));
        Result down = redlineWith(kubeconfig, "list", "-n", "x");
        assertEquals(2, down.exit(), down.all());
        assertEquals(1, down.stderr().strip().lines().count(), down.all());
        assertTrue(down.stderr().toLowerCase(java.util.Locale.ROOT).contains("refused"), "the cause, not just its class: " + down.all());
        assertTrue(down.stderr().startsWith("redline: cannot reach the Kubernetes API server at " + dead), down.all());
    }

    @Test
    void profileSubmitsFollowsAndDownloadsAManifestIsSubmittedAsItIsAndASweepRunsToTheEnd() throws IOException {
        String ns = CLUSTER.namespace();
        String url = CLUSTER.mock().url();
        Path dir = tmp.resolve("prof");
        Result run = redline("profile", "--url", url, "-m", "mock-model", "--concurrency", "2", "--request-count", "30",
                "--name", "kprof", "-n", ns, "--artifact-dir", dir.toString());
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.stdout().contains("created Benchmark " + ns + "/kprof"), run.all());
        assertTrue(run.stdout().contains("Benchmark/kprof: Complete"), run.all());
        ProfileExport export = ProfileExport.parse(Files.readString(dir.resolve("profile_export_redline.json"), StandardCharsets.UTF_8), "download");
        assertEquals(30.0, export.stat("request_count", "avg"), 1e-9);
        assertEquals(BenchmarkPhase.Complete, bms.phase("kprof"));

        Result again = redline("profile", "--url", url, "-m", "mock-model", "--request-count", "30", "--name", "kprof", "-n", ns, "--no-wait");
        assertEquals(2, again.exit(), again.all());
        assertTrue(again.stderr().contains("--name kprof: a Benchmark of that name exists in namespace " + ns), again.all());

        // what --dry-run prints is a manifest the apiserver admits as it is (kube profile -f submits it unchanged)
        Result dry = redline("profile", "--dry-run", "--url", url, "-m", "mock-model", "--concurrency", "2", "--request-count", "10",
                "--name", "kman", "--labels", "team=perf", "--ttl-seconds", "600");
        assertEquals(0, dry.exit(), dry.all());
        Path manifest = tmp.resolve("kman.json");
        Files.writeString(manifest, dry.stdout());
        Result submitted = redline("profile", "-f", manifest.toString(), "-n", ns, "--no-wait");
        assertEquals(0, submitted.exit(), submitted.all());
        assertEquals("perf", bms.get("kman").getSpec().getRunners().getPodLabels().get("team"));
        Result followed = redline("attach", "kman", "-n", ns);
        assertEquals(0, followed.exit(), followed.all());

        Result sweep = redline("sweep", "--url", url, "-m", "mock-model", "--concurrency", "1,2", "--request-count", "10",
                "--name", "ksweep", "-n", ns, "--artifact-dir", tmp.resolve("sweep").toString());
        assertEquals(0, sweep.exit(), sweep.all());
        assertTrue(sweep.stdout().contains("Sweep/ksweep: Complete"), sweep.all());
        try (Stream<Path> cells = Files.list(tmp.resolve("sweep"))) {
            List<Path> exports = cells.map(c -> c.resolve("profile_export_redline.json")).filter(Files::isRegularFile).toList();
            assertEquals(2, exports.size(), "one export per cell: " + sweep.all());
        }
    }

    @Test
    void profileUploadsALocalTraceTheRunnerPodsReplayAndDeletingTheBenchmarkDeletesItsFiles() throws IOException {
        String ns = CLUSTER.namespace();
        // 7 entries, 30 ms apart: the trace implies 7 requests, which only a runner that read this file sends
        StringBuilder trace = new StringBuilder();
        for (int i = 0; i < 7; i++) trace.append("{\"timestamp\": ").append(i * 30).append(", \"input_length\": 16, \"output_length\": 3}\n");
        Path file = tmp.resolve("trace.jsonl");
        Files.writeString(file, trace);
        Path dir = tmp.resolve("kfile");
        Result run = redline("profile", "--url", CLUSTER.mock().url(), "-m", "mock-model", "--input-file", file.toString(),
                "--custom-dataset-type", "mooncake_trace", "--name", "kfile", "-n", ns, "--artifact-dir", dir.toString());
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.stdout().contains("created Benchmark " + ns + "/kfile with ConfigMap kfile-files"), run.all());
        assertTrue(run.stdout().contains("Benchmark/kfile: Complete"), run.all());
        ProfileExport export = ProfileExport.parse(Files.readString(dir.resolve("profile_export_redline.json"), StandardCharsets.UTF_8), "download");
        assertEquals(7.0, export.stat("request_count", "avg"), 1e-9, "one request per trace entry");

        var bm = bms.get("kfile");
        assertEquals("/var/lib/redline/files/input-file/trace.jsonl", bm.getSpec().getDataset().getInputFile());
        var cm = CLUSTER.client().configMaps().inNamespace(ns).withName("kfile-files").get();
        assertNotNull(cm, "the files ConfigMap");
        assertEquals(trace.toString(), cm.getData().get("input-file.trace.jsonl"));
        assertEquals(1, cm.getMetadata().getOwnerReferences().size(), cm.getMetadata().toString());
        assertEquals(bm.getMetadata().getUid(), cm.getMetadata().getOwnerReferences().get(0).getUid());

        Result delete = redline("delete", "kfile", "-n", ns);
        assertEquals(0, delete.exit(), delete.all());
        CLUSTER.await("the garbage collector to delete kfile-files", Duration.ofSeconds(90),
                () -> CLUSTER.client().configMaps().inNamespace(ns).withName("kfile-files").get() == null);
    }
}
