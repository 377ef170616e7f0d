package dev.redline.runner.mock.engine;

import dev.redline.runner.stats.Statistics;
import dev.redline.runner.stats.Stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Ground truth for tests of sweeps and searches run against {@code redline mock-server --engine sim}: what a
 * {@code redline profile} run would measure, found by running the same {@link EngineSimulator} offline on the load
 * that run puts on it, and the closed-form steady state. Offline answers are exact for the model; a real run adds
 * only the client's and the network's own latency (well under a millisecond on loopback) and timer lateness.
 *
 * <pre>{@code
 * EngineOracle oracle = new EngineOracle(EngineConfig.defaults());
 * LoadPoint p = oracle.atConcurrency(32, Workload.of(1000, 200, 640));
 * double ttftP95 = p.metric("time_to_first_token", "p95");
 * int c = oracle.maxConcurrency(Workload.of(1000, 200, 640), 256, q -> q.metric("time_to_first_token", "p95") < 200);
 * }</pre>
 */
public final class EngineOracle {
    private final EngineConfig config;
    private final long seed;

    public EngineOracle(EngineConfig config) {
        this(config, 0);
    }

    /** {@code seed} is the mock's {@code --random-seed}; it matters only with {@code --step-jitter-ms}. */
    public EngineOracle(EngineConfig config, long seed) {
        this.config = config.validate();
        this.seed = seed;
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * A closed loop as {@code redline profile --concurrency C --request-count N} drives it: min(C, N) requests start
     * together (request i arrives at i x {@link Workload#clientGapMs}: a client cannot send them all in the same
     * instant, and the idle engine starts on the first at once, as a real one does), and each completion sends the
     * next, one client gap later, until N were sent.
     */
    public LoadPoint atConcurrency(int concurrency, Workload workload) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        Run run = new Run(workload);
        int sent = 0;
        long start = 0;
        for (; sent < Math.min(concurrency, workload.requests()); sent++) {
            run.submit(sent, start);
            start += clientGapNanos(workload, sent);
        }
        while (!run.sim.idle()) {
            run.step();
            for (RequestTiming t : run.drainFinished()) {
                if (sent < workload.requests()) {
                    run.submit(sent, t.lastTokenNanos() + clientGapNanos(workload, sent));
                    sent++;
                }
            }
        }
        return run.point(concurrency, Double.NaN);
    }

    /** Seeded uniform in [0, 2 x clientGapMs): mean clientGapMs, spread as a busy client's is. */
    private long clientGapNanos(Workload workload, int request) {
        double u = (BlockHashes.mix(seed ^ 0xC11E47L * (request + 1)) >>> 11) * 0x1.0p-53;
        return Math.round(2 * u * workload.clientGapMs() * 1e6);
    }

    /** An open loop of evenly spaced arrivals ({@code --request-rate R --arrival-pattern constant}). */
    public LoadPoint atRequestRate(double requestsPerSecond, Workload workload) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be a finite number > 0, was " + requestsPerSecond);
        }
        Run run = new Run(workload);
        for (int i = 0; i < workload.requests(); i++) run.submit(i, Math.round(i * 1e9 / requestsPerSecond));
        while (!run.sim.idle()) {
            run.step();
            run.drainFinished();
        }
        return run.point(0, requestsPerSecond);
    }

    /** Any arrival trace: the timing of every request, in the order given. Ids must be unique. */
    public List<RequestTiming> run(List<SimRequest> requests) {
        EngineSimulator sim = new EngineSimulator(config, seed);
        List<RequestTiming> done = new ArrayList<>(requests.size());
        EngineSimulator.Listener listener = new Collector(done);
        for (SimRequest r : requests) sim.submit(r);
        while (!sim.idle()) sim.advance(listener);
        Map<Long, RequestTiming> byId = new HashMap<>();
        for (RequestTiming t : done) byId.put(t.id(), t);
        List<RequestTiming> ordered = new ArrayList<>(requests.size());
        for (SimRequest r : requests) ordered.add(byId.get(r.id()));
        return ordered;
    }

    /**
     * The largest concurrency in 1..limit such that it and every smaller concurrency meet {@code slo} (judged on
     * {@link #atConcurrency} with this workload); 0 when concurrency 1 already fails. One simulation per
     * concurrency tried.
     */
    public int maxConcurrency(Workload workload, int limit, Predicate<LoadPoint> slo) {
        return maxConcurrency(c -> workload, limit, slo);
    }

    /** As {@link #maxConcurrency(Workload, int, Predicate)}, probing concurrency c with {@code workloadAt.apply(c)}. */
    public int maxConcurrency(IntFunction<Workload> workloadAt, int limit, Predicate<LoadPoint> slo) {
        int best = 0;
        for (int c = 1; c <= limit; c++) {
            if (!slo.test(atConcurrency(c, workloadAt.apply(c)))) break;
            best = c;
        }
        return best;
    }

    /** {@link #steadyState(int, int, int, int)} with no prefix-cache hits. */
    public SteadyState steadyState(int concurrency, int isl, int osl) {
        return steadyState(concurrency, isl, osl, 0);
    }

    /**
     * The closed-form steady state of a closed loop of {@code concurrency} clients sending isl/osl requests, of which
     * {@code cachedTokens} prompt tokens hit the prefix cache. With B = min(C, max-num-seqs) slots, a request holds a
     * slot for L = 1 + (osl - 1) steps (one prefill, then decodes), plus one empty step while the client's next
     * request arrives when nothing is queued (C <= max-num-seqs). Per step on average: decode_seqs = B (osl-1) / L,
     * prefill_tokens = B (isl - cached) / L, context_tokens = B (isl osl + osl (osl-1) / 2) / L, so
     * <pre>
     * step_ms = stepMs(decode_seqs, prefill_tokens, context_tokens) + stepJitterMs / 2
     * request_throughput = B / (L * step_ms / 1000),  output_token_throughput = osl * request_throughput
     * </pre>
     * Valid while a prompt fits one step's token budget and the batch fits the KV cache ({@code kvLimited} false);
     * a finite run is a little slower (its start and its tail run smaller batches).
     */
    public SteadyState steadyState(int concurrency, int isl, int osl, int cachedTokens) {
        if (concurrency < 1 || isl < 1 || osl < 1 || cachedTokens < 0 || cachedTokens >= isl) {
            throw new IllegalArgumentException("need concurrency, isl, osl >= 1 and 0 <= cachedTokens < isl");
        }
        int batch = Math.min(concurrency, config.maxNumSeqs());
        int cycle = osl + (concurrency > config.maxNumSeqs() ? 0 : 1);
        double perStep = (double) batch / cycle;
        double decode = perStep * (osl - 1);
        double prefill = perStep * (isl - cachedTokens);
        double context = perStep * ((double) isl * osl + osl * (osl - 1) / 2.0);
        double stepMs = config.stepBaseMs() + config.stepMsPerSeq() * decode + config.stepMsPerPrefillToken() * prefill
                + config.stepMsPer1kContext() * context / 1000.0 + config.stepJitterMs() / 2;
        double rps = batch / (cycle * stepMs / 1000.0);
        boolean kvLimited = (long) batch * (isl + osl) > config.maxSequenceTokens();
        return new SteadyState(batch, cycle, stepMs, rps, rps * osl, kvLimited);
    }

    /** Collects finished requests. */
    private static final class Collector implements EngineSimulator.Listener {
        final List<RequestTiming> done;

        Collector(List<RequestTiming> done) {
            this.done = done;
        }

        @Override
        public void token(SimRequest request, int generated, long atNanos) {}

        @Override
        public void finished(RequestTiming timing) {
            done.add(timing);
        }
    }

    /** One simulated benchmark: the engine, the requests of a workload, and what they measured. */
    private final class Run {
        final Workload workload;
        final EngineSimulator sim = new EngineSimulator(config, seed);
        final List<RequestTiming> all = new ArrayList<>();
        final List<RequestTiming> fresh = new ArrayList<>();
        final Collector collector = new Collector(fresh);
        final Map<Integer, long[]> hashes = new HashMap<>();
        double batchNanos;
        double busyNanos;

        Run(Workload workload) {
            this.workload = workload;
        }

        void submit(int index, long atNanos) {
            int entry = index % workload.datasetEntries();
            long[] h = hashes.computeIfAbsent(entry, e -> workload.blockHashes(e, config.blockSize()));
            sim.submit(new SimRequest(index, atNanos, workload.promptTokens(), workload.osl(), h));
        }

        void step() {
            Step s = sim.advance(collector);
            batchNanos += (double) s.seqs() * s.durationNanos();
            busyNanos += s.durationNanos();
        }

        List<RequestTiming> drainFinished() {
            List<RequestTiming> out = new ArrayList<>(fresh);
            all.addAll(fresh);
            fresh.clear();
            return out;
        }

        LoadPoint point(int concurrency, double rate) {
            all.sort(Comparator.comparingLong(RequestTiming::id));
            int n = all.size();
            double[] ttft = new double[n];
            double[] itl = new double[n];
            double[] latency = new double[n];
            int itlCount = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long outputTokens = 0;
            for (int i = 0; i < n; i++) {
                RequestTiming t = all.get(i);
                ttft[i] = t.ttftNanos() / 1e6;
                latency[i] = t.latencyNanos() / 1e6;
                if (t.outputTokens() >= 2) itl[itlCount++] = t.interTokenNanos() / 1e6;
                first = Math.min(first, t.arrivalNanos());
                last = Math.max(last, t.lastTokenNanos());
                outputTokens += t.outputTokens();
            }
            double seconds = (last - first) / 1e9;
            Stats itlStats = itlCount == 0 ? null : Statistics.of(itl, itlCount);
            double hitRate = sim.prefixQueryTokens() == 0 ? 0 : (double) sim.prefixHitTokens() / sim.prefixQueryTokens();
            return new LoadPoint(concurrency, rate, n, seconds, n / seconds, outputTokens / seconds,
                    Statistics.of(ttft, n), itlStats, Statistics.of(latency, n), hitRate, sim.preemptions(),
                    busyNanos == 0 ? 0 : batchNanos / busyNanos);
        }
    }
}
