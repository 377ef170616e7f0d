package dev.redline.bench;

import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.client.SseEventParser;
import dev.redline.runner.record.RequestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The client's per-chunk work on the event loop: splitting the SSE byte stream into events, and
 * (as the client does) pulling content/usage out of each event into the record. One operation = one
 * streamed response of {@code tokens} content events, fed in network-sized slices.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SseParseBenchmark {
    @Param({"64"})
    int tokens;

    @Param({"1024"})
    int sliceBytes;

    byte[] stream;

    @Setup
    public void setup() {
        stream = Responses.sseStream(tokens);
    }

    @Benchmark
    public int splitOnly() {
        int[] events = {0};
        SseEventParser p = new SseEventParser((data, len, ns) -> events[0]++);
        feed(p);
        return events[0];
    }

    @Benchmark
    public void splitAndExtract(Blackhole bh) {
        RequestRecord rec = new RequestRecord(1, RequestRecord.Phase.PROFILING);
        ResponseParser json = new dev.redline.runner.client.OpenAiResponseParser();
        SseEventParser p = new SseEventParser((data, len, ns) -> {
            if (len == 0 || ResponseParser.isDone(data, 0, len) || !json.parse(data, 0, len)) return;
            if (json.usage() != null) rec.setUsage(json.usage());
            rec.addContentChunk(ns, json.content(), json.reasoning());
        });
        feed(p);
        bh.consume(rec);
    }

    private void feed(SseEventParser p) {
        long ns = 1;
        for (int off = 0; off < stream.length; off += sliceBytes) {
            p.feed(stream, off, Math.min(sliceBytes, stream.length - off), ns++);
        }
        p.finish();
    }
}
