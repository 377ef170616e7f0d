package dev.redline.runner.metrics;

import dev.redline.runner.stats.Stats;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.record.RequestRecord;

import java.util.Map;

/** Feeds hand-built records through a real accumulator. */
public final class Runs {
    private Runs() {}

    public static final MetricsContext CHAT_STREAMING = MetricsContext.of(EndpointType.CHAT, true);

    public static BenchmarkResults results(MetricsContext ctx, RequestRecord... records) {
        RecordMetricsAccumulator acc = new RecordMetricsAccumulator(ctx);
        for (RequestRecord r : records) acc.add(r);
        return acc.results();
    }

    public static BenchmarkResults results(RequestRecord... records) { return results(CHAT_STREAMING, records); }

    public static MetricsContext withGoodput(Map<String, Double> slos) {
        return new MetricsContext(EndpointType.CHAT, true, slos, false);
    }

    /** The scalar value of a metric, NaN when absent. */
    public static double value(BenchmarkResults res, String tag) {
        return res.metric(tag).map(MetricResult::value).orElse(Double.NaN);
    }

    public static Stats stats(BenchmarkResults res, String tag) {
        return res.metric(tag).map(MetricResult::stats).orElse(null);
    }
}
