package dev.redline.operator.status;

import dev.redline.api.v1alpha1.ResultsSummary;
import dev.redline.api.v1alpha1.SloOperator;
import dev.redline.api.v1alpha1.SloResult;
import dev.redline.api.v1alpha1.SloSpec;
import dev.redline.api.v1alpha1.SloStat;
import dev.redline.api.v1alpha1.StatSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SloEvaluatorTest {
    @Test
    void comparesTheChosenStatisticWithTheOperator() {
        ResultsSummary r = new ResultsSummary();
        r.setTimeToFirstToken(new StatSummary(50.0, 40.0, 90.0, 150.0, 200.0));
        r.setRequestThroughput(12.5);
        List<SloResult> out = SloEvaluator.evaluate(List.of(
                new SloSpec("time_to_first_token", null, null, 200.0),            // p99 <= 200: holds at equality
                new SloSpec("time_to_first_token", SloStat.P90, SloOperator.LT, 90.0), // 90 < 90: violated
                new SloSpec("request_throughput", SloStat.P99, SloOperator.GE, 12.0),  // stat ignored for scalars
                new SloSpec("goodput", null, SloOperator.GE, 1.0)), r);               // not in results
        assertEquals(List.of(true, false, true), out.subList(0, 3).stream().map(SloResult::getMet).toList());
        assertEquals("time_to_first_token p90 < 90", out.get(1).getObjective());
        assertEquals(12.5, out.get(2).getActual());
        assertNull(out.get(3).getMet());
        assertNull(out.get(3).getActual());
    }
}
