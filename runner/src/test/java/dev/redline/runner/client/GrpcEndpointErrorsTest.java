package dev.redline.runner.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.endpoint.ByteMarshaller;
import dev.redline.runner.endpoint.KServeProto;
import dev.redline.runner.endpoint.ProtoJson;
import dev.redline.runner.record.RequestRecord;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static dev.redline.runner.client.ClientTestSupport.config;
import static dev.redline.runner.client.ClientTestSupport.sendAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gRPC answer that is not whole is an error with a clear type, never a success: a real grpc-java server over
 * loopback answers ModelStreamInfer the way a broken or failing Triton would, and the client's record says so.
 */
class GrpcEndpointErrorsTest {
    private static final Descriptor STREAM_RESPONSE = KServeProto.streamResponse();
    private static final AtomicReference<Consumer<StreamObserver<byte[]>>> ANSWER = new AtomicReference<>();
    private static final AtomicReference<Metadata> HEADERS = new AtomicReference<>();
    private static Server server;
    private static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        ServerServiceDefinition service = ServerServiceDefinition.builder(KServeProto.SERVICE)
                .addMethod(ByteMarshaller.method(MethodDescriptor.MethodType.BIDI_STREAMING, KServeProto.MODEL_STREAM_INFER),
                        ServerCalls.asyncBidiStreamingCall(out -> new StreamObserver<byte[]>() {
                            @Override public void onNext(byte[] request) { ANSWER.get().accept(out); }
                            @Override public void onError(Throwable t) { }
                            @Override public void onCompleted() { }
                        }))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create())
                .addService(io.grpc.ServerInterceptors.intercept(service, new io.grpc.ServerInterceptor() {
                    @Override
                    public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata headers,
                                                                              io.grpc.ServerCallHandler<Q, R> next) {
                        HEADERS.set(headers);
                        return next.startCall(call, headers);
                    }
                }))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
        vertx.close().await();
    }

    private static byte[] textResponse(String text, Boolean last) {
        String params = last == null ? "" : ", \"parameters\": {\"" + KServeProto.FINAL_RESPONSE + "\": {\"bool_param\": " + last + "}}";
        String json = "{\"infer_response\": {\"model_name\": \"m\", \"outputs\": [{\"name\": \"text_output\", \"datatype\": \"BYTES\", "
                + "\"shape\": [1], \"contents\": {\"bytes_contents\": [\"" + text + "\"]}}]" + params + "}}";
        try {
            return ProtoJson.toMessage(STREAM_RESPONSE, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)).toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestRecord stream(Consumer<StreamObserver<byte[]>> answer) throws Exception {
        ANSWER.set(answer);
        try (InferenceClient client = new InferenceClient(vertx, config("grpc://127.0.0.1:" + server.getPort(), EndpointType.KSERVE, true, 2, 5))) {
            return sendAndWait(client, RequestFactory.forConfig(client.config()), Turn.ofText("hello there", 2, 4));
        }
    }

    @Test
    void aWholeStreamIsValidAndItsMessagesAreItsChunks() throws Exception {
        RequestRecord r = stream(out -> {
            out.onNext(textResponse(" one", false));
            out.onNext(textResponse(" two", false));
            out.onNext(textResponse("", true));
            out.onCompleted();
        });
        assertTrue(r.isValid(), String.valueOf(r.error()));
        assertEquals(2, r.chunkCount(), "two content messages");
        assertEquals("1", HEADERS.get().get(Metadata.Key.of("x-test", Metadata.ASCII_STRING_MARSHALLER)), "-H headers travel as metadata");
        assertEquals("Bearer sk-test", HEADERS.get().get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)));
    }

    @Test
    void aStreamThatEndsWithoutItsFinalResponseIsTruncated() throws Exception {
        RequestRecord r = stream(out -> {
            out.onNext(textResponse(" one", false));
            out.onCompleted();
        });
        assertFalse(r.isValid());
        assertEquals(ResponseErrors.STREAM_TRUNCATED, r.error().type(), r.error().message());
        assertTrue(r.error().message().contains("without its final response"), r.error().message());
    }

    @Test
    void anErrorMessageInTheStreamIsTheServersError() throws Exception {
        RequestRecord r = stream(out -> {
            out.onNext(DynamicMessage.newBuilder(STREAM_RESPONSE)
                    .setField(STREAM_RESPONSE.findFieldByName("error_message"), "model is not ready").build().toByteArray());
            out.onCompleted();
        });
        assertEquals(ResponseErrors.RESPONSE_BODY_ERROR, r.error().type());
        assertEquals("model is not ready", r.error().message());
    }

    @Test
    void aNonOkStatusIsItsStatusCode() throws Exception {
        RequestRecord r = stream(out -> out.onError(io.grpc.Status.UNAVAILABLE.withDescription("draining").asRuntimeException()));
        assertEquals("StatusCode.UNAVAILABLE", r.error().type());
        assertEquals(14, r.error().code());
        assertEquals("draining", r.error().message());
    }

    @Test
    void aMessageThatIsNotTheResponseTypeIsInvalid() throws Exception {
        RequestRecord r = stream(out -> {
            out.onNext(ByteString.copyFromUtf8("\u00ff\u00ffnot protobuf").toByteArray());
            out.onCompleted();
        });
        assertEquals(ResponseErrors.INVALID_RESPONSE_BODY, r.error().type(), r.error().message());
    }

    @Test
    void cancellingAStreamIs499AndResetsTheCall() throws Exception {
        ANSWER.set(out -> { }); // never answers
        try (InferenceClient client = new InferenceClient(vertx, config("grpc://127.0.0.1:" + server.getPort(), EndpointType.KSERVE, true, 2, 30))) {
            RequestRecord rec = new RequestRecord(0, RequestRecord.Phase.PROFILING);
            CompletableFuture<Void> done = new CompletableFuture<>();
            RequestHandle h = client.send(RequestFactory.forConfig(client.config()).build(Turn.ofText("hi", 1, 4), "m"), rec, () -> done.complete(null));
            vertx.setTimer(100, id -> h.cancel());
            done.get(10, TimeUnit.SECONDS);
            assertTrue(rec.cancelled());
            assertEquals(499, rec.error().code());
        }
    }

    @Test
    void nobodyListeningIsUnavailable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (InferenceClient client = new InferenceClient(vertx, config("grpc://127.0.0.1:" + closed, EndpointType.KSERVE, false, 1, 5))) {
            RequestRecord r = sendAndWait(client, RequestFactory.forConfig(client.config()), Turn.ofText("hi", 1, 4));
            assertEquals("StatusCode.UNAVAILABLE", r.error().type(), r.error().message());
        }
    }
}
