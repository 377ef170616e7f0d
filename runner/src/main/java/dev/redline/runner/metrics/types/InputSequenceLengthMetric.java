package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** ISL: input tokens of the request (client tokenizer, or server usage with server token counts). */
public final class InputSequenceLengthMetric extends RecordMetric {
    public static final String TAG = "input_sequence_length";

    public InputSequenceLengthMetric() {
        super(MetricDef.of(TAG, "Input Sequence Length", TOKENS, RECORD, 700));
    }

    @Override
    public double value(RequestRecord r) {
        return r.inputTokens() < 0 ? Double.NaN : r.inputTokens();
    }
}
