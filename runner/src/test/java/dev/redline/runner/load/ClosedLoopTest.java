package dev.redline.runner.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.runner.client.SseServerExtension;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.redline.runner.load.LoadHarness.phase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClosedLoopTest {
    @RegisterExtension
    static final SseServerExtension sse = new SseServerExtension(20, 5);

    @Test
    void requestCountIsExactAndConcurrencyIsNeverExceeded() throws Exception {
        sse.server().ttftMs = 150;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(7, 3), List.of("m"), 4, 10)) {
            h.runner.run(List.of(phase(PhaseKind.PROFILING, 4, 22, null, null)));
            List<RequestRecord> recs = h.of(RequestRecord.Phase.PROFILING);
            assertEquals(22, recs.size());
            assertEquals(22, sse.server().received.get());
            assertEquals(4, sse.server().maxInFlight.get(), "4 slots, each request >= 150 ms: all 4 overlap, never 5");
            Set<Long> indexes = new HashSet<>();
            for (RequestRecord r : recs) {
                assertTrue(r.isValid(), String.valueOf(r.error()));
                indexes.add(r.requestIndex());
                assertNotNull(r.xRequestId());
                assertNotNull(r.xCorrelationId());
                assertTrue(r.intendedSendPerfNs() > 0 && r.intendedSendPerfNs() <= r.startPerfNs());
                assertEquals(2, r.inputTokens());
                assertEquals(3, r.requestedMaxTokens());
            }
            assertEquals(22, indexes.size());
            assertEquals(Set.copyOf(sse.server().requestIds), Set.copyOf(recs.stream().map(RequestRecord::xRequestId).toList()));
            assertEquals(22, h.runner.progress().completed());
            assertEquals(0, h.runner.progress().inFlight());
        }
    }

    @Test
    void defaultRequestCountIsTwiceConcurrencyAtLeastTen() throws Exception {
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(3, 2), List.of("m"), 8, 10)) {
            h.runner.run(List.of(phase(PhaseKind.PROFILING, 8, null, null, null)));
            assertEquals(16, h.records.size());
        }
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(3, 2), List.of("m"), 2, 10)) {
            h.runner.run(List.of(phase(PhaseKind.PROFILING, 2, null, null, null)));
            assertEquals(10, h.records.size());
        }
    }

    @Test
    void durationStopsSendingAndGraceCutsLateResponses() throws Exception {
        sse.server().ttftMs = 100;
        sse.server().itlMs = 50; // 5 tokens: each response takes >= 300 ms at the server
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(3, 5), List.of("m"), 2, 10)) {
            h.runner.run(List.of(phase(PhaseKind.PROFILING, 2, null, 0.5, 0.05)));
            List<RequestRecord> recs = h.of(RequestRecord.Phase.PROFILING);
            // each slot: sends at ~0 (done ~0.3 s, counted), at ~0.3 s (still running at 0.55 s: cut, late)
            assertEquals(4, recs.size());
            assertEquals(2, recs.stream().filter(RequestRecord::lateForGrace).count());
            long firstStart = recs.stream().mapToLong(RequestRecord::startPerfNs).min().orElseThrow();
            for (RequestRecord r : recs) {
                assertTrue(r.startPerfNs() - firstStart < 500_000_000L, "no send after the duration");
                if (!r.lateForGrace()) assertTrue(r.isValid());
            }
            assertEquals(2, h.runner.progress().lateForGrace());
        }
    }

    @Test
    void warmupIsTaggedAndDrainedBeforeProfiling() throws Exception {
        sse.server().ttftMs = 40;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(5, 3), List.of("m"), 3, 10)) {
            h.runner.run(List.of(phase(PhaseKind.WARMUP, 3, 5, null, null), phase(PhaseKind.PROFILING, 2, 6, null, null)));
            List<RequestRecord> warm = h.of(RequestRecord.Phase.WARMUP);
            List<RequestRecord> prof = h.of(RequestRecord.Phase.PROFILING);
            assertEquals(5, warm.size());
            assertEquals(6, prof.size());
            long lastWarmEnd = warm.stream().mapToLong(RequestRecord::endPerfNs).max().orElseThrow();
            long firstProfStart = prof.stream().mapToLong(RequestRecord::startPerfNs).min().orElseThrow();
            assertTrue(lastWarmEnd <= firstProfStart, "warmup fully drained before profiling");
        }
    }

    @Test
    void httpErrorsAreRecordsAndTheRunCompletes() throws Exception {
        sse.server().errorStatus = 500;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(2, 2), List.of("m"), 2, 10)) {
            h.runner.run(List.of(phase(PhaseKind.PROFILING, 2, 9, null, null)));
            assertEquals(9, h.records.size());
            h.records.forEach(r -> assertEquals(500, r.error().code()));
            assertEquals(9, h.runner.progress().errors());
        }
    }

    @Test
    void connectionRefusedAndTimeoutsAreRecordsAndTheRunCompletes() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (LoadHarness h = new LoadHarness(sse.vertx(), "127.0.0.1:" + port, ListDataset.singleTurn(2, 2), List.of("m"), 2, 5)) {
            h.runner.run(List.of(phase(PhaseKind.PROFILING, 2, 5, null, null)));
            assertEquals(5, h.records.size());
            h.records.forEach(r -> assertEquals("ConnectionError", r.error().type()));
        }
        sse.server().hang = true;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(2, 2), List.of("m"), 2, 0.2)) {
            h.runner.run(List.of(phase(PhaseKind.PROFILING, 2, 4, null, null)));
            assertEquals(4, h.records.size());
            h.records.forEach(r -> assertEquals("TimeoutError", r.error().type()));
        }
    }

    @Test
    void modelsRoundRobinPerSession() throws Exception {
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(4, 2), List.of("a", "b"), 1, 10)) {
            h.runner.run(List.of(phase(PhaseKind.PROFILING, 1, 6, null, null)));
            List<RequestRecord> recs = h.records.stream().sorted(Comparator.comparingLong(RequestRecord::requestIndex)).toList();
            for (RequestRecord r : recs) assertEquals(r.sessionNum() % 2 == 0 ? "a" : "b", r.model());
            assertEquals(List.of("a", "b", "a", "b", "a", "b"), sse.server().bodyList().stream().map(b -> b.get("model").asText()).toList());
        }
    }

    @Test
    void multiTurnSessionsCarryLiveHistoryAndWaitTheirDelay() throws Exception {
        Turn t0 = Turn.ofText("first question", 2, 2);
        Turn t1 = new Turn(List.of("second question"), null, 3, 2, null, 60L, Map.of());
        Turn t2 = new Turn(List.of("third question"), null, 2, 2, null, 60L, Map.of());
        ListDataset ds = new ListDataset(List.of(new Conversation("conv", List.of(t0, t1, t2))));
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ds, List.of("m"), 2, 10)) {
            var p = phase(PhaseKind.PROFILING, 2, null, null, null);
            p.setSessions(3);
            h.runner.run(List.of(p));
            assertEquals(9, h.records.size());
            for (long s = 0; s < 3; s++) {
                long sn = s;
                List<RequestRecord> turns = h.records.stream().filter(r -> r.sessionNum() == sn)
                        .sorted(Comparator.comparingInt(RequestRecord::turnIndex)).toList();
                assertEquals(3, turns.size());
                assertEquals(1, turns.stream().map(RequestRecord::xCorrelationId).distinct().count());
                for (int k = 1; k < 3; k++) {
                    long gap = turns.get(k).startPerfNs() - turns.get(k - 1).endPerfNs();
                    assertTrue(gap >= 59_000_000L, "turn " + k + " waited its delay after the previous completed: " + gap);
                }
            }
            JsonNode third = sse.server().bodyList().stream()
                    .filter(b -> b.get("messages").size() == 5).findFirst().orElseThrow();
            JsonNode msgs = third.get("messages");
            assertEquals("first question", msgs.get(0).get("content").asText());
            assertEquals("assistant", msgs.get(1).get("role").asText());
            assertEquals("word0 word1 ", msgs.get(1).get("content").asText(), "the live reply, not a canned one");
            assertEquals("word0 word1 word2 ", msgs.get(3).get("content").asText());
            assertEquals("third question", msgs.get(4).get("content").asText());
            assertFalse(sse.server().bodyList().stream().anyMatch(b -> b.get("messages").size() > 5));
        }
    }

    @Test
    void concurrencyRampStartsSlotsOneByOne() throws Exception {
        sse.server().ttftMs = 30;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), ListDataset.singleTurn(3, 2), List.of("m"), 4, 10)) {
            var p = phase(PhaseKind.PROFILING, 4, null, 0.8, 5.0);
            p.setConcurrencyRamp(0.6); // slots start at 0, 0.2, 0.4, 0.6 s
            h.runner.runPhase(p);
            long t0 = h.records.stream().mapToLong(RequestRecord::startPerfNs).min().orElseThrow();
            for (int slot = 0; slot < 4; slot++) {
                int s = slot;
                long first = h.records.stream().filter(r -> r.workerId() == s).mapToLong(RequestRecord::startPerfNs).min().orElseThrow();
                // t0 is slot 0's first send, itself a few ms after the phase start on a loaded machine, so
                // allow that scheduling delay; starting a whole step early (0 ms) still fails
                assertTrue(first - t0 >= slot * 200_000_000L - 20_000_000L, "slot " + slot + " starts at its ramp step: " + (first - t0) / 1e6);
            }
            long before = h.records.stream().filter(r -> r.startPerfNs() - t0 < 150_000_000L).count();
            long all = h.records.stream().filter(r -> r.startPerfNs() - t0 < 800_000_000L).count();
            assertTrue(before < all / 4, "few requests while only one slot runs");
        }
    }
}
