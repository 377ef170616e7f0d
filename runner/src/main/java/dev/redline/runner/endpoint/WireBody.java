package dev.redline.runner.endpoint;

/** A request body ready for the wire and its Content-Type header. */
public record WireBody(byte[] bytes, String contentType) {
}
