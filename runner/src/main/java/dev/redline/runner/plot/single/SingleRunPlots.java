package dev.redline.runner.plot.single;

import dev.redline.api.v1alpha1.PlotNames;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.data.RequestPoint;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.plot.single.TelemetryOverTime.Panel;

import java.util.List;

/** The single-run plots, in PlotNames.SINGLE_RUN order. */
public final class SingleRunPlots {
    private SingleRunPlots() { }

    public static List<PlotBuilder<SingleRunData>> all() {
        return List.of(
                new RequestMetricOverTime(PlotNames.TTFT_OVER_TIME, "Time to first token per request", "Time to first token (ms)",
                        RequestPoint::ttftMs),
                new RequestMetricOverTime(PlotNames.ITL_OVER_TIME, "Inter-token latency per request", "Inter-token latency (ms)",
                        RequestPoint::itlMs),
                new RequestMetricOverTime(PlotNames.LATENCY_OVER_TIME, "Request latency per request", "Request latency (ms)",
                        RequestPoint::latencyMs),
                new DispersedThroughput(),
                new RequestTimeline(),
                new TimesliceMetric(PlotNames.TIMESLICES_TTFT, "time_to_first_token", "Time to first token per time slice"),
                new TimesliceMetric(PlotNames.TIMESLICES_ITL, "inter_token_latency", "Inter-token latency per time slice"),
                new TimesliceMetric(PlotNames.TIMESLICES_LATENCY, "request_latency", "Request latency per time slice"),
                new TimesliceMetric(PlotNames.TIMESLICES_THROUGHPUT, "request_throughput", "Request throughput per time slice"),
                TelemetryOverTime.server(PlotNames.SERVER_METRICS_OVER_TIME, List.of(
                        new Panel("server_requests_over_time", "Server: requests running and waiting", "Requests",
                                List.of("requests_running", "requests_waiting")),
                        new Panel("server_kv_cache_over_time", "Server: KV-cache usage", "KV-cache usage (%)", List.of("kv_cache_usage")))),
                TelemetryOverTime.gpu(PlotNames.GPU_OVER_TIME, List.of(
                        new Panel("gpu_power_over_time", "GPU power", "Power (W)", List.of("gpu_power_usage")),
                        new Panel("gpu_utilization_over_time", "GPU utilisation", "Utilisation (%)", List.of("gpu_utilization")),
                        new Panel("gpu_memory_over_time", "GPU memory used", "Memory used (GB)", List.of("gpu_memory_used")))));
    }
}
