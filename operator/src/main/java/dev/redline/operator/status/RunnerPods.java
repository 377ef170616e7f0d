package dev.redline.operator.status;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runner pods as status needs them: how many really run, and why the others do not yet
 * (Unschedulable, ImagePullBackOff, ContainerCreating...), grouped by reason with one example message.
 * A Job counts a Pending pod as active, so only the pods tell "starting" from "running".
 */
public record RunnerPods(int total, int running, int waiting, String waitingReasons) {
    public static final RunnerPods UNKNOWN = new RunnerPods(0, 0, 0, null);

    public static RunnerPods of(List<Pod> pods) {
        int running = 0;
        int waiting = 0;
        Map<String, String[]> reasons = new TreeMap<>(); // reason -> {count, example message}
        for (Pod pod : pods) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            if ("Running".equals(phase)) {
                running++;
            } else if (phase == null || "Pending".equals(phase)) {
                waiting++;
                String[] why = whyWaiting(pod);
                reasons.merge(why[0], new String[] {"1", why[1]},
                        (a, b) -> new String[] {String.valueOf(Integer.parseInt(a[0]) + 1), a[1] != null ? a[1] : b[1]});
            }
        }
        StringBuilder sb = new StringBuilder();
        reasons.forEach((reason, v) -> {
            if (sb.length() > 0) sb.append("; ");
            sb.append(v[0]).append(' ').append(reason);
            if (v[1] != null && !v[1].isBlank()) sb.append(" (").append(oneLine(v[1])).append(')');
        });
        return new RunnerPods(pods.size(), running, waiting, sb.length() == 0 ? null : sb.toString());
    }

    /** Pods not finished yet (pending or running, a terminating one included). */
    public int alive() { return running + waiting; }

    /** {reason, message} of a pod that does not run yet. */
    private static String[] whyWaiting(Pod pod) {
        var status = pod.getStatus();
        if (status != null && status.getConditions() != null) {
            for (PodCondition c : status.getConditions()) {
                if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                    return new String[] {c.getReason() == null ? "Unscheduled" : c.getReason(), c.getMessage()};
                }
            }
        }
        if (status != null && status.getContainerStatuses() != null) {
            for (ContainerStatus cs : status.getContainerStatuses()) {
                if (cs.getState() != null && cs.getState().getWaiting() != null && cs.getState().getWaiting().getReason() != null) {
                    return new String[] {cs.getState().getWaiting().getReason(), cs.getState().getWaiting().getMessage()};
                }
            }
        }
        if (pod.getSpec() == null || pod.getSpec().getNodeName() == null) return new String[] {"Unscheduled", null};
        return new String[] {"ContainerCreating", null};
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s*\\R\\s*", " ").trim();
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
