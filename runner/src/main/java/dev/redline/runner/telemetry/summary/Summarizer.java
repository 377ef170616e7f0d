package dev.redline.runner.telemetry.summary;

import dev.redline.runner.telemetry.series.Observation;
import dev.redline.runner.telemetry.series.Timeline;
import dev.redline.runner.telemetry.stats.BucketQuantiles;
import dev.redline.runner.telemetry.stats.CounterMath;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.stats.Statistics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises one timeline over a run window {@code [start, end]} (monotonic nanos).
 * Counters and histograms use the scrapes that bracket the window (the last one at or before the start
 * and the first one at or after the end, which is the final scrape at stop); gauges use the samples
 * inside the window. A series that first appears after the endpoint's first scrape was created during
 * the run, so it counts from zero.
 */
public final class Summarizer {
    private final long start;
    private final long end;

    public Summarizer(long start, long end) {
        this.start = start;
        this.end = end;
    }

    /**
     * @param endpointFirstScrape monotonic time of the endpoint's first successful scrape
     * @return the summary, or null when the window holds no data for this series
     */
    public SeriesSummary summarize(Timeline t, long endpointFirstScrape) {
        boolean born = !t.points().isEmpty() && t.points().get(0).monoNanos() > endpointFirstScrape;
        return switch (t.type()) {
            case COUNTER -> counter(t, born);
            case HISTOGRAM -> histogram(t, born);
            case SUMMARY -> quantiles(t, born);
            default -> gauge(t);
        };
    }

    private SeriesSummary gauge(Timeline t) {
        List<Timeline.Point> pts = t.within(start, end);
        if (pts.isEmpty()) return null;
        double[] v = pts.stream().mapToDouble(p -> scalar(p.observation())).toArray();
        return new SeriesSummary.Gauge(t.id(), Statistics.sample(v));
    }

    private SeriesSummary counter(Timeline t, boolean born) {
        List<Timeline.Point> pts = t.bracket(start, end);
        if (pts.isEmpty()) return null;
        double total = born && t.points().get(0) == pts.get(0) ? scalar(pts.get(0).observation()) : 0;
        double[] rates = new double[Math.max(0, pts.size() - 1)];
        for (int i = 1; i < pts.size(); i++) {
            double inc = CounterMath.increase(scalar(pts.get(i - 1).observation()), scalar(pts.get(i).observation()));
            total += inc;
            double dt = (pts.get(i).monoNanos() - pts.get(i - 1).monoNanos()) / 1e9;
            rates[i - 1] = dt > 0 ? inc / dt : Double.NaN;
        }
        double seconds = seconds(pts);
        return new SeriesSummary.Counter(t.id(), total, seconds > 0 ? total / seconds : Double.NaN, seconds,
                Statistics.sample(rates));
    }

    private SeriesSummary histogram(Timeline t, boolean born) {
        List<Timeline.Point> pts = t.bracket(start, end);
        if (pts.isEmpty()) return null;
        Observation.Histogram last = (Observation.Histogram) pts.get(pts.size() - 1).observation();
        Observation.Histogram ref = (Observation.Histogram) pts.get(0).observation();
        boolean fromZero = born && t.points().get(0) == pts.get(0);
        double[] bounds = last.upperBounds();
        double[] cum = new double[bounds.length];
        double count;
        double sum;
        boolean reset = last.count() < ref.count() || !Arrays.equals(ref.upperBounds(), bounds);
        if (fromZero || reset) {
            cum = last.cumulativeCounts().clone();
            count = last.count();
            sum = last.sum();
        } else {
            for (int i = 0; i < bounds.length; i++) {
                cum[i] = Math.max(0, last.cumulativeCounts()[i] - ref.cumulativeCounts()[i]);
                if (i > 0) cum[i] = Math.max(cum[i], cum[i - 1]);
            }
            count = Math.max(0, last.count() - ref.count());
            sum = last.sum() - ref.sum();
        }
        Map<String, Double> pcts = new LinkedHashMap<>();
        for (double p : Statistics.PERCENTILES) {
            pcts.put("p" + SeriesSummary.trim(p) + "_estimate", BucketQuantiles.quantile(p / 100.0, bounds, cum));
        }
        return new SeriesSummary.Histogram(t.id(), count, sum, seconds(pts), bounds, cum, pcts);
    }

    private SeriesSummary quantiles(Timeline t, boolean born) {
        List<Timeline.Point> pts = t.bracket(start, end);
        if (pts.isEmpty()) return null;
        Observation.Summary last = (Observation.Summary) pts.get(pts.size() - 1).observation();
        Observation.Summary ref = (Observation.Summary) pts.get(0).observation();
        boolean fromZero = born && t.points().get(0) == pts.get(0);
        boolean reset = last.count() < ref.count();
        double count = fromZero || reset ? last.count() : last.count() - ref.count();
        double sum = fromZero || reset ? last.sum() : last.sum() - ref.sum();
        Map<String, Double> qs = new LinkedHashMap<>();
        for (int i = 0; i < last.quantiles().length; i++) {
            qs.put(SeriesSummary.trim(last.quantiles()[i]), last.values()[i]);
        }
        return new SeriesSummary.Quantiles(t.id(), count, sum, qs);
    }

    private static double seconds(List<Timeline.Point> pts) {
        return (pts.get(pts.size() - 1).monoNanos() - pts.get(0).monoNanos()) / 1e9;
    }

    static double scalar(Observation o) {
        return o instanceof Observation.Scalar s ? s.value() : Double.NaN;
    }
}
