package dev.redline.runner.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of {@code kube preflight} about where the runner pods will run (AIPerf's node and secret checks): a node
 * the scheduler may place them on exists, and the Secrets they name exist in the namespace.
 */
final class PreflightPlacement {
    /** The secret types the kubelet reads registry credentials from; any other type is ignored as a pull secret. */
    private static final String CONDITION_TAINTS = "node.kubernetes.io/";
    static final Set<String> PULL_SECRET_TYPES = Set.of("kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg");

    /** Where a check's outcome goes: one line each. */
    interface Report {
        void pass(String what);

        void warn(String what);

        /** Noted, neither passed nor failed: what cannot be told from here. */
        void info(String what);

        void fail(String what, String fix);
    }

    private PreflightPlacement() { }

    /**
     * Some node is Ready, not cordoned, carries every label of {@code selector} and has no NoSchedule or NoExecute taint
     * that {@code tolerations} leave untolerated: the scheduler's own filters, so a FAIL means the pods would stay Pending.
     */
    static List<Node> nodes(KubeConnection conn, Map<String, String> selector, List<Toleration> tolerations, Report report) {
        List<Node> nodes;
        try {
            nodes = conn.client().nodes().list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) throw KubeApi.translate(conn, e);
            // Nodes are cluster-scoped; many namespace users may not list them
            report.warn("nodes: cannot list nodes (forbidden), not checked");
            return List.of();
        }
        String placement = describe(selector, tolerations);
        if (nodes.isEmpty()) {
            report.fail("nodes: the cluster has no nodes", "add nodes to the cluster (the runner pods stay Pending until one joins)");
            return List.of();
        }
        int notReady = 0;
        int unlabelled = 0;
        Set<String> taints = new LinkedHashSet<>();
        List<Node> usable = new ArrayList<>();
        for (Node n : nodes) {
            if (!schedulable(n)) {
                notReady++;
            } else if (!matches(n, selector)) {
                unlabelled++;
            } else {
                List<String> blocking = untolerated(n, tolerations);
                if (blocking.isEmpty()) usable.add(n);
                else taints.addAll(blocking);
            }
        }
        if (!usable.isEmpty()) {
            report.pass("nodes: " + usable.size() + " of " + nodes.size() + " node(s) can take the runner pods" + placement);
            return usable;
        }
        List<String> why = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (notReady > 0) {
            why.add(notReady + " not Ready or cordoned");
            fixes.add("kubectl get nodes (uncordon or repair them)");
        }
        if (unlabelled > 0) {
            String labels = selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            why.add(unlabelled + " without the label(s) " + labels);
            fixes.add("fix --node-selector, or kubectl label node NODE " + labels);
        }
        if (!taints.isEmpty()) {
            why.add(nodes.size() - notReady - unlabelled + " with a taint not tolerated (" + String.join(", ", taints) + ")");
            // node.kubernetes.io/* taints stand for a node condition the node controller saw: tolerating them hides a sick node
            if (taints.stream().anyMatch(t -> t.startsWith(CONDITION_TAINTS))) {
                fixes.add("kubectl describe node: " + CONDITION_TAINTS + "* taints mark a node condition; wait for or repair the node");
            }
            taints.stream().filter(t -> !t.startsWith(CONDITION_TAINTS)).findFirst().ifPresent(t -> fixes.add(
                    "add --tolerations for the taint, e.g. {\"key\":\"" + t.substring(0, t.lastIndexOf(':')) + "\",\"operator\":\"Exists\"}"));
        }
        report.fail("nodes: none of " + nodes.size() + " node(s) can take the runner pods" + placement + ": " + String.join(", ", why),
                String.join("; ", fixes));
        return List.of();
    }

    /** Each Secret named exists in the namespace; a pull secret also has a type the kubelet reads credentials from. */
    static void secrets(KubeConnection conn, List<String> pullSecrets, List<String> secrets, Report report) {
        String ns = conn.namespace();
        for (String name : pullSecrets) {
            Secret s = secret(conn, "image pull secret", name, report);
            if (s == NOT_CHECKED) continue;
            if (s == null) {
                report.fail("image pull secret " + name + " not found in namespace " + ns, "kubectl -n " + ns + " create secret docker-registry " + name
                        + " --docker-server=REGISTRY --docker-username=USER --docker-password=TOKEN");
            } else if (!PULL_SECRET_TYPES.contains(s.getType())) {
                report.fail("image pull secret " + name + " in namespace " + ns + " has type " + s.getType()
                        + "; the kubelet reads registry credentials only from kubernetes.io/dockerconfigjson",
                        "recreate it with kubectl -n " + ns + " create secret docker-registry " + name);
            } else {
                report.pass("image pull secret " + name + " exists in namespace " + ns);
            }
        }
        for (String name : secrets) {
            Secret s = secret(conn, "secret", name, report);
            if (s == NOT_CHECKED) continue;
            if (s == null) {
                report.fail("secret " + name + " not found in namespace " + ns, "kubectl -n " + ns + " create secret generic " + name + " --from-literal=KEY=VALUE");
            } else {
                report.pass("secret " + name + " exists in namespace " + ns);
            }
        }
    }

    private static final Secret NOT_CHECKED = new Secret();

    /** The Secret, null when it does not exist, NOT_CHECKED (warned) when it cannot be read. */
    private static Secret secret(KubeConnection conn, String what, String name, Report report) {
        try {
            return conn.client().secrets().inNamespace(conn.namespace()).withName(name).get();
        } catch (KubernetesClientException e) {
            // forbidden or a server error is no proof the Secret is missing: not a FAIL
            report.warn(what + " " + name + ": could not read it in namespace " + conn.namespace() + " (" + (e.getCode() == 403 ? "forbidden" : KubeApi.oneLine(e))
                    + "), not checked");
            return NOT_CHECKED;
        }
    }

    private static boolean schedulable(Node n) {
        if (n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable())) return false;
        if (n.getStatus() == null || n.getStatus().getConditions() == null) return false;
        return n.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static boolean matches(Node n, Map<String, String> selector) {
        Map<String, String> labels = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** The node's NoSchedule and NoExecute taints (key:effect) that no toleration tolerates; PreferNoSchedule only discourages. */
    private static List<String> untolerated(Node n, List<Toleration> tolerations) {
        List<String> out = new ArrayList<>();
        if (n.getSpec() == null || n.getSpec().getTaints() == null) return out;
        for (Taint t : n.getSpec().getTaints()) {
            if (!"NoSchedule".equals(t.getEffect()) && !"NoExecute".equals(t.getEffect())) continue;
            if (tolerations.stream().noneMatch(tol -> tolerates(tol, t))) out.add(t.getKey() + ":" + t.getEffect());
        }
        return out;
    }

    /** Kubernetes' rule (Toleration.ToleratesTaint): effect and key match when given; Exists takes any value, Equal the same. */
    static boolean tolerates(Toleration tol, Taint taint) {
        if (!empty(tol.getEffect()) && !tol.getEffect().equals(taint.getEffect())) return false;
        if (!empty(tol.getKey()) && !tol.getKey().equals(taint.getKey())) return false;
        if ("Exists".equals(tol.getOperator())) return true;
        if (empty(tol.getKey()) && !empty(taint.getKey())) return false; // an empty key needs Exists
        return Objects.equals(emptyToNull(tol.getValue()), emptyToNull(taint.getValue()));
    }

    private static String describe(Map<String, String> selector, List<Toleration> tolerations) {
        List<String> parts = new ArrayList<>();
        if (!selector.isEmpty()) {
            parts.add("--node-selector " + selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        }
        if (!tolerations.isEmpty()) parts.add(tolerations.size() + " toleration(s)");
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static boolean empty(String s) { return s == null || s.isEmpty(); }

    private static String emptyToNull(String s) { return empty(s) ? null : s; }
}
