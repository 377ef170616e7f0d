package dev.redline.runner.client;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Checks before a run that the server answers HTTP at all (GET {base}/v1/models; any status counts as
 * reachable; a grpc:// URL: a gRPC channel gets ready), retrying until a short deadline, so a wrong URL fails in seconds with one clear line
 * instead of producing a run full of connection errors. Call from a non-event-loop thread (it blocks).
 */
public final class ReadinessProbe {
    private final Vertx vertx;
    private final ClientConfig config;
    private final Duration deadline;
    private final Duration retryInterval;

    public ReadinessProbe(Vertx vertx, ClientConfig config) {
        this(vertx, config, Duration.ofSeconds(3), Duration.ofMillis(250));
    }

    public ReadinessProbe(Vertx vertx, ClientConfig config, Duration deadline, Duration retryInterval) {
        this.vertx = vertx;
        this.config = config;
        this.deadline = deadline;
        this.retryInterval = retryInterval;
    }

    /** Returns null when the server is reachable, else a one-line message naming the URL and the fix. */
    public String problem() {
        if (config.grpc()) return GrpcTransport.unreachable(config, deadline);
        long end = System.nanoTime() + deadline.toNanos();
        // several short attempts rather than one long one: an attempt that neither answers nor fails
        // (seen rarely on a loaded machine) is abandoned and retried with a fresh client
        int attemptMs = (int) Math.max(200, Math.min(2000, deadline.toMillis() / 3));
        Throwable last = null;
        while (true) {
            HttpClient http = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout(attemptMs).setSsl(config.ssl()).setKeepAlive(false));
            try {
                RequestOptions opts = new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost(config.host()).setPort(config.port()).setSsl(config.ssl())
                        .setURI(ClientConfig.joinPath(config.serverPath(), "/v1/models"))
                        .setIdleTimeout(attemptMs);
                Future<Integer> status = http.request(opts)
                        .compose(req -> req.send())
                        .compose(resp -> resp.body().map(b -> resp.statusCode()));
                status.toCompletionStage().toCompletableFuture()
                        .get(attemptMs + 500L, java.util.concurrent.TimeUnit.MILLISECONDS);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                last = e.getCause();
            } catch (Throwable t) {
                last = t;
            } finally {
                http.close();
            }
            if (System.nanoTime() + retryInterval.toNanos() > end) break;
            try {
                Thread.sleep(retryInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "cannot connect to " + config.baseUrl() + " (" + reason(last) + "); is the server running? check --url";
    }

    private static String reason(Throwable t) {
        if (t == null || t instanceof java.util.concurrent.TimeoutException) return "no answer";
        if (t instanceof ConnectException) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("refused")) return "connection refused";
            if (m.contains("timed out")) return "connect timed out";
            return "cannot connect";
        }
        if (t instanceof io.netty.channel.ConnectTimeoutException) return "connect timed out";
        if (t instanceof UnknownHostException) return "unknown host";
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
