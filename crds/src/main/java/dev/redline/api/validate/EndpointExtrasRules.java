package dev.redline.api.validate;

import dev.redline.api.v1alpha1.ControlRequestSpec;
import dev.redline.api.v1alpha1.EndpointSpec;

import java.util.List;
import java.util.regex.Pattern;

/** Several URLs, readiness wait, control requests, transport and connection settings of the endpoint. */
final class EndpointExtrasRules {
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    static final List<String> WAIT_MODES = List.of("models", "inference", "both");

    private EndpointExtrasRules() { }

    static void check(EndpointSpec ep, Violations out) {
        if (ep.getUrls() != null) {
            for (int i = 0; i < ep.getUrls().size(); i++) {
                String u = ep.getUrls().get(i);
                String problem = u == null || u.isBlank() ? "URL is empty; give a URL like http://host:8000" : EndpointRules.urlProblem(u);
                if (problem != null) out.add("endpoint.urls[" + i + "]", problem);
            }
        }
        if (ep.getUrlStrategy() != null && !ep.getUrlStrategy().equals("round_robin")) {
            out.add("endpoint.urlStrategy", "unknown URL strategy '" + ep.getUrlStrategy() + "'; use round_robin");
        }
        if (ep.getSessionHeader() != null && !HEADER_NAME.matcher(ep.getSessionHeader()).matches()) {
            out.add("endpoint.sessionHeader", "'" + ep.getSessionHeader() + "' is not an HTTP header name; use e.g. X-Session-ID");
        }
        if (ep.getWaitForModelMode() != null && !WAIT_MODES.contains(ep.getWaitForModelMode())) {
            out.add("endpoint.waitForModelMode", "unknown mode '" + ep.getWaitForModelMode() + "'; use models, inference or both");
        }
        control("endpoint.resetKvCache", ep.getResetKvCache(), out);
        control("endpoint.serverProfiler", ep.getServerProfiler(), out);
        if (ep.getTransport() != null && !ep.getTransport().equals("http")) {
            out.add("endpoint.transport", "unknown transport '" + ep.getTransport() + "'; use http (https URLs use TLS over it)");
        }
        String reuse = ep.getConnectionReuse();
        if (reuse != null && !reuse.equals("pooled") && !reuse.equals("never") && !ep.stickyConnections()) {
            out.add("endpoint.connectionReuse", "unknown strategy '" + reuse + "'; use pooled, never or sticky-user-sessions");
        }
        if (ep.perChunkUsageRequested() && !ep.isUseServerTokenCount()) {
            out.add("endpoint.perChunkUsage", "per-chunk usage needs server token counts; set useServerTokenCount (CLI: --use-server-token-count)");
        }
    }

    private static void control(String path, ControlRequestSpec c, Violations out) {
        if (c == null) return;
        for (String[] p : new String[][] {{"path", c.getPath()}, {"startPath", c.getStartPath()}, {"stopPath", c.getStopPath()}}) {
            if (p[1] != null && !p[1].startsWith("/")) out.add(path + "." + p[0], "'" + p[1] + "' must start with '/'");
        }
    }
}
