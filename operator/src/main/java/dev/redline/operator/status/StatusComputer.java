package dev.redline.operator.status;

import dev.redline.api.results.ClientSaturationEvidence;
import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.ArtifactRef;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.api.v1alpha1.RunnerCounts;
import dev.redline.api.v1alpha1.SloResult;
import dev.redline.api.v1alpha1.SloSpec;
import dev.redline.operator.children.ChildNames;
import io.fabric8.kubernetes.api.model.ConfigMap;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.redline.operator.status.Conditions.FALSE;
import static dev.redline.operator.status.Conditions.TRUE;
import static dev.redline.operator.status.Conditions.UNKNOWN;

/**
 * Derives a Benchmark's whole status from what exists: the Job's state and the results ConfigMap.
 * Pure: the same inputs give the same status, which is what makes reconcile idempotent.
 */
public final class StatusComputer {
    /** The new status and, when the answer depends on time, when to look again. */
    public record Outcome(BenchmarkStatus status, Duration recheckAfter) { }

    private StatusComputer() { }

    public static BenchmarkStatus invalid(Benchmark bm, String message, Instant now) {
        BenchmarkStatus old = bm.getStatus() == null ? new BenchmarkStatus() : bm.getStatus();
        BenchmarkStatus s = new BenchmarkStatus();
        s.setObservedGeneration(bm.getMetadata().getGeneration());
        s.setConditions(new Conditions(old.getConditions(), generation(bm), ts(now))
                .set(ConditionType.Accepted, FALSE, ConditionReason.SpecInvalid, message).list());
        s.setPhase(BenchmarkPhase.Invalid);
        keepRun(old, s);
        return s;
    }

