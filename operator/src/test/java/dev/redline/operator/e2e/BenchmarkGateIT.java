package dev.redline.operator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.ProgressStatus;
import dev.redline.api.v1alpha1.RunRecord;
import dev.redline.compare.MetricComparison;
import dev.redline.compare.RequestSamples;
import dev.redline.compare.Verdict;
import dev.redline.operator.argocd.ArgoHealth;
import dev.redline.operator.realcluster.Kubectl;
import dev.redline.operator.realcluster.MockLlm;
import dev.redline.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conditions users gate on, on a real control plane: a GitOps re-run (a changed spec starts run 2, run 1
 * stays addressable) judged by the regression gate against run 1 on a slower server, {@code kubectl wait}
 * on Complete and Regressed, the Argo CD health check over the objects the apiserver returns, ClientSaturated,
 * a run superseded mid-way with whole-run progress from two runners, bad gate specs (a condition and one
 * Event naming the field), and no secret value anywhere a user or a log collector can see.
 */
class BenchmarkGateIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.forOperator();
    private static final Duration RUN = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MockLlm slow;
    private final Benchmarks bms = new Benchmarks(CLUSTER);

    @BeforeAll
    static void slowServer() throws IOException {
        // the cluster's mock answers after 5 ms; this one after 60 ms: the "regressed" model server
        slow = MockLlm.start(Path.of(System.getProperty("redline.runner.jar")), CLUSTER.dir().resolve("slow"),
                "--ttft-ms", "60", "--itl-ms", "1");
    }

    @AfterAll
    static void stopSlowServer() {
        if (slow != null) slow.close();
    }

    private Kubectl.Result kubectl(Duration limit, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-n", CLUSTER.namespace()));
        return CLUSTER.kubectl().run(limit.plusSeconds(30), all.toArray(String[]::new));
    }

    @Test
    void aChangedSpecStartsRunTwoWhichTheGateJudgesAgainstRunOne() throws Exception {
        String[] gate = {"baselineRef: {benchmark: gitops}", "regression: {metrics: [\"time_to_first_token:p50\"], tolerancePercent: 20}",
                "phases: [{concurrency: 2, requests: 60}]"};
        bms.applyTo("gitops", CLUSTER.mock().url(), concat(gate, "runId: r1"));
        kubectl(RUN, "wait", "--for=condition=Complete", "bm/gitops", "--timeout=" + RUN.toSeconds() + "s").orFail();

        Benchmark first = bms.get("gitops");
        assertEquals(1, first.getStatus().getRun());
        assertEquals("r1", first.getStatus().getRunId());
        assertEquals(ConditionReason.NoEarlierRun.name(), first.getStatus().condition(ConditionType.Regressed).getReason());
        var saturation = first.getStatus().condition(ConditionType.ClientSaturated);
        assertTrue(Set.of("ClientBound", "ClientKeptUp").contains(saturation.getReason()), saturation.toString());
        assertTrue(saturation.getMessage().contains("send lag p99") || saturation.getMessage().contains("lag p99"), saturation.getMessage());
        RequestSamples samples = ResultsConfigMap.samples("gitops-results", results("gitops-results").getData());
        assertEquals(60, samples.metric("time_to_first_token").values().length, "every request of the run, for the gate");
        assertEquals("Healthy", ArgoHealth.of(kubectlJson("gitops")).status(), "the first run has nothing to regress from");

        // the GitOps commit: the model server moved (a slower one), and a new runId; admission lets it through
        bms.applyTo("gitops", slow.url(), concat(gate, "runId: r2"));
        kubectl(Duration.ofSeconds(60), "wait", "--for=jsonpath={.status.runId}=r2", "bm/gitops", "--timeout=60s").orFail();
        kubectl(RUN, "wait", "--for=condition=Complete", "bm/gitops", "--timeout=" + RUN.toSeconds() + "s").orFail();
        kubectl(Duration.ofSeconds(60), "wait", "--for=condition=Regressed=True", "bm/gitops", "--timeout=60s").orFail();
        assertNotEquals(0, kubectl(Duration.ofSeconds(5), "wait", "--for=condition=Regressed=False", "bm/gitops", "--timeout=3s").exitCode(),
                "a pipeline waiting for Regressed=False fails");

        Benchmark second = bms.get("gitops");
        assertEquals(2, second.getStatus().getRun());
        assertTrue(second.getStatus().getResults().getTimeToFirstToken().getP50() >= 60, "run 2's own figures in status.results");
        List<RunRecord> history = second.getStatus().getHistory();
        assertEquals(1, history.size(), history.toString());
        RunRecord one = history.get(0);
        assertEquals(List.of(1, "r1", "Complete", "gitops-results-1", 60L),
                List.of(one.getRun(), one.getRunId(), one.getPhase(), one.getResultsConfigMap(), one.getResults().getRequestCount()));
        assertTrue(one.getResults().getTimeToFirstToken().getP50() < 60, "run 1 was against the fast server: " + one.getResults().getTimeToFirstToken());
        ConfigMap kept = results("gitops-results-1");
        assertTrue(kept.getData().keySet().containsAll(List.of("summary.json", "summary.csv", "samples.json")), kept.getData().keySet().toString());
        assertEquals(60, JSON.readTree(kept.getData().get("summary.json")).at("/request_count/avg").asLong());
        CLUSTER.await("run 1's Job and pods removed, run 2's kept", Duration.ofSeconds(90), () -> {
            Set<String> children = bms.children("gitops");
            return !children.contains("Job/gitops-1") && !children.contains("ConfigMap/gitops-spec-1") && children.contains("Job/gitops-2")
                    && children.stream().noneMatch(c -> c.startsWith("Pod/gitops-1-"));
        });

        MetricComparison ttft = second.getStatus().getRegression().getMetrics().get(0);
        assertEquals(List.of("time_to_first_token", "p50", Verdict.Regressed), List.of(ttft.getMetric(), ttft.getStat(), ttft.getVerdict()));
        assertTrue(ttft.getChangePercent() > 100 && ttft.getCiLowPercent() > 20, "5 ms -> 60 ms server TTFT: " + ttft.describe());
        assertEquals("this Benchmark run 1", second.getStatus().getRegression().getBaseline());
        String regressed = second.getStatus().condition(ConditionType.Regressed).getMessage();
        assertTrue(regressed.startsWith("against this Benchmark run 1: 1 of 1 figures regressed (95% confidence): time_to_first_token p50 "), regressed);
        List<Event> events = bms.events("gitops", "RegressionDetected");
        assertEquals(1, events.size(), "one Event for the verdict");
        assertEquals("Warning", events.get(0).getType());
        ArgoHealth.Health health = ArgoHealth.of(kubectlJson("gitops"));
        assertEquals("Degraded", health.status());
        assertTrue(health.message().startsWith("regressed: against this Benchmark run 1"), health.message());
    }

    @Test
    void aSpecChangeMidRunStopsItKeepsItsPartialResultsAndReportsWholeRunProgress() throws Exception {
        bms.apply("moving", "phases: [{concurrency: 2, duration: 120}]", "runners: {replicas: 2}", "runId: a");
        CLUSTER.await("progress of both runners in status", Duration.ofMinutes(3), () -> {
            Benchmark b = bms.get("moving");
            ProgressStatus p = b == null || b.getStatus() == null ? null : b.getStatus().getProgress();
            return p != null && p.getRunnersReporting() != null && p.getRunnersReporting() == 2 && p.getRequestsCompleted() > 0;
        });
        ProgressStatus p = bms.get("moving").getStatus().getProgress();
        assertEquals(List.of("profiling", 2, 120.0), List.of(p.getPhase(), p.getRunners(), p.getDurationSeconds()));
        assertTrue(p.getElapsedSeconds() > 0 && p.getElapsedSeconds() < 120, p.getElapsedSeconds() + " s");
        assertTrue(p.getRequestsCompleted() <= CLUSTER.mock().requestsServed(), "counts no more than the server answered");

        bms.apply("moving", "phases: [{concurrency: 1, requests: 10}]", "runId: b");
        Benchmark done = bms.awaitRun("moving", 2, BenchmarkPhase.Complete, RUN);
        assertEquals(10L, done.getStatus().getResults().getRequestCount());
        assertNull(done.getStatus().getProgress(), "a finished run shows its results, not progress");
        RunRecord superseded = done.getStatus().getHistory().get(0);
        assertEquals(List.of(1, RunRecord.SUPERSEDED, "moving-results-1"),
                List.of(superseded.getRun(), superseded.getPhase(), superseded.getResultsConfigMap()));
        Map<String, String> partial = results("moving-results-1").getData();
        assertTrue(JSON.readTree(partial.get("summary.json")).path("was_cancelled").asBoolean(), "the stopped run's partial summary");
        assertTrue(superseded.getResults().getRequestCount() > 0, superseded.getResults().getRequestCount() + "");
        assertFalse(partial.containsKey(ResultsConfigMap.SAMPLES_JSON), "a stopped run is no baseline");
        assertFalse(results("moving-results").getData().getOrDefault("summary.json", "").contains("\"was_cancelled\" : true"),
                "the current results are run 2's only");
    }

    @Test
    void badGateSpecsAreAConditionAndOneEventAndNoSecretValueLeaks() throws Exception {
        String secret = "sk-redline-" + UUID.randomUUID();
        CLUSTER.client().secrets().inNamespace(CLUSTER.namespace()).resource(new SecretBuilder().withNewMetadata().withName("llm-key")
                .endMetadata().withStringData(Map.of("api-key", secret)).build()).create();
        bms.apply("secretive", "phases: [{concurrency: 2, requests: 12}]", "apiKeySecretRef: {name: llm-key}");
        bms.apply("orphan", "phases: [{concurrency: 1, requests: 5}]", "baselineRef: {benchmark: no-such-benchmark}");
        bms.apply("typo", "phases: [{concurrency: 1, requests: 5}]", "baselineRef: {benchmark: orphan}",
                "regression: {metrics: [\"request_throughput:avg\"]}");

        Benchmark typo = bms.awaitPhase("typo", BenchmarkPhase.Invalid, Duration.ofMinutes(1));
        String invalid = typo.getStatus().condition(ConditionType.Accepted).getMessage();
        assertTrue(invalid.startsWith("spec.regression.metrics[0]: unknown per-request metric 'request_throughput'"), invalid);
        bms.awaitPhase("orphan", BenchmarkPhase.Complete, RUN);
        CLUSTER.await("orphan's gate to name the missing baseline", Duration.ofSeconds(60), () ->
                ConditionReason.BaselineMissing.name().equals(bms.get("orphan").getStatus().condition(ConditionType.Regressed).getReason()));
        String missing = bms.get("orphan").getStatus().condition(ConditionType.Regressed).getMessage();
        assertTrue(missing.startsWith("spec.baselineRef.benchmark: Benchmark no-such-benchmark not found"), missing);
        assertEquals("Degraded", ArgoHealth.of(kubectlJson("orphan")).status());
        bms.awaitPhase("secretive", BenchmarkPhase.Complete, RUN);

        Thread.sleep(35_000); // a gate recheck (30 s) and any retry loop would show by now
        assertEquals(1, bms.events("typo", "SpecInvalid").size(), "one Event, no retry loop");
        assertEquals("Warning", bms.events("orphan", "BaselineMissing").get(0).getType());
        assertEquals(1, bms.events("orphan", "BaselineMissing").size());
        assertTrue(CLUSTER.operator().process().alive(), "the operator never crashed");

        List<String> leaks = new ArrayList<>();
        for (ConfigMap cm : CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).list().getItems()) {
            if (cm.getData() != null && cm.getData().values().stream().anyMatch(v -> v.contains(secret))) leaks.add("ConfigMap " + cm.getMetadata().getName());
        }
        for (Event e : CLUSTER.client().v1().events().inAnyNamespace().list().getItems()) {
            if (String.valueOf(e.getMessage()).contains(secret)) leaks.add("Event " + e.getMetadata().getName());
        }
        Path etcd = CLUSTER.dir().resolve("control-plane/etcd"); // where the apiserver keeps the Secret itself
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        int files = 0;
        try (Stream<Path> all = Files.walk(CLUSTER.dir())) {
            for (Path f : all.filter(Files::isRegularFile).filter(f -> !f.startsWith(etcd)).toList()) {
                files++;
                if (contains(Files.readAllBytes(f), needle)) leaks.add(CLUSTER.dir().relativize(f).toString());
            }
        }
        assertEquals(List.of(), leaks, "the API key's value must appear in no ConfigMap, Event, log or export");
        try (Stream<Path> exports = Files.walk(CLUSTER.dir().resolve("pods"))) {
            assertTrue(exports.anyMatch(f -> f.getFileName().toString().equals("profile_export.jsonl")), "the runners' exports were searched");
        }
        assertTrue(files > 20, "searched " + files + " files (operator and runner logs, exports)");
    }

    private ConfigMap results(String name) {
        return CLUSTER.client().configMaps().inNamespace(CLUSTER.namespace()).withName(name).get();
    }

    /** The Benchmark as {@code kubectl get -o json} prints it: what Argo CD's health check sees. */
    private JsonNode kubectlJson(String name) throws IOException {
        return JSON.readTree(kubectl(Duration.ofSeconds(30), "get", "bm", name, "-o", "json").orFail().stdout());
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
