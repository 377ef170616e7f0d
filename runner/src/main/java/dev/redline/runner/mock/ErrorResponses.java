package dev.redline.runner.mock;

import io.vertx.core.http.HttpServerResponse;

/** OpenAI-style error bodies: {@code {"error":{"message","type","param","code"}}}. */
final class ErrorResponses {
    private ErrorResponses() {}

    static void send(HttpServerResponse response, int status, String type, String message) {
        String body = "{\"error\":{\"message\":" + JsonText.quote(message) + ",\"type\":\"" + type
                + "\",\"param\":null,\"code\":" + status + "}}";
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
