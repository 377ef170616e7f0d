package dev.redline.runner.profile;

import dev.redline.runner.export.RecordJsonlWriter;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.metrics.Runs;
import dev.redline.runner.metrics.TestRecord;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordRouterTest {
    @Test
    void profilingRecordsReachTheMetricsAndEveryRecordTheJsonl(@TempDir Path dir) throws Exception {
        RecordMetricsAccumulator profiling = new RecordMetricsAccumulator(Runs.CHAT_STREAMING);
        Path file = dir.resolve(RecordJsonlWriter.FILE_NAME);
        RequestRecord warm = TestRecord.warmupAt(50).chunks(60, 70).end(75).tokens(3, 2, 0).build();
        RequestRecord prof = TestRecord.startAt(100).chunks(110, 120).end(125).tokens(3, 2, 0).build();
        try (RecordJsonlWriter jsonl = new RecordJsonlWriter(file, profiling.recordMetricsView(), 0)) {
            RecordRouter router = new RecordRouter(profiling, jsonl);
            router.accept(warm);
            router.accept(prof);
        }
        assertEquals(1, profiling.results().validCount(), "only the profiling record is measured");
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), "warmup records are exported too");
        assertTrue(lines.get(0).contains("\"benchmark_phase\":\"warmup\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"benchmark_phase\":\"profiling\""), lines.get(1));
    }

    @Test
    void withoutAnExportOnlyTheMetricsAreFed() {
        RecordMetricsAccumulator profiling = new RecordMetricsAccumulator(Runs.CHAT_STREAMING);
        new RecordRouter(profiling, null).accept(TestRecord.startAt(100).chunks(110, 120).end(125).tokens(3, 2, 0).build());
        assertEquals(1, profiling.results().validCount());
    }
}
