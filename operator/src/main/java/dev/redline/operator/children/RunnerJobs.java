package dev.redline.operator.children;

import dev.redline.operator.status.JobState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.jboss.logging.Logger;

import java.net.HttpURLConnection;

/** Stopping and removing a run's children: suspend its Job (cancel, a superseded run), delete what an old run left. */
public final class RunnerJobs {
    private static final Logger LOG = Logger.getLogger(RunnerJobs.class);

    private RunnerJobs() { }

    /** Suspends the Job (Kubernetes then stops its pods with SIGTERM); a finished or suspended Job is left alone. */
    public static Job suspend(KubernetesClient client, Job job, String why) {
        if (Boolean.TRUE.equals(job.getSpec().getSuspend()) || JobState.of(job).finished()) return job;
        LOG.infof("%s %s/%s: suspending its runner Job", why, job.getMetadata().getNamespace(), job.getMetadata().getName());
        return client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":true}}");
    }

    /** Deletes {@code object} and, in the background, what it owns (a Job's pods); already gone is fine. */
    public static void delete(KubernetesClient client, HasMetadata object) {
        if (object == null) return;
        try {
            client.resource(object).withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) throw e;
        }
    }
}
