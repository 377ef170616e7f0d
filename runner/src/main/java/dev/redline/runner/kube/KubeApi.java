package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Calls to the apiserver: a cluster that cannot be reached, or refuses, becomes one line naming the server
 * (exit 2), never a stack trace.
 */
public final class KubeApi {
    private KubeApi() { }

    public static <T> T call(KubeConnection conn, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw translate(conn, e);
        }
    }

    public static void run(KubeConnection conn, Runnable call) {
        call(conn, () -> { call.run(); return null; });
    }

    static BadInputException translate(KubeConnection conn, KubernetesClientException e) {
        String server = server(conn);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && e.getCode() <= 0) {
                return new BadInputException("cannot reach the Kubernetes API server at " + server + " (" + why(t) + "); check --kubeconfig / --kube-context", e);
            }
        }
        String detail = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : oneLine(e);
        if (e.getCode() == 401 || e.getCode() == 403) {
            return new BadInputException("the API server at " + server + " refused: " + detail + " (check your credentials and RBAC; redline kube preflight)", e);
        }
        return new BadInputException("the API server at " + server + " answered " + e.getCode() + ": " + detail, e);
    }

    /** The JDK client's exceptions rarely carry a message: name the cause by its class. */
    private static String why(Throwable io) {
        for (Throwable t = io; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) return "connection refused";
            if (t instanceof java.net.UnknownHostException) return "unknown host " + t.getMessage();
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) return "timed out";
            if (t instanceof javax.net.ssl.SSLException) return "TLS: " + oneLine(t);
        }
        for (Throwable t = io; t != null; t = t.getCause()) if (t.getMessage() != null) return oneLine(t);
        return io.getClass().getSimpleName();
    }

    /** The API server's URL as a user wrote it (Fabric8 adds a trailing slash). */
    static String server(KubeConnection conn) {
        String url = conn.client().getConfiguration().getMasterUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
