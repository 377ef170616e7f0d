package dev.redline.runner.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pod's view of the results ConfigMap, against Fabric8's Kubernetes mock server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class ResultsConfigMapWriterTest {
    static KubernetesClient client;

    @Test
    void updatesTheExistingConfigMapAndKeepsOtherKeys() {
        client.configMaps().inNamespace("perf").resource(new ConfigMapBuilder().withNewMetadata().withName("bench-results")
                .addToLabels("redline.dev/benchmark", "bench").endMetadata().addToData("note", "from the operator").build()).create();
        ResultsConfigMapWriter writer = new ResultsConfigMapWriter(client, "perf", "bench-results", null);
        writer.write(Map.of("summary.json", "{\"request_count\":{\"avg\":3}}", "summary.csv", "Metric,avg\n"));
        writer.write(Map.of("summary.csv", "Metric,avg\nRequest Count,3\n"));

        ConfigMap cm = client.configMaps().inNamespace("perf").withName("bench-results").get();
        assertEquals("{\"request_count\":{\"avg\":3}}", cm.getData().get("summary.json"));
        assertEquals("Metric,avg\nRequest Count,3\n", cm.getData().get("summary.csv"));
        assertEquals("from the operator", cm.getData().get("note"));
        assertEquals("bench", cm.getMetadata().getLabels().get("redline.dev/benchmark"), "labels untouched");
    }

    @Test
    void aRunnerOfAnEarlierRunNeverWritesIntoTheNextRunsConfigMap() {
        client.configMaps().inNamespace("perf").resource(new ConfigMapBuilder().withNewMetadata().withName("rerun-results")
                .addToAnnotations("redline.dev/run", "2").endMetadata().build()).create();
        new ResultsConfigMapWriter(client, "perf", "rerun-results", "2").write(Map.of("summary.json", "{\"run\":2}"));
        ResultsConfigMapWriter late = new ResultsConfigMapWriter(client, "perf", "rerun-results", "1");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> late.write(Map.of("summary.json", "{\"run\":1}")));
        assertTrue(e.getMessage().contains("now belongs to run 2 of the Benchmark (this runner is run 1"), e.getMessage());
        assertEquals("{\"run\":2}", client.configMaps().inNamespace("perf").withName("rerun-results").get().getData().get("summary.json"));
    }

    @Test
    void aMissingConfigMapIsReportedNotCreated() {
        ResultsConfigMapWriter writer = new ResultsConfigMapWriter(client, "perf", "nope-results", null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.write(Map.of("summary.json", "{}")));
        assertTrue(e.getMessage().contains("perf/nope-results does not exist"), e.getMessage());
        assertEquals(null, client.configMaps().inNamespace("perf").withName("nope-results").get(), "the runner never creates it");
    }
}
