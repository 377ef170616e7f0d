package dev.redline.runner.telemetry.summary;

import dev.redline.runner.telemetry.series.SeriesId;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.stats.Statistics;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one series did over the run window, by metric type. */
public sealed interface SeriesSummary
        permits SeriesSummary.Counter, SeriesSummary.Gauge, SeriesSummary.Histogram, SeriesSummary.Quantiles {

    SeriesId id();

    /** The statistics as an ordered map for the JSON export. */
    Map<String, Object> stats();

    /**
     * Counter: {@code total} increase over the window (resets handled), {@code rate} = total / seconds
     * between the bracketing scrapes, and the spread of the per-interval rates.
     */
    record Counter(SeriesId id, double total, double rate, double seconds, Stats intervalRates)
            implements SeriesSummary {
        public Map<String, Object> stats() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", total);
            m.put("rate", finite(rate));
            m.put("rate_avg", finite(intervalRates.avg()));
            m.put("rate_min", finite(intervalRates.min()));
            m.put("rate_max", finite(intervalRates.max()));
            m.put("rate_std", finite(intervalRates.std()));
            m.put("duration_seconds", seconds);
            return m;
        }
    }

    /** Gauge or untyped: the distribution of the samples inside the window. */
    record Gauge(SeriesId id, Stats values) implements SeriesSummary {
        public Map<String, Object> stats() {
            return values.toMap();
        }
    }

    /**
     * Histogram: deltas of count and sum over the window, and percentiles estimated from the bucket
     * deltas by linear interpolation inside buckets.
     */
    record Histogram(SeriesId id, double count, double sum, double seconds, double[] upperBounds,
                     double[] cumulativeDeltas, Map<String, Double> percentiles) implements SeriesSummary {
        public double avg() {
            return count > 0 ? sum / count : Double.NaN;
        }

        public double percentile(double p) {
            Double v = percentiles.get("p" + trim(p) + "_estimate");
            return v == null ? Double.NaN : v;
        }

        public Map<String, Object> stats() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("sum", sum);
            m.put("avg", finite(avg()));
            m.put("count_rate", seconds > 0 ? count / seconds : null);
            m.put("sum_rate", seconds > 0 ? sum / seconds : null);
            percentiles.forEach((k, v) -> m.put(k, finite(v)));
            return m;
        }

        /** Cumulative bucket deltas keyed by upper bound ({@code le}), as AIPerf's export writes them. */
        public Map<String, Double> buckets() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < upperBounds.length; i++) m.put(bound(upperBounds[i]), cumulativeDeltas[i]);
            return m;
        }
    }

    /** Summary: the server's own quantiles at the end of the window, count and sum deltas. */
    record Quantiles(SeriesId id, double count, double sum, Map<String, Double> quantiles) implements SeriesSummary {
        public Map<String, Object> stats() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("sum", sum);
            m.put("avg", count > 0 ? sum / count : null);
            quantiles.forEach((k, v) -> m.put("q" + k, finite(v)));
            return m;
        }
    }

    static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static String bound(double d) {
        return Double.isInfinite(d) ? "+Inf" : trim(d);
    }
}
