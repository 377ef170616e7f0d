package dev.redline.runner.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardViewTest {
    @Test
    void rendersPhaseProgressRateAndLatencies() {
        LiveSnapshot s = new LiveSnapshot("profiling", 75.4, 200, -1, 120, 100, 3, 20, 1.59,
                new double[] {41.234, 98.5}, new double[] {10.5, 12});
        String text = DashboardView.render(s);
        String[] lines = text.split("\n");
        assertEquals(DashboardView.LINES, lines.length);
        assertEquals("Redline | phase profiling | 1:15 elapsed", lines[0]);
        assertEquals("[" + "#".repeat(20) + ".".repeat(20) + "] 100/200 requests", lines[1]);
        assertEquals("rate 1.6 req/s | in flight 20 | sent 120 | completed 100 | errors 3", lines[2]);
        assertEquals("TTFT  p50 41.23 ms  p99 98.50 ms", lines[3]);
        assertEquals("ITL   p50 10.50 ms  p99 12.00 ms", lines[4]);
        assertEquals("error rate 3.0%", lines[5]);
    }

    @Test
    void durationPhasesShowTimeAndMissingLatenciesShowDashes() {
        LiveSnapshot s = new LiveSnapshot("warmup", 30, -1, 120, 0, 0, 0, 0, 0,
                new double[] {Double.NaN, Double.NaN}, new double[] {Double.NaN, Double.NaN});
        String text = DashboardView.render(s);
        assertTrue(text.contains("[" + "#".repeat(10) + ".".repeat(30) + "] 0:30/2:00"), text);
        assertTrue(text.contains("TTFT  p50 --  p99 --"), text);
        assertTrue(text.endsWith("no errors\n"), text);
    }
}
