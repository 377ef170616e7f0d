package dev.redline.runner.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.Usage;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code profile_export_raw.jsonl} ({@code --export-level raw}): per request what the server actually
 * returned — the concatenated output and reasoning text, the usage block, the HTTP status, the content
 * chunk arrival offsets and the error — for debugging a server or a metric. Written on the
 * record-processing thread before the text is freed.
 */
public final class RawRecordWriter implements Closeable {
    public static final String FILE_NAME = "profile_export_raw.jsonl";

    private final JsonGenerator g;

    public RawRecordWriter(Path file) throws IOException {
        this.g = new JsonFactory().createGenerator(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        this.g.setRootValueSeparator(null);
    }

    public void write(RequestRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("x_request_id", r.xRequestId());
        g.writeStringField("x_correlation_id", r.xCorrelationId());
        g.writeStringField("benchmark_phase", r.phase().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("model", r.model());
        g.writeNumberField("http_status", r.httpStatus());
        g.writeStringField("output_text", r.outputText());
        g.writeStringField("reasoning_text", r.reasoningText());
        g.writeArrayFieldStart("chunk_offsets_ns"); // content chunk arrival minus send
        for (int i = 0; i < r.chunkCount(); i++) g.writeNumber(r.chunkPerfNs(i) - r.startPerfNs());
        g.writeEndArray();
        Usage u = r.usage();
        if (u == null) {
            g.writeNullField("usage");
        } else {
            g.writeObjectFieldStart("usage");
            g.writeNumberField("prompt_tokens", u.promptTokens());
            g.writeNumberField("completion_tokens", u.completionTokens());
            g.writeNumberField("total_tokens", u.totalTokens());
            g.writeNumberField("reasoning_tokens", u.reasoningTokens());
            g.writeEndObject();
        }
        if (r.error() == null) {
            g.writeNullField("error");
        } else {
            g.writeObjectFieldStart("error");
            g.writeNumberField("code", r.error().code());
            g.writeStringField("type", r.error().type());
            g.writeStringField("message", r.error().message());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
