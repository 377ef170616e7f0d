package dev.redline.runner.load;

import dev.redline.api.v1alpha1.CancellationSpec;
import dev.redline.api.v1alpha1.FixedScheduleSpec;
import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.client.SseServerExtension;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.redline.runner.load.LoadHarness.phase;
import static dev.redline.runner.load.LoadHarness.rated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopTest {
    private static final long MS = 1_000_000L;
    @RegisterExtension
    static final SseServerExtension sse = new SseServerExtension(10, 5);

    private static List<RequestRecord> byIntended(LoadHarness h) {
        return h.records.stream().sorted(Comparator.comparingLong(RequestRecord::intendedSendPerfNs)).toList();
    }

    @Test
    void constantRateSendsExactCountOnAnAbsoluteSchedule() throws Exception {
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(5, 2), List.of("m"), 64, 10)) {
            PhaseOutcome o = h.runner.runPhase(rated(LoadType.CONSTANT, 200, null, 40, null));
            List<RequestRecord> recs = byIntended(h);
            assertEquals(40, recs.size());
            assertEquals(40, sse.server().received.get());
            // exact 5 ms gaps; only a pacer stall beyond the 10 ms catch-up window (a loaded machine) may
            // re-anchor, which shows as a longer gap and is counted in the outcome
            int offGrid = 0;
            for (int k = 1; k < recs.size(); k++) {
                long gap = recs.get(k).intendedSendPerfNs() - recs.get(k - 1).intendedSendPerfNs();
                if (Math.abs(gap - 5 * MS) > 1) {
                    offGrid++;
                    assertTrue(gap > 5 * MS, "a re-anchor only ever delays: gap " + k + " = " + gap);
                }
            }
            assertTrue(offGrid <= o.reanchors(), offGrid + " off-grid gaps, " + o.reanchors() + " re-anchors");
            for (RequestRecord r : recs) {
                assertTrue(r.isValid());
                assertTrue(r.startPerfNs() >= r.intendedSendPerfNs(), "never sent before its intended time");
            }
            assertEquals(40, o.sent());
            assertEquals(200.0, o.requestedRate());
            assertEquals("constant", o.loadType());
            assertTrue(o.achievedRate() > 0);
            // the schedule's own rate is computed from the intended send times of exactly these records
            long span = recs.get(recs.size() - 1).intendedSendPerfNs() - recs.get(0).intendedSendPerfNs();
            assertEquals(39 * 1e9 / span, o.scheduleRate(), 1e-6);
            assertTrue(o.scheduleRate() <= 200.0 + 1e-9, "a constant schedule never outruns its rate (re-anchors only delay)");
        }
    }

    @Test
    void concurrencyCeilingQueuesArrivalsAndTheWaitShowsInSendLag() throws Exception {
        sse.server().ttftMs = 100;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(5, 2), List.of("m"), 3, 10)) {
            h.runner.runPhase(rated(LoadType.CONSTANT, 1000, 3, 24, null));
            assertEquals(24, h.records.size());
            assertEquals(3, sse.server().maxInFlight.get(), "the ceiling holds");
            // 24 arrivals within 24 ms, 3 at a time, each >= 65 ms: the last waits >= 7 x 65 ms - 24 ms
            long maxLag = h.records.stream().mapToLong(SendTiming::sendLagNs).max().orElseThrow();
            assertTrue(maxLag >= 7 * 65 * MS - 24 * MS, "queueing is visible as send lag: " + maxLag / 1e6 + " ms");
            for (RequestRecord r : h.records) {
                long service = r.lastChunkPerfNs() - r.startPerfNs();
                assertEquals(service + SendTiming.sendLagNs(r), SendTiming.effectiveLatencyNs(r), "effective = lag + service");
            }
        }
    }

    @Test
    void durationStopsArrivalsAndCountsWhatWasSent() throws Exception {
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(5, 2), List.of("m"), 64, 10)) {
            PhaseOutcome o = h.runner.runPhase(rated(LoadType.CONSTANT, 100, null, null, 0.3));
            List<RequestRecord> recs = byIntended(h);
            long first = recs.get(0).intendedSendPerfNs();
            assertTrue(recs.get(recs.size() - 1).intendedSendPerfNs() - first < 300 * MS);
            // 30 arrivals are due before 0.3 s; a pacer stall on a loaded machine may re-anchor and lose some
            assertTrue(recs.size() <= 30, "no arrival at or after 0.3 s: " + recs.size());
            assertTrue(recs.size() == 30 || o.reanchors() > 0, recs.size() + " arrivals without a re-anchor");
            assertEquals(recs.size(), o.sent());
            assertEquals(recs.size(), sse.server().received.get());
        }
    }

    @Test
    void cancellationRateWithinBinomialBoundsAndRecordsAre499() throws Exception {
        sse.server().ttftMs = 150;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(5, 2), List.of("m"), 200, 10)) {
            PhaseSpec p = rated(LoadType.CONSTANT, 1000, null, 200, null);
            CancellationSpec c = new CancellationSpec();
            c.setRate(30.0);
            c.setDelay(0.02);
            p.setCancellation(c);
            PhaseOutcome o = h.runner.runPhase(p);
            assertEquals(200, h.records.size());
            long cancelled = h.records.stream().filter(RequestRecord::cancelled).count();
            // Binomial(200, 0.3): mean 60, sd 6.5; 4 sd bounds
            assertTrue(cancelled >= 34 && cancelled <= 86, "cancelled " + cancelled);
            assertEquals(cancelled, o.cancelled());
            for (RequestRecord r : h.records) {
                if (r.cancelled()) {
                    assertEquals(499, r.error().code());
                    assertTrue(r.cancellationPerfNs() - r.startPerfNs() >= 20 * MS, "cancelled after the delay");
                } else {
                    assertTrue(r.isValid());
                }
            }
        }
    }

    @Test
    void prefillConcurrencyLimitsRequestsWaitingForFirstToken() throws Exception {
        sse.server().ttftMs = 60;
        sse.server().itlMs = 20;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(5, 6), List.of("m"), 8, 10)) {
            PhaseSpec p = phase(PhaseKind.PROFILING, 8, 24, null, null);
            p.setPrefillConcurrency(2);
            h.runner.runPhase(p);
            assertEquals(24, h.records.size());
            assertTrue(sse.server().maxPrefill.get() <= 2, "at most 2 before their first token: " + sse.server().maxPrefill.get());
            assertTrue(sse.server().maxInFlight.get() >= 3, "decode overlaps beyond the prefill limit: " + sse.server().maxInFlight.get());
        }
    }

    private static ListDataset trace(long... timestamps) {
        List<Conversation> cs = new ArrayList<>();
        for (int i = 0; i < timestamps.length; i++) {
            cs.add(new Conversation("t" + i, List.of(new Turn(List.of("trace " + i), null, 2, 2, timestamps[i], null, Map.of()))));
        }
        return new ListDataset(cs);
    }

    @Test
    void fixedScheduleReplaysEveryEntryAndEqualTimestampsFireTogether() throws Exception {
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), trace(0, 0, 40, 100, 100), List.of("m"), 16, 10)) {
            PhaseOutcome o = h.runner.runPhase(phase(PhaseKind.PROFILING, null, null, null, null)); // trace implies fixed schedule
            assertEquals("fixed_schedule", o.loadType());
            List<RequestRecord> recs = byIntended(h);
            assertEquals(5, recs.size());
            long t0 = recs.get(0).intendedSendPerfNs();
            long[] offsets = recs.stream().mapToLong(r -> (r.intendedSendPerfNs() - t0) / MS).toArray();
            assertEquals(List.of(0L, 0L, 40L, 100L, 100L), java.util.Arrays.stream(offsets).boxed().toList());
        }
    }

    @Test
    void fixedScheduleCropIsInclusiveAndStartOffsetIsTimeZero() throws Exception {
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), trace(0, 50, 100, 150, 200, 250), List.of("m"), 16, 10)) {
            PhaseSpec p = phase(PhaseKind.PROFILING, null, null, null, null);
            FixedScheduleSpec fs = new FixedScheduleSpec();
            fs.setStartOffsetMs(100L);
            fs.setEndOffsetMs(200L);
            p.setFixedSchedule(fs);
            h.runner.runPhase(p);
            List<RequestRecord> recs = byIntended(h);
            assertEquals(List.of("t2", "t3", "t4"), recs.stream().map(RequestRecord::conversationId).toList());
            assertEquals(100 * MS, recs.get(2).intendedSendPerfNs() - recs.get(0).intendedSendPerfNs());
        }
    }

    @Test
    void openModelMultiTurnSessionsCountSessionsAndKeepHistory() throws Exception {
        Turn t0 = Turn.ofText("q0", 1, 2);
        Turn t1 = new Turn(List.of("q1"), null, 2, 1, null, 30L, Map.of());
        ListDataset ds = new ListDataset(List.of(new Conversation("c", List.of(t0, t1))));
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ds, List.of("m"), 16, 10)) {
            PhaseSpec p = rated(LoadType.POISSON, 100, 4, null, null);
            p.setSessions(6);
            h.runner.runPhase(p);
            assertEquals(12, h.records.size());
            assertEquals(6, h.records.stream().map(RequestRecord::xCorrelationId).distinct().count());
            assertEquals(6, sse.server().bodyList().stream().filter(b -> b.get("messages").size() == 3).count());
        }
    }

    @Test
    void warmupThenOpenModelProfilingNeverMix() throws Exception {
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(5, 2), List.of("m"), 16, 10)) {
            PhaseSpec warm = rated(LoadType.CONSTANT, 500, null, 10, null);
            warm.setKind(PhaseKind.WARMUP);
            List<PhaseOutcome> out = h.runner.run(List.of(warm, rated(LoadType.POISSON, 300, null, 15, null)));
            assertEquals(2, out.size());
            assertEquals(10, h.of(RequestRecord.Phase.WARMUP).size());
            assertEquals(15, h.of(RequestRecord.Phase.PROFILING).size());
            long lastWarmEnd = h.of(RequestRecord.Phase.WARMUP).stream().mapToLong(RequestRecord::endPerfNs).max().orElseThrow();
            assertTrue(h.of(RequestRecord.Phase.PROFILING).stream().allMatch(r -> r.startPerfNs() >= lastWarmEnd));
        }
    }
}
