package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.SpecDecodeAcceptance;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Per-request speculative verification steps ({@code num_spec_steps}, the sum of its histogram). */
public final class SpecDecodeStepsMetric extends RecordMetric {
    public static final String TAG = "spec_decode_steps";

    public SpecDecodeStepsMetric() {
        super(MetricDef.of(TAG, "Spec Decode Steps", COUNT, RECORD, 5040, SPEC_DECODE));
    }

    @Override
    public double value(RequestRecord r) {
        SpecDecodeAcceptance s = r.specDecode();
        return s == null ? Double.NaN : s.steps();
    }
}
