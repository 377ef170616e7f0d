package dev.redline.runner.distributed;

import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.load.PhasePlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class WorkSplitTest {
    private static PhaseSpec phase(Integer concurrency, Integer requests, Double rate) {
        PhaseSpec p = new PhaseSpec();
        p.setConcurrency(concurrency);
        p.setRequests(requests);
        p.setRate(rate);
        return p;
    }

    private static List<PhaseSpec> shares(PhaseSpec p, int runners) {
        PhasePlan plan = PhasePlan.resolve(p, false, 10);
        List<PhaseSpec> out = new ArrayList<>();
        for (int i = 0; i < runners; i++) out.add(WorkSplit.share(p, plan, false, runners, i));
        return out;
    }

    @Test
    void concurrencyAndRequestsAddUpExactlyWithTheRemainderOnTheLowestIndexes() {
        List<PhaseSpec> s = shares(phase(10, 101, null), 3);
        assertEquals(List.of(4, 3, 3), s.stream().map(PhaseSpec::getConcurrency).toList());
        assertEquals(List.of(34, 34, 33), s.stream().map(PhaseSpec::getRequests).toList());
    }

    @Test
    void fewerSlotsThanRunnersLeavesTheRestOut() {
        List<PhaseSpec> s = shares(phase(2, 9, null), 4);
        assertEquals(5, s.get(0).getRequests());
        assertEquals(4, s.get(1).getRequests());
        assertNull(s.get(2));
        assertNull(s.get(3));
    }

    @Test
    void theDefaultRequestBudgetIsResolvedOnceThenSplit() {
        // AIPerf's default without a stop condition: max(10, 2 x concurrency) = 12 for the whole run, not per runner
        List<PhaseSpec> s = shares(phase(6, null, null), 4);
        assertEquals(12, s.stream().mapToInt(PhaseSpec::getRequests).sum());
        assertEquals(6, s.stream().mapToInt(PhaseSpec::getConcurrency).sum());
    }

    @Test
    void ratesAreDividedAndTraceReplaysStayOnTheCoordinator() {
        PhaseSpec open = phase(null, 30, 9.0);
        open.setType(LoadType.POISSON);
        List<PhaseSpec> s = shares(open, 3);
        assertEquals(List.of(3.0, 3.0, 3.0), s.stream().map(PhaseSpec::getRate).toList());
        assertEquals(30, s.stream().mapToInt(PhaseSpec::getRequests).sum());

        PhaseSpec trace = phase(null, null, null);
        PhasePlan plan = PhasePlan.resolveFixed(trace, 5);
        assertSame(trace, WorkSplit.share(trace, plan, true, 3, 0));
        assertNull(WorkSplit.share(trace, plan, true, 3, 1));
    }
}
