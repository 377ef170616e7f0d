package dev.redline.runner.mock;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact-path dispatch for the mock server (no vertx-web needed). Thread-safe: routes may be added while
 * the server runs. Unknown path: 404; known path with another method: 405; both with an OpenAI-style body.
 */
public final class MockRouter implements Handler<HttpServerRequest> {
    private final Map<String, Map<HttpMethod, Handler<HttpServerRequest>>> routes = new ConcurrentHashMap<>();

    /** Serves {@code method path} with {@code handler}; a later registration of the same pair replaces it. */
    public MockRouter add(HttpMethod method, String path, Handler<HttpServerRequest> handler) {
        routes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(method, handler);
        return this;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Map<HttpMethod, Handler<HttpServerRequest>> byMethod = routes.get(request.path());
        if (byMethod == null) {
            ErrorResponses.send(request.response(), 404, "NotFoundError", "No route for " + request.path());
            return;
        }
        Handler<HttpServerRequest> handler = byMethod.get(request.method());
        if (handler == null) {
            ErrorResponses.send(request.response(), 405, "MethodNotAllowed",
                    request.method() + " is not allowed on " + request.path());
            return;
        }
        handler.handle(request);
    }
}
