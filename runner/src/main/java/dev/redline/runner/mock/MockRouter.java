package dev.redline.runner.mock;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact-path dispatch for the mock server (no vertx-web needed), plus paths with one {@code {name}} segment
 * (Triton's {@code /v2/models/{model}/generate}) matched by their fixed prefix and suffix. Thread-safe: routes
 * may be added while the server runs. Unknown path: 404; known path with another method: 405; both with an
 * OpenAI-style body.
 */
public final class MockRouter implements Handler<HttpServerRequest> {
    private final Map<String, Map<HttpMethod, Handler<HttpServerRequest>>> routes = new ConcurrentHashMap<>();
    private final List<String> templates = new CopyOnWriteArrayList<>();

    /** Serves {@code method path} with {@code handler}; a later registration of the same pair replaces it. */
    public MockRouter add(HttpMethod method, String path, Handler<HttpServerRequest> handler) {
        routes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(method, handler);
        if (path.indexOf('{') >= 0 && !templates.contains(path)) templates.add(path);
        return this;
    }

    /** The value of the {@code {name}} segment of a templated route that {@code path} matched, or null. */
    public static String segment(String template, String path) {
        int open = template.indexOf('{');
        int close = template.indexOf('}', open);
        if (open < 0 || close < 0) return null;
        String prefix = template.substring(0, open);
        String suffix = template.substring(close + 1);
        if (path.length() <= prefix.length() + suffix.length() || !path.startsWith(prefix) || !path.endsWith(suffix)) return null;
        String value = path.substring(prefix.length(), path.length() - suffix.length());
        return value.indexOf('/') >= 0 ? null : value;
    }

    private Map<HttpMethod, Handler<HttpServerRequest>> lookup(String path) {
        Map<HttpMethod, Handler<HttpServerRequest>> exact = routes.get(path);
        if (exact != null) return exact;
        for (String t : templates) {
            if (segment(t, path) != null) return routes.get(t);
        }
        return null;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Map<HttpMethod, Handler<HttpServerRequest>> byMethod = lookup(request.path());
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
