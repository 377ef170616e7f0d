package dev.redline.runner.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.discover.Discovery;
import dev.redline.runner.plot.discover.PlotMode;
import dev.redline.runner.plot.discover.RunDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.redline.runner.plot.SingleRunChartsTest.assertPoints;
import static dev.redline.runner.plot.SingleRunChartsTest.ys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values: each multi-run, sweep and search plot type's points from runs whose numbers are known. */
class MultiRunChartsTest {
    @TempDir Path tmp;

    /** Three concurrencies of model m on 2 GPUs (c1, c2, c4) and one run of model n without GPU telemetry. */
    private Path runs() throws IOException {
        Path base = tmp.resolve("runs");
        run(base.resolve("m-c1"), "m", 1, "10 9 12 13 15", 5, 100, "50 48 55 58 60", 40, true);
        run(base.resolve("m-c2"), "m", 2, "12 11 13 14 16", 9, 180, "60 58 65 68 70", 35, true);
        run(base.resolve("m-c4"), "m", 4, "20 19 24 25 30", 12, 160, "90 88 95 98 99", 20, true);
        run(base.resolve("n-c1"), "n", 1, "30 29 31 32 33", 2, 40, "70 69 71 72 73", 10, false);
        return base;
    }

    private static void run(Path dir, String model, int c, String ttft, double rps, double otps, String latency, double perUser,
                            boolean gpus) throws IOException {
        PlotFixtures.summary(dir, model, c, "time_to_first_token ms " + ttft, "request_throughput requests/sec " + rps,
                "output_token_throughput tokens/sec " + otps, "request_latency ms " + latency,
                "output_token_throughput_per_user tokens/sec/user " + perUser + " " + perUser + " " + perUser + " " + perUser + " " + perUser);
        if (gpus) Files.writeString(dir.resolve("gpu_telemetry_export.json"), "{\"gpus\":[{\"gpu_index\":\"0\"},{\"gpu_index\":\"1\"}]}");
    }

    private Map<String, Chart> charts(Path... paths) {
        Discovery d = RunDiscovery.discover(List.of(paths));
        return Plotter.charts(new PlotRequest(List.of(paths), null, null, List.of()), d).stream()
                .collect(Collectors.toMap(Chart::id, Function.identity()));
    }

    @Test
    void ttftVsThroughputIsOneLinePerModelInLoadOrderWithTheChosenTtftStatistic() throws IOException {
        Chart c = charts(runs()).get("ttft_vs_throughput");
        assertPoints(List.of(Point.of(10, 5), Point.of(12, 9), Point.of(20, 12)), c.series("m").points("avg"));
        assertPoints(List.of(Point.of(15, 5), Point.of(16, 9), Point.of(30, 12)), c.series("m").points("p99"));
        assertPoints(List.of(Point.of(30, 2)), c.series("n").points("avg"));
        assertEquals("m-c4", c.series("m").points("avg").get(2).label());
    }

    @Test
    void paretoFrontsKeepOnlyTheRunsNoOtherBeatsOnBothAxes() throws IOException {
        Map<String, Chart> c = charts(runs());
        Chart latency = c.get("pareto_curve_throughput_per_gpu_vs_latency");
        // per GPU: 100/2, 180/2, 160/2; c4 (90 ms, 80) is beaten by c2 (60 ms, 90)
        assertPoints(List.of(Point.of(50, 50), Point.of(60, 90), Point.of(90, 80)), latency.series("m").points("avg"));
        assertPoints(List.of(Point.of(50, 50), Point.of(60, 90)), latency.series("m Pareto front").points("avg"));
        assertPoints(List.of(Point.of(60, 50), Point.of(70, 90)), latency.series("m Pareto front").points("p99"));
        assertFalse(latency.series().stream().anyMatch(s -> s.name().startsWith("n")), "model n has no GPU count: no per-GPU point");
        Chart interactivity = c.get("pareto_curve_throughput_per_gpu_vs_interactivity");
        assertPoints(List.of(Point.of(35, 90), Point.of(40, 50)), interactivity.series("m Pareto front").points("avg"));
    }

    @Test
    void metricVsTheSweptKnobPerGroup() throws IOException {
        Map<String, Chart> c = charts(runs());
        assertPoints(List.of(Point.of(1, 100), Point.of(2, 180), Point.of(4, 160)),
                c.get("output_token_throughput_vs_concurrency").series("m").points("avg"));
        assertPoints(List.of(Point.of(1, 15), Point.of(2, 16), Point.of(4, 30)),
                c.get("time_to_first_token_vs_concurrency").series("m").points("p99"));
        assertTrue(c.get("output_token_throughput_vs_concurrency").stats().isEmpty());
    }

