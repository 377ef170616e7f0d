package dev.redline.runner.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.metrics.RecordMetricsView;
import dev.redline.runner.metrics.RecordOutcome;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.ErrorInfo;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.SpecDecodeAcceptance;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams {@code profile_export.jsonl}: one line per record (success or error) in AIPerf's shape
 * ({@code metadata}, {@code metrics}, {@code trace_data} when asked, {@code spec_decode_acceptance} when the server sent
 * it, {@code error}). Opened once and written from the single
 * record-processing thread; output is buffered and flushed on {@link #close}. Perf timestamps are
 * exported as wall-clock ns (send wall time + perf offset).
 */
public final class RecordJsonlWriter implements Closeable {
    public static final String FILE_NAME = "profile_export.jsonl";

    private final JsonGenerator g;
    private final RecordMetricsView view;
    private final int recordProcessorId;
    private final RecordMetricsView.Visitor metricsWriter = new RecordMetricsView.Visitor() {
        @Override
        public void scalar(String tag, double value, MetricUnit unit) throws IOException {
            g.writeObjectFieldStart(tag);
            g.writeFieldName("value");
            SummaryJsonWriter.writeNumber(g, value);
            g.writeStringField("unit", unit.label());
            g.writeEndObject();
        }

        @Override
        public void list(String tag, double[] values, MetricUnit unit) throws IOException {
            g.writeObjectFieldStart(tag);
            g.writeArrayFieldStart("value");
            for (double d : values) SummaryJsonWriter.writeNumber(g, d);
            g.writeEndArray();
            g.writeStringField("unit", unit.label());
            g.writeEndObject();
        }
    };
    private long written;
    private boolean httpTrace;

    public RecordJsonlWriter(Path file, RecordMetricsView view, int recordProcessorId) throws IOException {
        this(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), view, recordProcessorId);
    }

    public RecordJsonlWriter(OutputStream out, RecordMetricsView view, int recordProcessorId) throws IOException {
        this.g = new JsonFactory().createGenerator(out);
        this.g.setRootValueSeparator(null);
        this.view = view;
        this.recordProcessorId = recordProcessorId;
    }

    /** Adds each record's HTTP trace as {@code trace_data} (--export-http-trace). */
    public RecordJsonlWriter includeHttpTrace(boolean on) {
        this.httpTrace = on;
        return this;
    }

    /** Writes one record; call after token counting so token metrics are present. */
    public void write(RequestRecord r) throws IOException {
        g.writeStartObject();
        writeMetadata(r);
        g.writeObjectFieldStart("metrics");
        view.visit(r, metricsWriter);
        g.writeEndObject();
        if (httpTrace) writeTrace(r);
        if (r.specDecode() != null) writeSpecDecode(r, r.specDecode());
        ErrorInfo error = RecordOutcome.errorOf(r);
        if (error == null) {
            g.writeNullField("error");
        } else {
            g.writeObjectFieldStart("error");
            g.writeNumberField("code", error.code());
            g.writeStringField("type", error.type());
            g.writeStringField("message", error.message());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeRaw('\n');
        written++;
    }

    private void writeMetadata(RequestRecord r) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeNumberField("session_num", r.sessionNum());
        g.writeStringField("x_request_id", r.xRequestId());
        g.writeStringField("x_correlation_id", r.xCorrelationId());
        g.writeStringField("conversation_id", r.conversationId());
        g.writeNumberField("turn_index", r.turnIndex());
        g.writeNumberField("request_start_ns", r.startWallNs());
        wallField("request_ack_ns", r, r.ackPerfNs());
        wallField("request_end_ns", r, r.endPerfNs());
        g.writeNumberField("worker_id", r.workerId());
        g.writeNumberField("record_processor_id", recordProcessorId);
        g.writeStringField("benchmark_phase", r.phase() == RequestRecord.Phase.WARMUP ? "warmup" : "profiling");
        g.writeBooleanField("was_cancelled", r.cancelled());
        wallField("cancellation_time_ns", r, r.cancelled() ? r.cancellationPerfNs() : 0);
        g.writeEndObject();
    }

    /**
     * The request's HTTP trace, wall-clock ns like the metadata: send start, when the pool handed it a connection,
     * when that connection's TCP connect finished (null: reused), request fully written, response headers, each
     * content chunk's first byte, end; plus the status and whether the connection was reused.
     */
    private void writeTrace(RequestRecord r) throws IOException {
        g.writeObjectFieldStart("trace_data");
        g.writeNumberField("request_send_start_ns", r.startWallNs());
        wallField("connection_acquired_ns", r, r.connectionPerfNs());
        wallField("connection_established_ns", r, r.connectedPerfNs());
        wallField("request_sent_ns", r, r.sentPerfNs());
        wallField("response_headers_ns", r, r.ackPerfNs());
        g.writeArrayFieldStart("chunk_ns");
        for (int i = 0; i < r.chunkCount(); i++) g.writeNumber(RecordTiming.toWallNs(r, r.chunkPerfNs(i)));
        g.writeEndArray();
        wallField("response_end_ns", r, r.endPerfNs());
        g.writeNumberField("http_status", r.httpStatus());
        g.writeBooleanField("connection_reused", r.connectedPerfNs() <= 0);
        g.writeEndObject();
    }

    /**
     * AIPerf's {@code spec_decode_acceptance}: the checked record, the histogram sparse (zero buckets left out), optional
     * fields only when the server sent them.
     */
    private void writeSpecDecode(RequestRecord r, SpecDecodeAcceptance s) throws IOException {
        g.writeObjectFieldStart("spec_decode_acceptance");
        g.writeStringField("engine", SpecDecodeAcceptance.ENGINE);
        g.writeNumberField("mean_acceptance_length", s.meanAcceptanceLength());
        g.writeNumberField("draft_acceptance_rate", s.draftAcceptanceRate());
        g.writeObjectFieldStart("acceptance_histogram");
        for (int j = 0; j < s.histogram().length; j++) if (s.histogram()[j] != 0) g.writeNumberField(Integer.toString(j), s.histogram()[j]);
        g.writeEndObject();
        g.writeNumberField("num_accepted_draft_tokens", s.accepted());
        g.writeNumberField("num_draft_tokens", s.draft());
        g.writeNumberField("num_spec_steps", s.steps());
        if (s.numSpecTokens() >= 0) g.writeNumberField("num_spec_tokens", s.numSpecTokens());
        if (r.usage() != null && r.usage().completionTokens() >= 0) g.writeNumberField("completion_tokens", r.usage().completionTokens());
        if (s.perStepAccepted() != null) longs("per_step_accepted", s.perStepAccepted());
        if (s.perStepDrafted() != null) longs("per_step_drafted", s.perStepDrafted());
        g.writeEndObject();
    }

    private void longs(String name, long[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (long v : values) g.writeNumber(v);
        g.writeEndArray();
    }

    private void wallField(String name, RequestRecord r, long perfNs) throws IOException {
        if (perfNs <= 0) g.writeNullField(name);
        else g.writeNumberField(name, RecordTiming.toWallNs(r, perfNs));
    }

    /** Records written so far. */
    public long written() { return written; }

    public void flush() throws IOException { g.flush(); }

    @Override
    public void close() throws IOException { g.close(); }
}
