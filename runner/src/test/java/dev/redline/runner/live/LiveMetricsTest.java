package dev.redline.runner.live;

import dev.redline.runner.metrics.TestRecord;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveMetricsTest {
    @Test
    void countsCompletionsAndErrorsAndTimesSuccessfulRequests() throws Exception {
        LiveMetrics m = new LiveMetrics();
        m.phaseStarting("profiling");
        for (int i = 0; i < 9; i++) {
            m.record(TestRecord.startAt(1000 + i).tokens(10, 4, 0).chunks(1040 + i, 1050 + i, 1060 + i, 1070 + i).build());
        }
        m.record(TestRecord.startAt(2000).fail(503, "Service Unavailable", "busy").end(2010).build());
        RequestRecord warm = TestRecord.warmupAt(10).tokens(1, 1, 0).chunks(20).build();
        m.record(warm);
        m.finish();
        try (LiveMetricsServer server = LiveMetricsServer.start(m, 0)) {
            HttpResponse<String> resp = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, resp.statusCode());
            assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            PromText text = new PromText(resp.body());
            assertEquals(10, text.value("redline_requests_completed_total", "phase", "profiling"), resp.body());
            assertEquals(1, text.value("redline_requests_errors_total", "phase", "profiling"));
            assertEquals(1, text.value("redline_request_errors_by_type_total", "type", "Service Unavailable"), resp.body());
            assertEquals(1, text.value("redline_requests_completed_total", "phase", "warmup"));
            assertEquals(9, text.value("redline_time_to_first_token_seconds_count", null, null));
            assertEquals(9 * 0.040, text.value("redline_time_to_first_token_seconds_sum", null, null), 1e-9);
            assertEquals(9 * 0.010, text.value("redline_inter_token_latency_seconds_sum", null, null), 1e-9);
            assertEquals(1, text.value("redline_run_finished", null, null));
        }
        LiveSnapshot s = m.snapshot();
        assertEquals(0, new PromText(m.scrape()).value("redline_requests_sent_total", "phase", "profiling"),
                "no load runner attached: nothing sent");
        assertEquals(10, s.completed());
        assertEquals(1, s.errors());
        assertEquals(40, s.ttftMs()[0], 1); // Micrometer's percentiles are histogram estimates
    }
}
