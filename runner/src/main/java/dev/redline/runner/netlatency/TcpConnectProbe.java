package dev.redline.runner.netlatency;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;

/**
 * Times the TCP handshake to one target on a fresh, unpooled socket (a pooled connection would measure nothing).
 * The host is resolved once, so a probe times the connect and not DNS; for https only TCP is opened (no TLS), so
 * every target's RTT is one network round trip. Blocking: called on the prober's own threads, never an event loop.
 */
final class TcpConnectProbe {
    private final ProbeTarget target;
    private final int timeoutMs;
    private volatile InetAddress resolved; // set on the ticker thread, read by the final probes on the run's thread

    TcpConnectProbe(ProbeTarget target, Duration timeout) {
        this.target = target;
        this.timeoutMs = (int) Math.max(1, timeout.toMillis());
    }

    ProbeTarget target() { return target; }

    /**
     * Resolves the host once (on failure each probe resolves it again: a DNS hiccup does not stop probing), then
     * connects once unrecorded: the JVM's first connect loads and links the socket code, which took milliseconds
     * on loopback and would have gone into the mean.
     */
    String resolve() {
        try {
            resolved = InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            return "cannot resolve " + target.host() + " (" + e.getMessage() + "); each probe will resolve it";
        }
        probeOnce();
        return null;
    }

    /** One probe; a refused or timed-out connect is a failed sample, never an exception. */
    RttSample probeOnce() {
        Instant now = Instant.now();
        long wallNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        InetSocketAddress address = resolved != null ? new InetSocketAddress(resolved, target.port())
                : new InetSocketAddress(target.host(), target.port());
        try (Socket socket = new Socket()) {
            long start = System.nanoTime();
            socket.connect(address, timeoutMs);
            long rtt = System.nanoTime() - start;
            return new RttSample(wallNs, target, rtt, null, null);
        } catch (IOException | IllegalArgumentException e) {
            return new RttSample(wallNs, target, -1, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
    }
}
