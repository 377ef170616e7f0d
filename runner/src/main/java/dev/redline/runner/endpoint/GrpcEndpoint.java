package dev.redline.runner.endpoint;

/**
 * An endpoint type spoken over gRPC: {@link #encode} gives the serialized request message, the parser reads each
 * serialized response message. The transport calls {@link #fullMethodName()}; every call sends one request and
 * half-closes, so unary, server-streaming and bidirectional methods go the same way.
 */
public interface GrpcEndpoint extends Endpoint {
    String GRPC_CONTENT_TYPE = "application/grpc";

    /** {@code package.Service/Method}. */
    String fullMethodName();

    /** True when the method answers with a stream of messages. */
    boolean serverStreams();

    /** True when the method takes a stream of requests (one is sent, then the stream is half-closed). */
    boolean clientStreams();
}
