package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.EndpointSpec;
import dev.redline.api.v1alpha1.EndpointType;

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
        EndpointType type = ep.resolvedType();
        if (ep.usesGrpc() && !type.supportsGrpc()) {
            out.add("endpoint.url", "grpc:// URLs are for endpoint types kserve and dynamic_grpc, not "
                    + type.wireName() + "; use an http:// URL");
        }
        if (ep.usesGrpc() && ep.resolvedUrls().size() > 1) {
            out.add("endpoint.urls", "several URLs are spread over HTTP only; give one grpc:// URL (or run one benchmark per server)");
        }
        if (ep.usesGrpc()) {
            httpOnlyControl("endpoint.resetKvCache", ep.getResetKvCache(), out);
            httpOnlyControl("endpoint.serverProfiler", ep.getServerProfiler(), out);
        }
        if (type.grpcOnly() && !ep.usesGrpc()) {
            out.add("endpoint.url", type.wireName() + " speaks gRPC only; give a grpc://host:port URL");
        }
        if (type == EndpointType.DYNAMIC_GRPC) {
            if (ep.getGrpcMethod() == null || ep.getGrpcMethod().isBlank()) {
                out.add("endpoint.grpcMethod", "dynamic_grpc needs the method to call; set grpcMethod (CLI: --grpc-method package.Service/Method)");
            }
            if (ep.getGrpcDescriptorSet() == null || ep.getGrpcDescriptorSet().isBlank()) {
                out.add("endpoint.grpcDescriptorSet", "dynamic_grpc needs the proto definitions; set grpcDescriptorSet "
                        + "(CLI: --grpc-descriptor-set FILE, from protoc --include_imports --descriptor_set_out)");
            }
        }
        String ct = ep.getRequestContentType();
        if (ct != null && !ct.isBlank() && !ct.equals(EndpointSpec.JSON) && !ct.equals(EndpointSpec.MULTIPART)) {
            out.add("endpoint.requestContentType", "'" + ct + "' is not supported; use application/json or multipart/form-data");
        }
        if (ep.isUuidAndStrip() && type != EndpointType.CHAT) {
            out.add("endpoint.uuidAndStrip", "--uuid-and-strip requires endpoint type chat (got " + type.wireName() + "); remove it or use --endpoint-type chat");
        }
        if (ep.getDownloadVideoContent() != null && ep.isDownloadVideoContent() && type != EndpointType.VIDEO_GENERATION) {
            out.add("endpoint.downloadVideoContent", "downloading video content applies to endpoint type video_generation only; remove it");
        }
    }

    private static void httpOnlyControl(String path, dev.redline.api.v1alpha1.ControlRequestSpec c, Violations out) {
        if (c != null && Boolean.TRUE.equals(c.getEnabled())) {
            out.add(path, "control requests are HTTP POSTs to the server; a grpc:// URL has none, remove it");
        }
    }

    /** Returns why the URL cannot be used, or null if it is fine. Adds http:// when no scheme is given. */
    static String urlProblem(String url) {
        String withScheme = url.contains("://") ? url : "http://" + url;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
                    && !"grpc".equalsIgnoreCase(scheme) && !"grpcs".equalsIgnoreCase(scheme)) {
                return "'" + url + "' has scheme '" + scheme + "'; use http://, https:// (or grpc:// for kserve and dynamic_grpc)";
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
