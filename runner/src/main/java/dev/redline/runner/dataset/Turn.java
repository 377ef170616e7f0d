package dev.redline.runner.dataset;

import dev.redline.runner.dataset.media.MediaParts;

import java.util.List;
import java.util.Map;

/**
 * One request's worth of input, independent of the endpoint's wire format. Request factories turn it
 * into a body; the metrics read {@link #inputTokens()}.
 *
 * @param texts          the text contents; chat/completions join them, embeddings send each as an input
 * @param systemPrompt   optional system message (chat), null if none
 * @param maxTokens      requested output length, or null to send no limit
 * @param inputTokens    client-side token count of the texts (ISL), computed before the run
 * @param timestampMs    trace timestamp in ms for fixed schedules, or null
 * @param delayMs        delay after the previous turn of the same session completes, or null
 * @param extra          per-record body fields merged after --extra-inputs, or empty
 * @param media          images, audio and video sent with the texts, encoded before the run; {@link MediaParts#NONE} if none
 * @param rawPayload     a complete request body sent verbatim instead of one the endpoint formats (AIPerf's raw_payload
 *                       and inputs_json datasets), or null; texts then hold its messages' text, for ISL
 * @param role           the chat role the turn's message is sent as (SPEED-Bench rows author system turns), or null for
 *                       {@code user}
 */
public record Turn(List<String> texts, String systemPrompt, Integer maxTokens, int inputTokens,
                   Long timestampMs, Long delayMs, Map<String, Object> extra, MediaParts media, Map<String, Object> rawPayload,
                   String role) {
    public Turn {
        texts = List.copyOf(texts);
        extra = extra == null ? Map.of() : extra;
        media = media == null ? MediaParts.NONE : media;
    }

    /** A user turn, or a verbatim one. */
    public Turn(List<String> texts, String systemPrompt, Integer maxTokens, int inputTokens,
                Long timestampMs, Long delayMs, Map<String, Object> extra, MediaParts media, Map<String, Object> rawPayload) {
        this(texts, systemPrompt, maxTokens, inputTokens, timestampMs, delayMs, extra, media, rawPayload, null);
    }

    /** The role the turn's message is sent as: {@link #role()}, else {@code user}. */
    public String messageRole() {
        return role == null ? "user" : role;
    }

    /** A turn the endpoint formats. */
    public Turn(List<String> texts, String systemPrompt, Integer maxTokens, int inputTokens,
                Long timestampMs, Long delayMs, Map<String, Object> extra, MediaParts media) {
        this(texts, systemPrompt, maxTokens, inputTokens, timestampMs, delayMs, extra, media, null);
    }

    /** A text-only turn. */
    public Turn(List<String> texts, String systemPrompt, Integer maxTokens, int inputTokens,
                Long timestampMs, Long delayMs, Map<String, Object> extra) {
        this(texts, systemPrompt, maxTokens, inputTokens, timestampMs, delayMs, extra, MediaParts.NONE);
    }

    /** The same turn carrying {@code media}. */
    public Turn withMedia(MediaParts media) {
        return new Turn(texts, systemPrompt, maxTokens, inputTokens, timestampMs, delayMs, extra, media, rawPayload, role);
    }

    public static Turn ofText(String text, int inputTokens, Integer maxTokens) {
        return new Turn(List.of(text), null, maxTokens, inputTokens, null, null, Map.of());
    }
}
