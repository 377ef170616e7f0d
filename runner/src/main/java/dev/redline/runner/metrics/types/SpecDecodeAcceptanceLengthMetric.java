package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.SpecDecodeAcceptance;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Per-request mean acceptance length as the server reports it: tokens emitted per verify step including the bonus token
 * ({@code 1 + accepted / steps}). */
public final class SpecDecodeAcceptanceLengthMetric extends RecordMetric {
    public static final String TAG = "spec_decode_acceptance_length";

    public SpecDecodeAcceptanceLengthMetric() {
        super(MetricDef.of(TAG, "Acceptance Length", RATIO, RECORD, 5000, SPEC_DECODE, LARGER_IS_BETTER));
    }

    @Override
    public double value(RequestRecord r) {
        SpecDecodeAcceptance s = r.specDecode();
        return s == null ? Double.NaN : s.meanAcceptanceLength();
    }
}
