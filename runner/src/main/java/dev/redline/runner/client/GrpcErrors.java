package dev.redline.runner.client;

import dev.redline.runner.record.ErrorInfo;
import io.grpc.Status;

/**
 * The errors of a gRPC exchange. A call that ends with a non-OK status is {@code StatusCode.<NAME>} (grpcio's
 * spelling, as Triton's Python client reports it) with the gRPC status number as code; broken answers of an OK
 * call share the HTTP path's types (truncated stream, invalid message, empty answer, the server's own error).
 */
final class GrpcErrors {
    private GrpcErrors() { }

    static ErrorInfo status(Status status, double timeoutSeconds) {
        String text = status.getDescription() != null ? status.getDescription()
                : status.getCause() != null ? String.valueOf(status.getCause().getMessage()) : status.getCode().name();
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            text = "no complete response within " + TransportErrors.fmt(timeoutSeconds) + " s (--request-timeout-seconds): " + text;
        }
        return new ErrorInfo(status.getCode().value(), "StatusCode." + status.getCode().name(), text);
    }

    static ErrorInfo noFinalResponse(int messages) {
        return new ErrorInfo(ResponseErrors.SSE_ERROR_CODE, ResponseErrors.STREAM_TRUNCATED, "gRPC stream ended after " + messages
                + " response" + (messages == 1 ? "" : "s") + " without its final response");
    }

    static ErrorInfo empty(boolean stream) {
        return new ErrorInfo(ResponseErrors.SSE_ERROR_CODE, ResponseErrors.EMPTY_RESPONSE_BODY,
                stream ? "gRPC stream ended without a response" : "gRPC call ended without a response");
    }

    static ErrorInfo invalidMessage(int message, String why) {
        return new ErrorInfo(ResponseErrors.SSE_ERROR_CODE, ResponseErrors.INVALID_RESPONSE_BODY, "gRPC response " + message + ": " + why);
    }

    static ErrorInfo serverError(String message) {
        return new ErrorInfo(ResponseErrors.SSE_ERROR_CODE, ResponseErrors.RESPONSE_BODY_ERROR,
                message == null || message.isEmpty() ? "error without a message" : message);
    }
}
