package dev.redline.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.export.RunInfo;
import dev.redline.runner.export.SummaryJsonWriter;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.record.RequestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Metric recording (one finished record into the accumulator, on the record-processing thread) and the
 * end-of-run export (percentiles over all values, then the summary JSON).
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsBenchmark {
    /** Recording: the accumulator keeps growing across iterations, as in a long run. */
    @State(Scope.Thread)
    public static class Recording {
        RecordMetricsAccumulator acc;
        RequestRecord[] records;
        int next;

        @Setup(Level.Trial)
        public void setup() {
            acc = new RecordMetricsAccumulator(MetricsContext.of(EndpointType.CHAT, true));
            records = new RequestRecord[1024];
            for (int i = 0; i < records.length; i++) records[i] = Responses.streamedRecord(i, 64, 1_000_000L * i);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void recordOne(Recording s) {
        s.acc.add(s.records[s.next++ & 1023]);
    }

    /** Export: results (percentiles) and the summary JSON over {@code records} finished records. */
    @State(Scope.Thread)
    public static class Export {
        @Param({"10000", "100000"})
        int records;
        RecordMetricsAccumulator acc;

        @Setup(Level.Trial)
        public void setup() {
            acc = new RecordMetricsAccumulator(MetricsContext.of(EndpointType.CHAT, true));
            for (int i = 0; i < records; i++) acc.add(Responses.streamedRecord(i, 64, 1_000_000L * i));
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BenchmarkResults percentiles(Export s) {
        return s.acc.results();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String percentilesAndSummaryJson(Export s) throws IOException {
        BenchmarkResults results = s.acc.results();
        RunInfo info = new RunInfo("bench", "bench", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), false);
        return new SummaryJsonWriter().toJson(results, info, JsonNodeFactory.instance.objectNode());
    }
}
