package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.redline.runner.endpoint.ByteMarshaller;
import dev.redline.runner.endpoint.KServeProto;
import dev.redline.runner.endpoint.ProtoJson;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.vertx.core.Context;

import java.util.List;

/**
 * The mock's KServe v2 / Triton gRPC service: {@code ModelInfer} answers the whole text, {@code ModelStreamInfer}
 * one response per batch of due tokens, the last flagged {@code triton_final_response}, both paced by the mock's
 * {@link TokenPacer} (fixed latencies or the simulated engine) and counted in its metrics. It checks the request's
 * shape as a TensorRT-LLM model would: a {@code text_input} BYTES tensor, an optional positive {@code max_tokens}
 * INT32 tensor, and {@code stream=true} only on ModelStreamInfer; a bad request is INVALID_ARGUMENT (a stream's
 * answer carries it in {@code error_message}, as Triton does). The mock's faults act on it as {@link GrpcFault} says.
 */
final class KServeGrpcService {
    private static final Descriptor REQUEST = KServeProto.inferRequest();
    private static final Descriptor RESPONSE = KServeProto.inferResponse();
    private static final Descriptor STREAM_RESPONSE = KServeProto.streamResponse();
    private static final Descriptor OUTPUT = RESPONSE.findNestedTypeByName("InferOutputTensor");
    private static final Descriptor CONTENTS = KServeProto.message("InferTensorContents");
    private static final Descriptor PARAMETER = KServeProto.message("InferParameter");
    private static final Descriptor PARAMETER_ENTRY = RESPONSE.findNestedTypeByName("ParametersEntry");

    private final MockContext ctx;

    KServeGrpcService(MockContext ctx) {
        this.ctx = ctx;
    }

    ServerServiceDefinition definition() {
        return ServerServiceDefinition.builder(KServeProto.SERVICE)
                .addMethod(ByteMarshaller.method(MethodDescriptor.MethodType.UNARY, KServeProto.MODEL_INFER),
                        ServerCalls.asyncUnaryCall((request, out) -> serve(request, calls(out), false)))
                .addMethod(ByteMarshaller.method(MethodDescriptor.MethodType.BIDI_STREAMING, KServeProto.MODEL_STREAM_INFER),
                        ServerCalls.asyncBidiStreamingCall(out -> {
                            Call call = calls(out); // the cancel handler may only be set before the first request
                            return new StreamObserver<byte[]>() {
                                @Override public void onNext(byte[] request) { serve(request, call, true); }
                                @Override public void onError(Throwable t) { }
                                @Override public void onCompleted() { } // each request's answer ends the call
                            };
                        }))
                .build();
    }

    /** A call's response side and, once a request is admitted, its answer (the client going away aborts it). */
    private static final class Call {
        final ServerCallStreamObserver<byte[]> out;
        volatile Answer answer;
        volatile boolean cancelled;

        Call(ServerCallStreamObserver<byte[]> out) {
            this.out = out;
        }
    }

    private static Call calls(StreamObserver<byte[]> observer) {
        Call call = new Call((ServerCallStreamObserver<byte[]>) observer);
        call.out.setOnCancelHandler(() -> {
            call.cancelled = true;
            Answer a = call.answer;
            if (a != null) a.cancel();
        });
        return call;
    }

    /** On a gRPC thread: parses and checks, then paces the answer on a Vert.x context of the mock. */
    private void serve(byte[] bytes, Call call, boolean stream) {
        ServerCallStreamObserver<byte[]> out = call.out;
        long received = System.nanoTime();
        ctx.metrics.received();
        InferenceRequest req;
        try {
            req = parse(bytes, stream);
        } catch (InferenceRequest.BadRequest e) {
            ctx.metrics.badRequest();
            if (stream) {
                out.onNext(DynamicMessage.newBuilder(STREAM_RESPONSE)
                        .setField(STREAM_RESPONSE.findFieldByName("error_message"), e.getMessage()).build().toByteArray());
                out.onCompleted();
            } else {
                out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            }
            return;
        }
        long index = ctx.plan.nextRequest();
        GrpcFault fault = GrpcFault.of(ctx.faults.decide(index, received), ctx, index);
        Answer answer = new Answer(out, ctx.vertx.getOrCreateContext(), stream, fault);
        call.answer = answer;
        if (call.cancelled) answer.cancel();
        answer.vertx.runOnContext(v -> answer.admit(index, received, req));
    }

