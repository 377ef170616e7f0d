package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepPhase;
import dev.redline.api.v1alpha1.SweepStatus;
import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Name resolution, Sweep downloads, cancel and the list table, against Fabric8's mock apiserver in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubeResourcesTest {
    static KubernetesClient client;
    @TempDir Path tmp;

    private KubeConnection conn(String ns) { return new KubeConnection(client, ns); }

    private static Benchmark benchmark(String ns, String name, Map<String, String> labels, BenchmarkPhase phase, String resultsCm) {
        Benchmark b = new Benchmark();
        b.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).withLabels(labels).build());
        BenchmarkStatus st = new BenchmarkStatus();
        st.setPhase(phase);
        st.setResultsConfigMap(resultsCm);
        b.setStatus(st);
        return client.resource(b).create();
    }

    private static Sweep sweep(String ns, String name, SweepPhase phase) {
        Sweep s = new Sweep();
        s.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        SweepStatus st = new SweepStatus();
        st.setPhase(phase);
        st.setProgress("1/2 cells");
        s.setStatus(st);
        return client.resource(s).create();
    }

    @Test
    void aNameOfOneKindResolvesAndANameOfTwoKindsAsksForKind() {
        benchmark("a", "solo", Map.of(), BenchmarkPhase.Running, null);
        sweep("a", "twin", SweepPhase.Running);
        benchmark("a", "twin", Map.of(), BenchmarkPhase.Running, null);

        assertEquals(new LastDeployed.Ref("Benchmark", "a", "solo"), KubeResources.resolve(conn("a"), "solo", null, true));
        BadInputException twin = assertThrows(BadInputException.class, () -> KubeResources.resolve(conn("a"), "twin", null, true));
        assertEquals("twin is a Benchmark and a Sweep in namespace a; give --kind benchmark|sweep", twin.getMessage());
        assertEquals(new LastDeployed.Ref("Sweep", "a", "twin"), KubeResources.resolve(conn("a"), "twin", KubeKind.SWEEP, true));
        KubeResources.NotFound none = assertThrows(KubeResources.NotFound.class, () -> KubeResources.resolve(conn("b"), "solo", null, true));
        assertEquals("no Benchmark, Sweep or Search named solo in namespace b", none.getMessage());
        assertThrows(KubeResources.NotFound.class, () -> KubeResources.resolve(conn("a"), "solo", KubeKind.SEARCH, true));
    }

    @Test
    void aSweepDownloadsEachCellIntoItsOwnFolderAndVariationPicksOne() throws Exception {
        sweep("s", "sw", SweepPhase.Complete);
        for (int cell = 0; cell < 2; cell++) {
            String child = "sw-" + cell;
            benchmark("s", child, Map.of("redline.dev/sweep", "sw", "redline.dev/sweep-cell", "" + cell, "redline.dev/sweep-trial", "0"),
                    BenchmarkPhase.Complete, child + "-results");
            client.configMaps().inNamespace("s").resource(new ConfigMapBuilder().withNewMetadata().withName(child + "-results").endMetadata()
                    .withData(Map.of("summary.json", "{\"cell\":" + cell + "}", "summary.csv", "c" + cell,
                            "artifacts.json", "{\"objectStore\": [\"s3://b/" + child + "\"]}")).build()).create();
        }
        // a cell of another sweep is not downloaded
        benchmark("s", "other-0", Map.of("redline.dev/sweep", "other", "redline.dev/sweep-cell", "0"), BenchmarkPhase.Complete, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path dir = tmp.resolve("all");
        ResultsDownload.download(conn("s"), new LastDeployed.Ref("Sweep", "s", "sw"), dir, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("{\"cell\":1}", Files.readString(dir.resolve("sw-1/profile_export_redline.json")));
        assertEquals("c0", Files.readString(dir.resolve("sw-0/profile_export_redline.csv")));
        assertFalse(Files.exists(dir.resolve("other-0")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  artifact: s3://b/sw-1"), out.toString());

        Path one = tmp.resolve("one");
        ResultsDownload.download(conn("s"), new LastDeployed.Ref("Sweep", "s", "sw"), one,
                new ResultsDownload.Selection(1, null, null, true), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("{\"cell\":1}", Files.readString(one.resolve("summary.json")));
        assertFalse(Files.exists(one.resolve("artifacts.json")), "summary only");
        assertThrows(ResultsDownload.NoResults.class, () -> ResultsDownload.download(conn("s"), new LastDeployed.Ref("Sweep", "s", "sw"), one,
                new ResultsDownload.Selection(5, null, null, false), System.out));
        BadInputException run = assertThrows(BadInputException.class, () -> ResultsDownload.download(conn("s"),
                new LastDeployed.Ref("Sweep", "s", "sw"), one, new ResultsDownload.Selection(null, null, 2, false), System.out));
        assertTrue(run.getMessage().startsWith("--run selects a past run of a Benchmark"), run.getMessage());
    }

    @Test
    void aPastRunIsReadFromTheHistoryConfigMapName() {
        Benchmark b = new Benchmark();
        b.setMetadata(new ObjectMetaBuilder().withName("re").build());
        BenchmarkStatus st = new BenchmarkStatus();
        st.setRun(3);
        st.setResultsConfigMap("re-results");
        b.setStatus(st);
        assertEquals("re-results", ResultsDownload.configMapName(b, null));
        assertEquals("re-results", ResultsDownload.configMapName(b, 3));
        assertEquals("re-results-1", ResultsDownload.configMapName(b, 1));
    }

    @Test
    void theListTableAlignsColumnsAndAgesLikeKubectl() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KubeListCommand.print(new PrintStream(out, true, StandardCharsets.UTF_8), List.of(
                new KubeListCommand.Row("Benchmark", "perf", "a", "Running", "10/40 requests", now.minusSeconds(30), "m", "http://x", ""),
                new KubeListCommand.Row("Sweep", "perf", "longer-name", "Complete", "", now.minus(Duration.ofHours(3)), "m", "http://x", "")), false, now);
        assertEquals("""
                KIND        NAMESPACE   NAME          PHASE      PROGRESS         AGE
                Benchmark   perf        a             Running    10/40 requests   30s
                Sweep       perf        longer-name   Complete                    3h
                """, out.toString(StandardCharsets.UTF_8));
        assertEquals("2d", KubeListCommand.age(Duration.ofDays(2)));
        assertEquals("5m", KubeListCommand.age(Duration.ofMinutes(5)));
    }

    @Test
    void cancelSetsSpecCancelOnASweepAsOnABenchmark() {
        sweep("c", "sw", SweepPhase.Running);
        benchmark("c", "bm", Map.of(), BenchmarkPhase.Running, null);
        KubeCancelCommand cancel = new KubeCancelCommand();
        assertEquals(0, cancel.act(conn("c"), new LastDeployed.Ref("Sweep", "c", "sw")));
        assertTrue(client.resources(Sweep.class).inNamespace("c").withName("sw").get().getSpec().cancelRequested());
        assertFalse(client.resources(Benchmark.class).inNamespace("c").withName("bm").get().getSpec() != null
                && client.resources(Benchmark.class).inNamespace("c").withName("bm").get().getSpec().cancelRequested(), "only the named resource");
        assertEquals(0, cancel.act(conn("c"), new LastDeployed.Ref("Benchmark", "c", "bm")));
        assertTrue(client.resources(Benchmark.class).inNamespace("c").withName("bm").get().getSpec().cancelRequested());
    }
}
