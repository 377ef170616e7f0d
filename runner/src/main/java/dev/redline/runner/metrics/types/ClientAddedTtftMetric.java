package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.MILLISECONDS;

/**
 * Redline: the part of TTFT that the server did not hold the request, from its own stamps
 * ({@code SourceStamp}): (server received − client send) + (client received the first chunk − server sent
 * it). Both legs are the client's and the kernel's, so this is TTFT's client-added latency however late the
 * server itself was. Absent when the server does not stamp.
 */
public final class ClientAddedTtftMetric extends RecordMetric {
    public static final String TAG = "client_added_ttft";

    public ClientAddedTtftMetric() {
        super(MetricDef.of(TAG, "Client-Added TTFT", MILLISECONDS, RECORD, 331));
    }

    @Override
    public double value(RequestRecord r) {
        if (r.serverReceivedNs() == 0 || r.chunkCount() == 0 || r.chunkSentNs(0) == 0) return Double.NaN;
        long request = r.serverReceivedNs() - r.startPerfNs();
        long firstChunk = r.chunkPerfNs(0) - r.chunkSentNs(0);
        return MILLISECONDS.fromBase(request + firstChunk);
    }
}
