package dev.redline.operator.sweep;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.results.SweepResults;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepStatus;
import dev.redline.operator.OperatorSettings;
import dev.redline.operator.children.ChildNames;
import dev.redline.operator.children.ConfigMapFactory;
import dev.redline.operator.children.DeadlinePlanner;
import dev.redline.operator.children.Owner;
import dev.redline.operator.children.RunnerJobFactory;
import dev.redline.operator.status.JobState;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.PlannedRun;
import dev.redline.plan.SweepRollup;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.List;
import java.util.Map;

/**
 * A warmPool Sweep: one runner Job whose pod runs every cell in order ({@code redline run --in-cluster
 * --experiment}), so cells follow each other without pod scheduling, image pulls or tokenizer loads in
 * between. The mounted experiment is the config envelope (benchmark, sweep, multi_run); the runner
 * publishes the rolled-up status and the sweep aggregate into the results ConfigMap after every run.
 */
final class WarmPoolDriver {
    static final String EXPERIMENT_PATH = RunnerJobFactory.SPEC_MOUNT + "/" + SweepNames.EXPERIMENT_KEY;

    /** What the pool says: the runner's rollup (or an empty one before its first run) and how the Job ended. */
    record Observation(SweepStatus rolledUp, boolean done, boolean failed, String failure, String startTime, String completionTime) { }

    private WarmPoolDriver() { }

    static ConfigMap experimentConfigMap(Sweep sw) {
        ConfigEnvelope env = new ConfigEnvelope();
        env.setSchemaVersion(ConfigEnvelope.SCHEMA_VERSION);
        env.setBenchmark(SweepCheck.plain(sw.getSpec()));
        env.setSweep(sw.getSpec().getSweep());
        env.setMultiRun(sw.getSpec().getMultiRun());
        ChildNames names = SweepNames.own(sw);
        return new ConfigMapBuilder()
                .withMetadata(Owner.meta(sw, names.specConfigMap(), "spec"))
                .withImmutable(true)
                .withData(Map.of(SweepNames.EXPERIMENT_KEY, ConfigMapFactory.yaml(env)))
                .build();
    }

    static Job job(Sweep sw, ExperimentPlan plan, OperatorSettings settings) {
        ChildNames names = SweepNames.own(sw);
        long deadline = 0;
        for (PlannedRun run : plan.runs()) deadline += DeadlinePlanner.deadlineSeconds(run.spec(), settings);
        deadline += (long) Math.ceil(plan.variations().size() * plan.variationCooldownSeconds()
                + plan.runs().size() * plan.multiRun().resolvedCooldownSeconds());
        return RunnerJobFactory.job(sw, sw.getSpec().getTemplate(), names,
                List.of("run", "--in-cluster", "--experiment", EXPERIMENT_PATH, "--results-configmap", names.resultsConfigMap()),
                deadline, settings);
    }

    static Observation observe(ExperimentPlan plan, JobState job, ConfigMap results) {
        Map<String, String> data = results == null ? null : results.getData();
        SweepStatus rolled = SweepResults.status(data);
        if (rolled == null) rolled = SweepRollup.of(plan, Map.of()).status();
        String runnerError = data == null ? null : data.get(SweepResults.ERROR);
        if (job.failed()) {
            String why = (job.failureReason() == null ? "the runner Job failed" : job.failureReason() + ": " + job.failureMessage())
                    + (runnerError == null ? "" : "; runner: " + runnerError);
            return new Observation(rolled, true, true, why, job.startTime(), job.completionTime());
        }
        if (job.succeeded()) {
            if (SweepResults.status(data) == null) {
                return new Observation(rolled, true, true, "the runner Job succeeded but wrote no " + SweepResults.STATUS_JSON, job.startTime(), job.completionTime());
            }
            return new Observation(rolled, true, false, null, job.startTime(), job.completionTime());
        }
        return new Observation(rolled, false, false, null, job.startTime(), null);
    }
}
