package dev.redline.runner.client;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.RequestOptions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * AIPerf's {@code sticky-user-sessions}: each session (correlation id) keeps one connection for all its turns, so a
 * load balancer with connection affinity sees a user stay on one replica. Confined to one event-loop context. At most
 * {@code capacity} sessions hold a connection: opening one more shuts the least recently used down gracefully (its
 * request in flight, if any, completes first); a connection the server closes is forgotten and reopened on the
 * session's next turn.
 */
final class StickyConnections {
    private final HttpClientAgent client;
    private final int capacity;
    private final LinkedHashMap<String, Future<HttpClientConnection>> bySession = new LinkedHashMap<>(16, 0.75f, true);

    StickyConnections(HttpClientAgent client, int capacity) {
        this.client = client;
        this.capacity = Math.max(1, capacity);
    }

    /** The session's connection to the server of {@code options}, opened on first use. */
    Future<HttpClientConnection> connection(String session, int urlIndex, RequestOptions options) {
        String key = session + "@" + urlIndex;
        Future<HttpClientConnection> conn = bySession.get(key);
        if (conn != null && !conn.failed()) return conn;
        if (bySession.size() >= capacity) evictOldest();
        HttpConnectOptions connect = new HttpConnectOptions().setHost(options.getHost()).setPort(options.getPort())
                .setSsl(Boolean.TRUE.equals(options.isSsl()));
        Future<HttpClientConnection> opened = client.connect(connect);
        bySession.put(key, opened);
        opened.onSuccess(c -> c.closeHandler(v -> bySession.remove(key, opened)))
                .onFailure(e -> bySession.remove(key, opened));
        return opened;
    }

    int open() {
        return bySession.size();
    }

    private void evictOldest() {
        Map.Entry<String, Future<HttpClientConnection>> oldest = bySession.entrySet().iterator().next();
        bySession.remove(oldest.getKey());
        oldest.getValue().onSuccess(c -> c.shutdown(30, TimeUnit.SECONDS));
    }
}
