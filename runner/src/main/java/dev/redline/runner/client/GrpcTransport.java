package dev.redline.runner.client;

import dev.redline.runner.endpoint.ByteMarshaller;
import dev.redline.runner.endpoint.GrpcEndpoint;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.TlsChannelCredentials;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gRPC channels to the servers under test (grpc-java over its shaded Netty: HTTP/2, calls multiplexed over each
 * channel's connection) and the endpoint's method with pass-through byte marshallers: requests are encoded before
 * their send time, responses are decoded by the endpoint's parser. Listener callbacks run directly on the
 * transport's threads (directExecutor); the exchange only timestamps there and hands over to its event loop.
 *
 * <p>Channels follow --connection-reuse-strategy as HTTP connections do: {@code pooled} keeps, per URL, one channel
 * per {@value #STREAMS_PER_CHANNEL} requests in flight (servers and proxies often cap concurrent HTTP/2 streams near
 * that, and kube-proxy balances a Service per connection, so one channel would pin all load on one pod), calls
 * round-robin over them; {@code never} opens a channel for each call and shuts it down after; {@code
 * sticky-user-sessions} keeps each session's calls on one channel.
 */
final class GrpcTransport implements AutoCloseable {
    static final int STREAMS_PER_CHANNEL = 100;
    private static final int MAX_CHANNELS_PER_URL = 64;
    private static final int MAX_MESSAGE = 64 * 1024 * 1024;

    private final ClientConfig[] targets;
    private final ManagedChannel[][] pool; // [url][k]; empty rows with --connection-reuse-strategy never
    private final AtomicInteger next = new AtomicInteger();
    private final MethodDescriptor<byte[], byte[]> method;
    private final GrpcEndpoint endpoint;

    GrpcTransport(ClientConfig config, GrpcEndpoint endpoint) {
        this.endpoint = endpoint;
        int urls = config.urls().size();
        this.targets = new ClientConfig[urls];
        this.pool = new ManagedChannel[urls][];
        int perUrl = config.closeConnections() ? 0 : channelsFor(config.maxInFlight());
        for (int u = 0; u < urls; u++) {
            targets[u] = config.forUrl(u);
            pool[u] = new ManagedChannel[perUrl];
            for (int k = 0; k < perUrl; k++) pool[u][k] = channel(targets[u]); // idle until its first call
        }
        MethodDescriptor.MethodType type = endpoint.clientStreams()
                ? (endpoint.serverStreams() ? MethodDescriptor.MethodType.BIDI_STREAMING : MethodDescriptor.MethodType.CLIENT_STREAMING)
                : (endpoint.serverStreams() ? MethodDescriptor.MethodType.SERVER_STREAMING : MethodDescriptor.MethodType.UNARY);
        this.method = ByteMarshaller.method(type, endpoint.fullMethodName());
    }

    /** Pooled channels per URL for this many requests in flight. */
    static int channelsFor(int maxInFlight) {
        return Math.max(1, Math.min(MAX_CHANNELS_PER_URL, (maxInFlight + STREAMS_PER_CHANNEL - 1) / STREAMS_PER_CHANNEL));
    }

    private static ManagedChannel channel(ClientConfig config) {
        return Grpc.newChannelBuilderForAddress(config.host(), config.port(),
                        config.ssl() ? TlsChannelCredentials.create() : InsecureChannelCredentials.create())
                .directExecutor()
                .maxInboundMessageSize(MAX_MESSAGE)
                .build();
    }

    /**
     * The readiness probe of a grpc:// URL: null once a channel to it is READY (connected, HTTP/2 settled)
     * within {@code deadline}, else the one-line problem. Blocks: call it before the run, off the event loops.
     */
    static String unreachable(ClientConfig config, java.time.Duration deadline) {
        ManagedChannel probe = channel(config);
        try {
            long end = System.nanoTime() + deadline.toNanos();
            io.grpc.ConnectivityState state = probe.getState(true);
            while (state != io.grpc.ConnectivityState.READY && System.nanoTime() < end) {
                if (state == io.grpc.ConnectivityState.TRANSIENT_FAILURE || state == io.grpc.ConnectivityState.IDLE) probe.resetConnectBackoff();
                Thread.sleep(20);
                state = probe.getState(true);
            }
            if (state == io.grpc.ConnectivityState.READY) return null;
            return "cannot connect to " + config.baseUrl() + " (no gRPC server answers: " + state
                    + "); is the server running? check --url";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while connecting to " + config.baseUrl();
        } finally {
            probe.shutdownNow();
        }
    }

    /**
     * A call to URL {@code url} of the run's list; {@code session} (nullable) keeps a session on one channel.
     * {@link Call#owned()} is the call's own channel (never reuse), to shut down when the call ends.
     */
    Call newCall(int url, String session, double timeoutSeconds) {
        long ms = (long) Math.min(Long.MAX_VALUE / 2, Math.ceil(timeoutSeconds * 1000));
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(Math.max(1, ms), TimeUnit.MILLISECONDS);
        ManagedChannel[] channels = pool[url];
        if (channels.length == 0) {
            ManagedChannel own = channel(targets[url]);
            return new Call(own.newCall(method, options), own);
        }
        int k = channels.length == 1 ? 0 : session != null ? Math.floorMod(Integer.rotateLeft(session.hashCode(), 16), channels.length)
                : Math.floorMod(next.getAndIncrement(), channels.length);
        return new Call(channels[k].newCall(method, options), null);
    }

    /** A call and, with --connection-reuse-strategy never, the channel it alone uses (else null). */
    record Call(ClientCall<byte[], byte[]> call, ManagedChannel owned) {
        /** Lets the call's own channel go once the call is over. */
        void release() {
            if (owned != null) owned.shutdown();
        }
    }

    boolean serverStreams() { return endpoint.serverStreams(); }

    @Override
    public void close() {
        for (ManagedChannel[] channels : pool) for (ManagedChannel c : channels) c.shutdownNow();
    }
}
