package dev.redline.runner.plot.single;

import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.data.GpuFieldNames;
import dev.redline.runner.plot.data.GpuSample;
import dev.redline.runner.plot.data.MetricStats;
import dev.redline.runner.plot.data.RequestPoint;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.plot.data.TimeSliceData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric of a dual_axis preset as points over the run's time (seconds since the first request was sent), from
 * where AIPerf takes it: throughput_tokens_per_sec and active_requests from the dispersed throughput, a GPU field
 * as the mean over the GPUs at each scrape (AIPerf's raw samples, else the mean of each Redline time slice), a
 * per-request metric at each request's end.
 */
final class OverTimeMetric {
    static final String THROUGHPUT = "throughput_tokens_per_sec";
    static final String ACTIVE = "active_requests";

    /** The points and AIPerf's axis label of the metric; no points when the run has no such data. */
    record Resolved(List<Point> points, String label) { }

    private OverTimeMetric() { }

    /** Whether a dual_axis plot can draw the metric at all. */
    static boolean drawable(String metric) {
        return metric.equals(THROUGHPUT) || metric.equals(ACTIVE) || GpuFieldNames.isGpuField(metric) || AiperfLabels.perRequest(metric);
    }

    /** {@code withActive}: label each throughput point with the requests generating then (AIPerf's supplementary_col). */
    static Resolved resolve(String metric, SingleRunData data, boolean withActive) {
        if (metric.equals(THROUGHPUT) || metric.equals(ACTIVE)) {
            List<Point> out = new ArrayList<>();
            for (DispersedThroughput.Step s : DispersedThroughput.steps(data)) {
                if (metric.equals(ACTIVE)) out.add(Point.of(s.seconds(), s.activeRequests()));
                else out.add(withActive ? Point.labelled(s.seconds(), s.tokensPerSecond(), "Active Requests: " + s.activeRequests())
                        : Point.of(s.seconds(), s.tokensPerSecond()));
            }
            return new Resolved(out, AiperfLabels.axis(metric, null, data));
        }
        if (GpuFieldNames.isGpuField(metric)) return gpu(metric, data);
        List<Point> out = new ArrayList<>();
        for (RequestPoint r : data.requests()) {
            double v = r.metric(metric);
            if (!r.failed() && Double.isFinite(v)) out.add(Point.of(data.seconds(r.endNs()), v));
        }
        out.sort(Comparator.comparingDouble(Point::x));
        return new Resolved(out, AiperfLabels.axis(metric, null, data));
    }

    private static Resolved gpu(String metric, SingleRunData data) {
        for (String key : GpuFieldNames.keys(metric)) {
            List<Point> points = fromSamples(key, data);
            if (points.isEmpty()) points = fromSlices(key, data);
            if (!points.isEmpty()) return new Resolved(points, AiperfLabels.gpu(metric, key));
        }
        return new Resolved(List.of(), AiperfLabels.gpu(metric, metric));
    }

    /** AIPerf's aggregate_gpu_telemetry: the mean over the GPUs of each scrape's timestamp. */
    private static List<Point> fromSamples(String key, SingleRunData data) {
        Map<Long, double[]> byTime = new TreeMap<>(); // timestamp -> {sum, count}
        for (GpuSample g : data.gpuSamples()) {
            if (!g.field().equals(key)) continue;
            double[] acc = byTime.computeIfAbsent(g.timestampNs(), t -> new double[2]);
            acc[0] += g.value();
            acc[1]++;
        }
        List<Point> out = new ArrayList<>(byTime.size());
        byTime.forEach((t, acc) -> out.add(Point.of(data.seconds(t), acc[0] / acc[1])));
        return out;
    }

    /** Redline's runs keep GPU samples per time slice: the mean over the GPUs of each slice's average, at its start. */
    private static List<Point> fromSlices(String key, SingleRunData data) {
        List<Point> out = new ArrayList<>();
        for (TimeSliceData s : data.slices()) {
            double sum = 0;
            int n = 0;
            for (Map<String, MetricStats> fields : s.gpu().values()) {
                MetricStats m = fields.get(key);
                Double v = m == null ? null : m.value(MetricStats.AVG);
                if (v != null) {
                    sum += v;
                    n++;
                }
            }
            if (n > 0) out.add(Point.of(data.seconds(s.startNs()), sum / n));
        }
        return out;
    }
}
