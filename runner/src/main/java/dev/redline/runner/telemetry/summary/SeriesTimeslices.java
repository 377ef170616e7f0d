package dev.redline.runner.telemetry.summary;

import dev.redline.runner.stats.Statistics;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.telemetry.series.Observation;
import dev.redline.runner.telemetry.series.Timeline;
import dev.redline.runner.telemetry.stats.CounterMath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series cut into AIPerf's server-metric timeslices ({@code --slice-duration}): fixed windows from the
 * profiling window's start, the last one partial ({@code is_complete: false}) when the window is not a
 * whole number of slices. Counters: {@code total} and {@code rate} per slice; gauges: {@code avg/min/max}
 * of the samples in the slice; histograms: {@code count}, {@code sum}, {@code avg} and the cumulative
 * bucket deltas keyed by {@code le}. A counter's or histogram's value at a boundary is the last scrape at
 * or before it; at the window's end it is the scrape that closes the window ({@link Timeline#bracket}),
 * so a counter's slice totals add up to its window total, resets included ({@link CounterMath}).
 */
public final class SeriesTimeslices {
    private final RunWindow window;
    private final long sliceNs;

    public SeriesTimeslices(RunWindow window, double sliceSeconds) {
        if (!(sliceSeconds > 0) || Double.isInfinite(sliceSeconds)) {
            throw new IllegalArgumentException("slice duration must be positive and finite: " + sliceSeconds);
        }
        this.window = window;
        this.sliceNs = Math.max(1, Math.round(sliceSeconds * 1e9));
    }

    /** The slices of one series (empty when the window holds too little of it), as the export writes them. */
    public List<Map<String, Object>> of(Timeline t, long endpointFirstScrape) {
        return switch (t.type()) {
            case COUNTER -> counter(t, endpointFirstScrape);
            case HISTOGRAM -> histogram(t, endpointFirstScrape);
            case SUMMARY -> List.of();
            default -> gauge(t);
        };
    }

    /** AIPerf's rate statistics of a counter: over its complete slices only; null when there are none. */
    public static Stats completeRates(List<Map<String, Object>> slices) {
        double[] rates = slices.stream().filter(s -> !Boolean.FALSE.equals(s.get("is_complete")))
                .mapToDouble(s -> ((Number) s.get("rate")).doubleValue()).toArray();
        return rates.length == 0 ? null : Statistics.sample(rates);
    }

    private record Slice(long start, long end, boolean complete) { }

    private List<Slice> slices() {
        List<Slice> out = new ArrayList<>();
        long start = window.startNanos();
        long end = window.endNanos();
        for (long s = start; s < end; s += sliceNs) out.add(new Slice(s, Math.min(s + sliceNs, end), s + sliceNs <= end));
        return out;
    }

    private Map<String, Object> head(Slice s) {
        Map<String, Object> m = new LinkedHashMap<>();
        long wallStartNs = window.startWallMillis() * 1_000_000L;
        m.put("start_ns", wallStartNs + (s.start() - window.startNanos()));
        m.put("end_ns", wallStartNs + (s.end() - window.startNanos()));
        if (!s.complete()) m.put("is_complete", false); // AIPerf omits it for complete slices
        return m;
    }

    /**
     * The points the slices read, with a zero in front when the series was created in the window (it counts
     * from zero, as {@link Summarizer} does), and for each slice boundary the index of the point it reads.
     */
    private record Cumulative(List<Observation> values, int[] at) { }

    private Cumulative cumulative(Timeline t, long endpointFirstScrape, List<Slice> slices, Observation zero) {
        List<Timeline.Point> pts = t.points();
        int from = Math.max(t.lastAtOrBefore(window.startNanos()), 0);
        int to = t.firstAtOrAfter(window.endNanos());
        if (to < 0) to = pts.size() - 1;
        boolean fromZero = from == 0 && pts.get(0).monoNanos() > endpointFirstScrape;
        int shift = fromZero ? 1 : 0;
        List<Observation> values = new ArrayList<>(pts.size() + shift);
        if (fromZero) values.add(zero);
        for (Timeline.Point p : pts) values.add(p.observation());
        int[] at = new int[slices.size() + 1];
        at[0] = fromZero ? 0 : from;
        for (int i = 1; i < slices.size(); i++) at[i] = Math.max(at[0], t.lastAtOrBefore(slices.get(i).start()) + shift);
        at[slices.size()] = Math.max(at[0], to + shift);
        return new Cumulative(values, at);
    }

