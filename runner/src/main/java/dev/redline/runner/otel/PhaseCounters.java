package dev.redline.runner.otel;

import dev.redline.runner.load.LoadProgress;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * AIPerf's "timing" stream: the load's phase counters as {@code aiperf.timing.*} counters (requests sent,
 * completed, cancelled, errors) and up-down counters (in flight, elapsed seconds), per benchmark phase. They are
 * observed by the SDK's reader thread at each export from the load's live counters, which the event loops
 * already keep: nothing is added to the send path. A finished phase's last values are kept, so its series
 * stays in every later export as AIPerf's cumulative counters do.
 */
final class PhaseCounters {
    private static final AttributeKey<String> PHASE = AttributeKey.stringKey("aiperf.benchmark_phase");
    private static final AttributeKey<Long> EXPECTED_REQUESTS = AttributeKey.longKey("aiperf.total_expected_requests");
    private static final AttributeKey<Double> EXPECTED_DURATION = AttributeKey.doubleKey("aiperf.expected_duration_sec");

    /** One phase's values as last seen. */
    private record Snapshot(Attributes attributes, long sent, long completed, long cancelled, long errors, long inFlight,
                            double elapsed) { }

    private final Attributes genAi;
    private volatile LoadProgress progress;
    /** Finished phases by name, in order; guarded by this. */
    private final Map<String, Snapshot> finished = new LinkedHashMap<>();

    PhaseCounters(Meter meter, Attributes genAi) {
        this.genAi = genAi;
        counter(meter, "aiperf.timing.requests.sent", "requests_sent", Snapshot::sent);
        counter(meter, "aiperf.timing.requests.completed", "requests_completed", Snapshot::completed);
        counter(meter, "aiperf.timing.requests.cancelled", "requests_cancelled", Snapshot::cancelled);
        counter(meter, "aiperf.timing.requests.errors", "request_errors", Snapshot::errors);
        meter.upDownCounterBuilder("aiperf.timing.requests.in_flight").setUnit("1")
                .setDescription("AIPerf timing gauge metric: in_flight_requests")
                .ofDoubles().buildWithCallback(m -> observe(m, Snapshot::inFlight));
        meter.upDownCounterBuilder("aiperf.timing.phase.elapsed_sec").setUnit("s").ofDoubles()
                .setDescription("AIPerf timing gauge metric: requests_elapsed_time")
                .buildWithCallback(this::observeElapsed);
    }

    private void counter(Meter meter, String name, String field, ToLongFunction<Snapshot> value) {
        meter.counterBuilder(name).setUnit("1").setDescription("AIPerf timing counter: " + field).ofDoubles()
                .buildWithCallback(m -> observe(m, value));
    }

    /** The load's live counters (reset by the load runner at each phase start). */
    void attach(LoadProgress progress) { this.progress = progress; }

    /** Keeps the phase's final values: the load runner resets its counters when the next phase starts. */
    synchronized void phaseEnded() {
        Snapshot s = current();
        if (s != null) finished.put(progress.phaseName(), s);
    }

    private Snapshot current() {
        LoadProgress p = progress;
        if (p == null || p.phaseName().isEmpty()) return null;
        var attrs = Attributes.builder().put(PHASE, p.warmup() ? "warmup" : "profiling");
        if (p.expectedRequests() > 0) attrs.put(EXPECTED_REQUESTS, p.expectedRequests());
        if (p.durationSeconds() > 0) attrs.put(EXPECTED_DURATION, p.durationSeconds());
        attrs.putAll(genAi);
        return new Snapshot(attrs.build(), p.sent(), p.completed(), p.cancelled(), p.errors(), p.inFlight(), p.elapsedSeconds());
    }

    /** Every phase seen so far, the running one live; phases with equal attributes add up. */
    private synchronized Map<Attributes, Snapshot> phases() {
        Map<Attributes, Snapshot> out = new LinkedHashMap<>();
        finished.values().forEach(s -> out.merge(s.attributes(), s, PhaseCounters::sum));
        LoadProgress p = progress;
        if (p != null && !finished.containsKey(p.phaseName())) {
            Snapshot s = current();
            if (s != null) out.merge(s.attributes(), s, PhaseCounters::sum);
        }
        return out;
    }

    private static Snapshot sum(Snapshot a, Snapshot b) {
        return new Snapshot(a.attributes(), a.sent() + b.sent(), a.completed() + b.completed(), a.cancelled() + b.cancelled(),
                a.errors() + b.errors(), b.inFlight(), a.elapsed() + b.elapsed());
    }

    /** Doubles, as AIPerf's Python counters send them. */
    private void observe(ObservableDoubleMeasurement m, ToLongFunction<Snapshot> value) {
        phases().forEach((attrs, s) -> m.record(value.applyAsLong(s), attrs));
    }

    private void observeElapsed(ObservableDoubleMeasurement m) {
        phases().forEach((attrs, s) -> m.record(s.elapsed(), attrs));
    }
}
