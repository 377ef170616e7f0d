package dev.redline.runner.live;

import dev.redline.runner.load.LoadProgress;
import dev.redline.runner.metrics.types.InterTokenLatencyMetric;
import dev.redline.runner.metrics.types.TimeToFirstTokenMetric;
import dev.redline.runner.record.RequestRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The run's live numbers as Micrometer meters in a Prometheus registry: requests sent, completed and
 * failed per phase, in flight, achieved rate, and TTFT / ITL / request latency timers.
 *
 * <p>Nothing here runs on an event loop. Sent, in-flight and rate are read from the load runner's
 * existing atomic counters when scraped; completions, errors and latencies are recorded by
 * {@link #record} on the single record-processing thread (Micrometer counters and timers are lock-free
 * for the writer).
 */
public final class LiveMetrics {
    private static final double[] PERCENTILES = {0.5, 0.9, 0.99};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TimeToFirstTokenMetric ttftMetric = new TimeToFirstTokenMetric();
    private final InterTokenLatencyMetric itlMetric = new InterTokenLatencyMetric();
    private final Map<String, PhaseMeters> phases = new ConcurrentHashMap<>();
    private final Map<String, SentTotal> sentTotals = new ConcurrentHashMap<>();
    private final Map<String, Counter> errorTypes = new ConcurrentHashMap<>();
    private final Timer ttft;
    private final Timer itl;
    private final Timer latency;
    private volatile LoadProgress progress;
    private volatile PhaseSent currentSent;
    private volatile boolean finished;

    public LiveMetrics() {
        this(Map.of());
    }

    /** {@code tags}: labels on every series (set before any meter exists, as Micrometer requires). */
    public LiveMetrics(Map<String, String> tags) {
        tags.forEach((k, v) -> registry.config().commonTags(k, v));
        ttft = timer("redline.time.to.first.token", "Time to first token of successful requests (live)");
        itl = timer("redline.inter.token.latency", "Mean inter-token latency per successful request (live)");
        latency = timer("redline.request.latency", "Request latency of successful requests (live)");
        Gauge.builder("redline.requests.in.flight", this, m -> m.progress == null ? 0 : m.progress.inFlight())
                .description("Requests sent and not yet finished").register(registry);
        Gauge.builder("redline.achieved.request.rate", this, LiveMetrics::achievedRate)
                .description("Requests sent per second since the current phase started")
                .register(registry);
        Gauge.builder("redline.run.finished", this, m -> m.finished ? 1 : 0)
                .description("1 once every request of the run has been processed").register(registry);
    }

