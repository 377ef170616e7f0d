package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.HIDDEN;
import static dev.redline.runner.metrics.MetricFlag.SUPPORTS_IMAGE_ONLY;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.IMAGES;

/** AIPerf's num_images: image parts in the request payload; no value for a request without images. */
public final class NumImagesMetric extends RecordMetric {
    public static final String TAG = "num_images";

    public NumImagesMetric() {
        super(MetricDef.of(TAG, "Number of Images", IMAGES, RECORD, MetricDef.UNORDERED, SUPPORTS_IMAGE_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        return r.inputImages() > 0 ? r.inputImages() : Double.NaN;
    }
}
