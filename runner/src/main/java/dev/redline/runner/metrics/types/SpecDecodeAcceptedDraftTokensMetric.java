package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.SpecDecodeAcceptance;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Per-request accepted draft tokens, bonus tokens excluded. Exported, not in the console. */
public final class SpecDecodeAcceptedDraftTokensMetric extends RecordMetric {
    public static final String TAG = "spec_decode_accepted_draft_tokens";

    public SpecDecodeAcceptedDraftTokensMetric() {
        super(MetricDef.of(TAG, "Accepted Draft Tokens", TOKENS, RECORD, 5050, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        SpecDecodeAcceptance s = r.specDecode();
        return s == null ? Double.NaN : s.accepted();
    }
}
