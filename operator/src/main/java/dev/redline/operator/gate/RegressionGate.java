package dev.redline.operator.gate;

import dev.redline.api.results.ExportFormatException;
import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.RegressionSpec;
import dev.redline.api.v1alpha1.RegressionStatus;
import dev.redline.compare.MetricGate;
import dev.redline.compare.RegressionReport;
import dev.redline.compare.RegressionTest;
import dev.redline.compare.RequestSamples;
import dev.redline.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

import static dev.redline.operator.status.Conditions.FALSE;
import static dev.redline.operator.status.Conditions.TRUE;
import static dev.redline.operator.status.Conditions.UNKNOWN;

/**
 * The {@code Regressed} condition: once a run is Complete, its per-request samples ({@code samples.json})
 * are compared with the baseline's by the same {@link RegressionTest} as {@code redline compare}, and the
 * figures go to status.regression. The comparison runs once per set of inputs (run, baseline ConfigMap
 * version, settings); later reconciles keep its result. While the baseline is not there yet, it looks
 * again every {@link #RECHECK} (the baseline may be a ConfigMap or a Benchmark this one does not watch).
 */
public final class RegressionGate {
    public static final Duration RECHECK = Duration.ofSeconds(30);

    private final BaselineResolver resolver;

    public RegressionGate(BiFunction<String, String, ConfigMap> configMaps, BiFunction<String, String, Benchmark> benchmarks) {
        this.resolver = new BaselineResolver(configMaps, benchmarks);
    }

    /**
     * Sets Regressed and status.regression on {@code after} (the status just computed; {@code before} gives the
     * conditions' transition times and the earlier figures); returns when to look again, or null.
     */
    public Duration evaluate(Benchmark bm, BenchmarkStatus before, BenchmarkStatus after, ConfigMap results, String now) {
        long generation = bm.getMetadata().getGeneration() == null ? 0 : bm.getMetadata().getGeneration();
        Conditions c = Conditions.extend(before == null ? null : before.getConditions(), after.getConditions(), generation, now);
        try {
            if (bm.getSpec().getBaselineRef() == null) {
                c.remove(ConditionType.Regressed);
                after.setRegression(null);
                return null;
            }
            return judge(bm, before, after, results, c);
        } finally {
            after.setConditions(c.list());
        }
    }

    private Duration judge(Benchmark bm, BenchmarkStatus before, BenchmarkStatus after, ConfigMap results, Conditions c) {
        int run = after.getRun() == null ? 1 : after.getRun();
        if (after.getPhase() != BenchmarkPhase.Complete) {
            after.setRegression(null);
            if (after.getPhase() != null && after.getPhase().isFinished()) {
                c.set(ConditionType.Regressed, UNKNOWN, ConditionReason.RunNotComplete, "run " + run + " ended " + after.getPhase()
                        + "; only a Complete run is compared with its baseline");
            } else {
                c.set(ConditionType.Regressed, UNKNOWN, ConditionReason.AwaitingResults, "run " + run + " is not complete yet");
            }
            return null;
        }
        BaselineResolver.Baseline baseline = resolver.resolve(bm, after);
        if (baseline.problem() != null) {
            after.setRegression(null);
            c.set(ConditionType.Regressed, UNKNOWN, baseline.problem(), baseline.message());
            return baseline.mayAppear() ? RECHECK : null;
        }
        RegressionSpec settings = bm.getSpec().resolvedRegression();
        ConfigMap base = baseline.configMap();
        String inputs = "run " + run + "; " + baseline.description() + " = ConfigMap " + base.getMetadata().getName() + "@"
                + base.getMetadata().getUid() + "/" + base.getMetadata().getResourceVersion() + "; metrics " + settings.resolvedMetrics()
                + "; tolerance " + settings.resolvedTolerancePercent() + "; alpha " + settings.resolvedAlpha();
        Condition previous = before == null ? null : before.condition(ConditionType.Regressed);
        if (before != null && before.getRegression() != null && inputs.equals(before.getRegression().getInputs()) && previous != null) {
            after.setRegression(before.getRegression()); // deterministic, and not cheap: computed once per inputs
            c.carry(ConditionType.Regressed);
            return null;
        }
        RequestSamples baseSamples;
        RequestSamples ownSamples;
        try {
            baseSamples = ResultsConfigMap.samples(base.getMetadata().getName(), base.getData());
            ownSamples = ResultsConfigMap.samples(results == null ? "?" : results.getMetadata().getName(),
                    results == null ? Map.of() : results.getData());
        } catch (ExportFormatException e) {
            after.setRegression(null);
            c.set(ConditionType.Regressed, UNKNOWN, ConditionReason.SamplesMissing, e.getMessage());
            return null;
        }
        if (baseSamples == null || ownSamples == null) {
            after.setRegression(null);
            String which = baseSamples == null ? "the baseline (" + baseline.description() + ", ConfigMap " + base.getMetadata().getName() + ")"
                    : "this run";
            c.set(ConditionType.Regressed, UNKNOWN, ConditionReason.SamplesMissing, which + " has no " + ResultsConfigMap.SAMPLES_JSON
                    + " (written by runners of this version when spec.artifacts.exportLevel is records or raw)");
            return null;
        }
        RegressionReport report = new RegressionTest(settings.resolvedAlpha())
                .compare(MetricGate.parseList(settings.resolvedMetrics(), settings.resolvedTolerancePercent()), baseSamples, ownSamples,
                        settings.defaultMetrics());
        RegressionStatus figures = new RegressionStatus();
        figures.setBaseline(baseline.description());
        figures.setBaselineResultsConfigMap(base.getMetadata().getName());
        figures.setRun(run);
        figures.setOutcome(report.outcome().name());
        figures.setTolerancePercent(settings.resolvedTolerancePercent());
        figures.setAlpha(settings.resolvedAlpha());
        figures.setMetrics(report.metrics());
        figures.setInputs(inputs);
        after.setRegression(figures);
        String message = "against " + baseline.description() + ": " + report.summary();
        switch (report.outcome()) {
            case Regressed -> c.set(ConditionType.Regressed, TRUE, ConditionReason.RegressionDetected, message);
            case NoRegression -> c.set(ConditionType.Regressed, FALSE, ConditionReason.NoRegression, message);
            default -> c.set(ConditionType.Regressed, UNKNOWN, ConditionReason.ComparisonInconclusive, message);
        }
        return null;
    }
}
