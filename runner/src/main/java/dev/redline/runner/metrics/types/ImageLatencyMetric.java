package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Request latency per generated image (AIPerf image_latency). */
public final class ImageLatencyMetric extends RecordMetric {
    public static final String TAG = "image_latency";

    public ImageLatencyMetric() {
        super(MetricDef.of(TAG, "Image Latency", MS_PER_IMAGE, RECORD, 861, PRODUCES_IMAGES_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        return r.generatedItems() > 0 ? MS_PER_IMAGE.fromBase(RecordTiming.latencyNs(r)) / r.generatedItems() : Double.NaN;
    }
}
