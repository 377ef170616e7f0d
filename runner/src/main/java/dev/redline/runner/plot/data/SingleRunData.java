package dev.redline.runner.plot.data;

import java.util.List;

/**
 * Everything the single-run plots read: the summary, the profiling requests, the time slices, raw GPU
 * samples and the server-metric series of server_metrics_export.json (each empty when not exported). Times on the plots are seconds since {@code originNs}, the
 * first request's start (or the first slice's), found once (every point of every plot is placed against it).
 */
public record SingleRunData(RunData run, List<RequestPoint> requests, List<TimeSliceData> slices, List<GpuSample> gpuSamples,
                            List<ServerMetricSeries> serverMetrics, long originNs) {
    public SingleRunData(RunData run, List<RequestPoint> requests, List<TimeSliceData> slices, List<GpuSample> gpuSamples) {
        this(run, requests, slices, gpuSamples, List.of());
    }

    public SingleRunData(RunData run, List<RequestPoint> requests, List<TimeSliceData> slices, List<GpuSample> gpuSamples,
                         List<ServerMetricSeries> serverMetrics) {
        this(run, requests, slices, gpuSamples, serverMetrics, origin(requests, slices, gpuSamples, serverMetrics));
    }

    private static long origin(List<RequestPoint> requests, List<TimeSliceData> slices, List<GpuSample> gpuSamples,
                               List<ServerMetricSeries> serverMetrics) {
        long origin = Long.MAX_VALUE;
        for (RequestPoint r : requests) origin = Math.min(origin, r.startNs());
        for (TimeSliceData s : slices) origin = Math.min(origin, s.startNs());
        if (origin == Long.MAX_VALUE) for (GpuSample g : gpuSamples) origin = Math.min(origin, g.timestampNs());
        if (origin == Long.MAX_VALUE) {
            for (ServerMetricSeries m : serverMetrics) for (ServerMetricSeries.Slice s : m.slices()) origin = Math.min(origin, s.startNs());
        }
        return origin == Long.MAX_VALUE ? 0 : origin;
    }

    public double seconds(long ns) {
        return (ns - originNs) / 1e9;
    }
}
