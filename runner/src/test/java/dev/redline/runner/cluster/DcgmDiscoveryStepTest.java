package dev.redline.runner.cluster;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.RunnerEnvironment;
import dev.redline.api.v1alpha1.TelemetrySpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DCGM exporter discovery in the coordinator pod, against Fabric8's Kubernetes mock server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class DcgmDiscoveryStepTest {
    static KubernetesClient client;
    static KubernetesMockServer server;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private static Pod pod(String ns, String name, Map<String, String> labels, String node, String phase, String ip) {
        return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("i")
                .addNewPort().withName("metrics").withContainerPort(9400).endPort().endContainer().endSpec()
                .withNewStatus().withPhase(phase).withPodIP(ip).endStatus().build();
    }

    private static void create(Pod p) {
        client.pods().inNamespace(p.getMetadata().getNamespace()).resource(p).create();
    }

    @BeforeEach
    void cluster() {
        client.pods().inNamespace("models").delete();
        client.pods().inNamespace("gpu-operator").delete();
        Map<String, String> dcgm = Map.of("app.kubernetes.io/name", "dcgm-exporter");
        create(pod("models", "vllm-0", Map.of("app", "vllm"), "node-a", "Running", "10.0.1.5"));
        create(pod("models", "other-0", Map.of("app", "other"), "node-b", "Running", "10.0.2.5"));
        create(pod("gpu-operator", "dcgm-a", dcgm, "node-a", "Running", "10.0.1.9"));
        create(pod("gpu-operator", "dcgm-b", dcgm, "node-b", "Running", "10.0.2.9"));
        create(pod("gpu-operator", "dcgm-a-old", dcgm, "node-a", "Pending", "10.0.1.10"));
        create(pod("gpu-operator", "not-dcgm-a", Map.of("app", "node-exporter"), "node-a", "Running", "10.0.1.11"));
    }

    private DcgmDiscoveryStep step(String dcgmNamespace) {
        PodEnvironment env = new PodEnvironment(Map.of(RunnerEnvironment.MODEL_SERVER_SELECTOR, "app=vllm",
                RunnerEnvironment.DCGM_NAMESPACE, dcgmNamespace));
        return new DcgmDiscoveryStep(client, env, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheRunningExporterOnTheModelServersNodeIsScraped() {
        BenchmarkSpec spec = new BenchmarkSpec();
        List<String> urls = step("gpu-operator").apply(spec, "models");
        assertEquals(List.of("http://10.0.1.9:9400/metrics"), urls);
        assertEquals(List.of("http://10.0.1.9:9400/metrics"), spec.getTelemetry().getGpuTelemetryUrls());
        assertEquals(Boolean.TRUE, spec.getTelemetry().getGpuTelemetry());
        assertTrue(log().contains("DCGM exporters discovered: http://10.0.1.9:9400/metrics"), log());
    }

    @Test
    void explicitUrlsOrGpuTelemetryOffAreLeftAlone() {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.telemetry().setGpuTelemetryUrls(List.of("http://dcgm.local:9400/metrics"));
        assertEquals(List.of(), step("gpu-operator").apply(spec, "models"));
        assertEquals(List.of("http://dcgm.local:9400/metrics"), spec.getTelemetry().getGpuTelemetryUrls());

        BenchmarkSpec off = new BenchmarkSpec();
        off.telemetry().setGpuTelemetry(false);
        assertEquals(List.of(), step("gpu-operator").apply(off, "models"));
        assertNull(off.getTelemetry().getGpuTelemetryUrls());
        assertEquals("", log());
    }

    @Test
    void noSelectorInTheEnvironmentMeansNoDiscovery() {
        BenchmarkSpec spec = new BenchmarkSpec();
        assertEquals(List.of(), new DcgmDiscoveryStep(client, new PodEnvironment(Map.of()), new PrintStream(log)).apply(spec, "models"));
        assertNull(spec.getTelemetry());
    }

    @Test
    void aForbiddenListingIsOneWarningAndNoUrls() {
        server.expect().get().withPath("/api/v1/namespaces/locked/pods?labelSelector=app.kubernetes.io%2Fname%3Ddcgm-exporter")
                .andReturn(403, new StatusBuilder().withStatus("Failure").withReason("Forbidden").withCode(403)
                        .withMessage("pods is forbidden: User \"system:serviceaccount:models:bench-runner\" cannot list resource \"pods\"")
                        .build())
                .always();
        BenchmarkSpec spec = new BenchmarkSpec();
        assertEquals(List.of(), step("locked").apply(spec, "models"));
        assertNull(spec.getTelemetry());
        String line = log().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("redline: warning: DCGM discovery skipped: cannot list pods in namespace locked (forbidden;"), line);
    }

    @Test
    void noExporterOnTheNodesLeavesTheSpecAsItWas() {
        BenchmarkSpec spec = new BenchmarkSpec();
        assertEquals(List.of(), step("models").apply(spec, "models")); // exporters are not in the models namespace
        assertNull(spec.getTelemetry());
        assertTrue(log().contains("found no running exporter pods"), log());
    }
}
