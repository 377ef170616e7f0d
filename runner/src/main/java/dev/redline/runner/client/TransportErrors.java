package dev.redline.runner.client;

import dev.redline.runner.record.ErrorInfo;
import io.vertx.core.http.HttpClosedException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** Maps transport exceptions to stable error types for the error summary (status code 0). */
final class TransportErrors {
    private TransportErrors() { }

    static ErrorInfo of(Throwable t) {
        Throwable root = t;
        String type;
        if (root instanceof ConnectException) type = "ConnectionError";
        else if (root instanceof UnknownHostException) type = "UnknownHostError";
        else if (root instanceof NoRouteToHostException) type = "ConnectionError";
        else if (root instanceof TimeoutException
                || root instanceof io.netty.channel.ConnectTimeoutException) type = "TimeoutError";
        else if (root instanceof HttpClosedException) type = "ServerDisconnectedError";
        else if (isReset(root)) type = "ConnectionResetError"; // a TCP RST: Python's name, as aiohttp reports it
        else type = root.getClass().getSimpleName();
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ErrorInfo(0, type, msg);
    }

    private static boolean isReset(Throwable t) {
        return t instanceof java.io.IOException && t.getMessage() != null
                && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection reset");
    }

    static ErrorInfo timeout(double seconds) {
        return new ErrorInfo(0, "TimeoutError", "no complete response within " + fmt(seconds)
                + " s (--request-timeout-seconds)");
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
