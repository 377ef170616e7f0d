package dev.redline.runner.telemetry.scrape;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP clients every scraper of this process uses, one per connect timeout. A JDK client is costly to build
 * (its SSL context and selector thread) and Java 17 cannot close one, so a client per scraper per sweep cell
 * added milliseconds to every cell and left a selector thread behind each until a GC collected it.
 */
final class ScrapeHttp {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** The clients' response handling: short tasks, threads come and go with the scrapes. */
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "redline-scrape-http-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private ScrapeHttp() { }

    static HttpClient forConnectTimeout(Duration timeout) {
        return CLIENTS.computeIfAbsent(timeout, t -> HttpClient.newBuilder().executor(EXECUTOR).connectTimeout(t)
                .version(HttpClient.Version.HTTP_1_1).build());
    }
}
