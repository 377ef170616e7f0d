package dev.redline.runner.telemetry.server;

import dev.redline.runner.telemetry.prometheus.MetricType;
import dev.redline.runner.telemetry.series.Observation;
import dev.redline.runner.telemetry.series.Timeline;
import dev.redline.runner.telemetry.stats.BucketQuantiles;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.stats.Statistics;
import dev.redline.runner.telemetry.summary.SeriesSummary;
import dev.redline.runner.telemetry.summary.Summarizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the headline server metrics of one endpoint over the run window, aggregating over label
 * sets (models, finish reasons, workers): histogram buckets are added, counters summed, gauges summed
 * or averaged per scrape.
 */
final class KeyMetricsCalculator {
    private final Map<String, List<Timeline>> byName = new LinkedHashMap<>();
    private final Summarizer summarizer;
    private final long start;
    private final long end;
    private final long firstScrape;

    KeyMetricsCalculator(List<Timeline> endpointTimelines, long start, long end, long firstScrape) {
        for (Timeline t : endpointTimelines) byName.computeIfAbsent(t.id().name(), k -> new ArrayList<>()).add(t);
        this.summarizer = new Summarizer(start, end);
        this.start = start;
        this.end = end;
        this.firstScrape = firstScrape;
    }

    List<KeyMetric> compute() {
        List<KeyMetric> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (KeyMetricCatalog.Definition d : KeyMetricCatalog.DEFINITIONS) {
            if (done.contains(d.key())) continue;
            KeyMetric m = compute(d);
            if (m != null) {
                out.add(m);
                done.add(d.key());
            }
        }
        return out;
    }

    private KeyMetric compute(KeyMetricCatalog.Definition d) {
        if (d.kind() == KeyMetricCatalog.Kind.RATIO_PERCENT) {
            for (int i = 0; i + 1 < d.candidates().size(); i += 2) {
                String hitsName = d.candidates().get(i);
                List<Timeline> hits = find(hitsName);
                List<Timeline> queries = find(d.candidates().get(i + 1));
                if (hits.isEmpty() || queries.isEmpty()) continue;
                double h = counterTotal(hits)[0];
                double q = counterTotal(queries)[0];
                return metric(d, hits.get(0).id().name() + " / " + queries.get(0).id().name(),
                        "value", q > 0 ? 100.0 * h / q : Double.NaN);
            }
            return null;
        }
        for (String candidate : d.candidates()) {
            List<Timeline> found = find(candidate);
            if (found.isEmpty()) continue;
            String source = found.get(0).id().name();
            switch (d.kind()) {
                case HISTOGRAM_MS -> {
                    KeyMetric m = histogram(d, source, found);
                    if (m != null) return m;
                }
                case GAUGE_SUM, GAUGE_MEAN_PERCENT -> {
                    boolean mean = d.kind() == KeyMetricCatalog.Kind.GAUGE_MEAN_PERCENT;
                    Stats dist = Statistics.sample(perScrape(found, mean));
                    double scale = mean ? 100.0 : 1.0;
                    Map<String, Double> v = new LinkedHashMap<>();
                    v.put("avg", dist.avg() * scale);
                    v.put("min", dist.min() * scale);
                    v.put("max", dist.max() * scale);
                    v.put("p50", dist.p50() * scale);
                    v.put("p99", dist.p99() * scale);
                    return new KeyMetric(d.key(), d.title(), d.unit(), source, v);
                }
                case COUNTER_TOTAL -> {
                    double[] tr = counterTotal(found);
                    Map<String, Double> v = new LinkedHashMap<>();
                    v.put("total", tr[0]);
                    v.put("rate", tr[1] > 0 ? tr[0] / tr[1] : Double.NaN);
                    return new KeyMetric(d.key(), d.title(), d.unit(), source, v);
                }
                default -> { }
            }
        }
        return null;
    }

    private List<Timeline> find(String name) {
        List<Timeline> t = byName.get(name);
        if (t == null) t = byName.get(name + "_total");
        return t == null ? List.of() : t;
    }

    /** {total, seconds}: counters summed; histograms contribute their sum (token-length histograms). */
    private double[] counterTotal(List<Timeline> timelines) {
        double total = 0;
        double seconds = 0;
        for (Timeline t : timelines) {
            SeriesSummary s = summarizer.summarize(t, firstScrape);
            if (s instanceof SeriesSummary.Counter c) {
                total += c.total();
                seconds = Math.max(seconds, c.seconds());
            } else if (s instanceof SeriesSummary.Histogram h) {
                total += h.sum();
                seconds = Math.max(seconds, h.seconds());
            } else if (s instanceof SeriesSummary.Gauge g && t.type() == MetricType.UNTYPED) {
                total += g.values().max() - g.values().min();
            }
        }
        return new double[]{total, seconds};
    }

    private KeyMetric histogram(KeyMetricCatalog.Definition d, String source, List<Timeline> timelines) {
        double[] bounds = null;
        double[] cum = null;
        double count = 0;
        double sum = 0;
        for (Timeline t : timelines) {
            if (!(summarizer.summarize(t, firstScrape) instanceof SeriesSummary.Histogram h)) continue;
            if (bounds == null) {
                bounds = h.upperBounds();
                cum = new double[bounds.length];
            }
            if (!Arrays.equals(bounds, h.upperBounds())) continue; // differently bucketed series cannot be merged
            for (int i = 0; i < cum.length; i++) cum[i] += h.cumulativeDeltas()[i];
            count += h.count();
            sum += h.sum();
        }
        if (bounds == null) return null;
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("avg", count > 0 ? 1000.0 * sum / count : Double.NaN);
        v.put("p50", 1000.0 * BucketQuantiles.quantile(0.50, bounds, cum));
        v.put("p90", 1000.0 * BucketQuantiles.quantile(0.90, bounds, cum));
        v.put("p99", 1000.0 * BucketQuantiles.quantile(0.99, bounds, cum));
        v.put("count", count);
        return new KeyMetric(d.key(), d.title(), d.unit(), source, v);
    }

    /** One value per scrape: the series of one scrape summed (or averaged). */
    private double[] perScrape(List<Timeline> timelines, boolean mean) {
        TreeMap<Long, double[]> acc = new TreeMap<>();
        for (Timeline t : timelines) {
            for (Timeline.Point p : t.within(start, end)) {
                if (!(p.observation() instanceof Observation.Scalar s) || Double.isNaN(s.value())) continue;
                double[] a = acc.computeIfAbsent(p.monoNanos(), k -> new double[2]);
                a[0] += s.value();
                a[1]++;
            }
        }
        return acc.values().stream().mapToDouble(a -> mean ? a[0] / a[1] : a[0]).toArray();
    }

    private static KeyMetric metric(KeyMetricCatalog.Definition d, String source, String stat, double value) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(stat, value);
        return new KeyMetric(d.key(), d.title(), d.unit(), source, v);
    }
}
