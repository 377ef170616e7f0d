package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.HIDDEN;
import static dev.redline.runner.metrics.MetricFlag.IMAGES_ONLY;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.IMAGES;

/**
 * AIPerf's num_images: the request's images (image parts in the payload, as AIPerf counts them), or for types that
 * produce images (image_generation, image_edit) the images generated; no value for a request without any.
 */
public final class NumImagesMetric extends RecordMetric {
    public static final String TAG = "num_images";

    public NumImagesMetric() {
        super(MetricDef.of(TAG, "Number of Images", IMAGES, RECORD, MetricDef.UNORDERED, IMAGES_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        return r.images() > 0 ? r.images() : Double.NaN;
    }
}
