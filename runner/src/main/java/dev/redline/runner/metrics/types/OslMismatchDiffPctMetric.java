package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Signed (OSL - requested max tokens) / requested * 100; only when max tokens were requested. */
public final class OslMismatchDiffPctMetric extends RecordMetric {
    public static final String TAG = "osl_mismatch_diff_pct";

    public OslMismatchDiffPctMetric() {
        super(MetricDef.of(TAG, "OSL Mismatch Diff", PERCENT, RECORD, MetricDef.UNORDERED, PRODUCES_TOKENS_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        Integer requested = r.requestedMaxTokens();
        int osl = r.outputSequenceLength();
        if (requested == null || requested <= 0 || osl < 0) return Double.NaN;
        return (osl - requested) * 100.0 / requested;
    }
}
