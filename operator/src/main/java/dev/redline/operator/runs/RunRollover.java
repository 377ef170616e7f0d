package dev.redline.operator.runs;

import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.api.v1alpha1.RunRecord;
import dev.redline.operator.children.ChildNames;
import dev.redline.operator.children.ChildWriter;
import dev.redline.operator.children.ConfigMapFactory;
import dev.redline.operator.children.RunnerJobs;
import dev.redline.operator.status.Conditions;
import dev.redline.operator.status.JobState;
import dev.redline.operator.status.RunnerPods;
import dev.redline.operator.status.StatusComputer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;

/**
 * GitOps re-runs. When a Benchmark's run-defining spec ({@code runSpecHash}) no longer matches its current
 * run, that run is stopped (its Job suspended, its runners get SIGTERM and write their partial results),
 * then its results are copied to {@code <name>-results-<run>}, it is recorded in status.history, its Job
 * (with its pods) and spec ConfigMap are deleted, and the next run number takes over. Every step is
 * idempotent over deterministic names, so an operator restart in the middle repeats nothing twice.
 */
public final class RunRollover {
    private static final Logger LOG = Logger.getLogger(RunRollover.class);

    /** The status to go on with; {@code waiting}: the old run's runners are still stopping, patch and wait. */
    public record Outcome(BenchmarkStatus status, boolean waiting) { }

    private final KubernetesClient client;

    public RunRollover(KubernetesClient client) {
        this.client = client;
    }

    /** The first run of a new Benchmark. */
    public static BenchmarkStatus first(Benchmark bm, BenchmarkStatus before) {
        BenchmarkStatus s = next(bm, before, 1);
        if (before != null) s.setHistory(before.getHistory());
        return s;
    }

    /**
     * Moves from the run {@code before} describes to the next one. {@code oldJob}, {@code oldPods}: that
     * run's Job and pods; {@code results}: the results ConfigMap.
     */
    public Outcome advance(Benchmark bm, BenchmarkStatus before, Job oldJob, RunnerPods oldPods, ConfigMap results,
                           ConfigMap archived, Instant now) {
        ChildNames old = new ChildNames(bm.getMetadata().getName(), before.getRun());
        JobState job = JobState.of(oldJob);
        boolean started = oldJob != null || before.getStartTime() != null || before.getResults() != null;
        if (!started) {
            // nothing ran (an invalid spec, or cancelled before its Job): the new spec takes the same run number
            RunnerJobs.delete(client, new ConfigMapBuilder().withNewMetadata().withName(old.specConfigMap())
                    .withNamespace(bm.getMetadata().getNamespace()).endMetadata().build());
            BenchmarkStatus s = next(bm, before, before.getRun());
            s.setHistory(before.getHistory());
            return new Outcome(s, false);
        }
        if (oldJob != null && !job.finished() && (!job.suspended() || job.active() > 0 || oldPods.alive() > 0)) {
            RunnerJobs.suspend(client, oldJob, "superseding run " + before.getRun() + " of");
            return new Outcome(stopping(bm, before, now), true);
        }
        String phase = before.getPhase() != null && before.getPhase().isFinished() ? before.getPhase().name() : RunRecord.SUPERSEDED;
        if (results != null && archived == null) {
            // from the server, not the cache: the stopped coordinator's last write may not have reached the informer yet
            results = client.configMaps().inNamespace(results.getMetadata().getNamespace()).withName(results.getMetadata().getName()).get();
        }
        String archive = archive(bm, old, results, archived);
        RunRecord record = RunHistory.record(before, phase, archive, StatusComputer.ts(now));
        // the archive holds the run's data: an earlier reconcile's copy, or the results ConfigMap just copied
        ResultsSummary last = archive == null ? null
                : summary(archive, archived != null ? archived.getData() : results.getData());
        if (last != null) record.setResults(last); // a stopped run's partial summary arrives after its status was last computed
        RunnerJobs.delete(client, oldJob);
        RunnerJobs.delete(client, new ConfigMapBuilder().withNewMetadata().withName(old.specConfigMap())
                .withNamespace(bm.getMetadata().getNamespace()).endMetadata().build());
        for (RunRecord dropped : RunHistory.dropped(before.getHistory())) {
            if (dropped.getResultsConfigMap() == null) continue;
            RunnerJobs.delete(client, new ConfigMapBuilder().withNewMetadata().withName(dropped.getResultsConfigMap())
                    .withNamespace(bm.getMetadata().getNamespace()).endMetadata().build());
        }
        BenchmarkStatus s = next(bm, before, before.getRun() + 1);
        s.setHistory(RunHistory.append(before.getHistory(), record));
        LOG.infof("%s/%s: run %d ended %s; starting run %d for the changed spec", bm.getMetadata().getNamespace(),
                bm.getMetadata().getName(), before.getRun(), phase, s.getRun());
        return new Outcome(s, false);
    }

