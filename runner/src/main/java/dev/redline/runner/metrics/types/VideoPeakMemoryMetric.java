package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.PRODUCES_VIDEO_ONLY;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.MEGABYTES;

/** AIPerf's video_peak_memory: the peak GPU memory the server reports for the job ({@code peak_memory_mb}). */
public final class VideoPeakMemoryMetric extends RecordMetric {
    public static final String TAG = "video_peak_memory";

    public VideoPeakMemoryMetric() {
        super(MetricDef.of(TAG, "Video Peak Memory", MEGABYTES, RECORD, 311, PRODUCES_VIDEO_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        return r.videoPeakMemoryMb();
    }
}
