package dev.redline.runner.mock.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler's rules, step by step, against hand-computed step times. */
class EngineSimulatorTest {
    private static final EngineConfig SMALL = EngineConfig.defaults().withStepTime(2, 0.5, 0.01, 0.1);

    private static SimRequest req(long id, long atNanos, int prompt, int output) {
        return new SimRequest(id, atNanos, prompt, output, new long[0]);
    }

    private static long ns(double ms) {
        return Math.max(1, Math.round(ms * 1e6));
    }

    @Test
    void aloneTtftIsThePrefillStepAndEachTokenOneDecodeStep() {
        EngineConfig c = SMALL;
        List<RequestTiming> t = new EngineOracle(c).run(List.of(req(1, 1_000, 300, 4)));
        RequestTiming r = t.get(0);
        long prefill = ns(c.stepMs(0, 300, 300));
        assertEquals(prefill, r.ttftNanos());
        // decode j computes token j's KV: context 300 + j
        long decodes = ns(c.stepMs(1, 0, 301)) + ns(c.stepMs(1, 0, 302)) + ns(c.stepMs(1, 0, 303));
        assertEquals(prefill + decodes, r.latencyNanos());
        assertEquals(1_000, r.scheduledNanos());
        assertEquals(0, r.cachedPromptTokens());
    }

    @Test
    void longPromptIsChunkedByTheTokenBudget() {
        EngineConfig c = SMALL.withMaxNumBatchedTokens(100);
        RequestTiming r = new EngineOracle(c).run(List.of(req(1, 0, 250, 1))).get(0);
        long expected = ns(c.stepMs(0, 100, 100)) + ns(c.stepMs(0, 100, 200)) + ns(c.stepMs(0, 50, 250));
        assertEquals(expected, r.ttftNanos());
    }

    @Test
    void withoutChunkingAPromptRunsWholeAndWaitsForRoom() {
        EngineConfig c = SMALL.withMaxNumBatchedTokens(100).withChunkedPrefill(false);
        List<RequestTiming> t = new EngineOracle(c).run(List.of(req(1, 0, 60, 1), req(2, 0, 60, 1), req(3, 0, 250, 1)));
        long one = ns(c.stepMs(0, 60, 60));
        assertEquals(one, t.get(0).ttftNanos());
        assertEquals(2 * one, t.get(1).ttftNanos(), "60 + 60 > 100: the second prompt waits a step");
        assertEquals(2 * one + ns(c.stepMs(0, 250, 250)), t.get(2).ttftNanos(), "a prompt over the budget runs alone");
    }

    @Test
    void batchCapQueuesFcfsAndItlGrowsWithTheBatch() {
        EngineConfig c = SMALL.withMaxNumSeqs(2);
        EngineSimulator sim = new EngineSimulator(c, 0);
        for (int i = 0; i < 4; i++) sim.submit(req(i, 0, 10, 3));
        List<RequestTiming> done = new ArrayList<>();
        Step first = sim.advance(collector(done));
        assertEquals(2, first.seqs());
        assertEquals(List.of(0L, 1L), sim.runningIds());
        assertEquals(2, sim.waitingCount());
        while (!sim.idle()) sim.advance(collector(done));
        assertEquals(List.of(0L, 1L, 2L, 3L), done.stream().map(RequestTiming::id).toList());
        assertTrue(done.get(2).scheduledNanos() >= done.get(0).lastTokenNanos(), "FCFS: 2 starts when a slot frees");

        EngineOracle oracle = new EngineOracle(EngineConfig.defaults());
        double previous = 0;
        for (int conc : new int[] {1, 4, 16, 64}) {
            double itl = oracle.atConcurrency(conc, Workload.of(200, 64, 4 * conc).withDistinctPrompts()).interTokenLatency().p50();
            assertTrue(itl > previous, "ITL at " + conc + " = " + itl + " after " + previous);
            previous = itl;
        }
    }

