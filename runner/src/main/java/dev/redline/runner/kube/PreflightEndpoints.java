package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * AIPerf's {@code kube preflight --image} and {@code --endpoint-url} checks: what can be told from here without
 * pulling the image or connecting from this machine (the runner pods pull and connect, not the CLI).
 */
final class PreflightEndpoints {
    /** Registries AIPerf treats as pulling without credentials. */
    static final Set<String> PUBLIC_REGISTRIES = Set.of("docker.io", "registry-1.docker.io", "ghcr.io", "quay.io", "nvcr.io", "registry.k8s.io");

    private PreflightEndpoints() { }

    /** The registry of an image reference: its first path part when that names a host, else Docker Hub (as the kubelet resolves it). */
    static String registry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) return "docker.io";
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : "docker.io";
    }

    static void checkImageArgument(String image) {
        if (image != null && (image.isBlank() || image.chars().anyMatch(Character::isWhitespace))) {
            throw new BadInputException("--image '" + image + "': not an image reference; give e.g. registry.example.com/redline-runner:1.0");
        }
    }

    /** Pull credentials for the image's registry: given, not needed (public), or likely missing (WARN). */
    static void image(String image, List<String> pullSecrets, PreflightPlacement.Report report) {
        if (image == null) return;
        String registry = registry(image);
        if (!pullSecrets.isEmpty()) {
            report.pass("image " + image + " (registry " + registry + "): pulled with image pull secret(s) " + String.join(", ", pullSecrets));
        } else if (PUBLIC_REGISTRIES.contains(registry)) {
            report.pass("image " + image + " from public registry " + registry);
        } else {
            report.warn("image " + image + " from registry " + registry + " with no --image-pull-secret: a private registry needs one (try: kubectl run"
                    + " pull-test --image=" + image + " --rm -it --restart=Never -- true)");
        }
    }

    /** The URL given, checked: one line naming the flag when it is not an http(s) URL with a host; null when not given. */
    static URI endpointArgument(String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url);
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) throw new IllegalArgumentException();
            return u;
        } catch (Exception e) {
            throw new BadInputException("--endpoint-url " + url + ": not an http(s) URL with a host; give e.g. http://vllm.llm.svc:8000");
        }
    }

    /**
     * An in-cluster endpoint ({@code NAME.NS.svc[.cluster.local]}) must be a Service of the cluster with the URL's port;
     * any other host is reached by the runner pods, so it is only noted.
     */
    static void endpoint(KubeConnection conn, URI url, PreflightPlacement.Report report) {
        if (url == null) return;
        String host = url.getHost();
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        int svc = host.endsWith(".svc") ? host.length() - 4 : host.endsWith(".svc.cluster.local") ? host.length() - 18 : -1;
        if (svc <= 0) {
            report.info("endpoint " + url + ": host " + host + " is not a cluster Service, not checked (the runner pods must reach it)");
            return;
        }
        String before = host.substring(0, svc);
        int dot = before.lastIndexOf('.');
        String name = dot < 0 ? before : before.substring(0, dot);
        String ns = dot < 0 ? "default" : before.substring(dot + 1);
        Service s;
        try {
            s = conn.client().services().inNamespace(ns).withName(name).get();
        } catch (KubernetesClientException e) {
            report.warn("endpoint " + url + ": could not read Service " + ns + "/" + name + " (" + (e.getCode() == 403 ? "forbidden" : KubeApi.oneLine(e))
                    + "), not checked");
            return;
        }
        if (s == null) {
            report.fail("endpoint " + url + ": no Service " + name + " in namespace " + ns, "kubectl -n " + ns + " get services; fix --endpoint-url");
            return;
        }
        List<ServicePort> ports = s.getSpec() == null || s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts();
        if (ports.stream().noneMatch(p -> p.getPort() != null && p.getPort() == port)) {
            report.fail("endpoint " + url + ": Service " + ns + "/" + name + " has no port " + port + " (it has "
                    + ports.stream().map(p -> String.valueOf(p.getPort())).collect(Collectors.joining(", ")) + ")", "give the Service's port in --endpoint-url");
            return;
        }
        report.pass("endpoint " + url + ": Service " + ns + "/" + name + " exists with port " + port);
    }
}
