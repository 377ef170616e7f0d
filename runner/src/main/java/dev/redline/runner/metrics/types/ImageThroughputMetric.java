package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Images per second of one request: generated images over the request latency (AIPerf image_throughput). */
public final class ImageThroughputMetric extends RecordMetric {
    public static final String TAG = "image_throughput";

    public ImageThroughputMetric() {
        super(MetricDef.of(TAG, "Image Throughput", IMAGES_PER_SECOND, RECORD, 860, PRODUCES_IMAGES_ONLY, LARGER_IS_BETTER));
    }

    @Override
    public double value(RequestRecord r) {
        return r.generatedItems() > 0 && RecordTiming.latencyNs(r) > 0 ? r.generatedItems() / (RecordTiming.latencyNs(r) / 1e9) : Double.NaN;
    }
}
