package dev.redline.runner.mock;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * {@code GET /v1/models}, {@code GET /health}, {@code GET /metrics}, and the control POSTs vLLM and SGLang serve
 * (KV-cache reset {@code /reset_prefix_cache}, profiler {@code /start_profile} and {@code /stop_profile}), which
 * answer 200 and are counted.
 */
final class StaticEndpoints {
    private StaticEndpoints() {}

    static void register(MockRouter router, MockContext ctx) {
        Buffer models = Buffer.buffer(modelsJson(ctx));
        router.add(HttpMethod.GET, "/v1/models", req -> req.response()
                .putHeader("Content-Type", "application/json").end(models.copy()));
        Buffer health = Buffer.buffer("{\"status\":\"ok\"}");
        router.add(HttpMethod.GET, "/health", req -> req.response()
                .putHeader("Content-Type", "application/json").end(health.copy()));
        router.add(HttpMethod.GET, "/metrics", req -> req.response()
                .putHeader("Content-Type", VllmMetricsText.CONTENT_TYPE).end(VllmMetricsText.render(ctx.metrics)));
        for (String control : MockMetrics.CONTROL_PATHS) {
            router.add(HttpMethod.POST, control, req -> {
                ctx.metrics.controlCalled(control);
                req.response().putHeader("Content-Type", "application/json").end(health.copy());
            });
        }
        // SGLang's name for the KV-cache reset; counted as /reset_prefix_cache (as AIPerf's mock does)
        router.add(HttpMethod.POST, "/flush_cache", req -> {
            ctx.metrics.controlCalled("/reset_prefix_cache");
            req.response().putHeader("Content-Type", "application/json").end(health.copy());
        });
    }

    private static String modelsJson(MockContext ctx) {
        StringBuilder b = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < ctx.options.models().size(); i++) {
            if (i > 0) b.append(',');
            b.append("{\"id\":").append(JsonText.quote(ctx.options.models().get(i)))
                    .append(",\"object\":\"model\",\"created\":0,\"owned_by\":\"redline-mock\"}");
        }
        return b.append("]}").toString();
    }
}
