package dev.redline.operator.realcluster;

import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;
import java.util.Map;

/**
 * The scheduler's part for a one-node cluster: binds a pod to the node when its nodeSelector and
 * required pod affinity (matchLabels) hold there, else marks it {@code PodScheduled=False/Unschedulable}
 * with the scheduler's kind of message.
 */
final class FakeScheduler {
    private final KubernetesClient client;
    private final Node node;

    FakeScheduler(KubernetesClient client, Node node) {
        this.client = client;
        this.node = node;
    }

    void schedule(Pod pod) {
        String why = unfit(pod);
        String ns = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        if (why == null) {
            client.bindings().inNamespace(ns).resource(new BindingBuilder()
                    .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                    .withNewTarget().withApiVersion("v1").withKind("Node").withName(node.getMetadata().getName()).endTarget()
                    .build()).create();
            return;
        }
        boolean already = pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "PodScheduled".equals(c.getType()) && "Unschedulable".equals(c.getReason()));
        if (!already) {
            client.pods().inNamespace(ns).withName(name).editStatus(p -> {
                p.setStatus(PodStatuses.unschedulable("0/1 nodes are available: 1 " + why + "."
                        + " preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."));
                return p;
            });
        }
    }

    /** Why the pod cannot go on the node, or null. */
    private String unfit(Pod pod) {
        Map<String, String> labels = node.getMetadata().getLabels();
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        if (selector != null && !selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return "node(s) didn't match Pod's node affinity/selector";
        }
        var affinity = pod.getSpec().getAffinity();
        if (affinity != null && affinity.getPodAffinity() != null) {
            List<PodAffinityTerm> terms = affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
            for (PodAffinityTerm t : terms == null ? List.<PodAffinityTerm>of() : terms) {
                Map<String, String> match = t.getLabelSelector() == null ? null : t.getLabelSelector().getMatchLabels();
                boolean found = match != null && !client.pods().inNamespace(pod.getMetadata().getNamespace()).withLabels(match).list()
                        .getItems().stream().filter(p -> node.getMetadata().getName().equals(p.getSpec().getNodeName())).toList().isEmpty();
                if (!found) return "node(s) didn't match pod affinity rules";
            }
        }
        return null;
    }
}
