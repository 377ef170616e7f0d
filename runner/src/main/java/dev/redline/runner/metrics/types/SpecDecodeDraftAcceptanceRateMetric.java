package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.SpecDecodeAcceptance;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Per-request draft acceptance rate, the server's 0..1 fraction as a percentage (accepted / proposed drafts; no bonus token). */
public final class SpecDecodeDraftAcceptanceRateMetric extends RecordMetric {
    public static final String TAG = "spec_decode_draft_acceptance_rate";

    public SpecDecodeDraftAcceptanceRateMetric() {
        super(MetricDef.of(TAG, "Draft Acceptance Rate", PERCENT, RECORD, 5020, SPEC_DECODE, LARGER_IS_BETTER));
    }

    @Override
    public double value(RequestRecord r) {
        SpecDecodeAcceptance s = r.specDecode();
        return s == null ? Double.NaN : s.draftAcceptanceRate() * 100.0;
    }
}
