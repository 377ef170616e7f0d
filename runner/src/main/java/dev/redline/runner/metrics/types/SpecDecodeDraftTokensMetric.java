package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.SpecDecodeAcceptance;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Per-request proposed draft tokens counted toward acceptance. Exported, not in the console. */
public final class SpecDecodeDraftTokensMetric extends RecordMetric {
    public static final String TAG = "spec_decode_draft_tokens";

    public SpecDecodeDraftTokensMetric() {
        super(MetricDef.of(TAG, "Draft Tokens", TOKENS, RECORD, 5060, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        SpecDecodeAcceptance s = r.specDecode();
        return s == null ? Double.NaN : s.draft();
    }
}
