package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.IMAGES_ONLY;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.MS_PER_IMAGE;

/** AIPerf's image_latency: the record's latency in ms over its images ({@link NumImagesMetric}). */
public final class ImageLatencyMetric extends RecordMetric {
    public static final String TAG = "image_latency";

    public ImageLatencyMetric() {
        super(MetricDef.of(TAG, "Image Latency", MS_PER_IMAGE, RECORD, 861, IMAGES_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        long ns = RecordTiming.latencyNs(r);
        return r.images() > 0 && ns > 0 ? MS_PER_IMAGE.fromBase(ns) / r.images() : Double.NaN;
    }
}