    /**
     * Makes the results ConfigMap the current run's: annotated with the run and, when it still holds an earlier
     * run's data (already archived), emptied. A ConfigMap from before runs existed is adopted as run 1's.
     */
    public static ConfigMap claimResults(KubernetesClient client, ConfigMap results, int run) {
        Integer owner = ConfigMapFactory.resultsRun(results);
        if (owner != null && owner == run) return results;
        boolean reset = owner != null || run != 1;
        return client.configMaps().inNamespace(results.getMetadata().getNamespace()).withName(results.getMetadata().getName())
                .edit(cm -> {
                    java.util.Map<String, String> annotations = new java.util.HashMap<>(
                            cm.getMetadata().getAnnotations() == null ? Map.of() : cm.getMetadata().getAnnotations());
                    annotations.put(ResultsConfigMap.RUN_ANNOTATION, Integer.toString(run));
                    cm.getMetadata().setAnnotations(annotations);
                    if (reset) cm.setData(new java.util.HashMap<>());
                    return cm;
                });
    }

    /** Whether the results ConfigMap holds this run's data (not yet claimed: the first run's, from before runs existed). */
    public static boolean belongsTo(ConfigMap results, int run) {
        if (results == null) return false;
        Integer owner = ConfigMapFactory.resultsRun(results);
        return owner != null ? owner == run : run == 1;
    }

    /** The summary in a run's archived data, its artifacts pointing into the archive; null when there is none. */
    private static ResultsSummary summary(String archive, Map<String, String> data) {
        ResultsConfigMap.Contents contents = ResultsConfigMap.read(archive, data == null ? Map.of() : data);
        return contents.summary() == null ? null : ResultsSummary.from(contents.summary(), StatusComputer.artifacts(archive, contents));
    }

    /** Copies the run's results to {@code <name>-results-<run>}; null when the run wrote none. */
    private String archive(Benchmark bm, ChildNames run, ConfigMap results, ConfigMap archived) {
        if (archived != null) return archived.getMetadata().getName(); // copied by an earlier reconcile
        boolean ours = belongsTo(results, run.run());
        Map<String, String> data = results == null || results.getData() == null ? Map.of() : results.getData();
        if (!ours || data.isEmpty()) return null;
        new ChildWriter(client).ensure(ConfigMapFactory.archive(bm, run, data), null);
        return run.archivedResults();
    }

    /** The start of run {@code run}: no figures yet; conditions kept only so that transition times stay right. */
    private static BenchmarkStatus next(Benchmark bm, BenchmarkStatus before, int run) {
        BenchmarkStatus s = new BenchmarkStatus();
        s.setRun(run);
        s.setRunSpecHash(bm.getSpec().runSpecHash());
        s.setRunId(bm.getSpec().getRunId());
        if (before != null) {
            // kept for their transition times; the verdicts on the run itself start afresh
            s.setConditions(before.getConditions().stream().filter(c -> !ConditionType.ClientSaturated.name().equals(c.getType())
                    && !ConditionType.Regressed.name().equals(c.getType())).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
            s.setObservedGeneration(before.getObservedGeneration());
        }
        return s;
    }

    private static BenchmarkStatus stopping(Benchmark bm, BenchmarkStatus before, Instant now) {
        BenchmarkStatus s = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(before, BenchmarkStatus.class);
        long generation = bm.getMetadata().getGeneration() == null ? 0 : bm.getMetadata().getGeneration();
        String msg = "the spec changed: stopping run " + before.getRun() + " (its results are kept); run " + (before.getRun() + 1)
                + " starts when its runners have stopped";
        Conditions c = Conditions.extend(before.getConditions(), before.getConditions(), generation, StatusComputer.ts(now));
        c.set(ConditionType.Running, Conditions.FALSE, ConditionReason.Superseded, msg);
        c.set(ConditionType.Complete, Conditions.FALSE, ConditionReason.InProgress, msg);
        c.set(ConditionType.Failed, Conditions.FALSE, ConditionReason.NoFailure, "no failure");
        s.setConditions(c.list());
        s.setObservedGeneration(generation);
        s.setProgress(null);
        s.setPhase(BenchmarkPhase.Pending);
        return s;
    }
}
