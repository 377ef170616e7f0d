package dev.redline.operator.realcluster;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cluster DNS and pod networking for processes that all share the loopback interface: a
 * {@code host:port} whose host names a Service of the pod's namespace ({@code svc}, {@code pod.svc},
 * {@code svc.ns}, {@code svc.ns.svc[.cluster.local]}) becomes {@code 127.0.0.1:<port>}, with one free
 * loopback port per (namespace, Service, port), so the two ends of a connection (a coordinator that
 * listens on the port it is told, agents that dial it) agree, and two runs never collide.
 */
final class PodNetwork {
    private static final Pattern HOST_PORT = Pattern.compile("(?<![A-Za-z0-9.-])([a-z0-9]([-a-z0-9.]*[a-z0-9])?):(\\d{1,5})(?![0-9])");

    private final KubernetesClient client;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();

    PodNetwork(KubernetesClient client) {
        this.client = client;
    }

    /** {@code value} with every in-cluster {@code host:port} replaced by its loopback address. */
    String translate(String namespace, String value) {
        if (value == null) return null;
        Matcher m = HOST_PORT.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String service = service(namespace, m.group(1));
            String replacement = service == null ? m.group()
                    : "127.0.0.1:" + ports.computeIfAbsent(namespace + "/" + service + ":" + m.group(3), k -> FreePorts.next());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The Service a DNS name resolves to in {@code namespace}, or null (then it is not an in-cluster name). */
    private String service(String namespace, String host) {
        String h = strip(strip(strip(host, ".svc.cluster.local"), ".svc"), "." + namespace);
        String[] labels = h.split("\\.");
        String candidate = labels.length == 1 ? labels[0] : labels.length == 2 ? labels[1] : null; // svc, or pod-hostname.svc
        if (candidate == null || candidate.isEmpty()) return null;
        return client.services().inNamespace(namespace).withName(candidate).get() != null ? candidate : null;
    }

    private static String strip(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }
}
