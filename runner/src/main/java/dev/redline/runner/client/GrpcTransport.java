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

/**
 * One gRPC channel to the server under test (grpc-java over its shaded Netty: HTTP/2, streams multiplexed over
 * its connections) and the endpoint's method with pass-through byte marshallers: requests are encoded before
 * their send time, responses are decoded by the endpoint's parser. Listener callbacks run directly on the
 * transport's threads (directExecutor); the exchange only timestamps there and hands over to its event loop.
 */
final class GrpcTransport implements AutoCloseable {
    private static final int MAX_MESSAGE = 64 * 1024 * 1024;

    private final ManagedChannel channel;
    private final MethodDescriptor<byte[], byte[]> method;
    private final GrpcEndpoint endpoint;

    GrpcTransport(ClientConfig config, GrpcEndpoint endpoint) {
        this.endpoint = endpoint;
        this.channel = channel(config);
        MethodDescriptor.MethodType type = endpoint.clientStreams()
                ? (endpoint.serverStreams() ? MethodDescriptor.MethodType.BIDI_STREAMING : MethodDescriptor.MethodType.CLIENT_STREAMING)
                : (endpoint.serverStreams() ? MethodDescriptor.MethodType.SERVER_STREAMING : MethodDescriptor.MethodType.UNARY);
        this.method = ByteMarshaller.method(type, endpoint.fullMethodName());
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

    ClientCall<byte[], byte[]> newCall(double timeoutSeconds) {
        long ms = (long) Math.min(Long.MAX_VALUE / 2, Math.ceil(timeoutSeconds * 1000));
        return channel.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(Math.max(1, ms), TimeUnit.MILLISECONDS));
    }

    boolean serverStreams() { return endpoint.serverStreams(); }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
