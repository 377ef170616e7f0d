package dev.redline.runner.profile;

import dev.redline.runner.export.RecordJsonlWriter;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.record.RequestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Where each finished record goes on the record thread, in a local run and on a distributed runner alike:
 * profiling-phase records into the metrics, every record (warmup too) into the per-record JSONL export
 * when the export level writes one.
 */
public final class RecordRouter implements Consumer<RequestRecord> {
    private final RecordMetricsAccumulator profiling;
    private final RecordJsonlWriter jsonl;

    /** {@code jsonl} is null when the export level writes no per-record file. The caller closes it. */
    public RecordRouter(RecordMetricsAccumulator profiling, RecordJsonlWriter jsonl) {
        this.profiling = profiling;
        this.jsonl = jsonl;
    }

    @Override
    public void accept(RequestRecord r) {
        if (r.phase() == RequestRecord.Phase.PROFILING) profiling.add(r);
        if (jsonl != null) {
            try {
                jsonl.write(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
