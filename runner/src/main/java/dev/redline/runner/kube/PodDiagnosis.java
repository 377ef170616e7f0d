package dev.redline.runner.kube;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What is wrong with a runner pod, read from its status, with the fix a user can apply. */
final class PodDiagnosis {
    /** One finding: what it is about, what was seen, what to do. */
    record Problem(String subject, String seen, String fix) {
        @Override
        public String toString() { return subject + ": " + seen + " -> " + fix; }
    }

    private static final Set<String> IMAGE_REASONS = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull");
    private static final Set<String> CONFIG_REASONS = Set.of("CreateContainerConfigError", "CreateContainerError");

    private PodDiagnosis() { }

    static List<Problem> of(Pod pod) {
        String name = "pod " + pod.getMetadata().getName();
        PodStatus st = pod.getStatus();
        List<Problem> out = new ArrayList<>();
        if (st == null) return out;
        if ("Evicted".equals(st.getReason())) {
            out.add(new Problem(name, "evicted" + colon(st.getMessage()), "the node ran short of memory or disk; give the runners resource requests (runners.resources) or use another node"));
            return out;
        }
        if ("Pending".equals(st.getPhase())) {
            for (PodCondition c : list(st.getConditions())) {
                if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
                    out.add(new Problem(name, "not scheduled (" + orEmpty(c.getReason()) + ")" + colon(c.getMessage()),
                            "no node fits: check --node-selector/--tolerations (runners.nodeSelector, runners.tolerations) and the "
                                    + "CPU, memory and GPU the runners request against `kubectl describe nodes`"));
                }
            }
        }
        for (ContainerStatus cs : containers(st)) {
            String who = name + " container " + cs.getName();
            ContainerStateWaiting waiting = cs.getState() == null ? null : cs.getState().getWaiting();
            ContainerStateTerminated last = cs.getLastState() == null ? null : cs.getLastState().getTerminated();
            ContainerStateTerminated now = cs.getState() == null ? null : cs.getState().getTerminated();
            if (waiting != null && IMAGE_REASONS.contains(waiting.getReason())) {
                out.add(new Problem(who, waiting.getReason() + colon(waiting.getMessage()),
                        "check the image name and tag (--image, runners.image), that the node can reach the registry, and pull "
                                + "secrets (--image-pull-secrets, runners.imagePullSecrets)"));
            } else if (waiting != null && CONFIG_REASONS.contains(waiting.getReason())) {
                out.add(new Problem(who, waiting.getReason() + colon(waiting.getMessage()),
                        "a Secret or ConfigMap the pod mounts or reads is missing: create it, or fix --secret-mounts / --env-from-secrets"));
            } else if (oom(now) || oom(last)) {
                out.add(new Problem(who, "OOMKilled (restarts " + cs.getRestartCount() + ")",
                        "the runner needs more memory: raise runners.resources.limits.memory, or lower --concurrency / the export level"));
            } else if (waiting != null && "CrashLoopBackOff".equals(waiting.getReason())) {
                out.add(new Problem(who, "CrashLoopBackOff (restarts " + cs.getRestartCount() + (last == null ? "" : ", last exit " + last.getExitCode()
                        + (last.getReason() == null ? "" : " " + last.getReason())) + ")", "read its log: redline kube logs (or kube debug -v)"));
            } else if (now != null && now.getExitCode() != null && now.getExitCode() != 0) {
                out.add(new Problem(who, "exited " + now.getExitCode() + (now.getReason() == null ? "" : " (" + now.getReason() + ")")
                        + (now.getMessage() == null ? "" : ": " + oneLine(now.getMessage())),
                        "read its log: redline kube logs (or kube debug -v); exit 2 is a bad benchmark setting, named in the log's last line"));
            }
        }
        return out;
    }

    /** A one-word state for the pods table: the container's waiting/terminated reason, else the pod's phase. */
    static String state(Pod pod) {
        PodStatus st = pod.getStatus();
        if (st == null) return "Unknown";
        if (st.getReason() != null) return st.getReason();
        for (ContainerStatus cs : containers(st)) {
            if (cs.getState() != null && cs.getState().getWaiting() != null && cs.getState().getWaiting().getReason() != null) {
                return cs.getState().getWaiting().getReason();
            }
            if (cs.getState() != null && cs.getState().getTerminated() != null && cs.getState().getTerminated().getReason() != null) {
                return cs.getState().getTerminated().getReason();
            }
        }
        return st.getPhase() == null ? "Unknown" : st.getPhase();
    }

    static int restarts(Pod pod) {
        return pod.getStatus() == null ? 0 : containers(pod.getStatus()).stream().mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
    }

    static String ready(Pod pod) {
        if (pod.getStatus() == null) return "0/0";
        List<ContainerStatus> cs = containers(pod.getStatus());
        return cs.stream().filter(c -> Boolean.TRUE.equals(c.getReady())).count() + "/" + cs.size();
    }

    private static boolean oom(ContainerStateTerminated t) {
        return t != null && "OOMKilled".equals(t.getReason());
    }

    private static List<ContainerStatus> containers(PodStatus st) {
        List<ContainerStatus> all = new ArrayList<>(list(st.getInitContainerStatuses()));
        all.addAll(list(st.getContainerStatuses()));
        return all;
    }

    private static <T> List<T> list(List<T> l) { return l == null ? List.of() : l; }

    private static String orEmpty(String s) { return s == null ? "" : oneLine(s); }

    /** ": message", or nothing when there is none. */
    private static String colon(String message) { return message == null || message.isBlank() ? "" : ": " + oneLine(message); }

    private static String oneLine(String s) { return s.replaceAll("\\s+", " ").trim(); }
}
