package dev.redline.runner.telemetry.discovery;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DcgmPodDiscoveryTest {
    private static Pod pod(String name, String node, String phase, String ip, Map<String, String> labels, Integer metricsPort) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").endContainer().endSpec()
                .withNewStatus().withPhase(phase).withPodIP(ip).endStatus();
        Pod p = b.build();
        if (metricsPort != null) {
            p.getSpec().getContainers().get(0).setPorts(List.of(new io.fabric8.kubernetes.api.model.ContainerPortBuilder()
                    .withName("metrics").withContainerPort(metricsPort).build()));
        }
        return p;
    }

    private static final Map<String, String> DCGM = Map.of("app.kubernetes.io/name", "dcgm-exporter");

    @Test
    void picksRunningExportersOnTheModelServersNodes() {
        List<Pod> server = List.of(pod("vllm-0", "gpu-b", "Running", "10.0.1.5", Map.of("app", "vllm"), null),
                pod("vllm-1", "gpu-a", "Running", "10.0.0.5", Map.of("app", "vllm"), null),
                pod("vllm-2", null, "Pending", null, Map.of("app", "vllm"), null));
        List<Pod> candidates = List.of(
                pod("dcgm-x", "gpu-b", "Running", "10.0.1.9", DCGM, 9500),
                pod("dcgm-y", "gpu-a", "Running", "10.0.0.9", DCGM, null),
                pod("dcgm-z", "gpu-c", "Running", "10.0.2.9", DCGM, null),           // not our node
                pod("dcgm-p", "gpu-a", "Pending", null, DCGM, null),                 // not running
                pod("other", "gpu-a", "Running", "10.0.0.7", Map.of("app", "x"), null)); // not an exporter
        assertEquals(List.of("http://10.0.0.9:9400/metrics", "http://10.0.1.9:9500/metrics"),
                DcgmPodDiscovery.scrapeUrls(server, candidates, null));
        assertEquals(List.of(), DcgmPodDiscovery.scrapeUrls(server, candidates, "app=nvidia-dcgm-exporter"));
        assertEquals(List.of("http://10.0.0.7:9400/metrics"), DcgmPodDiscovery.scrapeUrls(server, candidates, "app==x"));
    }

    @Test
    void selectorTerms() {
        Map<String, String> l = Map.of("app", "dcgm", "tier", "gpu");
        assertTrue(LabelSelector.parse("app=dcgm,tier").matches(l));
        assertTrue(LabelSelector.parse("app=dcgm, tier!=cpu, !missing").matches(l));
        assertFalse(LabelSelector.parse("app=dcgm,!tier").matches(l));
        assertFalse(LabelSelector.parse("app!=dcgm").matches(l));
        assertTrue(LabelSelector.parse("").matches(l));
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("app in (a,b)"));
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("a=b,,c"));
    }
}
