package dev.redline.runner.metrics;

import dev.redline.runner.stats.Stats;
import dev.redline.runner.stats.Statistics;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * All values of one record metric: an exact growable array (for exact percentiles) plus an
 * HdrHistogram (3 significant digits, auto-resizing) that can be merged across runners. Values are in
 * display units; the histogram stores {@code round(value * unit.histogramScale())}. Negative values
 * (signed percentages) are kept exactly but cannot enter the histogram.
 *
 * <p>Stats are exact while every part carried its values; once a histogram-only part is merged in
 * (a snapshot without values), or more than {@link #EXACT_VALUE_LIMIT} values were recorded, they are read
 * off the histogram. The limit bounds memory for long runs (10 M requests x ~25 metrics would otherwise
 * hold gigabytes of doubles); the histogram's 3 significant digits are then the precision.
 */
public final class Distribution {
    /** Exact values kept per metric (2 MiB of doubles); beyond it stats come from the histogram. */
    public static final int EXACT_VALUE_LIMIT = 1 << 18;

    private final MetricUnit unit;
    private final Histogram histogram = new Histogram(3);
    private double[] values = new double[64];
    private int valueCount;
    private long count;
    private double sum;
    private long negatives;
    private boolean exact = true;

    public Distribution(MetricUnit unit) {
        this.unit = unit;
    }

    public void add(double v) {
        if (exact) {
            if (valueCount == values.length) growOrDropValues(valueCount + 1);
            if (exact) values[valueCount++] = v;
        }
        count++;
        sum += v;
        if (v >= 0) histogram.recordValue(Math.round(v * unit.histogramScale()));
        else negatives++;
    }

    public void merge(Distribution other) {
        if (other.exact) appendValues(other.values, other.valueCount);
        else dropValues();
        count += other.count;
        sum += other.sum;
        negatives += other.negatives;
        histogram.add(other.histogram);
    }

    private void appendValues(double[] src, int n) {
        if (!exact) return;
        if (valueCount + n > values.length) growOrDropValues(valueCount + n);
        if (!exact) return;
        System.arraycopy(src, 0, values, valueCount, n);
        valueCount += n;
    }

    /** Grows the value array to hold {@code needed}, or past the limit drops it and goes histogram-only. */
    private void growOrDropValues(int needed) {
        if (needed > EXACT_VALUE_LIMIT) {
            dropValues();
            return;
        }
        values = Arrays.copyOf(values, Math.min(EXACT_VALUE_LIMIT, Math.max(values.length * 2, needed)));
    }

    private void dropValues() {
        exact = false;
        values = new double[0];
        valueCount = 0;
    }

    public long count() { return count; }

    public double sum() { return sum; }

    /** Whether {@link #stats()} is exact (all values present). */
    public boolean isExact() { return exact; }

    /** Exact stats when all values are present, else histogram stats; null when empty. */
    public Stats stats() { return exact ? exactStats() : histogramStats(); }

    /** Exact stats over the values held (null when none). */
    public Stats exactStats() { return Statistics.of(values, valueCount); }

    /**
     * Stats read off the histogram (null when empty or with negative values). Percentiles use the same
     * linear interpolation between neighbouring ranks as the exact stats, each rank's value being its
     * bucket's midpoint, so they differ from the exact ones only by the histogram's 3-digit precision.
     */
    public Stats histogramStats() {
        long n = histogram.getTotalCount();
        if (n == 0 || negatives > 0) return null;
        double k = unit.histogramScale();
        return new Stats(histogram.getMean() / k, valueAtRank(0), valueAtRank(n - 1),
                at(1, n), at(5, n), at(10, n), at(25, n), at(50, n), at(75, n), at(90, n), at(95, n), at(99, n),
                histogram.getStdDeviation() / k, n, sum);
    }

    private double at(double q, long n) {
        double idx = q / 100.0 * (n - 1);
        long lo = (long) Math.floor(idx);
        long hi = Math.min(lo + 1, n - 1);
        double vlo = valueAtRank(lo);
        return vlo + (valueAtRank(hi) - vlo) * (idx - lo);
    }

    /** The value of the 0-based {@code rank}-th smallest recorded value, in display units. */
    private double valueAtRank(long rank) {
        long seen = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            if (seen > rank) return histogram.medianEquivalentValue(v.getValueIteratedTo()) / unit.histogramScale();
        }
        return histogram.getMaxValue() / unit.histogramScale();
    }

    /**
     * Every value minus {@code by}, floored at 0 (AIPerf's network adjustment, {@code max(v - rtt, 0)} per record).
     * Exact values are shifted one by one; a histogram-only distribution shifts each bucket (its midpoint), so it
     * keeps the histogram's precision.
     */
    public Distribution shiftedDown(double by) {
        Distribution d = new Distribution(unit);
        if (exact) {
            for (int i = 0; i < valueCount; i++) d.add(Math.max(values[i] - by, 0));
            return d;
        }
        d.dropValues();
        double k = unit.histogramScale();
        for (HistogramIterationValue v : histogram.recordedValues()) {
            double shifted = Math.max(histogram.medianEquivalentValue(v.getValueIteratedTo()) / k - by, 0);
            long n = v.getCountAtValueIteratedTo();
            d.histogram.recordValueWithCount(Math.round(shifted * k), n);
            d.count += n;
            d.sum += shifted * n;
        }
        return d;
    }

    /** A copy of the histogram, for shipping to a coordinator or writing a histogram log. */
    public Histogram histogramCopy() { return histogram.copy(); }

    /** A portable copy; {@code withValues} = false ships only the histogram (and count/sum). */
    public DistributionSnapshot snapshot(boolean withValues) {
        ByteBuffer buf = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int len = histogram.encodeIntoCompressedByteBuffer(buf);
        String encoded = Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), len));
        double[] vs = withValues && exact ? Arrays.copyOf(values, valueCount) : null;
        return new DistributionSnapshot(count, sum, negatives, encoded, vs);
    }

    /** Rebuilds a distribution from a snapshot (exact only if the snapshot carried values). */
    public static Distribution fromSnapshot(MetricUnit unit, DistributionSnapshot s) {
        Distribution d = new Distribution(unit);
        try {
            byte[] bytes = Base64.getDecoder().decode(s.histogram());
            d.histogram.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("metrics snapshot: histogram is not a valid encoded HdrHistogram", e);
        }
        d.count = s.count();
        d.sum = s.sum();
        d.negatives = s.negatives();
        if (s.values() != null) d.appendValues(s.values(), s.values().length);
        else d.exact = s.count() == 0;
        return d;
    }
}
