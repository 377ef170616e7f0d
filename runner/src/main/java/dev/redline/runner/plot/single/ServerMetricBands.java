package dev.redline.runner.plot.single;

import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.data.ServerMetricSeries;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.telemetry.stats.BucketQuantiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AIPerf's {@code percentile_bands} preset: a server metric over its timeslices, each at its midpoint. A histogram
 * shows p50 with the p50–p95 and p95–p99 bands, estimated per slice from its cumulative buckets by Prometheus'
 * linear interpolation (the slice's avg where it has no buckets or no observations); a gauge its avg with the
 * min–max band; a counter its rate. Reads Redline's and AIPerf's server_metrics_export.json.
 */
public final class ServerMetricBands implements PlotBuilder<SingleRunData> {
    private final String name;
    private final String title;
    private final ServerMetricSelector metric;

    public ServerMetricBands(String name, String title, String metricSpec) {
        this.name = name;
        this.metric = ServerMetricSelector.parse(metricSpec);
        this.title = title != null ? title : metric.name() + " Percentile Bands Over Time";
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        ServerMetricSeries s = metric.select(data.serverMetrics()).stream().filter(m -> !m.slices().isEmpty()).findFirst().orElse(null);
        if (s == null) return List.of(); // no timeslices of it in the run (no --slice-duration, or another server)
        List<Series> series = s.isHistogram() ? histogram(s, data) : s.isCounter() ? counter(s, data) : gauge(s, data);
        String unit = s.isCounter() ? s.unit() + "/s" : s.unit(); // a counter is drawn as its rate
        String y = unit.isEmpty() ? s.name() : s.name() + " (" + unit + ")";
        return List.of(new Chart(name, name, title, Axis.linear("Time (s)"), Axis.linear(y), series, List.of(), Series.ALL));
    }

    private static double mid(SingleRunData data, ServerMetricSeries.Slice t) {
        return data.seconds(t.startNs() + (t.endNs() - t.startNs()) / 2);
    }

    private static List<Series> histogram(ServerMetricSeries s, SingleRunData data) {
        List<Point> upper = new ArrayList<>();
        List<Point> lower = new ArrayList<>();
        List<Point> median = new ArrayList<>();
        for (ServerMetricSeries.Slice t : s.slices()) {
            double[] p = percentiles(t);
            double x = mid(data, t);
            upper.add(band(x, p[1], p[2]));
            lower.add(band(x, p[0], p[1]));
            median.add(Point.of(x, p[0]));
        }
        return List.of(Series.of("p95–p99 band", SeriesStyle.BAND, upper), Series.of("p50–p95 band", SeriesStyle.BAND, lower),
                Series.of("p50 (median)", SeriesStyle.LINE, median));
    }

    /** p50, p95, p99 of a slice from its cumulative buckets; its avg for all three when it has none (AIPerf's fallback). */
    static double[] percentiles(ServerMetricSeries.Slice t) {
        double count = t.value("count");
        if (!t.buckets().isEmpty() && count > 0) {
            double[] bounds = new double[t.buckets().size()];
            double[] cumulative = new double[bounds.length];
            int i = 0;
            for (Map.Entry<String, Double> b : t.buckets().entrySet()) {
                bounds[i] = b.getKey().equalsIgnoreCase("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(b.getKey());
                cumulative[i++] = b.getValue();
            }
            double[] p = {BucketQuantiles.quantile(0.50, bounds, cumulative), BucketQuantiles.quantile(0.95, bounds, cumulative),
                    BucketQuantiles.quantile(0.99, bounds, cumulative)};
            if (!Double.isNaN(p[0])) return p;
        }
        double avg = t.value("avg");
        return new double[] {avg, avg, avg};
    }

    private static List<Series> gauge(ServerMetricSeries s, SingleRunData data) {
        List<Point> range = new ArrayList<>();
        List<Point> avg = new ArrayList<>();
        for (ServerMetricSeries.Slice t : s.slices()) {
            double x = mid(data, t);
            range.add(band(x, t.value("min"), t.value("max")));
            avg.add(Point.of(x, t.value("avg")));
        }
        return List.of(Series.of("min–max band", SeriesStyle.BAND, range), Series.of("avg", SeriesStyle.LINE, avg));
    }

    private static List<Series> counter(ServerMetricSeries s, SingleRunData data) {
        List<Point> rate = new ArrayList<>();
        for (ServerMetricSeries.Slice t : s.slices()) rate.add(Point.of(mid(data, t), t.value("rate")));
        return List.of(Series.of("rate (/s)", SeriesStyle.LINE, rate));
    }

    /** A band's point: y is its top, low/high its edges. */
    private static Point band(double x, double low, double high) {
        return new Point(x, high, low, high, null);
    }
}
