package dev.redline.operator.children;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;
import java.util.Objects;

/**
 * Creates a child only when it does not exist yet. Names are deterministic and carry the run where the
 * content depends on the run's spec, so an existing child is already right: reconciling again, or after an
 * operator restart, never duplicates or rewrites anything (the runner owns the results ConfigMap's data).
 * The runner Role and RoleBinding are the per-Benchmark children whose content follows the spec; {@link #ensureRules}
 * and {@link #ensureSubjects} keep them.
 */
public final class ChildWriter {
    private final KubernetesClient client;

    public ChildWriter(KubernetesClient client) {
        this.client = client;
    }

    /**
     * A Role with exactly the desired rules: created when missing, updated when a new run's spec needs other
     * rules (e.g. pod discovery for colocateWith).
     */
    public Role ensureRules(Role desired) {
        Role live = ensure(desired, null);
        if (Objects.equals(live.getRules(), desired.getRules())) return live;
        live.setRules(desired.getRules());
        return client.rbac().roles().inNamespace(live.getMetadata().getNamespace()).resource(live).update();
    }

    /** A RoleBinding naming exactly the desired subjects: a new run may run as another ServiceAccount (runners.serviceAccountName). */
    public RoleBinding ensureSubjects(RoleBinding desired) {
        RoleBinding live = ensure(desired, null);
        if (Objects.equals(live.getSubjects(), desired.getSubjects())) return live;
        live.setSubjects(desired.getSubjects());
        return client.rbac().roleBindings().inNamespace(live.getMetadata().getNamespace()).resource(live).update();
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
