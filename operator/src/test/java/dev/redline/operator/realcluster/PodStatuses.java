package dev.redline.operator.realcluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Pod statuses as a kubelet writes them: waiting (with a reason), running, terminated with an exit code. */
final class PodStatuses {
    private PodStatuses() { }

    static PodStatus unschedulable(String message) {
        return new PodStatusBuilder().withPhase("Pending")
                .withConditions(condition("PodScheduled", "False", "Unschedulable", message)).build();
    }

    static PodStatus waiting(Pod pod, String reason, String message) {
        return new PodStatusBuilder().withPhase("Pending").withHostIP(FakeKubelet.NODE_IP)
                .withStartTime(ts(Instant.now()))
                .withConditions(condition("PodScheduled", "True", null, null), condition("Initialized", "True", null, null),
                        condition("ContainersReady", "False", "ContainersNotReady", "containers with unready status: [" + names(pod) + "]"),
                        condition("Ready", "False", "ContainersNotReady", "containers with unready status: [" + names(pod) + "]"))
                .withContainerStatuses(pod.getSpec().getContainers().stream().map(c -> new ContainerStatusBuilder()
                        .withName(c.getName()).withImage(c.getImage()).withImageID("").withReady(false).withStarted(false)
                        .withRestartCount(0).withNewState().withNewWaiting().withReason(reason).withMessage(message)
                        .endWaiting().endState().build()).toList())
                .build();
    }

    static PodStatus running(Pod pod, Instant started) {
        return new PodStatusBuilder().withPhase("Running").withHostIP(FakeKubelet.NODE_IP).withPodIP(FakeKubelet.NODE_IP)
                .withStartTime(ts(started))
                .withConditions(condition("PodScheduled", "True", null, null), condition("Initialized", "True", null, null),
                        condition("ContainersReady", "True", null, null), condition("Ready", "True", null, null))
                .withContainerStatuses(pod.getSpec().getContainers().stream().map(c -> new ContainerStatusBuilder()
                        .withName(c.getName()).withImage(c.getImage()).withImageID("local://" + c.getImage())
                        .withReady(true).withStarted(true).withRestartCount(0)
                        .withNewState().withNewRunning().withStartedAt(ts(started)).endRunning().endState().build()).toList())
                .build();
    }

    static PodStatus terminated(Pod pod, Instant started, int exitCode) {
        Instant now = Instant.now();
        String reason = exitCode == 0 ? "Completed" : "Error";
        List<ContainerStatus> containers = pod.getSpec().getContainers().stream().map(c -> new ContainerStatusBuilder()
                .withName(c.getName()).withImage(c.getImage()).withImageID("local://" + c.getImage())
                .withReady(false).withStarted(false).withRestartCount(0)
                .withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason)
                .withStartedAt(ts(started)).withFinishedAt(ts(now)).endTerminated().endState().build()).toList();
        return new PodStatusBuilder().withPhase(exitCode == 0 ? "Succeeded" : "Failed")
                .withHostIP(FakeKubelet.NODE_IP).withPodIP(FakeKubelet.NODE_IP).withStartTime(ts(started))
                .withConditions(condition("PodScheduled", "True", null, null), condition("Initialized", "True", null, null),
                        condition("ContainersReady", "False", "PodCompleted", null), condition("Ready", "False", "PodCompleted", null))
                .withContainerStatuses(containers).build();
    }

    private static String names(Pod pod) {
        return String.join(" ", pod.getSpec().getContainers().stream().map(c -> c.getName()).toList());
    }

    private static PodCondition condition(String type, String status, String reason, String message) {
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastTransitionTime(ts(Instant.now())).build();
    }

    static String ts(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
