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
        this.channel = Grpc.newChannelBuilderForAddress(config.host(), config.port(),
                        config.ssl() ? TlsChannelCredentials.create() : InsecureChannelCredentials.create())
                .directExecutor()
                .maxInboundMessageSize(MAX_MESSAGE)
                .build();
        MethodDescriptor.MethodType type = endpoint.clientStreams()
                ? (endpoint.serverStreams() ? MethodDescriptor.MethodType.BIDI_STREAMING : MethodDescriptor.MethodType.CLIENT_STREAMING)
                : (endpoint.serverStreams() ? MethodDescriptor.MethodType.SERVER_STREAMING : MethodDescriptor.MethodType.UNARY);
        this.method = ByteMarshaller.method(type, endpoint.fullMethodName());
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