    @Test
    void fullKvCachePreemptsTheNewestOrWithoutPreemptionAdmitsOnlyWhatFits() {
        // 4 sequences of 64 + 64 tokens need 32 blocks of 16; the cache has 20
        EngineConfig tight = SMALL.withKvCacheTokens(320);
        List<SimRequest> reqs = new ArrayList<>();
        for (int i = 0; i < 4; i++) reqs.add(req(i, 0, 64, 64));

        EngineSimulator sim = new EngineSimulator(tight, 0);
        reqs.forEach(sim::submit);
        List<RequestTiming> done = new ArrayList<>();
        while (!sim.idle()) {
            sim.advance(collector(done));
            assertTrue(sim.kvCacheUsage() <= 1.0);
        }
        assertEquals(4, done.size());
        assertTrue(sim.preemptions() > 0, "the newest sequences were preempted");
        assertTrue(done.stream().anyMatch(t -> t.preemptions() > 0));
        assertEquals(0, done.stream().filter(t -> t.id() == 0).findFirst().orElseThrow().preemptions(), "the oldest keeps running");

        EngineSimulator reserve = new EngineSimulator(tight.withPreemption(false), 0);
        reqs.forEach(reserve::submit);
        reserve.advance(collector(new ArrayList<>()));
        assertEquals(2, reserve.runningCount(), "8 blocks each for prompt + output: two fit in 20");
        while (!reserve.idle()) reserve.advance(collector(new ArrayList<>()));
        assertEquals(0, reserve.preemptions());
    }

    @Test
    void prefixCacheHitsSkipCachedBlocksAndSurviveUntilEvicted() {
        EngineConfig c = SMALL.withKvCacheTokens(16 * 40);
        long[] shared = BlockHashes.synthetic(1, 1, 20); // 320 tokens
        long[] other = BlockHashes.synthetic(1, 2, 20);
        List<RequestTiming> t = new EngineOracle(c).run(List.of(
                new SimRequest(1, 0, 330, 2, shared),
                new SimRequest(2, ns(500), 330, 2, shared),
                new SimRequest(3, ns(1000), 330, 2, other),
                new SimRequest(4, ns(1500), 330, 2, other),
                new SimRequest(5, ns(2000), 330, 2, shared)));
        assertEquals(0, t.get(0).cachedPromptTokens());
        assertEquals(320, t.get(1).cachedPromptTokens());
        assertEquals(ns(c.stepMs(0, 10, 330)), t.get(1).ttftNanos(), "only the 10 uncached tokens are computed");
        assertTrue(t.get(1).ttftNanos() < t.get(0).ttftNanos());
        assertEquals(320, t.get(3).cachedPromptTokens());
        // 40 blocks: 'other' (21 blocks in use) evicted part of 'shared' to make room
        assertTrue(t.get(4).cachedPromptTokens() < 320, "evicted: " + t.get(4).cachedPromptTokens());

        List<RequestTiming> off = new EngineOracle(c.withPrefixCaching(false)).run(List.of(
                new SimRequest(1, 0, 330, 2, shared), new SimRequest(2, ns(500), 330, 2, shared)));
        assertEquals(0, off.get(1).cachedPromptTokens());
    }

    @Test
    void aWholePromptHitStillComputesItsLastToken() {
        long[] h = BlockHashes.synthetic(1, 3, 2);
        List<RequestTiming> t = new EngineOracle(SMALL).run(List.of(new SimRequest(1, 0, 32, 1, h), new SimRequest(2, ns(100), 32, 1, h)));
        assertEquals(31, t.get(1).cachedPromptTokens());
    }

