package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.LARGER_IS_BETTER;
import static dev.redline.runner.metrics.MetricFlag.SUPPORTS_AUDIO_ONLY;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.RATIO;

/** AIPerf's rtfx (inverse real-time factor): seconds of audio per second of request latency. */
public final class RtfxMetric extends RecordMetric {
    public static final String TAG = "rtfx";

    public RtfxMetric() {
        super(MetricDef.of(TAG, "Inverse Real-Time Factor (RTFx)", RATIO, RECORD, 850, SUPPORTS_AUDIO_ONLY, LARGER_IS_BETTER));
    }

    @Override
    public double value(RequestRecord r) {
        long ns = RecordTiming.latencyNs(r);
        return r.inputAudioSeconds() > 0 && ns > 0 ? r.inputAudioSeconds() * 1e9 / ns : Double.NaN;
    }
}
