package dev.redline.runner.telemetry.scrape;

import java.net.URI;

/** Normalises scrape URLs the way AIPerf does: a scheme is added and a bare host:port gets /metrics. */
public final class TargetUrls {
    private TargetUrls() { }

    /** {@code localhost:9400} -> {@code http://localhost:9400/metrics}; a URL with a path is kept. */
    public static String normalise(String url) {
        String u = url.trim();
        if (!u.contains("://")) u = "http://" + u;
        URI uri = URI.create(u);
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            u = stripSlash(u) + "/metrics";
        }
        return u;
    }

    /** The inference server's metrics URL: its scheme, host and port, path {@code /metrics}. */
    public static String serverMetricsUrl(String baseUrl) {
        String u = baseUrl.trim();
        if (!u.contains("://")) u = "http://" + u;
        URI uri = URI.create(u);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + "/metrics";
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