    private List<Map<String, Object>> counter(Timeline t, long endpointFirstScrape) {
        List<Slice> slices = slices();
        if (t.points().isEmpty() || slices.isEmpty() || t.bracket(window.startNanos(), window.endNanos()).isEmpty()) return List.of();
        Cumulative c = cumulative(t, endpointFirstScrape, slices, new Observation.Scalar(0));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            double total = 0;
            for (int k = c.at()[i] + 1; k <= c.at()[i + 1]; k++) {
                total += CounterMath.increase(Summarizer.scalar(c.values().get(k - 1)), Summarizer.scalar(c.values().get(k)));
            }
            Slice s = slices.get(i);
            Map<String, Object> m = head(s);
            m.put("total", total);
            m.put("rate", total / ((s.end() - s.start()) / 1e9));
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> gauge(Timeline t) {
        List<Slice> slices = slices();
        List<Timeline.Point> pts = t.points();
        int first = t.firstAtOrAfter(window.startNanos());
        int last = t.lastAtOrBefore(window.endNanos());
        if (slices.isEmpty() || first < 0 || last - first + 1 < 2) return List.of(); // AIPerf: two samples at least
        List<Map<String, Object>> out = new ArrayList<>();
        int k = first;
        for (int i = 0; i < slices.size(); i++) {
            Slice s = slices.get(i);
            boolean lastSlice = i == slices.size() - 1; // closed on the right: a sample at the window's end counts
            double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            int n = 0;
            while (k <= last && (pts.get(k).monoNanos() < s.end() || lastSlice)) {
                double v = Summarizer.scalar(pts.get(k++).observation());
                if (Double.isNaN(v)) continue;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
            if (n == 0) continue; // AIPerf leaves out a slice without samples
            Map<String, Object> m = head(s);
            m.put("avg", sum / n);
            m.put("min", min);
            m.put("max", max);
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> histogram(Timeline t, long endpointFirstScrape) {
        List<Slice> slices = slices();
        if (t.points().isEmpty() || slices.isEmpty() || t.bracket(window.startNanos(), window.endNanos()).isEmpty()) return List.of();
        Observation.Histogram first = (Observation.Histogram) t.points().get(0).observation();
        Observation zero = new Observation.Histogram(first.upperBounds(), new double[first.upperBounds().length], 0, 0);
        Cumulative c = cumulative(t, endpointFirstScrape, slices, zero);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            Observation.Histogram a = (Observation.Histogram) c.values().get(c.at()[i]);
            Observation.Histogram b = (Observation.Histogram) c.values().get(c.at()[i + 1]);
            double count = b.count() - a.count();
            double sum = b.sum() - a.sum();
            if (count < 0 || sum < 0) continue; // a reset inside the slice: AIPerf leaves the slice out
            Map<String, Object> m = head(slices.get(i));
            m.put("count", (long) count);
            m.put("sum", sum);
            m.put("avg", count > 0 ? sum / count : 0.0);
            Map<String, Long> buckets = bucketDeltas(a, b);
            if (buckets != null) m.put("buckets", buckets);
            out.add(m);
        }
        return out;
    }

    /** Cumulative bucket deltas keyed by {@code le} (as the server wrote the buckets), or null after a reset or a bucket change. */
    static Map<String, Long> bucketDeltas(Observation.Histogram a, Observation.Histogram b) {
        if (!Arrays.equals(a.upperBounds(), b.upperBounds())) return null;
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < b.upperBounds().length; i++) {
            double d = b.cumulativeCounts()[i] - a.cumulativeCounts()[i];
            if (d < 0) return null;
            m.put(SeriesSummary.bound(b.upperBounds()[i]), Math.round(d));
        }
        return m;
    }
}
