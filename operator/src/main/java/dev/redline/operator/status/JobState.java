package dev.redline.operator.status;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

/** What a runner Job says about the run, reduced to what status needs. */
public record JobState(boolean exists, boolean succeeded, boolean failed, String failureReason, String failureMessage,
                       int active, int ready, int succeededPods, int failedPods, boolean suspended,
                       String startTime, String completionTime) {

    public static JobState of(Job job) {
        if (job == null) return new JobState(false, false, false, null, null, 0, 0, 0, 0, false, null, null);
        var status = job.getStatus();
        boolean suspended = job.getSpec() != null && Boolean.TRUE.equals(job.getSpec().getSuspend());
        if (status == null) return new JobState(true, false, false, null, null, 0, 0, 0, 0, suspended, null, null);
        JobCondition complete = condition(job, "Complete");
        JobCondition failed = condition(job, "Failed");
        String completedAt = status.getCompletionTime();
        if (completedAt == null && failed != null) completedAt = failed.getLastTransitionTime();
        return new JobState(true, complete != null, failed != null,
                failed == null ? null : failed.getReason(), failed == null ? null : failed.getMessage(),
                n(status.getActive()), n(status.getReady()), n(status.getSucceeded()), n(status.getFailed()),
                suspended, status.getStartTime(), completedAt);
    }

    public boolean finished() { return succeeded || failed; }

    private static JobCondition condition(Job job, String type) {
        if (job.getStatus().getConditions() == null) return null;
        for (JobCondition c : job.getStatus().getConditions()) {
            if (type.equals(c.getType()) && "True".equals(c.getStatus())) return c;
        }
        return null;
    }

    private static int n(Integer i) { return i == null ? 0 : i; }
}
