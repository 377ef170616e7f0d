package dev.redline.runner.calibrate;

import dev.redline.runner.record.RecordSink;
import dev.redline.runner.record.RequestRecord;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.LongAdder;

/**
 * Collects what calibration needs from each finished record, on the event loops: completions, errors,
 * time to first chunk, inter-token latency per request (AIPerf's: first to last chunk over the gaps)
 * and send lag (actual minus intended send time), and the mock's source stamps: receive minus send per chunk,
 * and TTFT less the time the mock held the request. HdrHistogram
 * {@link Recorder}s are wait-free for writers, so event loops never contend on a lock.
 */
final class StepRecorder implements RecordSink {
    private final Recorder ttft = new Recorder(3);
    private final Recorder itl = new Recorder(3);
    private final Recorder sendLag = new Recorder(3);
    private final Recorder chunkAdded = new Recorder(3);
    private final Recorder ttftAdded = new Recorder(3);
    private final LongAdder completed = new LongAdder();
    private final LongAdder errors = new LongAdder();

    @Override
    public void accept(RequestRecord r) {
        if (r.phase() != RequestRecord.Phase.PROFILING) return;
        completed.increment();
        if (r.isError() || r.chunkCount() == 0) {
            errors.increment();
            return;
        }
        ttft.recordValue(Math.max(0, r.firstChunkPerfNs() - r.startPerfNs()));
        int n = r.chunkCount();
        // per request, not per gap: a late mock timer writes due tokens together (0 gaps) and then catches up
        if (n > 1) itl.recordValue(Math.max(0, (r.lastChunkPerfNs() - r.firstChunkPerfNs()) / (n - 1)));
        if (r.intendedSendPerfNs() > 0) sendLag.recordValue(Math.max(0, r.startPerfNs() - r.intendedSendPerfNs()));
        // source-stamped (SourceStamp): receive minus the mock's own send time, per chunk
        for (int i = 0; i < n; i++) {
            long sent = r.chunkSentNs(i);
            if (sent != 0) chunkAdded.recordValue(Math.max(0, r.chunkPerfNs(i) - sent));
        }
        if (r.serverReceivedNs() != 0 && r.chunkSentNs(0) != 0) {
            ttftAdded.recordValue(Math.max(0, r.serverReceivedNs() - r.startPerfNs() + r.firstChunkPerfNs() - r.chunkSentNs(0)));
        }
    }

    long completed() { return completed.sum(); }

    long errors() { return errors.sum(); }

    Histogram ttftNs() { return ttft.getIntervalHistogram(); }

    Histogram itlNs() { return itl.getIntervalHistogram(); }

    Histogram sendLagNs() { return sendLag.getIntervalHistogram(); }

    Histogram chunkAddedNs() { return chunkAdded.getIntervalHistogram(); }

    Histogram ttftAddedNs() { return ttftAdded.getIntervalHistogram(); }
}
