package dev.redline.operator.metrics;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkPhase;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.ConditionType;
import io.fabric8.kubernetes.api.model.Condition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Redline's own operator meters, next to JOSDK's reconcile metrics: how many Benchmarks stand in each
 * phase now, how many reached a final phase, and how their SLO gates came out. Tags are bounded
 * (phase, result), never a Benchmark's name, so series do not grow with the number of runs.
 */
@Singleton
public class BenchmarkMeters {
    public static final String BENCHMARKS = "redline.benchmarks";
    public static final String FINISHED = "redline.benchmarks.finished";
    public static final String SLO = "redline.benchmarks.slo";

    private final Map<BenchmarkPhase, Counter> finished = new EnumMap<>(BenchmarkPhase.class);
    private final Counter sloMet;
    private final Counter sloViolated;
    /** The Benchmarks the operator sees; replaced when the controller (re)starts its informer. */
    private volatile Supplier<Stream<Benchmark>> benchmarks = Stream::empty;

    @Inject
    public BenchmarkMeters(MeterRegistry registry) {
        for (BenchmarkPhase phase : BenchmarkPhase.values()) {
            Gauge.builder(BENCHMARKS, this, m -> m.countIn(phase)).tag("phase", phase.name())
                    .description("Benchmarks in each phase, from the operator's cache").strongReference(true).register(registry);
            if (phase.isFinished() || phase == BenchmarkPhase.Invalid) {
                // registered up front, so a rate() over them starts at zero instead of at the first event
                finished.put(phase, Counter.builder(FINISHED).tag("phase", phase.name())
                        .description("Benchmarks that reached a final phase (Invalid: rejected spec)").register(registry));
            }
        }
        sloMet = Counter.builder(SLO).tag("result", "met").description("Finished Benchmarks by SLO gate outcome").register(registry);
        sloViolated = Counter.builder(SLO).tag("result", "violated").description("Finished Benchmarks by SLO gate outcome").register(registry);
    }

    /** Points the phase gauges at the controller's Benchmark cache (JOSDK's primary informer cache). */
    public void observe(Supplier<Stream<Benchmark>> cache) {
        this.benchmarks = cache;
    }

    /** Counts a status change once: on entering a final phase, never on a reconcile that keeps the phase. */
    public void statusChanged(BenchmarkStatus before, BenchmarkStatus after) {
        BenchmarkPhase from = before == null ? null : before.getPhase();
        BenchmarkPhase to = after == null ? null : after.getPhase();
        if (to == null || to == from) return;
        Counter counter = finished.get(to);
        if (counter == null) return;
        counter.increment();
        Condition slo = after.condition(ConditionType.SLOMet);
        if (to == BenchmarkPhase.Complete && slo != null) {
            if ("True".equals(slo.getStatus())) sloMet.increment();
            else if ("False".equals(slo.getStatus())) sloViolated.increment();
        }
    }

    private double countIn(BenchmarkPhase phase) {
        try (Stream<Benchmark> all = benchmarks.get()) {
            return all.filter(b -> b.getStatus() != null && b.getStatus().getPhase() == phase).count();
        }
    }
}
