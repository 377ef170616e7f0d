package dev.redline.runner.cluster;

import dev.redline.api.results.ResultsConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the run's results into the results ConfigMap the operator created (empty) for this Benchmark.
 * The runner only reads and updates that one object (RBAC: get + update on its name); it never creates
 * it. Updates are optimistic (resourceVersion), retried on a conflict, and keep keys written by others.
 * With a run number, it writes only while the ConfigMap belongs to that run (annotation
 * {@link ResultsConfigMap#RUN_ANNOTATION}): once the Benchmark's spec changed and a new run took the
 * ConfigMap over, a late writer of the old run is refused instead of mixing two runs' results.
 */
public final class ResultsConfigMapWriter {
    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final String run;

    /** {@code run}: the Benchmark run this runner belongs to (REDLINE_RUN), or null to write whatever the ConfigMap's run. */
    public ResultsConfigMapWriter(KubernetesClient client, String namespace, String name, String run) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.run = run;
    }

    /** Adds or replaces {@code entries} in the ConfigMap's data; IllegalStateException with one line on failure. */
    public void write(Map<String, String> entries) {
        for (int attempt = 1; ; attempt++) {
            ConfigMap cm;
            try {
                cm = client.configMaps().inNamespace(namespace).withName(name).get();
            } catch (KubernetesClientException e) {
                throw failure("read", e);
            }
            if (cm == null) {
                throw new IllegalStateException("results ConfigMap " + namespace + "/" + name
                        + " does not exist; the operator creates it before starting the runners (check --results-configmap)");
            }
            String owner = cm.getMetadata().getAnnotations() == null ? null : cm.getMetadata().getAnnotations().get(ResultsConfigMap.RUN_ANNOTATION);
            if (run != null && owner != null && !owner.equals(run)) {
                throw new IllegalStateException("results ConfigMap " + namespace + "/" + name + " now belongs to run " + owner
                        + " of the Benchmark (this runner is run " + run + "; the spec changed): not writing");
            }
            Map<String, String> data = new LinkedHashMap<>(cm.getData() == null ? Map.of() : cm.getData());
            data.putAll(entries);
            cm.setData(data);
            try {
                client.configMaps().inNamespace(namespace).resource(cm).update();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= ATTEMPTS) throw failure("update", e);
            }
        }
    }

    private IllegalStateException failure(String verb, KubernetesClientException e) {
        String why = switch (e.getCode()) {
            case HttpURLConnection.HTTP_FORBIDDEN -> "forbidden; the runner's ServiceAccount needs get and update on this ConfigMap";
            case HttpURLConnection.HTTP_NOT_FOUND -> "not found";
            case HttpURLConnection.HTTP_CONFLICT -> "kept conflicting with other writers";
            // a failure without a Status body (e.g. the connection dropped mid-request) has only its message
            default -> e.getCode() == 0 || e.getStatus() == null ? String.valueOf(e.getMessage())
                    : "HTTP " + e.getCode() + " " + e.getStatus().getMessage();
        };
        return new IllegalStateException("cannot " + verb + " results ConfigMap " + namespace + "/" + name + ": "
                + why.replaceAll("\\s*\\R\\s*", " "), e);
    }
}
