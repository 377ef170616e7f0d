package dev.redline.runner.load;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserCentricAndTraceTest {
    private static final long MS = 1_000_000L;
    @RegisterExtension
    static final SseServerExtension sse = new SseServerExtension();

    private static ListDataset threeTurns(int conversations) {
        List<Conversation> cs = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            cs.add(new Conversation("u" + i, List.of(Turn.ofText("a" + i, 1, 2), Turn.ofText("b" + i, 1, 2), Turn.ofText("c" + i, 1, 2))));
        }
        return new ListDataset(cs);
    }

    private static PhaseSpec userCentric(int users, double rate, int sessions) {
        PhaseSpec p = new PhaseSpec();
        p.setKind(PhaseKind.PROFILING);
        p.setType(LoadType.USER_CENTRIC);
        p.setUsers(users);
        p.setRate(rate);
        p.setSessions(sessions);
        return p;
    }

    private static List<RequestRecord> session(LoadHarness h, long sn) {
        return h.records.stream().filter(r -> r.sessionNum() == sn).sorted(Comparator.comparingInt(RequestRecord::turnIndex)).toList();
    }

    @Test
    void eachUserSendsEveryUsersOverRateSecondsStaggeredFromTheStart() throws Exception {
        sse.server().ttftMs = 5;
        sse.server().itlMs = 2;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), threeTurns(4), List.of("m"), 8, 10)) {
            h.runner.runPhase(LoadHarness.phase(PhaseKind.WARMUP, 4, 8, null, null)); // JIT and connections, not measured
            h.records.clear();
            PhaseOutcome o = h.runner.runPhase(userCentric(4, 40, 4)); // gap 4 / 40 = 100 ms
            assertEquals("user_centric", o.loadType());
            assertEquals(12, h.records.size());
            long t0 = h.records.stream().mapToLong(RequestRecord::intendedSendPerfNs).min().orElseThrow();
            for (int user = 0; user < 4; user++) {
                int u = user;
                List<RequestRecord> turns = h.records.stream().filter(r -> r.workerId() == u)
                        .sorted(Comparator.comparingLong(RequestRecord::intendedSendPerfNs)).toList();
                assertEquals(3, turns.size());
                assertEquals(1, turns.stream().map(RequestRecord::xCorrelationId).distinct().count(), "one session per user here");
                assertEquals(user * 25 * MS, turns.get(0).intendedSendPerfNs() - t0, "user " + user + " staggered by 1/rate");
                for (int k = 1; k < 3; k++) {
                    RequestRecord prev = turns.get(k - 1);
                    long due = prev.intendedSendPerfNs() + 100 * MS;
                    if (prev.endPerfNs() <= due) {
                        assertEquals(100 * MS, turns.get(k).intendedSendPerfNs() - prev.intendedSendPerfNs(), "gap");
                    } else { // a loaded machine answered late: the next turn is re-based to the completion, never earlier
                        assertTrue(turns.get(k).intendedSendPerfNs() >= prev.endPerfNs() - MS, "re-based to the completion");
                    }
                    assertTrue(turns.get(k).startPerfNs() >= turns.get(k).intendedSendPerfNs());
                }
            }
        }
    }

    @Test
    void slowResponsesRebaseTheUserScheduleAndNeverOverlap() throws Exception {
        sse.server().ttftMs = 150;  // longer than the 100 ms gap
        sse.server().itlMs = 2;
        try (LoadHarness h = new LoadHarness(sse.vertx(), sse.server().url(), threeTurns(2), List.of("m"), 8, 10)) {
            h.runner.runPhase(userCentric(2, 20, 2));
            assertEquals(6, h.records.size());
            for (long sn = 0; sn < 2; sn++) {
                List<RequestRecord> turns = session(h, sn);
                for (int k = 1; k < 3; k++) {
                    assertTrue(turns.get(k).startPerfNs() >= turns.get(k - 1).endPerfNs(), "one turn in flight per user");
                    assertTrue(turns.get(k).intendedSendPerfNs() >= turns.get(k - 1).endPerfNs() - MS, "re-based to the completion");
                }
            }
        }
    }

    private static ListDataset trace(long... ts) {
        List<Conversation> cs = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            cs.add(new Conversation("e" + i, List.of(new Turn(List.of("x"), null, 1, 1, ts[i], null, Map.of()))));
        }
        return new ListDataset(cs);
    }

    @Test
    void badTracesAreRejectedWithOneLine() {
        IllegalArgumentException unsorted = assertThrows(IllegalArgumentException.class, () -> FixedSchedule.build(trace(0, 50, 20), null));
        assertEquals("trace timestamps are not sorted: entry e2 (20 ms) comes after 50 ms; sort the trace by timestamp", unsorted.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> FixedSchedule.build(trace(-5, 10), null));
        assertTrue(negative.getMessage().startsWith("trace entry e0 has negative timestamp -5 ms"));
    }

    @Test
    void autoOffsetMakesTheFirstTimestampTimeZero() {
        FixedScheduleSpec f = new FixedScheduleSpec();
        f.setAutoOffset(true);
        FixedSchedule s = FixedSchedule.build(trace(1000, 1000, 1250), f);
        assertEquals(List.of(0L, 0L, 250 * MS), s.entries().stream().map(FixedSchedule.Entry::offsetNs).toList());
        assertEquals(0L, FixedSchedule.build(trace(1000, 1250), null).entries().get(0).offsetNs(),
                "AIPerf's default: the first timestamp is time zero");
        FixedScheduleSpec off = new FixedScheduleSpec();
        off.setAutoOffset(false);
        FixedSchedule noOffset = FixedSchedule.build(trace(1000, 1250), off);
        assertEquals(1000 * MS, noOffset.entries().get(0).offsetNs(), "autoOffset false: timestamps count from phase start");
        f.setEndOffsetMs(1000L);
        assertEquals(2, FixedSchedule.build(trace(1000, 1000, 1250), f).size(), "end crop is inclusive");
    }
}
