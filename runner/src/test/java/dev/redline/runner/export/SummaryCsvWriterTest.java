package dev.redline.runner.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SummaryCsvWriterTest {
    @Test
    void twoSectionsWithLabelsAndRounding(@TempDir Path dir) throws Exception {
        Path file = new SummaryCsvWriter().write(dir, Fixtures.chatRun());
        List<String> lines = Files.readAllLines(file);
        assertEquals("Metric,avg,min,max,p1,p5,p10,p25,p50,p75,p90,p95,p99,std", lines.get(0));
        // TTFT 20 and 40 ms: avg 30, p1 = 20.2, std 10
        assertEquals("Time to First Token (ms),30,20,40,20.20,21,22,25,30,35,38,39,39.80,10", lines.get(1));
        int blank = lines.indexOf("");
        assertTrue(blank > 1);
        assertEquals("Metric,Value", lines.get(blank + 1));
        List<String> scalars = lines.subList(blank + 2, lines.size());
        assertTrue(scalars.contains("Request Throughput (requests/sec),0.80"), scalars.toString());
        assertTrue(scalars.contains("Request Count,2"), scalars.toString());
        assertTrue(scalars.contains("Request Error Rate (%),33.33"), scalars.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("Minimum Request Timestamp")));
        assertTrue(lines.subList(1, blank).stream().allMatch(l -> l.split(",", -1).length == 14));
    }

    @Test
    void quotesLabelsWithCommas() {
        assertTrue(new SummaryCsvWriter().toCsv(Fixtures.chatRun()).contains("Inter Chunk Latency (ms),"));
    }
}
