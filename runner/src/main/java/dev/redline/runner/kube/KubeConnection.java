package dev.redline.runner.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

/** An open client and the namespace the command works in. */
public record KubeConnection(KubernetesClient client, String namespace) implements AutoCloseable {
    @Override
    public void close() {
        client.close();
    }
}
