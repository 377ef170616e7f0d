package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.PRODUCES_VIDEO_ONLY;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.MILLISECONDS;

/** AIPerf's video_inference_time: the generation time the server reports for the job ({@code inference_time_s}). */
public final class VideoInferenceTimeMetric extends RecordMetric {
    public static final String TAG = "video_inference_time";

    public VideoInferenceTimeMetric() {
        super(MetricDef.of(TAG, "Video Inference Time", MILLISECONDS, RECORD, 310, PRODUCES_VIDEO_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        return r.videoInferenceSeconds() * 1000; // NaN when the server gave none
    }
}
