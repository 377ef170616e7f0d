package dev.redline.runner.telemetry.discovery;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the DCGM exporter pods to scrape in a cluster: those matching the selector that run on the
 * nodes hosting the model server's pods (a DaemonSet has one per GPU node; only ours matter), and
 * turns them into scrape URLs. Pure logic over pod lists, so the caller decides how to list pods.
 */
public final class DcgmPodDiscovery {
    public static final String DEFAULT_SELECTOR = "app.kubernetes.io/name=dcgm-exporter";
    public static final int DEFAULT_PORT = 9400;

    private DcgmPodDiscovery() { }

    /**
     * @param modelServerPods the model server's pods (their nodes are where the GPUs under test are)
     * @param candidates      pods that may be exporters (e.g. all pods of the exporter's namespace)
     * @param selector        label selector of exporter pods; null or blank uses {@link #DEFAULT_SELECTOR}
     * @return scrape URLs ({@code http://<podIP>:<port>/metrics}), sorted by node then pod name
     */
    public static List<String> scrapeUrls(List<Pod> modelServerPods, List<Pod> candidates, String selector) {
        LabelSelector sel = LabelSelector.parse(selector == null || selector.isBlank() ? DEFAULT_SELECTOR : selector);
        Set<String> nodes = new TreeSet<>();
        for (Pod p : modelServerPods) {
            String node = p.getSpec() == null ? null : p.getSpec().getNodeName();
            if (node != null && !node.isBlank()) nodes.add(node);
        }
        List<Pod> picked = new ArrayList<>();
        for (Pod p : candidates) {
            if (p.getSpec() == null || p.getStatus() == null || p.getMetadata() == null) continue;
            if (!nodes.contains(p.getSpec().getNodeName())) continue;
            if (!"Running".equals(p.getStatus().getPhase()) || p.getStatus().getPodIP() == null) continue;
            if (!sel.matches(p.getMetadata().getLabels())) continue;
            picked.add(p);
        }
        picked.sort(Comparator.comparing((Pod p) -> p.getSpec().getNodeName()).thenComparing(p -> p.getMetadata().getName()));
        List<String> urls = new ArrayList<>();
        for (Pod p : picked) {
            String ip = p.getStatus().getPodIP();
            String host = ip.contains(":") ? "[" + ip + "]" : ip;
            String url = "http://" + host + ":" + metricsPort(p) + "/metrics";
            if (!urls.contains(url)) urls.add(url);
        }
        return urls;
    }

    /** The container port named "metrics" (the dcgm-exporter chart's name), else 9400. */
    static int metricsPort(Pod p) {
        Integer first = null;
        for (Container c : p.getSpec().getContainers() == null ? List.<Container>of() : p.getSpec().getContainers()) {
            for (ContainerPort port : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                if ("metrics".equals(port.getName()) && port.getContainerPort() != null) return port.getContainerPort();
                if (first == null && port.getContainerPort() != null && port.getContainerPort() == DEFAULT_PORT) first = DEFAULT_PORT;
            }
        }
        return first == null ? DEFAULT_PORT : first;
    }
}
