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
        if (strategy != null && !strategy.equals("round_robin") && !strategy.equals("random")) {
            out.add("modelSelectionStrategy", "unknown strategy '" + strategy + "'; use round_robin or random");
        }
        EndpointSpec ep = spec.getEndpoint();
        if (ep == null) return;
        if (ep.getUrl() != null) {
            String problem = urlProblem(ep.getUrl());
            if (problem != null) out.add("endpoint.url", problem);
        }
        if (ep.getPath() != null && !ep.getPath().isBlank() && !ep.getPath().startsWith("/")) {
            out.add("endpoint.path", "'" + ep.getPath() + "' must start with '/', e.g. /v1/chat/completions");
        }
        EndpointType type = ep.resolvedType();
        if (ep.isStreaming() && !type.supportsStreaming(ep.usesGrpc())) {
            out.add("endpoint.streaming", type.supportsStreaming(true)
                    ? type.wireName() + " streams only over gRPC; give a grpc://host:port URL or remove streaming"
                    : "endpoint type " + type.wireName() + " does not stream; remove streaming or use a streaming type such as chat");
        }
        if (ep.usesGrpc() && !type.supportsGrpc()) {
            out.add("endpoint.url", "grpc:// URLs are for endpoint types kserve and dynamic_grpc, not "
                    + type.wireName() + "; use an http:// URL");
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
        if (ep.getDownloadVideoContent() != null && ep.isDownloadVideoContent() && type != EndpointType.VIDEO_GENERATION) {
            out.add("endpoint.downloadVideoContent", "downloading video content applies to endpoint type video_generation only; remove it");
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
