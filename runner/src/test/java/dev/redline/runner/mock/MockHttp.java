package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain JDK HTTP client for the mock's tests: JSON calls and SSE reads with arrival timestamps. */
final class MockHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    MockHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    /** One SSE {@code data:} value and when its line was read (System.nanoTime). */
    record Event(long nanos, String data) {
        JsonNode json() throws Exception {
            return JSON.readTree(data);
        }
    }

    record Stream(int status, String contentType, long sentNanos, List<Event> events) {}

    Reply get(String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    Reply post(String path, String body) throws Exception {
        HttpResponse<String> r = client.send(request(path, body), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** Sends {@code count} copies of one POST, {@code parallel} at a time; replies in completion order. */
    List<Reply> postMany(String path, String body, int count, int parallel) {
        List<Reply> replies = new ArrayList<>(count);
        for (int start = 0; start < count; start += parallel) {
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + parallel); i++) {
                batch.add(client.sendAsync(request(path, body), HttpResponse.BodyHandlers.ofString()));
            }
            for (var f : batch) {
                HttpResponse<String> r = f.join();
                replies.add(new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()));
            }
        }
        return replies;
    }

    Stream stream(String path, String body) throws Exception {
        HttpRequest request = request(path, body);
        long sent = System.nanoTime();
        HttpResponse<java.io.InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<Event> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data: ")) events.add(new Event(System.nanoTime(), line.substring(6)));
                else if (!line.isEmpty()) throw new AssertionError("unexpected SSE line: " + line);
            }
        }
        return new Stream(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), sent, events);
    }

    private HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
