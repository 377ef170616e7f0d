package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Images the response generated (AIPerf num_images). */
public final class NumImagesMetric extends RecordMetric {
    public static final String TAG = "num_images";

    public NumImagesMetric() {
        super(MetricDef.of(TAG, "Number of Images", IMAGES, RECORD, MetricDef.UNORDERED, PRODUCES_IMAGES_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        return r.generatedItems() > 0 ? r.generatedItems() : Double.NaN;
    }
}
