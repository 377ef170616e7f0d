package dev.redline.operator.sweep;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepPhase;
import dev.redline.operator.children.ExperimentChildren;
import dev.redline.operator.children.RunnerJobs;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * spec.cancel of a Sweep: a perCell Sweep passes it on to its running child Benchmarks (whose reconciler
 * stops the runners and keeps their partial results); a warm pool's one runner Job is suspended, as a
 * cancelled Benchmark's is (the runner publishes the cells it finished on SIGTERM).
 */
final class SweepCancel {
    private static final Logger LOG = Logger.getLogger(SweepCancel.class);

    private SweepCancel() { }

    /**
     * Whether the Sweep is being (or was) cancelled. A Sweep that already ended stays as it ended; a
     * cancelled one stays Cancelled even when spec.cancel is unset again (its cells are gone).
     */
    static boolean applies(Sweep sw) {
        SweepPhase was = sw.getStatus() == null ? null : sw.getStatus().getPhase();
        if (was == SweepPhase.Cancelled) return true;
        return sw.getSpec().cancelRequested() && (was == null || !was.isFinished() || was == SweepPhase.Invalid);
    }

    /** Sets spec.cancel on every child that still runs and has not been told yet. */
    static void cells(KubernetesClient client, List<Benchmark> children) {
        for (Benchmark b : children) {
            if (ExperimentChildren.finished(b) || b.getSpec().cancelRequested()) continue;
            LOG.infof("cancelling sweep cell %s/%s", b.getMetadata().getNamespace(), b.getMetadata().getName());
            // a merge patch without resourceVersion: the Benchmark reconciler patches the child's status concurrently
            client.resources(Benchmark.class).inNamespace(b.getMetadata().getNamespace()).withName(b.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancel\":true}}");
        }
    }

    /**
     * The warm pool's Job, suspended; null when there is none. Read from the server when the informer has
     * not seen it yet: a Job created in the previous reconcile must not keep running unseen.
     */
    static Job pool(KubernetesClient client, Sweep sw, Job cached) {
        Job job = cached != null ? cached : client.batch().v1().jobs().inNamespace(sw.getMetadata().getNamespace())
                .withName(SweepNames.own(sw).job()).get();
        return job == null ? null : RunnerJobs.suspend(client, job, "cancelling sweep");
    }
}
