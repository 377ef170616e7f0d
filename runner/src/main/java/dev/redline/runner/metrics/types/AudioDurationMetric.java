package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.HIDDEN;
import static dev.redline.runner.metrics.MetricFlag.SUPPORTS_AUDIO_ONLY;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.SECONDS;

/** AIPerf's audio_duration: seconds of audio the request carries (exported, not in the console; RTFx is the headline). */
public final class AudioDurationMetric extends RecordMetric {
    public static final String TAG = "audio_duration";

    public AudioDurationMetric() {
        super(MetricDef.of(TAG, "Audio Duration", SECONDS, RECORD, 870, SUPPORTS_AUDIO_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        return r.inputAudioSeconds() > 0 ? r.inputAudioSeconds() : Double.NaN;
    }
}
