package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.ListRecordMetric;
import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.NO_INDIVIDUAL_RECORDS;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.MILLISECONDS;

/**
 * Redline: per content chunk, the client's receive time minus the server's own send time of that chunk
 * ({@code SourceStamp}; only servers that stamp, such as Redline's mock, on the same host). It is what the
 * client and the kernel between them added to every latency on the receive side, however late the server
 * was. Absent when the server does not stamp.
 */
public final class ClientAddedLatencyMetric extends ListRecordMetric {
    public static final String TAG = "client_added_latency";

    public ClientAddedLatencyMetric() {
        super(MetricDef.of(TAG, "Client-Added Latency", MILLISECONDS, RECORD, 330, NO_INDIVIDUAL_RECORDS));
    }

    @Override
    public double[] values(RequestRecord r) {
        int n = r.chunkCount();
        int stamped = 0;
        for (int i = 0; i < n; i++) if (r.chunkSentNs(i) != 0) stamped++;
        if (stamped == 0) return null;
        double[] out = new double[stamped];
        int k = 0;
        for (int i = 0; i < n; i++) {
            long sent = r.chunkSentNs(i);
            if (sent != 0) out[k++] = MILLISECONDS.fromBase(r.chunkPerfNs(i) - sent);
        }
        return out;
    }
}
