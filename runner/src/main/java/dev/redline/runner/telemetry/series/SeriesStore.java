package dev.redline.runner.telemetry.series;

import dev.redline.runner.telemetry.prometheus.MetricFamily;
import dev.redline.runner.telemetry.prometheus.MetricType;
import dev.redline.runner.telemetry.prometheus.ParsedExposition;
import dev.redline.runner.telemetry.prometheus.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All series seen across scrapes, folded from parsed expositions into per-series timelines.
 * Written by the scraper threads, read after the run; methods are synchronized.
 */
public final class SeriesStore {
    /** HELP and type of a metric name, as the server declared them. */
    public record Meta(MetricType type, String help) { }

    private final Map<SeriesId, Timeline> timelines = new LinkedHashMap<>();
    private final Map<String, Meta> meta = new LinkedHashMap<>();

    public synchronized void add(String endpoint, long monoNanos, long wallMillis, ParsedExposition exposition) {
        for (MetricFamily f : exposition.families().values()) {
            switch (f.type()) {
                case HISTOGRAM -> foldHistogram(endpoint, f, monoNanos, wallMillis);
                case SUMMARY -> foldSummary(endpoint, f, monoNanos, wallMillis);
                default -> {
                    for (Sample s : f.samples()) {
                        meta.putIfAbsent(s.name(), new Meta(f.type(), f.help()));
                        timeline(new SeriesId(endpoint, s.name(), s.labels()), f.type())
                                .add(monoNanos, wallMillis, new Observation.Scalar(s.value()));
                    }
                }
            }
        }
    }

    public synchronized List<Timeline> timelines() {
        return new ArrayList<>(timelines.values());
    }

    public synchronized Meta meta(String name) {
        return meta.get(name);
    }

    public synchronized boolean isEmpty() {
        return timelines.isEmpty();
    }

    private Timeline timeline(SeriesId id, MetricType type) {
        return timelines.computeIfAbsent(id, k -> new Timeline(k, type));
    }

    private void foldHistogram(String endpoint, MetricFamily f, long mono, long wall) {
        meta.putIfAbsent(f.name(), new Meta(f.type(), f.help()));
        Map<Map<String, String>, Parts> groups = group(f, "le");
        for (Map.Entry<Map<String, String>, Parts> e : groups.entrySet()) {
            Parts p = e.getValue();
            if (p.keyed.isEmpty()) continue;
            double[] bounds = new double[p.keyed.size()];
            double[] counts = new double[p.keyed.size()];
            int i = 0;
            for (Map.Entry<Double, Double> b : p.keyed.entrySet()) {
                bounds[i] = b.getKey();
                counts[i++] = b.getValue();
            }
            double count = Double.isNaN(p.count) ? counts[counts.length - 1] : p.count;
            timeline(new SeriesId(endpoint, f.name(), e.getKey()), MetricType.HISTOGRAM)
                    .add(mono, wall, new Observation.Histogram(bounds, counts, p.sum, count));
        }
    }

    private void foldSummary(String endpoint, MetricFamily f, long mono, long wall) {
        meta.putIfAbsent(f.name(), new Meta(f.type(), f.help()));
        for (Map.Entry<Map<String, String>, Parts> e : group(f, "quantile").entrySet()) {
            Parts p = e.getValue();
            double[] qs = new double[p.keyed.size()];
            double[] vs = new double[p.keyed.size()];
            int i = 0;
            for (Map.Entry<Double, Double> q : p.keyed.entrySet()) {
                qs[i] = q.getKey();
                vs[i++] = q.getValue();
            }
            timeline(new SeriesId(endpoint, f.name(), e.getKey()), MetricType.SUMMARY)
                    .add(mono, wall, new Observation.Summary(qs, vs, p.sum, p.count));
        }
    }

    /** Buckets or quantiles keyed by their bound, plus _sum and _count, per label set. */
    private static final class Parts {
        final TreeMap<Double, Double> keyed = new TreeMap<>();
        double sum = Double.NaN;
        double count = Double.NaN;
    }

    private static Map<Map<String, String>, Parts> group(MetricFamily f, String splitLabel) {
        Map<Map<String, String>, Parts> groups = new LinkedHashMap<>();
        for (Sample s : f.samples()) {
            Map<String, String> labels = new TreeMap<>(s.labels());
            String key = labels.remove(splitLabel);
            Parts p = groups.computeIfAbsent(labels, k -> new Parts());
            String n = s.name();
            if (n.endsWith("_sum") && !n.equals(f.name())) {
                p.sum = s.value();
            } else if (n.endsWith("_count") && !n.equals(f.name())) {
                p.count = s.value();
            } else if (key != null) {
                p.keyed.put(parseBound(key), s.value());
            }
        }
        return groups;
    }

    private static double parseBound(String text) {
        return switch (text) {
            case "+Inf", "Inf", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
