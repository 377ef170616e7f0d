package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** OSL: output tokens plus reasoning tokens. */
public final class OutputSequenceLengthMetric extends RecordMetric {
    public static final String TAG = "output_sequence_length";

    public OutputSequenceLengthMetric() {
        super(MetricDef.of(TAG, "Output Sequence Length", TOKENS, RECORD, 600, PRODUCES_TOKENS_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        int osl = r.outputSequenceLength();
        return osl < 0 ? Double.NaN : osl;
    }
}
