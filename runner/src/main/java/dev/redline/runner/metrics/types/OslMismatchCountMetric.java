package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordCounterMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.AGGREGATE;
import static dev.redline.runner.metrics.MetricUnit.REQUESTS;

/**
 * Requests whose OSL missed the requested max tokens by more than min(5 % of requested, 50 tokens)
 * (AIPerf's defaults); a non-zero count suggests the server stopped early (no ignore_eos / min_tokens).
 */
public final class OslMismatchCountMetric extends RecordCounterMetric {
    public static final String TAG = "osl_mismatch_count";
    public static final double PCT_THRESHOLD = 5.0;
    public static final double MAX_TOKEN_THRESHOLD = 50.0;

    public OslMismatchCountMetric() {
        super(MetricDef.of(TAG, "OSL Mismatch Count", REQUESTS, AGGREGATE, MetricDef.UNORDERED,
                PRODUCES_TOKENS_ONLY, NO_INDIVIDUAL_RECORDS, HIDDEN));
    }

    @Override
    public int countOf(RequestRecord r) {
        Integer requested = r.requestedMaxTokens();
        int osl = r.outputSequenceLength();
        if (requested == null || requested <= 0 || osl < 0) return -1;
        double allowed = Math.min(requested * PCT_THRESHOLD / 100.0, MAX_TOKEN_THRESHOLD);
        return Math.abs(osl - requested) > allowed ? 1 : 0;
    }
}
