package dev.redline.runner.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * One answer of an OpenAI/SGLang video job ({@code POST /v1/videos}, {@code GET /v1/videos/{id}}): its id, status
 * (queued, in_progress, completed, failed), result URL and the server's own figures (AIPerf's video_inference_time,
 * video_peak_memory), or why the body is not such an answer.
 */
record VideoJob(String id, String status, String url, double inferenceSeconds, double peakMemoryMb, String error) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    /** The job in {@code body}, or null when it is not a JSON object with an id (then {@link #why} says why). */
    static VideoJob parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (root == null || !root.isObject() || !root.path("id").isTextual()) return null;
        JsonNode err = root.get("error");
        String error = err == null || err.isNull() ? null : err.isObject() ? err.path("message").asText("unknown error") : err.asText();
        return new VideoJob(root.get("id").asText(), root.path("status").asText(""),
                root.path("url").isTextual() ? root.get("url").asText() : null,
                root.path("inference_time_s").isNumber() ? root.get("inference_time_s").asDouble() : Double.NaN,
                root.path("peak_memory_mb").isNumber() ? root.get("peak_memory_mb").asDouble() : Double.NaN, error);
    }

    static String why(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
        return "not a video job (a JSON object with an id): " + text;
    }
}
