package dev.redline.runner.cluster;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.RunnerEnvironment;
import dev.redline.api.v1alpha1.TelemetrySpec;
import dev.redline.runner.telemetry.discovery.DcgmPodDiscovery;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.PrintStream;
import java.util.List;

/**
 * In the coordinator pod, before telemetry starts: finds the DCGM exporter pods on the nodes of the model
 * server's pods ({@code REDLINE_MODEL_SERVER_SELECTOR}, set by the operator from {@code runners.colocateWith})
 * and puts their URLs into {@code spec.telemetry}. Explicit {@code gpuTelemetryUrls} or {@code gpuTelemetry: false}
 * win. Discovery is a convenience: a failure (e.g. no RBAC in the exporters' namespace) is one warning line,
 * never a failed run.
 */
public final class DcgmDiscoveryStep {
    private final KubernetesClient client;
    private final PodEnvironment env;
    private final PrintStream log;

    public DcgmDiscoveryStep(KubernetesClient client, PodEnvironment env, PrintStream log) {
        this.client = client;
        this.env = env;
        this.log = log;
    }

    /**
     * @param namespace the run's namespace (where the model server pods are)
     * @return the discovered URLs now in the spec; empty when nothing was discovered or discovery did not apply
     */
    public List<String> apply(BenchmarkSpec spec, String namespace) {
        String modelServer = env.get(RunnerEnvironment.MODEL_SERVER_SELECTOR);
        TelemetrySpec t = spec.getTelemetry();
        if (modelServer == null || t != null && (Boolean.FALSE.equals(t.getGpuTelemetry())
                || t.getGpuTelemetryUrls() != null && !t.getGpuTelemetryUrls().isEmpty())) {
            return List.of();
        }
        String dcgmNs = env.get(RunnerEnvironment.DCGM_NAMESPACE);
        if (dcgmNs == null) dcgmNs = t != null && t.getDcgmNamespace() != null ? t.getDcgmNamespace() : namespace;
        String selector = t == null || t.getDcgmPodSelector() == null || t.getDcgmPodSelector().isBlank()
                ? DcgmPodDiscovery.DEFAULT_SELECTOR : t.getDcgmPodSelector();
        List<Pod> servers;
        List<Pod> exporters;
        String listing = namespace;
        try {
            servers = client.pods().inNamespace(namespace).withLabelSelector(modelServer).list().getItems();
            listing = dcgmNs;
            exporters = client.pods().inNamespace(dcgmNs).withLabelSelector(selector).list().getItems();
        } catch (KubernetesClientException e) {
            String why = e.getCode() == 403 ? "forbidden; grant the runner get/list on pods there (docs/operator.md)"
                    : oneLine(e.getMessage());
            log.println("redline: warning: DCGM discovery skipped: cannot list pods in namespace " + listing + " (" + why
                    + "); set telemetry.gpuTelemetryUrls to scrape exporters directly");
            return List.of();
        } catch (RuntimeException e) {
            log.println("redline: warning: DCGM discovery skipped: " + oneLine(e.getMessage()));
            return List.of();
        }
        List<String> urls = DcgmPodDiscovery.scrapeUrls(servers, exporters, selector);
        if (urls.isEmpty()) {
            log.println("redline: DCGM discovery found no running exporter pods (" + selector + ") in namespace "
                    + dcgmNs + " on the nodes of the " + servers.size() + " model server pods (" + modelServer + ")");
            return List.of();
        }
        TelemetrySpec target = spec.telemetry();
        target.setGpuTelemetry(true);
        target.setGpuTelemetryUrls(urls);
        log.println("redline: DCGM exporters discovered: " + String.join(" ", urls));
        return urls;
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