    @Test
    void aiperfSingleTrialSweepPlotsEachCellOnce() throws IOException {
        Path sweep = PlotFixtures.aiperf("sweep", tmp);
        Discovery d = RunDiscovery.discover(List.of(sweep));
        assertEquals(PlotMode.MULTI_RUN, d.mode());
        assertEquals(List.of("concurrency_1", "concurrency_2", "concurrency_4"),
                d.runs().stream().map(r -> r.path().getFileName().toString()).toList());
        assertFalse(d.runs().stream().anyMatch(r -> r.isAggregate()), "the aggregate/ copies shadow the cells");
        Chart rps = charts(sweep).get("request_throughput_vs_concurrency");
        double expected = new ObjectMapper().readTree(sweep.resolve("concurrency_2/profile_export_aiperf.json").toFile())
                .path("request_throughput").path("avg").asDouble();
        assertEquals(List.of(1.0, 2.0, 4.0), rps.series("mock-model").points("avg").stream().map(Point::x).toList());
        assertEquals(expected, rps.series("mock-model").points("avg").get(1).y(), 1e-12);
    }

    @Test
    void repeatedTrialsArePlottedAsTheirConfidenceAggregateWithErrorBars() throws IOException {
        Path sweep = PlotFixtures.aiperf("sweep-multi", tmp);
        Discovery d = RunDiscovery.discover(List.of(sweep));
        assertEquals(2, d.runs().size(), "profile_runs/ is summarised by aggregate/: " + d.runs());
        assertTrue(d.runs().stream().allMatch(r -> r.isAggregate()));
        JsonNode agg = new ObjectMapper().readTree(sweep.resolve("aggregate/concurrency_4/profile_export_aiperf_aggregate.json").toFile())
                .path("metrics").path("time_to_first_token_p99");
        Point p = charts(sweep).get("time_to_first_token_vs_concurrency").series("mock-model").points("p99").get(1);
        assertEquals(4, p.x());
        assertEquals(agg.path("mean").asDouble(), p.y(), 1e-12);
        assertEquals(agg.path("ci_low").asDouble(), p.low(), 1e-12);
        assertEquals(agg.path("ci_high").asDouble(), p.high(), 1e-12);
    }

    @Test
    void searchIterationsShowTheBestFeasibleSoFarAndTheSlaMeasuredPerIteration() throws IOException {
        Path search = tmp.resolve("search");
        run(search.resolve("search_iter_0000/profile_runs/run_0001"), "m", 1, "10 9 12 13 15", 5, 100, "50 48 55 58 60", 40, false);
        run(search.resolve("search_iter_0001/profile_runs/run_0001"), "m", 4, "20 19 24 25 30", 12, 160, "90 88 95 98 99", 20, false);
        run(search.resolve("search_iter_0002/profile_runs/run_0001"), "m", 2, "12 11 12.5 13 16", 9, 180, "60 58 65 68 70", 35, false);
        Files.writeString(search.resolve("search_history.json"), """
                {"config": {"objectives": [{"metric": "output_token_throughput", "stat": "avg", "direction": "maximize"}],
                            "sla_filters": [{"metric_tag": "time_to_first_token", "stat": "p95", "op": "le", "threshold": 13}]},
                 "iterations": [
                   {"iteration_idx": 0, "variation_values": {"concurrency": 1}, "objective_values": [100.0], "feasible": true},
                   {"iteration_idx": 1, "variation_values": {"concurrency": 4}, "objective_values": [160.0], "feasible": false},
                   {"iteration_idx": 2, "variation_values": {"concurrency": 2}, "objective_values": [180.0], "feasible": true},
                   {"iteration_idx": 3, "variation_values": {"concurrency": 3}, "objective_values": null, "feasible": false}],
                 "best_trials": null, "recipe": null, "convergence_reason": "max_iterations"}""");
        Map<String, Chart> c = charts(search);
        Chart it = c.get("search_iterations");
        assertPoints(List.of(Point.of(0, 100), Point.of(2, 180)), it.series("feasible").points("avg"));
        assertPoints(List.of(Point.of(1, 160)), it.series("infeasible (SLA broken)").points("avg"));
        assertEquals(List.of(100.0, 100.0, 180.0), ys(it.series("best so far").points("avg")));
        Chart sla = c.get("search_sla_time_to_first_token_p95");
        assertPoints(List.of(Point.of(0, 13), Point.of(1, 25), Point.of(2, 13)), sla.series("measured").points("avg"));
        assertPoints(List.of(Point.of(0, 13), Point.of(2, 13)), sla.series("SLA time_to_first_token p95 le 13").points("avg"));
    }
}
