package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.SpecDecodeAcceptance;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Per-request {@code (accepted + steps) / (draft + steps)}: emitted over verified tokens, one bonus per step on each side;
 * no value with no drafts and no steps. */
public final class SpecDecodeAcceptedPerVerifiedMetric extends RecordMetric {
    public static final String TAG = "spec_decode_accepted_per_verified";

    public SpecDecodeAcceptedPerVerifiedMetric() {
        super(MetricDef.of(TAG, "Accepted per Verified", RATIO, RECORD, 5030, SPEC_DECODE, LARGER_IS_BETTER));
    }

    @Override
    public double value(RequestRecord r) {
        SpecDecodeAcceptance s = r.specDecode();
        if (s == null || s.draft() + s.steps() == 0) return Double.NaN;
        return (double) (s.accepted() + s.steps()) / (s.draft() + s.steps());
    }
}
