package dev.redline.runner.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * AIPerf's {@code outputs.json} (--export-outputs-json): every request's generated text with its identity, timing and
 * lengths, {@code {"schema_version": "1.1", "data": [...], "warmup": [...]}}, each list sorted by (session_num,
 * turn_index). Entries are collected on the record thread before the text is freed and written once at the end.
 */
public final class OutputsJsonWriter {
    public static final String FILE_NAME = "outputs.json";

    private record Entry(long sessionNum, int turnIndex, String conversationId, String requestId, boolean warmup,
                         long startNs, Long endNs, int isl, Integer outputTokens, Integer osl, Double latencyMs,
                         Double ttftMs, Double itlMs, String text) { }

    private final List<Entry> entries = new ArrayList<>();

    /** Record thread, after token counting and before the record's text is dropped. */
    public void add(RequestRecord r) {
        boolean ok = !r.isError() && r.chunkCount() > 0;
        Integer out = r.outputTokens() >= 0 ? r.outputTokens() : null;
        Integer osl = ok && r.outputTokens() >= 0 ? r.outputSequenceLength() : null;
        Double latency = ok ? (r.lastChunkPerfNs() - r.startPerfNs()) / 1e6 : null;
        Double ttft = ok ? (r.firstChunkPerfNs() - r.startPerfNs()) / 1e6 : null;
        Double itl = ok && osl != null && osl > 1 ? (latency - ttft) / (osl - 1) : null;
        Long end = r.endPerfNs() > 0 ? RecordTiming.toWallNs(r, r.endPerfNs()) : null;
        entries.add(new Entry(r.sessionNum(), r.turnIndex(), r.conversationId(), r.xRequestId(),
                r.phase() == RequestRecord.Phase.WARMUP, r.startWallNs(), end, r.inputTokens(), out, osl, latency, ttft, itl,
                r.outputText()));
    }

    public void write(Path file) throws IOException {
        Comparator<Entry> order = Comparator.comparingLong(Entry::sessionNum).thenComparingInt(Entry::turnIndex);
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema_version", "1.1");
            list(g, "data", entries.stream().filter(e -> !e.warmup()).sorted(order).toList());
            list(g, "warmup", entries.stream().filter(Entry::warmup).sorted(order).toList());
            g.writeEndObject();
        }
    }

    private static void list(JsonGenerator g, String name, List<Entry> list) throws IOException {
        g.writeArrayFieldStart(name);
        for (Entry e : list) {
            g.writeStartObject();
            g.writeNumberField("session_num", e.sessionNum());
            g.writeStringField("conversation_id", e.conversationId());
            g.writeNumberField("turn_index", e.turnIndex());
            g.writeStringField("x_request_id", e.requestId());
            g.writeStringField("benchmark_phase", e.warmup() ? "warmup" : "profiling");
            g.writeNumberField("request_start_ns", e.startNs());
            if (e.endNs() == null) g.writeNullField("request_end_ns");
            else g.writeNumberField("request_end_ns", e.endNs());
            g.writeObjectFieldStart("metrics");
            g.writeNumberField("isl", e.isl());
            number(g, "output_token_count", e.outputTokens());
            number(g, "osl", e.osl());
            number(g, "latency", e.latencyMs());
            number(g, "ttft", e.ttftMs());
            number(g, "itl", e.itlMs());
            g.writeEndObject();
            g.writeStringField("response_text", e.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String name, Number v) throws IOException {
        if (v == null) g.writeNullField(name);
        else if (v instanceof Integer i) g.writeNumberField(name, i);
        else g.writeNumberField(name, v.doubleValue());
    }
}
