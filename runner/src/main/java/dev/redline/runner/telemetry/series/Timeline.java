package dev.redline.runner.telemetry.series;

import dev.redline.runner.telemetry.prometheus.MetricType;

import java.util.ArrayList;
import java.util.List;

/**
 * The observations of one series in scrape order, each with the monotonic time of its scrape
 * ({@link System#nanoTime()}, the clock base request records use) and the wall time for reports.
 */
public final class Timeline {
    private final SeriesId id;
    private final MetricType type;
    private final List<Point> points = new ArrayList<>();

    /** One observation with its times. */
    public record Point(long monoNanos, long wallMillis, Observation observation) { }

    public Timeline(SeriesId id, MetricType type) {
        this.id = id;
        this.type = type;
    }

    public SeriesId id() { return id; }
    public MetricType type() { return type; }
    public List<Point> points() { return points; }

    /**
     * Appends an observation. For counters, histograms and summaries a run of identical observations
     * keeps only its first and last point (the last one moves forward), so an idle server costs no
     * memory over a long run and deltas are unchanged. Gauges keep every sample: their statistics
     * weigh each scrape.
     */
    public void add(long monoNanos, long wallMillis, Observation observation) {
        int n = points.size();
        Observation obs = observation;
        if (n > 0 && obs instanceof Observation.Histogram h && points.get(n - 1).observation() instanceof Observation.Histogram prev
                && java.util.Arrays.equals(prev.upperBounds(), h.upperBounds())) {
            obs = new Observation.Histogram(prev.upperBounds(), h.cumulativeCounts(), h.sum(), h.count()); // share the bounds
        }
        boolean collapsible = type == MetricType.COUNTER || type == MetricType.HISTOGRAM || type == MetricType.SUMMARY;
        if (collapsible && n >= 2 && obs.sameAs(points.get(n - 1).observation())
                && obs.sameAs(points.get(n - 2).observation())) {
            points.set(n - 1, new Point(monoNanos, wallMillis, points.get(n - 1).observation()));
            return;
        }
        points.add(new Point(monoNanos, wallMillis, obs));
    }

    /** Index of the last point at or before {@code t}, or -1 (binary search: points are in time order). */
    public int lastAtOrBefore(long t) {
        int lo = 0, hi = points.size() - 1, idx = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).monoNanos() <= t) {
                idx = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return idx;
    }

    /** Index of the first point at or after {@code t}, or -1. */
    public int firstAtOrAfter(long t) {
        int lo = 0, hi = points.size() - 1, idx = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).monoNanos() >= t) {
                idx = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return idx;
    }

    /**
     * The points that bracket a window for deltas: the last one at or before the start (else the first
     * one), through the first one at or after the end (else the last one).
     */
    public List<Point> bracket(long start, long end) {
        if (points.isEmpty()) return List.of();
        int from = Math.max(lastAtOrBefore(start), 0);
        int to = firstAtOrAfter(end);
        if (to < 0) to = points.size() - 1;
        if (to < from) return List.of();
        return new ArrayList<>(points.subList(from, to + 1));
    }

    /** Points inside {@code [start, end]}; when none, the last one before the end (a gauge's state). */
    public List<Point> within(long start, long end) {
        int from = firstAtOrAfter(start);
        int to = lastAtOrBefore(end);
        if (from >= 0 && to >= from) return new ArrayList<>(points.subList(from, to + 1));
        List<Point> out = new ArrayList<>();
        if (to >= 0) out.add(points.get(to));
        return out;
    }
}
