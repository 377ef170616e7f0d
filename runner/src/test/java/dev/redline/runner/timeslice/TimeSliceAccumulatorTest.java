package dev.redline.runner.timeslice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricResult;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.metrics.TestRecord;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeSliceAccumulatorTest {
    private static final MetricsContext CTX = MetricsContext.of(EndpointType.CHAT, true);

    @TempDir Path dir;

    /** Requests sent every 100 ms from t=1000 ms, each 250 ms long; every 7th fails. */
    private static List<RequestRecord> records(int n) {
        List<RequestRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double start = 1000 + 100 * i;
            TestRecord t = TestRecord.startAt(start).tokens(10, 5, 0);
            if (i % 7 == 6) t.fail(500, "Internal Server Error", "boom").end(start + 20);
            else t.chunks(start + 50, start + 100, start + 150, start + 200, start + 250);
            out.add(t.build());
        }
        return out;
    }

    @Test
    void slicesPartitionTheRunByRequestStart() {
        TimeSliceAccumulator acc = new TimeSliceAccumulator(CTX, 0.5);
        RecordMetricsAccumulator total = new RecordMetricsAccumulator(CTX);
        acc.start(TestRecord.ns(1000));
        List<RequestRecord> rs = records(23); // starts 1000..3200 ms
        java.util.Collections.reverse(rs); // completion order does not matter
        for (RequestRecord r : rs) {
            acc.add(r);
            total.add(r);
        }
        List<TimeSlice> slices = acc.slices(null);
        assertEquals(5, slices.size()); // [1000,1500) .. [3000,3500): starts up to 3200
        long valid = 0, errors = 0;
        for (TimeSlice s : slices) {
            valid += count(s.results(), "request_count");
            errors += count(s.results(), "error_request_count");
        }
        BenchmarkResults t = total.results();
        assertEquals(t.validCount(), valid);
        assertEquals(t.errorCount(), errors);
        assertEquals(23, valid + errors);
        // five starts per full slice; the first slice holds 1000,1100,...,1400
        assertEquals(5, slices.get(0).results().validCount() + slices.get(0).results().errorCount());
        assertEquals(3, slices.get(4).results().validCount() + slices.get(4).results().errorCount());
    }

    @Test
    void derivedMetricsDivideByTheSliceLengthAndTheLastSliceEndsWithTheRun() {
        TimeSliceAccumulator acc = new TimeSliceAccumulator(CTX, 0.5);
        acc.start(TestRecord.ns(1000));
        for (RequestRecord r : records(6)) acc.add(r); // starts 1000..1500; the last ends at 1750
        List<TimeSlice> slices = acc.slices(null);
        assertEquals(2, slices.size());
        TimeSlice first = slices.get(0);
        assertEquals(0.5, first.seconds(), 1e-9);
        assertEquals(5 / 0.5, first.results().metric("request_throughput").orElseThrow().value(), 1e-9);
        assertEquals(25 / 0.5, first.results().metric("output_token_throughput").orElseThrow().value(), 1e-6);
        TimeSlice last = slices.get(1); // one request started at 1500 and ended at 1750: a 250 ms slice
        assertEquals(TestRecord.ns(1500), last.startPerfNs());
        assertEquals(TestRecord.ns(1750), last.endPerfNs());
        assertEquals(1 / 0.25, last.results().metric("request_throughput").orElseThrow().value(), 1e-9);
        assertEquals(TestRecord.WALL0 + TestRecord.ns(1500), last.startWallNs());
        assertEquals(1, last.results().validCount());
    }

    @Test
    void emptyWindowsStayOnTheGrid() {
        TimeSliceAccumulator acc = new TimeSliceAccumulator(CTX, 1);
        acc.start(TestRecord.ns(1000));
        acc.add(TestRecord.startAt(1100).tokens(1, 1, 0).chunks(1200).build());
        acc.add(TestRecord.startAt(3500).tokens(1, 1, 0).chunks(3600).build());
        List<TimeSlice> slices = acc.slices(null);
        assertEquals(3, slices.size());
        assertEquals(0, slices.get(1).results().validCount());
        assertEquals(2, slices.get(2).index());
    }

    @Test
    void exportsJsonAndTidyCsv() throws Exception {
        TimeSliceAccumulator acc = new TimeSliceAccumulator(CTX, 0.5);
        acc.start(TestRecord.ns(1000));
        for (RequestRecord r : records(10)) acc.add(r);
        List<TimeSlice> slices = acc.slices(null);
        TimeSliceExport.write(dir, "pfx", 0.5, slices, null);
        JsonNode json = new ObjectMapper().readTree(TimeSliceExport.jsonFile(dir, "pfx").toFile());
        JsonNode s0 = json.get("timeslices").get(0);
        assertEquals(0, s0.get("timeslice_index").asInt());
        assertEquals(TestRecord.WALL0 + TestRecord.ns(1000), s0.get("start_ns").asLong());
        assertEquals(TestRecord.WALL0 + TestRecord.ns(1500), s0.get("end_ns").asLong());
        assertEquals("ms", s0.at("/time_to_first_token/unit").asText());
        assertEquals(50.0, s0.at("/time_to_first_token/p99").asDouble(), 1e-9);
        assertEquals(10.0, s0.at("/request_throughput/avg").asDouble(), 1e-9);
        assertTrue(s0.get("min_request_timestamp") == null, "bookkeeping metrics are not sliced");
        assertTrue(json.has("input_config"));
        List<String> csv = Files.readAllLines(TimeSliceExport.csvFile(dir, "pfx"));
        assertEquals("Timeslice,Metric,Unit,Stat,Value", csv.get(0));
        assertTrue(csv.contains("0,time_to_first_token,ms,p50,50"), csv.toString());
        assertTrue(csv.contains("0,request_throughput,requests/sec,avg,10"), csv.toString());
        assertTrue(csv.contains("1,request_count,requests,avg,4"), csv.toString());
    }

    private static long count(BenchmarkResults r, String tag) {
        return r.metric(tag).map(MetricResult::value).map(Double::longValue).orElse(0L);
    }
}
