package dev.redline.runner.experiment;

import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepTableTest {
    private static Observation cell(int i, int concurrency, double rps, double ttftP99) {
        ProfileExport e = new ProfileExport()
                .putMetric("request_throughput", MetricBlock.scalar("requests/sec", rps))
                .putMetric("time_to_first_token", new MetricBlock("ms", Map.of("avg", ttftP99 / 2, "p99", ttftP99)));
        Variation v = new Variation(i, "phases.profiling.concurrency=" + concurrency, Map.of("phases.profiling.concurrency", concurrency), new BenchmarkSpec());
        return new Observation(v, List.of(TrialOutcome.ok(0, e)));
    }

    @Test
    void starsExactlyTheNonDominatedCellsAndRedrawsInPlace() {
        List<Observation> obs = List.of(cell(0, 1, 10, 50), cell(1, 4, 30, 60), cell(2, 16, 25, 90), cell(3, 64, 31, 400),
                new Observation(new Variation(4, "x", Map.of("phases.profiling.concurrency", 128), new BenchmarkSpec()),
                        List.of(TrialOutcome.failed(0, "boom"))));
        assertEquals(List.of(0, 1, 3), SweepTable.pareto(obs), "16 is dominated by 4 (more throughput, lower TTFT); the failed cell is no point");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SweepTable table = new SweepTable(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        List<Observation> growing = new ArrayList<>();
        for (int i = 0; i < obs.size(); i++) {
            table.runStarting(obs.get(i).variation(), 0, i + 1, 5);
            growing.add(obs.get(i));
            table.runFinished(obs.get(i).variation(), 0, obs.get(i).trials().get(0), growing, i + 1, 5);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("cell 3/5 running: phases.profiling.concurrency=16"), out);
        assertTrue(out.contains("cell 5/5 done: x failed: boom"), out);
        assertTrue(out.contains("\033[") && out.contains("F\033[J"), "redrawn in place with ANSI");
        String last = out.substring(out.lastIndexOf("Sweep"));
        for (String line : last.split("\n")) {
            if (line.contains("concurrency=16") || line.contains("concurrency=128")) assertTrue(!line.contains(SweepTable.STAR), line);
            if (line.contains("concurrency=64")) assertTrue(line.contains(SweepTable.STAR), line);
        }
    }
}
