package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.ListRecordMetric;
import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.MILLISECONDS;

/** ICL: the gaps between consecutive content chunks of a record; needs at least two chunks. */
public final class InterChunkLatencyMetric extends ListRecordMetric {
    public static final String TAG = "inter_chunk_latency";

    public InterChunkLatencyMetric() {
        super(MetricDef.of(TAG, "Inter Chunk Latency", MILLISECONDS, RECORD, MetricDef.UNORDERED,
                STREAMING_ONLY, PRODUCES_TOKENS_ONLY, HIDDEN));
    }

    @Override
    public double[] values(RequestRecord r) {
        int n = r.chunkCount();
        if (n < 2) return null;
        double[] gaps = new double[n - 1];
        for (int i = 1; i < n; i++) gaps[i - 1] = MILLISECONDS.fromBase(r.chunkPerfNs(i) - r.chunkPerfNs(i - 1));
        return gaps;
    }
}