    private Timer timer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentiles(PERCENTILES)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    }

    /** The load runner whose counters back sent / in flight / rate. */
    public void attach(LoadProgress progress) {
        this.progress = progress;
    }

    /**
     * Call before a phase runs (with the phase's resolved name): the previous phase's sent count is
     * frozen and a counter for this phase starts.
     */
    public void phaseStarting(String name) {
        PhaseSent previous = currentSent;
        if (previous != null) previous.freeze();
        PhaseSent sent = new PhaseSent(name);
        SentTotal total = sentTotals.computeIfAbsent(name, n -> {
            SentTotal t = new SentTotal();
            FunctionCounter.builder("redline.requests.sent", t, SentTotal::value).tag("phase", n)
                    .description("Requests handed to the HTTP client").register(registry);
            return t;
        });
        total.start(sent);
        currentSent = sent;
    }

    /** Record-processing thread only: counts the finished request and feeds the latency timers. */
    public void record(RequestRecord r) {
        String phase = r.phase() == RequestRecord.Phase.WARMUP ? "warmup" : currentPhaseName(r);
        PhaseMeters m = phases.computeIfAbsent(phase, this::metersFor);
        m.completed.increment();
        if (r.isError() || r.lateForGrace()) {
            m.errors.increment();
            errorsByType(phase, r).increment();
            return;
        }
        if (r.phase() != RequestRecord.Phase.PROFILING) return;
        observe(ttft, ttftMetric.value(r));
        observe(itl, itlMetric.value(r));
        if (r.isValid()) latency.record(r.lastChunkPerfNs() - r.startPerfNs(), TimeUnit.NANOSECONDS);
    }

    private String currentPhaseName(RequestRecord r) {
        PhaseSent s = currentSent;
        return s == null ? r.phase().name().toLowerCase(Locale.ROOT) : s.name;
    }

    private static void observe(Timer t, double ms) {
        if (!Double.isNaN(ms) && ms >= 0) t.record((long) (ms * 1e6), TimeUnit.NANOSECONDS);
    }

    /** True once {@link #finish} was called: the counters are final. */
    public boolean finished() {
        return finished;
    }

    /** Marks that every record has been processed (the counters are final). */
    public void finish() {
        PhaseSent s = currentSent;
        if (s != null) s.freeze();
        finished = true;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** The numbers the dashboard shows, read now. */
    public LiveSnapshot snapshot() {
        LoadProgress p = progress;
        PhaseSent s = currentSent;
        boolean started = p != null && p.phaseName() != null && !p.phaseName().isEmpty();
        String phase = started ? p.phaseName() : "starting";
        PhaseMeters m = s == null ? null : phases.get(s.name);
        return new LiveSnapshot(phase, started ? p.elapsedSeconds() : 0, p == null ? -1 : p.expectedRequests(),
                p == null ? -1 : p.durationSeconds(), s == null ? 0 : (long) s.value(),
                m == null ? 0 : (long) m.completed.count(), m == null ? 0 : (long) m.errors.count(),
                p == null ? 0 : p.inFlight(), achievedRate(), percentiles(ttft), percentiles(itl));
    }

    private static double[] percentiles(Timer t) {
        double[] out = {Double.NaN, Double.NaN};
        if (t.count() == 0) return out;
        for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
            if (v.percentile() == 0.5) out[0] = v.value(TimeUnit.MILLISECONDS);
            if (v.percentile() == 0.99) out[1] = v.value(TimeUnit.MILLISECONDS);
        }
        return out;
    }

    private double achievedRate() {
        LoadProgress p = progress;
        PhaseSent s = currentSent;
        if (p == null || s == null || !s.live()) return 0;
        double elapsed = p.elapsedSeconds();
        return elapsed > 0 ? p.sent() / elapsed : 0;
    }

    private PhaseMeters metersFor(String phase) {
        return new PhaseMeters(
                Counter.builder("redline.requests.completed").tag("phase", phase)
                        .description("Requests finished (successes and errors)").register(registry),
                Counter.builder("redline.requests.errors").tag("phase", phase)
                        .description("Requests that failed, were cancelled or cut at the grace period").register(registry));
    }

    private record PhaseMeters(Counter completed, Counter errors) { }

    /** The error's type (HTTP reason, exception class, grace_period), for "errors by type" panels. */
    private Counter errorsByType(String phase, RequestRecord r) {
        var error = dev.redline.runner.metrics.RecordOutcome.errorOf(r);
        String type = error != null && error.type() != null ? error.type() : r.lateForGrace() ? "grace_period" : "unknown";
        return errorTypes.computeIfAbsent(phase + '\u0000' + type, k -> Counter.builder("redline.request.errors.by.type")
                .tag("phase", phase).tag("type", type)
                .description("Failed requests by error type").register(registry));
    }

    /** Sent count of every phase run under one name (phases may share a name): finished ones plus the running one. */
    private static final class SentTotal {
        /** Swapped as one, so a scrape never sees a finished phase twice or not at all. */
        private record State(double finished, PhaseSent running) { }

        private volatile State state = new State(0, null);

        /** Called from the phase-driving thread only, after the previous phase was frozen. */
        void start(PhaseSent next) {
            State s = state;
            state = new State(s.finished + (s.running == null ? 0 : s.running.value()), next);
        }

        double value() {
            State s = state;
            return s.finished + (s.running == null ? 0 : s.running.value());
        }
    }

    /** Sent count of one phase: live from the load runner while the phase runs, frozen afterwards. */
    private final class PhaseSent {
        final String name;
        private volatile double frozen = Double.NaN;

        PhaseSent(String name) {
            this.name = name;
        }

        /** Live once the load runner has reset its counters for this phase (it sets the name last). */
        boolean live() {
            LoadProgress p = progress;
            return Double.isNaN(frozen) && p != null && name.equals(p.phaseName());
        }

        void freeze() {
            if (Double.isNaN(frozen)) frozen = live() ? progress.sent() : 0;
        }

        double value() {
            double f = frozen;
            if (!Double.isNaN(f)) return f;
            return live() ? progress.sent() : 0;
        }
    }
}
