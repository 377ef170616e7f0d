package dev.redline.runner.netlatency;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One host:port the network-latency probes connect to, from a server URL (scheme default port when it has none).
 *
 * @param url  the URL it came from, with a scheme and without credentials (the JSONL's target_url)
 * @param host the URL's host
 * @param port its port, or 80/443 by scheme
 */
public record ProbeTarget(String url, String host, int port) {
    /** AIPerf's key of a target: {@code host:port}. */
    public String key() { return host + ":" + port; }

    /** One target per distinct host:port of {@code urls}, in their order (AIPerf probes each once). */
    public static List<ProbeTarget> of(List<String> urls) {
        Map<String, ProbeTarget> byKey = new LinkedHashMap<>();
        for (String u : urls) {
            ProbeTarget t = parse(u);
            if (t != null) byKey.putIfAbsent(t.key(), t);
        }
        return new ArrayList<>(byKey.values());
    }

    /** The target of one URL, or null when it names no host. */
    static ProbeTarget parse(String url) {
        String u = url.trim();
        if (!u.contains("://")) u = "http://" + u;
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            return null; // the endpoint rules refuse such a URL before a run starts
        }
        if (uri.getHost() == null) return null;
        boolean https = "https".equalsIgnoreCase(uri.getScheme()) || "grpcs".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String shown = uri.getScheme() + "://" + (at < 0 ? authority : "<redacted>@" + authority.substring(at + 1))
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return new ProbeTarget(shown, uri.getHost(), port);
    }
}