    @Test
    void sameSeedAndArrivalsGiveIdenticalTimingsOtherSeedsDiffer() {
        EngineConfig c = EngineConfig.defaults().withStepJitterMs(2).withKvCacheTokens(6_000).withMaxNumSeqs(16);
        List<SimRequest> trace = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(42);
        long at = 0;
        for (int i = 0; i < 300; i++) {
            at += (long) (-Math.log(1 - rnd.nextDouble()) * 20e6); // Poisson, 50 req/s
            trace.add(new SimRequest(i, at, 100 + rnd.nextInt(900), 1 + rnd.nextInt(300), BlockHashes.synthetic(7, rnd.nextInt(20), 40)));
        }
        List<RequestTiming> a = new EngineOracle(c, 5).run(trace);
        List<RequestTiming> b = new EngineOracle(c, 5).run(trace);
        assertEquals(a, b);
        assertNotEquals(a, new EngineOracle(c, 6).run(trace));
        assertTrue(a.stream().anyMatch(t -> t.preemptions() > 0) && a.stream().anyMatch(t -> t.cachedPromptTokens() > 0),
                "the trace exercises preemption and the prefix cache");
    }

    @Test
    void requestsThatCanNeverFitAreRefused() {
        EngineConfig c = SMALL.withKvCacheTokens(1000);
        assertTrue(EngineSimulator.rejection(c, 900, 101).contains("maximum context length is 992"));
        assertEquals(null, EngineSimulator.rejection(c, 900, 92));
        assertThrows(IllegalArgumentException.class, () -> new EngineSimulator(c, 0).submit(req(1, 0, 990, 10)));
    }

    @Test
    void saturationMatchesTheSteadyStateFormula() {
        EngineConfig c = EngineConfig.defaults();
        EngineOracle oracle = new EngineOracle(c);
        for (int conc : new int[] {8, 64, 300}) {
            LoadPoint p = oracle.atConcurrency(conc, Workload.of(500, 100, 10 * conc).withDistinctPrompts());
            SteadyState s = oracle.steadyState(conc, 500, 100);
            assertEquals(s.outputTokenThroughput(), p.outputTokenThroughput(), 0.02 * s.outputTokenThroughput(), "concurrency " + conc);
            // ITL is the mean step when prefills spread over the steps; cohorts that prefill together decode faster
            double itl = p.interTokenLatency().avg();
            assertTrue(itl <= 1.05 * s.stepMs() && itl >= c.stepMs(Math.min(conc, c.maxNumSeqs()), 0, 0), "ITL " + itl + " at " + conc);
        }
        SteadyState above = oracle.steadyState(1000, 500, 100);
        assertEquals(c.maxNumSeqs(), above.batch());
        assertEquals(100, above.cycleSteps(), "a queue refills each slot at once");
    }

    @Test
    void badSettingsNameTheFlag() {
        EngineConfig d = EngineConfig.defaults();
        assertFlag("--max-num-seqs", () -> d.withMaxNumSeqs(0).validate());
        assertFlag("--max-num-batched-tokens", () -> d.withMaxNumBatchedTokens(-1).validate());
        assertFlag("--kv-cache-tokens", () -> d.withKvCacheTokens(-5).validate());
        assertFlag("--kv-cache-tokens", () -> d.withKvCacheTokens(8).validate());
        assertFlag("--block-size", () -> d.withBlockSize(0).validate());
        assertFlag("--step-base-ms", () -> d.withStepTime(0, 0, 0, 0).validate());
        assertFlag("--step-base-ms", () -> d.withStepTime(Double.NaN, 0, 0, 0).validate());
        assertFlag("--step-ms-per-seq", () -> d.withStepTime(6, -0.1, 0, 0).validate());
        assertFlag("--step-ms-per-prefill-token", () -> d.withStepTime(6, 0, Double.POSITIVE_INFINITY, 0).validate());
        assertFlag("--step-ms-per-1k-context", () -> d.withStepTime(6, 0, 0, Double.NaN).validate());
        assertFlag("--step-jitter-ms", () -> d.withStepJitterMs(-1).validate());
    }

    private static void assertFlag(String flag, Runnable bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::run);
        assertTrue(e.getMessage().startsWith(flag + " "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private static EngineSimulator.Listener collector(List<RequestTiming> done) {
        return new EngineSimulator.Listener() {
            @Override
            public void token(SimRequest request, int generated, long atNanos) {}

            @Override
            public void finished(RequestTiming timing) {
                done.add(timing);
            }
        };
    }
}
