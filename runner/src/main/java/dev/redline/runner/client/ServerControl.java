package dev.redline.runner.client;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests to the server outside the measured ones, each on a fresh short-lived client: AIPerf's readiness wait
 * (GET /v1/models answering 200, or a one-token inference request succeeding), and its control POSTs (KV-cache
 * reset, profiler start/stop). Call from a non-event-loop thread (it blocks).
 */
public final class ServerControl {
    private final Vertx vertx;
    private final ClientConfig config;

    public ServerControl(Vertx vertx, ClientConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** The outcome of one request: the HTTP status (0 = no answer) and a short reason when it failed. */
    public record Answer(int status, String problem) {
        public boolean ok() { return status >= 200 && status < 300; }
    }

    /** POSTs {@code path} (relative to the server's root, e.g. /reset_prefix_cache) with an empty JSON body. */
    public Answer post(String path, Duration timeout) {
        return send(HttpMethod.POST, ClientConfig.joinPath(config.serverPath(), path), Buffer.buffer("{}"),
                MultiMap.caseInsensitiveMultiMap().set("Content-Type", "application/json"), timeout);
    }

    /**
     * Waits until the model answers: {@code models} (GET /v1/models is 200), {@code inference} (the prepared
     * one-token request is 200), or {@code both}; retrying every {@code interval} until {@code timeout}.
     * Returns null when ready, else one line naming the URL, the last answer and the flag.
     */
    public String awaitModel(String mode, PreparedRequest probe, Duration timeout, Duration interval) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean models = !"inference".equals(mode);
        boolean inference = !"models".equals(mode);
        Answer last = null;
        while (true) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            Duration attempt = left.compareTo(Duration.ofSeconds(30)) < 0 ? left : Duration.ofSeconds(30);
            if (models) {
                last = send(HttpMethod.GET, ClientConfig.joinPath(config.serverPath(), "/v1/models"), null,
                        MultiMap.caseInsensitiveMultiMap(), attempt);
                if (last.ok()) models = false;
            }
            if (!models && inference) {
                last = send(HttpMethod.POST, probe.uri() != null ? probe.uri() : config.requestUri(), probe.body(), probe.headers(), attempt);
                if (last.ok()) inference = false;
            }
            if (!models && !inference) return null;
            if (System.nanoTime() + interval.toNanos() >= deadline) break;
            Thread.sleep(interval.toMillis());
        }
        return "the model at " + config.endpointUrl() + " did not answer within " + timeout.toSeconds() + " s ("
                + (last == null ? "no attempt" : last.problem()) + "); check the server or raise --wait-for-model-timeout";
    }

    private Answer send(HttpMethod method, String uri, Buffer body, MultiMap headers, Duration timeout) {
        int ms = (int) Math.max(100, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(ms).setSsl(config.ssl()).setKeepAlive(false));
        try {
            RequestOptions opts = new RequestOptions().setMethod(method).setHost(config.host()).setPort(config.port())
                    .setSsl(config.ssl()).setURI(uri).setIdleTimeout(ms);
            if (config.apiKey() != null && !config.apiKey().isBlank()) headers.set("Authorization", "Bearer " + config.apiKey());
            Future<Answer> answer = http.request(opts).compose(req -> {
                req.headers().addAll(headers);
                return body == null ? req.send() : req.send(body);
            }).compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(),
                    resp.statusCode() / 100 == 2 ? null : "HTTP " + resp.statusCode() + " from " + uri)));
            return answer.toCompletionStage().toCompletableFuture().get(ms + 500L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            return new Answer(0, c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
        } catch (TimeoutException e) {
            return new Answer(0, "no answer within " + ms + " ms");
        } finally {
            http.close();
        }
    }
}
