package dev.redline.runner.profile;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.HashMap;
import java.util.Map;

/**
 * The Vert.x instances the runs of one experiment share, one per event-loop count, so that consecutive sweep
 * cells do not each start and stop event loops (closing one took ~25 ms of the gap between cells). Each run
 * still opens and closes its own clients on them; the experiment closes them after its last run.
 */
public final class SharedVertx implements AutoCloseable {
    private final Map<Integer, Vertx> byEventLoops = new HashMap<>();

    /** A Vert.x with {@code eventLoops} event loops, created on first use. */
    public synchronized Vertx get(int eventLoops) {
        return byEventLoops.computeIfAbsent(eventLoops, SharedVertx::create);
    }

    static Vertx create(int eventLoops) {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
    }

    @Override
    public synchronized void close() {
        boolean interrupted = Thread.interrupted(); // closing must finish even after a Ctrl-C; the flag is kept
        try {
            for (Vertx v : byEventLoops.values()) v.close().await();
            byEventLoops.clear();
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
