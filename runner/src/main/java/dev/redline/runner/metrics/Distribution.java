package dev.redline.runner.metrics;

import org.HdrHistogram.Histogram;

import java.util.Arrays;

/**
 * All values of one record metric: an exact growable array (for exact percentiles) plus an
 * HdrHistogram (3 significant digits, auto-resizing) that can be merged across runners. Values are in
 * display units; the histogram stores {@code round(value * unit.histogramScale())}. Negative values
 * (signed percentages) are kept exactly but cannot enter the histogram, which then reports none of them.
 */
public final class Distribution {
    private final MetricUnit unit;
    private final Histogram histogram = new Histogram(3);
    private double[] values = new double[64];
    private int count;
    private double sum;
    private long negatives;

    public Distribution(MetricUnit unit) {
        this.unit = unit;
    }

    public void add(double v) {
        if (count == values.length) values = Arrays.copyOf(values, count * 2);
        values[count++] = v;
        sum += v;
        if (v >= 0) histogram.recordValue(Math.round(v * unit.histogramScale()));
        else negatives++;
    }

    public void merge(Distribution other) {
        if (count + other.count > values.length) values = Arrays.copyOf(values, Math.max(values.length * 2, count + other.count));
        System.arraycopy(other.values, 0, values, count, other.count);
        count += other.count;
        sum += other.sum;
        negatives += other.negatives;
        histogram.add(other.histogram);
    }

    public int count() { return count; }

    public double sum() { return sum; }

    /** Exact stats (null when empty). */
    public Stats exactStats() { return Statistics.of(values, count); }

    /** Stats read off the histogram, within its 3-digit precision (null when it holds nothing). */
    public Stats histogramStats() {
        long n = histogram.getTotalCount();
        if (n == 0 || negatives > 0) return null;
        double k = unit.histogramScale();
        return new Stats(histogram.getMean() / k, histogram.getMinValue() / k, histogram.getMaxValue() / k,
                at(1), at(5), at(10), at(25), at(50), at(75), at(90), at(95), at(99),
                histogram.getStdDeviation() / k, n, sum);
    }

    private double at(double q) {
        return histogram.getValueAtPercentile(q) / unit.histogramScale();
    }

    /** A copy of the histogram, for shipping to a coordinator or writing a histogram log. */
    public Histogram histogramCopy() { return histogram.copy(); }
}
