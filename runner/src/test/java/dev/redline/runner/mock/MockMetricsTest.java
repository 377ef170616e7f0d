package dev.redline.runner.mock;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} reports exactly what the test sent, in vLLM's names. */
class MockMetricsTest {

    @Test
    void countersAndHistogramsMatchTraffic() throws Exception {
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(15).itlMs(1)
                .promptTokenCounter(String::length).eventLoops(2))) {
            MockHttp http = new MockHttp(server.baseUrl());
            int prompt = 0;
            int generated = 0;
            for (int i = 1; i <= 6; i++) {
                String text = "p".repeat(i);
                String body = "{\"model\":\"mock-model\",\"max_tokens\":" + i + ",\"stream\":" + (i % 2 == 0)
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
                if (i % 2 == 0) http.stream("/v1/chat/completions", body);
                else assertEquals(200, http.post("/v1/chat/completions", body).status());
                prompt += i;
                generated += i;
            }
            assertEquals(400, http.post("/v1/chat/completions", "nope").status());

            MockHttp.Reply r = http.get("/metrics");
            assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
            Map<String, Double> m = parse(r.body());
            String label = "{model_name=\"mock-model\"}";
            assertEquals(prompt, m.get("vllm:prompt_tokens_total" + label));
            assertEquals(generated, m.get("vllm:generation_tokens_total" + label));
            assertEquals(6, m.get("vllm:request_success_total" + label));
            assertEquals(0, m.get("vllm:num_requests_running" + label));
            assertEquals(0, m.get("vllm:num_requests_waiting" + label));
            assertEquals(6, m.get("vllm:time_to_first_token_seconds_count" + label));
            assertEquals(6, m.get("vllm:e2e_request_latency_seconds_count" + label));
            // One inter-token gap per token after the first: (1 + 2 + ... + 6) - 6.
            assertEquals(generated - 6, m.get("vllm:inter_token_latency_seconds_count" + label));
            assertEquals(6, m.get("vllm:time_to_first_token_seconds_bucket{le=\"+Inf\",model_name=\"mock-model\"}"));
            // TTFT is 15 ms: none at or below 10 ms, all at or below 100 ms (loose upper: loaded machine).
            assertEquals(0, m.get("vllm:time_to_first_token_seconds_bucket{le=\"0.01\",model_name=\"mock-model\"}"));
            assertEquals(6, m.get("vllm:time_to_first_token_seconds_bucket{le=\"0.1\",model_name=\"mock-model\"}"));
            assertTrue(m.get("vllm:time_to_first_token_seconds_sum" + label) >= 6 * 0.015 - 0.001);
            assertEquals(generated, server.metrics().tokensGenerated());
            assertEquals(1, server.metrics().badRequests());
            assertTrue(r.body().contains("# TYPE vllm:e2e_request_latency_seconds histogram"));
            assertTrue(r.body().contains("# TYPE vllm:prompt_tokens counter"));
            assertTrue(r.body().contains("# HELP vllm:num_requests_running "));
        }
    }

    private static Map<String, Double> parse(String text) {
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            int space = line.lastIndexOf(' ');
            values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return values;
    }
}
