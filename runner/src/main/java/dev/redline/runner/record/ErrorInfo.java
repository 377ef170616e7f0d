package dev.redline.runner.record;

/**
 * Why a request failed, as AIPerf reports it: HTTP status (or 499 for cancellation, 0 for transport
 * failures), a type (reason phrase or exception class), and a message (body or exception text).
 */
public record ErrorInfo(int code, String type, String message) {
    public static final int CANCELLED = 499;

    public static ErrorInfo cancelled() {
        return new ErrorInfo(CANCELLED, "RequestCancellationError", "request cancelled by the client");
    }

    public static ErrorInfo transport(Throwable t) {
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new ErrorInfo(0, t.getClass().getSimpleName(), msg);
    }
}