    public static Outcome compute(Benchmark bm, JobState job, RunnerPods pods, ConfigMap results, long resultsGraceSeconds,
                                  Instant now) {
        BenchmarkStatus old = bm.getStatus() == null ? new BenchmarkStatus() : bm.getStatus();
        int replicas = bm.getSpec().resolvedRunners().resolvedReplicas();
        BenchmarkStatus s = new BenchmarkStatus();
        s.setObservedGeneration(bm.getMetadata().getGeneration());
        keepRun(old, s);
        s.setLoad(LoadDescriber.describe(bm.getSpec()));
        s.setResultsConfigMap(ChildNames.of(bm).resultsConfigMap());
        s.setRunners(counts(replicas, job));
        s.setStartTime(old.getStartTime() != null ? old.getStartTime() : job.startTime());

        String cmName = ChildNames.of(bm).resultsConfigMap();
        ResultsConfigMap.Contents contents = ResultsConfigMap.read(cmName,
                results == null ? null : results.getData() == null ? Map.of() : results.getData());
        ResultsSummary fresh = contents.summary() == null ? null : ResultsSummary.from(contents.summary(), artifacts(cmName, contents));
        ResultsSummary mirrored = fresh != null ? fresh : old.getResults();
        s.setResults(mirrored);
        s.setProgress(contents.progress() != null ? contents.progress() : old.getProgress());
        String runnerError = contents.runnerError() == null ? "" : "; the runner said: " + contents.runnerError();
        Conditions c = new Conditions(old.getConditions(), generation(bm), ts(now));

        c.set(ConditionType.Accepted, TRUE, ConditionReason.SpecValid, "spec is valid");
        if (contents.summary() != null) {
            ClientSaturationEvidence evidence = ClientSaturationEvidence.of(contents.summary());
            if (evidence.saturated() == null) {
                c.set(ConditionType.ClientSaturated, UNKNOWN, ConditionReason.NoSaturationEvidence, evidence.message());
            } else {
                c.set(ConditionType.ClientSaturated, evidence.saturated() ? TRUE : FALSE,
                        evidence.saturated() ? ConditionReason.ClientBound : ConditionReason.ClientKeptUp, evidence.message());
            }
        } else {
            c.carry(ConditionType.ClientSaturated); // the evidence is in summary.json only; keep what was read
        }
        Duration recheck = null;
        if (bm.getSpec().cancelRequested()) {
            String msg = "cancelled by spec.cancel; results written so far are kept";
            c.set(ConditionType.Running, FALSE, ConditionReason.Cancelled, msg);
            c.set(ConditionType.Complete, FALSE, ConditionReason.Cancelled, msg);
            c.set(ConditionType.Failed, TRUE, ConditionReason.Cancelled, msg);
        } else if (!job.exists() && old.getPhase() != null && old.getPhase().isFinished()) {
            // the Job is gone after the run ended (runners.ttlSecondsAfterFinished, or deleted by hand): the verdict stands
            c.carry(ConditionType.Running);
            c.carry(ConditionType.Complete);
            c.carry(ConditionType.Failed);
            s.setRunners(old.getRunners());
        } else if (!job.exists() && old.getStartTime() != null) {
            // it ran and went before this operator saw it end (a Job TTL of a few seconds): the results decide; it is never recreated
            s.setRunners(old.getRunners());
            c.set(ConditionType.Running, FALSE, ConditionReason.RunnersFinished, "runner Job " + ChildNames.of(bm).job() + " is gone");
            if (fresh != null) {
                c.set(ConditionType.Complete, TRUE, ConditionReason.ResultsPublished, headline(fresh));
                c.set(ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure");
            } else {
                String msg = "runner Job " + ChildNames.of(bm).job() + " was deleted before it was seen to finish, and there is no "
                        + "summary.json: " + contents.summaryProblem() + runnerError
                        + "; if runners.ttlSecondsAfterFinished deleted it, give it at least 60 s";
                c.set(ConditionType.Complete, FALSE, ConditionReason.ResultsMissing, msg);
                c.set(ConditionType.Failed, TRUE, ConditionReason.ResultsMissing, msg);
            }
        } else if (job.failed()) {
            ConditionReason reason = "DeadlineExceeded".equals(job.failureReason())
                    ? ConditionReason.DeadlineExceeded : ConditionReason.RunnerFailed;
            String msg = "runner Job " + ChildNames.of(bm).job() + " failed (" + job.failureReason()
                    + (job.failureMessage() == null ? "" : ": " + job.failureMessage())
                    + ")" + runnerError + "; see kubectl logs -l redline.dev/benchmark=" + bm.getMetadata().getName();
            c.set(ConditionType.Running, FALSE, ConditionReason.RunnersFinished, "runners stopped");
            c.set(ConditionType.Complete, FALSE, reason, msg);
            c.set(ConditionType.Failed, TRUE, reason, msg);
        } else if (job.succeeded()) {
            c.set(ConditionType.Running, FALSE, ConditionReason.RunnersFinished, "all " + replicas + " runners exited successfully");
            if (fresh != null) {
                c.set(ConditionType.Complete, TRUE, ConditionReason.ResultsPublished, headline(fresh));
                c.set(ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure");
            } else if (contents.summaryUnreadable()) {
                // a shape this operator cannot read never becomes readable by waiting: fail now, say why
                String msg = "runners finished but their results are unreadable: " + contents.summaryProblem();
                c.set(ConditionType.Complete, FALSE, ConditionReason.ResultsUnreadable, msg);
                c.set(ConditionType.Failed, TRUE, ConditionReason.ResultsUnreadable, msg);
            } else {
                Duration waited = job.completionTime() == null ? Duration.ZERO
                        : Duration.between(Instant.parse(job.completionTime()), now);
                Duration left = Duration.ofSeconds(resultsGraceSeconds).minus(waited);
                if (left.isNegative() || left.isZero()) {
                    String msg = "runners finished but no results: " + contents.summaryProblem() + runnerError;
                    c.set(ConditionType.Complete, FALSE, ConditionReason.ResultsMissing, msg);
                    c.set(ConditionType.Failed, TRUE, ConditionReason.ResultsMissing, msg);
                } else {
                    c.set(ConditionType.Complete, FALSE, ConditionReason.InProgress, "runners finished; waiting for summary.json");
                    c.set(ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure");
                    recheck = left;
                }
            }
        } else if (job.active() > 0 && running(job, pods) > 0) {
            c.set(ConditionType.Running, TRUE, ConditionReason.RunnersActive, running(job, pods) + " of " + replicas + " runners running"
                    + (pods.waitingReasons() == null ? "" : "; waiting: " + pods.waitingReasons()));
            c.set(ConditionType.Complete, FALSE, ConditionReason.InProgress, "benchmark running");
            c.set(ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure");
        } else if (job.active() > 0) {
            c.set(ConditionType.Running, FALSE, ConditionReason.RunnersStarting, "0 of " + replicas + " runners running; "
                    + (pods.waitingReasons() == null ? "waiting for the runner pods to start" : "waiting: " + pods.waitingReasons()));
            c.set(ConditionType.Complete, FALSE, ConditionReason.InProgress, "benchmark not started");
            c.set(ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure");
        } else {
            c.set(ConditionType.Running, FALSE, ConditionReason.RunnersPending, "waiting for " + replicas + " runner pods to start"
                    + (pods.waitingReasons() == null ? "" : "; waiting: " + pods.waitingReasons()));
            c.set(ConditionType.Complete, FALSE, ConditionReason.InProgress, "benchmark not started");
            c.set(ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure");
        }
        sloCondition(bm.getSpec().resolvedSlo(), mirrored, c, s);
        s.setConditions(c.list());
        s.setPhase(derivePhase(s));
        if (s.getPhase().isFinished()) {
            s.setProgress(null); // the results say it all now
            s.setCompletionTime(old.getCompletionTime() != null ? old.getCompletionTime()
                    : job.completionTime() != null && !bm.getSpec().cancelRequested() ? job.completionTime() : ts(now));
        }
        return new Outcome(s, recheck);
    }

    /** The run this status belongs to, and the earlier ones, carry over unchanged. */
    private static void keepRun(BenchmarkStatus old, BenchmarkStatus s) {
        s.setRun(old.getRun());
        s.setRunId(old.getRunId());
        s.setRunSpecHash(old.getRunSpecHash());
        s.setHistory(old.getHistory());
        s.setRegression(old.getRegression());
    }

    /** Phase is a summary of the conditions, never stored independently. */
    public static BenchmarkPhase derivePhase(BenchmarkStatus s) {
        var accepted = s.condition(ConditionType.Accepted);
        if (accepted != null && FALSE.equals(accepted.getStatus())) return BenchmarkPhase.Invalid;
        var failed = s.condition(ConditionType.Failed);
        if (failed != null && TRUE.equals(failed.getStatus())) {
            return ConditionReason.Cancelled.name().equals(failed.getReason()) ? BenchmarkPhase.Cancelled : BenchmarkPhase.Failed;
        }
        if (s.isTrue(ConditionType.Complete)) return BenchmarkPhase.Complete;
        if (s.isTrue(ConditionType.Running)) return BenchmarkPhase.Running;
        var running = s.condition(ConditionType.Running);
        if (running != null && ConditionReason.RunnersStarting.name().equals(running.getReason())) return BenchmarkPhase.Starting;
        return BenchmarkPhase.Pending;
    }

    private static void sloCondition(List<SloSpec> slos, ResultsSummary results, Conditions c, BenchmarkStatus s) {
        if (slos.isEmpty()) return;
        if (results == null) {
            c.set(ConditionType.SLOMet, UNKNOWN, ConditionReason.AwaitingResults, "no results yet");
            return;
        }
        List<SloResult> evaluated = SloEvaluator.evaluate(slos, results);
        s.setSlo(evaluated);
        List<String> violated = evaluated.stream().filter(r -> Boolean.FALSE.equals(r.getMet()))
                .map(r -> r.getObjective() + " (actual " + r.getActual() + ")").toList();
        List<String> missing = evaluated.stream().filter(r -> r.getMet() == null).map(SloResult::getObjective).toList();
        if (!violated.isEmpty()) {
            c.set(ConditionType.SLOMet, FALSE, ConditionReason.SLOsViolated, "violated: " + String.join("; ", violated));
        } else if (!missing.isEmpty()) {
            c.set(ConditionType.SLOMet, UNKNOWN, ConditionReason.MetricMissing, "not in the results: " + String.join("; ", missing));
        } else {
            c.set(ConditionType.SLOMet, TRUE, ConditionReason.SLOsMet, "all " + evaluated.size() + " objectives met");
        }
    }

    /** Runners really running: from the pods when they are known, else the Job's ready count. */
    private static int running(JobState job, RunnerPods pods) {
        return pods.total() > 0 ? pods.running() : job.ready();
    }

    /** Where the full exports are: the object store when configured, and the results ConfigMap's keys. */
    public static List<ArtifactRef> artifacts(String cmName, ResultsConfigMap.Contents contents) {
        List<ArtifactRef> refs = new ArrayList<>();
        for (String uri : contents.objectStoreUris()) refs.add(new ArtifactRef(uri.substring(uri.lastIndexOf('/') + 1), uri));
        refs.add(new ArtifactRef(ResultsConfigMap.SUMMARY_JSON, "configmap://" + cmName + "/" + ResultsConfigMap.SUMMARY_JSON));
        refs.add(new ArtifactRef(ResultsConfigMap.SUMMARY_CSV, "configmap://" + cmName + "/" + ResultsConfigMap.SUMMARY_CSV));
        return refs;
    }

    private static RunnerCounts counts(int replicas, JobState job) {
        RunnerCounts r = new RunnerCounts();
        r.setDesired(replicas);
        r.setActive(job.active());
        r.setReady(job.ready());
        r.setSucceeded(job.succeededPods());
        r.setFailed(job.failedPods());
        return r;
    }

    private static String headline(ResultsSummary r) {
        return r.getRequestCount() + " requests, " + r.getRequestThroughput() + " req/s";
    }

    private static long generation(Benchmark bm) {
        Long g = bm.getMetadata().getGeneration();
        return g == null ? 0 : g;
    }

    public static String ts(Instant now) {
        return DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
