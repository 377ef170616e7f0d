package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.EndpointSpec;

import java.net.URI;
import java.net.URISyntaxException;

/** Models, URL, endpoint type vs streaming, timeout. */
final class EndpointRules implements ValidationRule {
    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        if (spec.getModels() == null || spec.getModels().isEmpty()) {
            out.add("models", "at least one model name is required; set models (CLI: -m/--model)");
        } else {
            for (int i = 0; i < spec.getModels().size(); i++) {
                String m = spec.getModels().get(i);
                if (m == null || m.isBlank()) out.add("models[" + i + "]", "model name is empty; give a model name");
            }
        }
        String strategy = spec.getModelSelectionStrategy();
        if ("weighted".equals(strategy)) {
            out.add("modelSelectionStrategy", "weighted selection needs per-model weights, which Redline does not support; use round_robin or random");
        } else if (strategy != null && !strategy.equals("round_robin") && !strategy.equals("random")) {
            out.add("modelSelectionStrategy", "unknown strategy '" + strategy + "'; use round_robin or random");
        }
        EndpointSpec ep = spec.getEndpoint();
        if (ep == null) return;
        if (ep.getUrl() != null) {
            String problem = urlProblem(ep.getUrl());
            if (problem != null) out.add("endpoint.url", problem);
        }
        // a path without a leading '/' is joined to the URL's path as AIPerf does (v1/custom -> /v1/custom)
        // streaming with a type that cannot stream is turned off, as AIPerf does (EndpointSpec.isStreaming)
        EndpointExtrasRules.check(ep, out);
    }

    /** Returns why the URL cannot be used, or null if it is fine. Adds http:// when no scheme is given. */
    static String urlProblem(String url) {
        String withScheme = url.contains("://") ? url : "http://" + url;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                return "'" + url + "' has scheme '" + scheme + "'; use http:// or https://";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "'" + url + "' has no host; use a URL like http://localhost:8000";
            }
            return null;
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a valid URL (" + e.getReason() + "); use a URL like http://localhost:8000";
        }
    }
}
