package dev.redline.runner.client;

/** An exchange the client starts on its event loop: one request/response, or a video job with its polls. */
interface ClientExchange extends RequestHandle {
    /** Runs on the exchange's context. */
    void start();
}
