package dev.redline.operator.children;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;

/**
 * Creates a child only when it does not exist yet. Names are deterministic and the spec is immutable,
 * so an existing child is already right: reconciling again, or after an operator restart, never
 * duplicates or rewrites anything (the runner owns the results ConfigMap's data).
 */
public final class ChildWriter {
    private final KubernetesClient client;

    public ChildWriter(KubernetesClient client) {
        this.client = client;
    }

    /** Returns the live object: {@code cached} when the informer has it, else the server's, else the created one. */
    public <T extends HasMetadata> T ensure(T desired, T cached) {
        if (cached != null) return cached;
        T existing = client.resource(desired).get();
        if (existing != null) return existing;
        try {
            return client.resource(desired).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) throw e;
            return client.resource(desired).get(); // created concurrently by a previous reconcile
        }
    }
}
