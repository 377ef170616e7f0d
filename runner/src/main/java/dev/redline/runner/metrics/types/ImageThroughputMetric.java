package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.IMAGES_ONLY;
import static dev.redline.runner.metrics.MetricFlag.LARGER_IS_BETTER;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.IMAGES_PER_SECOND;

/** AIPerf's image_throughput: the record's images ({@link NumImagesMetric}) over its latency in seconds. */
public final class ImageThroughputMetric extends RecordMetric {
    public static final String TAG = "image_throughput";

    public ImageThroughputMetric() {
        super(MetricDef.of(TAG, "Image Throughput", IMAGES_PER_SECOND, RECORD, 860, IMAGES_ONLY, LARGER_IS_BETTER));
    }

    @Override
    public double value(RequestRecord r) {
        long ns = RecordTiming.latencyNs(r);
        return r.images() > 0 && ns > 0 ? r.images() * 1e9 / ns : Double.NaN;
    }
}
