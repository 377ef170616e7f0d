package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordCounterMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.AGGREGATE;
import static dev.redline.runner.metrics.MetricUnit.REQUESTS;

/** Requests whose server usage differs from the client count by more than 10 % (prompt, completion or reasoning). */
public final class UsageDiscrepancyCountMetric extends RecordCounterMetric {
    public static final String TAG = "usage_discrepancy_count";
    /** AIPerf's default AIPERF_METRICS_USAGE_PCT_DIFF_THRESHOLD. */
    public static final double THRESHOLD_PCT = 10.0;

    private final UsagePromptTokensDiffMetric prompt = new UsagePromptTokensDiffMetric();
    private final UsageCompletionTokensDiffMetric completion = new UsageCompletionTokensDiffMetric();
    private final UsageReasoningTokensDiffMetric reasoning = new UsageReasoningTokensDiffMetric();

    public UsageDiscrepancyCountMetric() {
        super(MetricDef.of(TAG, "Usage Discrepancy Count", REQUESTS, AGGREGATE, MetricDef.UNORDERED,
                USAGE_DIFF_ONLY, NO_INDIVIDUAL_RECORDS, HIDDEN));
    }

    @Override
    public int countOf(RequestRecord r) {
        double p = prompt.value(r);
        double c = completion.value(r);
        if (Double.isNaN(p) && Double.isNaN(c)) return -1;
        double rs = reasoning.value(r);
        return p > THRESHOLD_PCT || c > THRESHOLD_PCT || rs > THRESHOLD_PCT ? 1 : 0;
    }
}
