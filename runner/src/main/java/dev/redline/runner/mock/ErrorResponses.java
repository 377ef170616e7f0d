package dev.redline.runner.mock;

import io.vertx.core.http.HttpServerResponse;

/** OpenAI-style error bodies: {@code {"error":{"message","type","param","code"}}}. */
final class ErrorResponses {
    private ErrorResponses() {}

    static void send(HttpServerResponse response, int status, String type, String message) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body(status, type, message));
    }

    /** The body alone: also what vLLM sends as the data of an error event inside a 200 stream. */
    static String body(int code, String type, String message) {
        return "{\"error\":{\"message\":" + JsonText.quote(message) + ",\"type\":\"" + type
                + "\",\"param\":null,\"code\":" + code + "}}";
    }
}