    private InferenceRequest parse(byte[] bytes, boolean stream) throws InferenceRequest.BadRequest {
        JsonNode root;
        try {
            root = ProtoJson.toTree(DynamicMessage.parseFrom(REQUEST, bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new InferenceRequest.BadRequest("not a ModelInferRequest: " + e.getMessage());
        }
        String text = null;
        int max = -1;
        boolean streamTensor = false;
        for (JsonNode t : root.path("inputs")) {
            String name = t.path("name").asText("");
            String datatype = t.path("datatype").asText("");
            if (name.isEmpty() || datatype.isEmpty() || !t.path("shape").isArray() || !t.path("contents").isObject()) {
                throw new InferenceRequest.BadRequest("each input tensor needs name, datatype, shape and contents");
            }
            JsonNode contents = t.get("contents");
            switch (name) {
                case "text_input" -> {
                    if (!datatype.equals("BYTES") || !contents.path("bytes_contents").path(0).isTextual()) {
                        throw new InferenceRequest.BadRequest("text_input must be a BYTES tensor with bytes_contents");
                    }
                    text = contents.get("bytes_contents").get(0).asText();
                }
                case "max_tokens" -> {
                    if (!datatype.equals("INT32") || contents.path("int_contents").path(0).asInt(0) < 1) {
                        throw new InferenceRequest.BadRequest("max_tokens must be an INT32 tensor with a positive int_contents value");
                    }
                    max = contents.get("int_contents").get(0).asInt();
                }
                case "stream" -> {
                    if (!datatype.equals("BOOL")) throw new InferenceRequest.BadRequest("stream must be a BOOL tensor");
                    streamTensor = contents.path("bool_contents").path(0).asBoolean(false);
                }
                default -> { } // other tensors (sampling parameters) are accepted and ignored
            }
        }
        if (text == null) throw new InferenceRequest.BadRequest("input tensor text_input is required");
        if (streamTensor && !stream) throw new InferenceRequest.BadRequest("stream=true needs ModelStreamInfer (a decoupled model)");
        String model = root.path("model_name").asText("");
        return new InferenceRequest(model.isEmpty() ? ctx.defaultModel : model, stream, true, max, text, List.of());
    }

    /** One request's answer, on its Vert.x context, with its fault applied where the fault acts. */
    private final class Answer {
        private final ServerCallStreamObserver<byte[]> call;
        private final Context vertx;
        private final boolean stream;
        private final GrpcFault fault;
        private GenerationJob job;
        private Runnable stop;
        private int sent;
        private int due;
        private boolean done;
        private boolean started;
        private boolean stalled;

        Answer(ServerCallStreamObserver<byte[]> call, Context vertx, boolean stream, GrpcFault fault) {
            this.call = call;
            this.vertx = vertx;
            this.stream = stream;
            this.fault = fault;
        }

        void admit(long index, long received, InferenceRequest req) {
            if (done) return;
            Status instead = fault.instead();
            if (instead != null) {
                done = true;
                call.onError(instead.asRuntimeException());
                return;
            }
            long delay = fault.headerDelayNanos();
            if (delay <= 0) {
                start(new GenerationJob(ctx, index, received, req, false));
            } else { // the answer starts late, as HTTP's slow headers do
                ctx.vertx.timer(delay, java.util.concurrent.TimeUnit.NANOSECONDS)
                        .onComplete(ar -> start(new GenerationJob(ctx, index, received + delay, req, false)));
            }
        }

        private void start(GenerationJob job) {
            if (done) return;
            this.job = job;
            String refused = ctx.pacer.refusal(job);
            if (refused != null) {
                done = true;
                ctx.metrics.badRequest();
                call.onError(Status.INVALID_ARGUMENT.withDescription(refused).asRuntimeException());
                return;
            }
            job.started();
            started = true;
            fault.startStream(job.outputTokens);
            if (stream && fault.emptyAnswer()) { // a stream with no messages at all
                finish(false);
                call.onCompleted();
                return;
            }
            if (stream && fault.actsAfter(0)) {
                act();
                if (done) return; // cut or error before the first token; a stall lets the pacer run and holds what falls due
            }
            stop = ctx.pacer.pace(job, !stream, this::emitUpTo);
        }

        private void emitUpTo(int due) {
            this.due = Math.max(this.due, due);
            while (!done && !stalled && sent < this.due) {
                int to = stream ? fault.boundary(sent, this.due) : this.due;
                if (!emit(to)) return;
                if (fault.actsAfter(sent)) act();
            }
        }

        /** Sends tokens [sent, to) as one message; false when the call is gone. */
        private boolean emit(int to) {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(16 * (to - sent));
            for (int i = sent; i < to; i++) text.writeBytes(job.word(i));
            boolean corrupt = fault.corrupts(sent, to);
            job.tokensSent(to - sent);
            sent = to;
            boolean last = sent == job.outputTokens;
            byte[] bytes;
            if (corrupt) {
                bytes = GrpcFault.garbage();
            } else if (!stream && fault.emptyAnswer()) {
                bytes = new byte[0]; // a ModelInferResponse with no outputs
            } else {
                DynamicMessage response = response(ByteString.copyFrom(text.toByteArray()), last);
                bytes = stream ? DynamicMessage.newBuilder(STREAM_RESPONSE)
                        .setField(STREAM_RESPONSE.findFieldByName("infer_response"), response).build().toByteArray()
                        : response.toByteArray();
            }
            if (!stream && fault.breaksUnary()) { // a unary answer is one message: the fault acts on it whole
                actUnary(bytes);
                return false;
            }
            if (last) finish(fault.completes());
            try {
                call.onNext(bytes);
                if (last) call.onCompleted();
                return true;
            } catch (RuntimeException cancelled) {
                abort();
                return false;
            }
        }

        /** A streamed fault that acts after {@code sent} tokens: cut, Triton's error message, or a stall. */
        private void act() {
            fault.injected();
            switch (fault.kind()) {
                case STALL -> {
                    stalled = true;
                    ctx.vertx.timer(fault.stallNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)
                            .onComplete(ar -> {
                                stalled = false;
                                emitUpTo(due); // what fell due meanwhile goes out at once
                            });
                }
                case ERROR_EVENT -> {
                    finish(false);
                    close(() -> {
                        call.onNext(DynamicMessage.newBuilder(STREAM_RESPONSE)
                                .setField(STREAM_RESPONSE.findFieldByName("error_message"), fault.errorMessage()).build().toByteArray());
                        call.onCompleted();
                    });
                }
                default -> { // stream-cut
                    finish(false);
                    close(() -> {
                        if (fault.cutEndsCleanly()) call.onCompleted();
                        else call.onError(Status.UNAVAILABLE.withDescription("Injected stream cut").asRuntimeException());
                    });
                }
            }
        }

        /** A unary answer's fault: cut (UNAVAILABLE), an error (INTERNAL), or the whole answer late (stall). */
        private void actUnary(byte[] bytes) {
            fault.injected();
            switch (fault.kind()) {
                case STALL -> ctx.vertx.timer(fault.stallNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)
                        .onComplete(ar -> {
                            if (done) return;
                            finish(true);
                            close(() -> {
                                call.onNext(bytes);
                                call.onCompleted();
                            });
                        });
                case ERROR_EVENT -> {
                    finish(false);
                    close(() -> call.onError(Status.INTERNAL.withDescription(fault.errorMessage()).asRuntimeException()));
                }
                default -> {
                    finish(false);
                    close(() -> call.onError(Status.UNAVAILABLE.withDescription("Injected stream cut").asRuntimeException()));
                }
            }
        }

        /** Ends the call; the client may already be gone. */
        private void close(Runnable end) {
            try {
                end.run();
            } catch (RuntimeException cancelled) {
                // nothing to tell a client that left
            }
        }

        private void finish(boolean completed) {
            if (done) return;
            done = true;
            if (!completed && stop != null) stop.run(); // a stream cut before its end frees its place in the engine's batch
            job.finished(completed);
        }

        private DynamicMessage response(ByteString text, boolean last) {
            DynamicMessage contents = DynamicMessage.newBuilder(CONTENTS)
                    .addRepeatedField(CONTENTS.findFieldByName("bytes_contents"), text).build();
            DynamicMessage output = DynamicMessage.newBuilder(OUTPUT)
                    .setField(OUTPUT.findFieldByName("name"), "text_output")
                    .setField(OUTPUT.findFieldByName("datatype"), "BYTES")
                    .addRepeatedField(OUTPUT.findFieldByName("shape"), 1L)
                    .setField(OUTPUT.findFieldByName("contents"), contents).build();
            DynamicMessage.Builder b = DynamicMessage.newBuilder(RESPONSE)
                    .setField(RESPONSE.findFieldByName("model_name"), job.modelName)
                    .setField(RESPONSE.findFieldByName("id"), Long.toString(job.request))
                    .addRepeatedField(RESPONSE.findFieldByName("outputs"), output);
            if (stream) {
                DynamicMessage flag = DynamicMessage.newBuilder(PARAMETER).setField(PARAMETER.findFieldByName("bool_param"), last).build();
                b.addRepeatedField(RESPONSE.findFieldByName("parameters"), DynamicMessage.newBuilder(PARAMETER_ENTRY)
                        .setField(PARAMETER_ENTRY.findFieldByName("key"), KServeProto.FINAL_RESPONSE)
                        .setField(PARAMETER_ENTRY.findFieldByName("value"), flag).build());
            }
            return b.build();
        }

        /** The client went away (any thread). */
        void cancel() {
            vertx.runOnContext(v -> abort());
        }

        void abort() {
            if (done) return;
            done = true;
            if (stop != null) stop.run();
            if (started) job.finished(false);
        }
    }
}
