package dev.redline.runner.client;

/** An exchange the client starts on its event loop: one HTTP request/response, a video job with its polls, a gRPC call. */
interface ClientExchange extends RequestHandle {
    /** Runs on the exchange's context. */
    void start();
}
