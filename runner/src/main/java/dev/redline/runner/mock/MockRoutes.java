package dev.redline.runner.mock;

import io.vertx.core.Vertx;

/** A group of extra endpoints a {@link MockServer} serves next to the OpenAI ones (e.g. a DCGM fake). */
@FunctionalInterface
public interface MockRoutes {
    /** Adds handlers to {@code router}; {@code vertx} is the server's own instance (for timers). */
    void register(MockRouter router, Vertx vertx);
}
