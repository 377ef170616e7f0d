package dev.redline.runner.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AIPerf's {@code kube preflight --workers N} resource projection for Redline's runner pods: on the nodes that can take
 * them, room for N pods of the operator's default runner resources (2 CPU, 2Gi each, RunnerResources in the operator),
 * counting what running pods already request, node by node (a pod does not span nodes).
 */
final class PreflightCapacity {
    static final BigDecimal POD_CPU = new BigDecimal(2);
    static final BigDecimal POD_MEMORY = BigDecimal.valueOf(2L << 30);
    private static final String POD = "2 CPU, 2Gi each";

    private PreflightCapacity() { }

    static void check(KubeConnection conn, List<Node> usable, int pods, PreflightPlacement.Report report) {
        if (usable.isEmpty()) return; // the node check already said why
        Map<String, BigDecimal[]> requested = requestedByNode(conn);
        int room = 0;
        int roomIdle = 0;
        for (Node n : usable) {
            BigDecimal[] used = requested == null ? null : requested.getOrDefault(n.getMetadata().getName(), zero());
            roomIdle += fit(n, zero());
            room += fit(n, used == null ? zero() : used);
        }
        String need = pods + " runner pod(s) (" + POD + ")";
        String basis = requested == null ? " (allocatable: cannot list pods, so what running pods request is not counted)" : "";
        if (roomIdle == 0) {
            report.fail("capacity: no node that can take the runner pods has 2 CPU and 2Gi allocatable for one runner pod",
                    "add larger nodes, or give the runner pods smaller resources (spec.runners.resources)");
        } else if (room >= pods) {
            report.pass("capacity: room for " + room + " runner pod(s) on " + usable.size() + " node(s), " + need + " planned" + basis);
        } else if (roomIdle >= pods) {
            report.warn("capacity: room for " + room + " of " + need + " now; running pods hold the rest, so some runner pods stay Pending until they finish");
        } else {
            report.fail("capacity: room for " + room + " of " + need + " on " + usable.size() + " node(s)" + basis,
                    "plan fewer runner pods (--workers, kube profile --runners), or add nodes");
        }
    }

    /** Runner pods that fit on the node beside what is already requested there. */
    private static int fit(Node n, BigDecimal[] used) {
        Map<String, Quantity> alloc = n.getStatus() == null || n.getStatus().getAllocatable() == null ? Map.of() : n.getStatus().getAllocatable();
        BigDecimal cpu = amount(alloc.get("cpu")).subtract(used[0]);
        BigDecimal mem = amount(alloc.get("memory")).subtract(used[1]);
        if (cpu.signum() <= 0 || mem.signum() <= 0) return 0;
        return Math.min(cpu.divide(POD_CPU, 0, RoundingMode.FLOOR).intValue(), mem.divide(POD_MEMORY, 0, RoundingMode.FLOOR).intValue());
    }

    /** CPU and memory requested by the pods not yet ended, per node name; null when pods cannot be listed. */
    private static Map<String, BigDecimal[]> requestedByNode(KubeConnection conn) {
        List<Pod> pods;
        try {
            pods = conn.client().pods().inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) throw KubeApi.translate(conn, e);
            return null;
        }
        Map<String, BigDecimal[]> out = new HashMap<>();
        for (Pod p : pods) {
            if (p.getSpec() == null || p.getSpec().getNodeName() == null) continue;
            String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
            if ("Succeeded".equals(phase) || "Failed".equals(phase)) continue;
            BigDecimal[] r = requests(p);
            out.merge(p.getSpec().getNodeName(), r, (a, b) -> new BigDecimal[]{a[0].add(b[0]), a[1].add(b[1])});
        }
        return out;
    }

    /** The scheduler's view of a pod's request: the containers' sum, or the largest init container's when larger. */
    private static BigDecimal[] requests(Pod p) {
        BigDecimal[] sum = sum(p.getSpec().getContainers());
        BigDecimal[] init = zero();
        for (Container c : p.getSpec().getInitContainers() == null ? List.<Container>of() : p.getSpec().getInitContainers()) {
            BigDecimal[] one = sum(List.of(c));
            init = new BigDecimal[]{init[0].max(one[0]), init[1].max(one[1])};
        }
        return new BigDecimal[]{sum[0].max(init[0]), sum[1].max(init[1])};
    }

    private static BigDecimal[] sum(List<Container> containers) {
        BigDecimal cpu = BigDecimal.ZERO;
        BigDecimal mem = BigDecimal.ZERO;
        for (Container c : containers == null ? List.<Container>of() : containers) {
            Map<String, Quantity> req = c.getResources() == null || c.getResources().getRequests() == null ? Map.of() : c.getResources().getRequests();
            cpu = cpu.add(amount(req.get("cpu")));
            mem = mem.add(amount(req.get("memory")));
        }
        return new BigDecimal[]{cpu, mem};
    }

    private static BigDecimal amount(Quantity q) {
        return q == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(q);
    }

    private static BigDecimal[] zero() {
        return new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
