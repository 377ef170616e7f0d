package dev.redline.runner.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.cli.RedlineCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real, tiny calibration against the in-process mocks: asserts the report is well formed, not its numbers. */
class CalibrateCommandTest {
    @TempDir Path dir;

    private record Outcome(int code, String out, String err) { }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = RedlineCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString().trim());
    }

    @Test
    void quickRunWritesAWellFormedReport() throws Exception {
        Path json = dir.resolve("out/calibration.json");
        Outcome o = run("calibrate", "--quick", "--step-seconds", "0.3", "--max-streams", "4", "--output", json.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Max requests/s, non-streaming"), o.out());
        assertTrue(o.out().contains(json.toAbsolutePath().toString()), o.out());

        JsonNode r = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(Runtime.getRuntime().availableProcessors(), r.at("/machine/cores").asInt());
        assertEquals("in-process", r.get("mock").asText());
        assertTrue(r.get("quick").asBoolean());
        for (String mode : new String[] {"non_streaming", "streaming"}) {
            JsonNode c = r.get(mode);
            assertTrue(c.get("steps").size() >= 1, mode);
            double best = 0;
            for (JsonNode s : c.get("steps")) {
                assertTrue(s.get("requests").asLong() > 0, mode + " " + s);
                assertEquals(0, s.get("errors").asLong(), mode + " " + s);
                assertTrue(s.get("cpu_us_per_request").asDouble() > 0, mode + " " + s);
                best = Math.max(best, s.get("requests_per_sec").asDouble());
            }
            assertEquals(best, c.get("max_requests_per_sec").asDouble(), 0.05, mode);
        }
        JsonNode lat = r.get("client_added_latency");
        assertTrue(lat.get("requests").asLong() > 0);
        // the client cannot see a token before the mock sends it: measured >= configured
        assertTrue(lat.at("/ttft_added_ms/p50").asDouble() >= 0, lat.toString());
        assertTrue(lat.at("/ttft_added_ms/p99").asDouble() >= lat.at("/ttft_added_ms/p50").asDouble(), lat.toString());
        assertTrue(lat.at("/itl_added_ms/p50").isNumber(), lat.toString());

        JsonNode lag = r.get("send_lag");
        assertEquals("poisson", lag.get("arrival_pattern").asText());
        assertTrue(lag.get("requests").asLong() > 0);
        assertTrue(lag.at("/lag_ms/p50").asDouble() >= 0, lag.toString());
        assertTrue(lag.at("/lag_ms/max").asDouble() >= lag.at("/lag_ms/p99").asDouble(), lag.toString());
        // the realised schedule's rate, and the achieved rate measured against it (not against the mean)
        assertTrue(lag.get("schedule_rate").asDouble() > 0, lag.toString());
        assertEquals(lag.get("achieved_rate").asDouble() / lag.get("schedule_rate").asDouble(),
                lag.get("achieved_vs_schedule").asDouble(), 0.002, lag.toString());

        JsonNode streams = r.get("max_concurrent_streams");
        int sustained = streams.get("sustained").asInt();
        assertTrue(sustained == 0 || sustained <= 4, streams.toString());
        assertTrue(streams.get("steps").size() >= 1, streams.toString());
        assertFalse(streams.get("criterion").asText().isBlank());

        JsonNode runner = r.get("runner");
        assertTrue(runner.get("cpu_seconds").asDouble() > 0);
        assertTrue(runner.get("heap_live_bytes").asLong() > 0);
        assertTrue(runner.get("heap_peak_bytes").asLong() >= runner.get("heap_live_bytes").asLong() / 2);
    }

    @Test
    void onlyTheChosenStepsRun() throws Exception {
        Path json = dir.resolve("lag.json");
        Outcome o = run("calibrate", "--quick", "--steps", "send-lag", "--step-seconds", "0.3", "--output", json.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode r = new ObjectMapper().readTree(Files.readString(json));
        assertTrue(r.get("non_streaming").isNull() && r.get("max_concurrent_streams").isNull(), r.toString());
        assertTrue(r.at("/send_lag/requests").asLong() > 0, r.toString());
    }

    @Test
    void unreachableUrlIsAOneLineError() {
        Outcome o = run("calibrate", "--quick", "--steps", "ceiling", "--url", "http://127.0.0.1:9");
        assertEquals(2, o.code(), o.err());
        assertFalse(o.err().contains("\n"), o.err());
        assertTrue(o.err().contains("127.0.0.1:9"), o.err());
    }

    @Test
    void badSizesAreOneLineErrors() {
        for (String[] args : new String[][] {
                {"calibrate", "--step-seconds", "0"},
                {"calibrate", "--max-streams", "-1"},
                {"calibrate", "--send-lag-rate", "0"},
                {"calibrate", "--mock-itl-ms", "0"},
                {"calibrate", "--steps", "ceiling,warp"},
                {"calibrate", "--latency-url", "http://127.0.0.1:9"}}) {
            Outcome o = run(args);
            assertEquals(2, o.code(), String.join(" ", args) + ": " + o.err());
            assertFalse(o.err().contains("\n"), o.err());
            assertTrue(o.err().contains(args[1]), o.err());
        }
    }
}
